package org.epsnn.views.gallery;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.stage.Stage;

import org.epsnn.model.data.Dataset;
import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.ColorMap;
import org.epsnn.views.chart.HistogramChart;
import org.epsnn.views.chart.MetricChart;
import org.epsnn.views.chart.RegressionBandView;
import org.epsnn.views.chart.WeightDensityChart;
import org.epsnn.views.data.DatasetPreviewView;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.heatmap.ClassProbabilityBars;
import org.epsnn.views.heatmap.DecisionMapView;
import org.epsnn.views.heatmap.HistogramHistoryView;
import org.epsnn.views.heatmap.ImageGridView;
import org.epsnn.views.heatmap.SpikeHeatmapView;
import org.epsnn.views.network.NetworkEditorView;

/**
 * Shows every view with seeded synthetic data, three tabs of tiles, for looking at the views by
 * eye and for the screenshots in the documentation.
 *
 * <p>Arguments: {@code --tab=N} opens tab N (0 to 2), {@code --scale=S} sets the presentation scale,
 * {@code --width=W --height=H} the window size in pixels.
 */
public final class ViewsGallery {

    private final ChartTheme theme = new ChartTheme();
    private final SyntheticData data = new SyntheticData(20_240_601L);

    private ViewsGallery() {
    }

    public static void main(String[] args) {
        int tab = intArgument(args, "--tab=", 0);
        double scale = Double.parseDouble(argument(args, "--scale=", "1"));
        int width = intArgument(args, "--width=", 1600);
        int height = intArgument(args, "--height=", 1000);
        Platform.startup(() -> new ViewsGallery().show(tab, scale, width, height));
    }

    private static String argument(String[] args, String prefix, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return fallback;
    }

    private static int intArgument(String[] args, String prefix, int fallback) {
        return Integer.parseInt(argument(args, prefix, Integer.toString(fallback)));
    }

    private void show(int selectedTab, double scale, int width, int height) {
        theme.setPresentationScale(scale);
        TabPane tabs = new TabPane(
                new Tab("Training curves and weights", trainingPage()),
                new Tab("Receptive fields and spikes", imagesPage()),
                new Tab("Network, data and predictions", networkPage()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(selectedTab);
        Stage stage = new Stage();
        stage.setTitle("EP-SNN views gallery");
        stage.setScene(new Scene(tabs, width, height));
        stage.setOnCloseRequest(event -> Platform.exit());
        stage.show();
    }

    /** Arranges the nodes in a grid of {@code columns} equal columns and equal rows. */
    private static GridPane tiles(int columns, Node... nodes) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        grid.setStyle("-fx-background-color: #e9ecef;");
        int rows = (nodes.length + columns - 1) / columns;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(constraints);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints constraints = new RowConstraints();
            constraints.setPercentHeight(100.0 / rows);
            grid.getRowConstraints().add(constraints);
        }
        for (int i = 0; i < nodes.length; i++) {
            GridPane.setHgrow(nodes[i], Priority.ALWAYS);
            GridPane.setVgrow(nodes[i], Priority.ALWAYS);
            grid.add(nodes[i], i % columns, i / columns);
        }
        return grid;
    }

    /** Wraps a view with a caption naming the component. */
    private static Node titled(String title, Node view) {
        Label label = new Label(title);
        label.setStyle("-fx-font-weight: bold; -fx-padding: 2 4 2 4;");
        BorderPane pane = new BorderPane(view);
        pane.setTop(label);
        pane.setStyle("-fx-background-color: white; -fx-border-color: #c8ccd0;");
        pane.setMinSize(0, 0);
        return pane;
    }

    private Node trainingPage() {
        MetricChart accuracy = new MetricChart(theme, "samples seen", "accuracy");
        accuracy.showSecondaryAxis("negative log-likelihood");
        accuracy.addSeries("train accuracy");
        accuracy.addSeries("test accuracy");
        accuracy.addSeries("test NLL", MetricChart.YAxis.SECONDARY);
        int samplesPerPass = 60_000;
        for (int pass = 0; pass < 3; pass++) {
            for (int batch = 0; batch < samplesPerPass / 20; batch++) {
                double seen = pass * samplesPerPass + (batch + 1) * 20.0;
                double progress = 1 - Math.exp(-seen / 25_000);
                accuracy.append("train accuracy", seen, 0.1 + 0.87 * progress + 0.006 * data.gaussian());
                if (batch % 50 == 49) {
                    accuracy.append("test accuracy", seen, 0.1 + 0.8 * progress + 0.004 * data.gaussian());
                    double nll = 2.3 * (1 - progress) + 0.25 + 0.02 * data.gaussian();
                    accuracy.append("test NLL", seen, batch == 1499 && pass == 1 ? Double.NaN : nll);
                }
            }
            accuracy.addMarker((pass + 1) * samplesPerPass, "pass " + (pass + 1));
        }

        HistogramChart histogram = new HistogramChart(theme, "posterior mean of first-layer weights");
        double[] before = data.normal(20_000, 0, 0.1);
        double[] after = new double[20_000];
        for (int i = 0; i < after.length; i++) {
            after[i] = (i % 3 == 0 ? 0.35 : -0.05) + 0.12 * data.gaussian();
        }
        after[7] = Double.NaN;
        histogram.setBinCount(60);
        histogram.setValues("before training", before, "after pass 3", after);

        HistogramHistoryView history = new HistogramHistoryView(theme, "posterior mean", 50, 120);
        history.setTimeLabel("pass");
        history.setValueRange(-1.5, 1.5);
        for (int step = 0; step < 90; step++) {
            double spread = 0.08 + 0.004 * step;
            double[] values = new double[3000];
            for (int i = 0; i < values.length; i++) {
                double center = i % 4 == 0 ? 0.004 * step : -0.002 * step;
                values[i] = center + spread * data.gaussian();
            }
            history.addStep(step / 30.0, values);
        }

        WeightDensityChart gaussian = new WeightDensityChart(theme);
        double[] means = {0.42, -0.31, 0.05, 0.8, -0.6, 0.15};
        double[] variances = {0.01, 0.04, 0.25, 0.02, 0.09, 0};
        gaussian.showGaussian(means, variances, new int[] {0, 1, 2, 3, 4, 5}, i -> i == 5 ? "bias" : "pixel " + (200 + i));

        WeightDensityChart discrete = new WeightDensityChart(theme);
        double[][] levelProbabilities = {
            {0.05, 0.15, 0.80}, {0.70, 0.20, 0.10}, {0.30, 0.40, 0.30}, {0.02, 0.03, 0.95}, {0.55, 0.40, 0.05},
        };
        discrete.showDiscrete(new double[] {-1, 0, 1}, levelProbabilities, new int[] {0, 1, 2, 3, 4},
                WeightDensityChart.BarLayout.STACKED, i -> "w" + i);

        return tiles(3,
                titled("MetricChart", accuracy),
                titled("HistogramChart (two overlaid)", histogram),
                titled("HistogramHistoryView", history),
                titled("WeightDensityChart (Gaussian)", gaussian),
                titled("WeightDensityChart (ternary, stacked)", discrete),
                titled("ClassProbabilityBars", classBars()));
    }

    private Node classBars() {
        ClassProbabilityBars bars = new ClassProbabilityBars(theme);
        double[] probabilities = {0.01, 0.02, 0.05, 0.61, 0.01, 0.22, 0.01, 0.03, 0.03, 0.01};
        bars.setProbabilities(probabilities, SyntheticData.digitNames());
        bars.setTrueClass(3);
        return bars;
    }

    private Node imagesPage() {
        double[][] fields = data.receptiveFields(500);
        ImageGridView means = new ImageGridView(theme);
        means.setColorBarLabel("posterior mean");
        means.setImages(fields, SyntheticData.SIDE, SyntheticData.SIDE, i -> "neuron " + i);

        double[][] selected = new double[12][];
        double[][] spreads = data.standardDeviations(fields);
        double[][] selectedSpreads = new double[12][];
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            selected[i] = fields[i * 17];
            selectedSpreads[i] = spreads[i * 17];
            titles.add("neuron " + i * 17);
        }
        ImageGridView few = new ImageGridView(theme);
        few.setColorBarLabel("posterior mean");
        few.setImages(selected, SyntheticData.SIDE, SyntheticData.SIDE, titles);
        few.setHighlightedCell(5);
        ImageGridView std = new ImageGridView(theme);
        std.setColorMap(ColorMap.VIRIDIS);
        std.setColorBarLabel("posterior standard deviation");
        std.setImages(selectedSpreads, SyntheticData.SIDE, SyntheticData.SIDE, titles);

        SpikeHeatmapView spikes = new SpikeHeatmapView(theme);
        spikes.setInputShape(SyntheticData.SIDE, SyntheticData.SIDE);
        double[] output = data.spikeProbabilities(10, 0.1);
        output[3] = 0.93;
        spikes.setLayers(List.of(data.strokeImage(0), data.spikeProbabilities(500, 0.21), data.spikeProbabilities(100, 0.35),
                output), List.of("input", "layer 1", "layer 2", "output"));

        GridPane right = tiles(2, titled("SpikeHeatmapView", spikes), new Label(),
                titled("ImageGridView (12 neurons, mean)", few),
                titled("ImageGridView (12 neurons, standard deviation)", std));
        right.setPadding(Insets.EMPTY);
        GridPane.setColumnSpan(right.getChildren().get(0), 2);
        right.getChildren().remove(1);
        right.getRowConstraints().get(0).setPercentHeight(38);
        right.getRowConstraints().get(1).setPercentHeight(62);
        return tiles(2, titled("ImageGridView (500 neurons, receptive fields)", means), right);
    }

    private Node networkPage() {
        List<LayerSpec> layers = List.of(
                new LayerSpec(500, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1.0)),
                new LayerSpec(12, NeuronModel.sigmoid(0.5), WeightPrior.ternary()),
                new LayerSpec(10, NeuronModel.HEAVISIDE, WeightPrior.binary(), false, 1.0));
        NetworkEditorView editor = new NetworkEditorView(theme);
        editor.setNetwork(new NetworkSpec(784, layers, NetworkSpec.Task.CLASSIFICATION, NetworkSpec.DEFAULT_NOISE_VARIANCE));
        editor.select(2);

        Dataset moons = data.twoMoons(300, 0.12);
        DatasetPreviewView digitsPreview = new DatasetPreviewView(theme);
        digitsPreview.setDataset(data.strokeDigits(60));
        DatasetPreviewView moonsPreview = new DatasetPreviewView(theme);
        moonsPreview.setDataset(moons);

        DecisionMapView decision = new DecisionMapView(theme);
        ValueRange xRange = new ValueRange(-1.5, 2.5);
        ValueRange yRange = new ValueRange(-1.2, 1.7);
        decision.setPrediction(xRange, yRange, 80, 110, 2,
                SyntheticData.moonProbabilities(80, 110, xRange.low(), xRange.high(), yRange.low(), yRange.high()));
        double[] pointX = new double[moons.rows()];
        double[] pointY = new double[moons.rows()];
        for (int row = 0; row < moons.rows(); row++) {
            pointX[row] = moons.feature(row, 0);
            pointY[row] = moons.feature(row, 1);
        }
        decision.setPoints(pointX, pointY, moons.labels());
        decision.setClassNames(moons.classNames());

        Dataset gap = data.regressionWithGap(80);
        RegressionBandView band = new RegressionBandView(theme, "x", "y");
        int gridSize = 200;
        double[] gridX = new double[gridSize];
        double[] mean = new double[gridSize];
        double[] deviation = new double[gridSize];
        for (int i = 0; i < gridSize; i++) {
            gridX[i] = -1.8 + 3.6 * i / (gridSize - 1);
            mean[i] = Math.sin(3 * gridX[i]) * (1 - 0.6 * Math.exp(-Math.pow((gridX[i] - 0.1) / 0.35, 2)));
            deviation[i] = 0.15 + 0.45 * Math.exp(-Math.pow((gridX[i] - 0.1) / 0.3, 2))
                    + 0.3 * Math.max(0, Math.abs(gridX[i]) - 1.5);
        }
        band.setPrediction(gridX, mean, deviation);
        band.setTrainingPoints(gap.features(), gap.targets());
        DatasetPreviewView gapPreview = new DatasetPreviewView(theme);
        gapPreview.setDataset(gap);

        return tiles(3,
                titled("NetworkEditorView", editor),
                titled("DatasetPreviewView (images)", digitsPreview),
                titled("DatasetPreviewView (2-D classes)", moonsPreview),
                titled("DecisionMapView", decision),
                titled("RegressionBandView", band),
                titled("DatasetPreviewView (1-D regression)", gapPreview));
    }
}
