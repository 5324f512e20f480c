package org.epsnn.app.workbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.TrainingSnapshot;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.ColorMap;
import org.epsnn.views.chart.HistogramChart;
import org.epsnn.views.chart.MetricChart;
import org.epsnn.views.chart.RegressionBandView;
import org.epsnn.views.chart.WeightDensityChart;
import org.epsnn.views.data.DatasetPreviewView;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.export.ExportActions;
import org.epsnn.views.export.ExportFileChooser;
import org.epsnn.views.export.ExportFormat;
import org.epsnn.views.heatmap.ClassProbabilityBars;
import org.epsnn.views.heatmap.DecisionMapView;
import org.epsnn.views.heatmap.HistogramHistoryView;
import org.epsnn.views.heatmap.ImageGridView;
import org.epsnn.views.heatmap.SpikeHeatmapView;

/**
 * The live plots: accuracy and likelihood, posterior weights, receptive fields, spike
 * probabilities, and the decision map or regression band. It takes what the controller drains
 * from the training thread and never starts work of its own.
 */
final class PlotsPane {

    /** The running training accuracy ({@link RunningAccuracy}); saved projects name their curves by these names. */
    static final String TRAIN_RUNNING = "train (moving average of batches)";
    static final String TEST_BAYESIAN = "test, Bayesian";
    static final String TEST_DETERMINISTIC = "test, deterministic";
    static final String TEST_NLL = "test NLL";
    private static final int RECEPTIVE_FIELDS = 16;
    private static final int DENSITY_WEIGHTS = 8;
    /** Batches that the running training accuracy averages over once a run has that many. */
    private static final int RUNNING_ACCURACY_BATCHES = 20;
    /** Redraws of the training curve per second at most. */
    private static final int CURVE_REDRAWS_PER_SECOND = 4;

    private final ChartTheme theme;
    private final TabPane tabs = new TabPane();
    private final MetricChart accuracy;
    private final HistogramChart meanHistogram;
    private final HistogramChart deviationHistogram;
    private final HistogramHistoryView meanHistory;
    private final WeightHistories meanHistories;
    private final WeightDensityChart density;
    private final ImageGridView fieldMeans;
    private final ImageGridView fieldDeviations;
    private final SpikeHeatmapView spikes;
    private final ClassProbabilityBars classBars;
    private final ImageGridView sampleImage;
    private final MetricChart firing;
    private final DecisionMapView decisionMap;
    private final RegressionBandView regression;
    private final DatasetPreviewView preview;
    private final ComparisonPane comparison;
    private final Tab comparisonTab;
    private final ComboBox<Integer> layerChoice = new ComboBox<>();
    private final Spinner<Integer> neuronChoice = new Spinner<>(0, 0, 0);
    /** First hidden neuron of the receptive fields on show; the arrows move by a page of fields. */
    private final Spinner<Integer> fieldStart = new Spinner<>(0, 0, 0, RECEPTIVE_FIELDS);
    private final Label fieldRange = new Label();
    private final Spinner<Integer> sampleChoice = new Spinner<>(0, WorkbenchController.SNAPSHOT_SAMPLES - 1, 0);
    private final Label mapNote = new Label();
    private final ImageGridView fieldChanges;
    private final Label stepNote = new Label();
    private final Label weightsStepNote = new Label();
    private final DigitPadPanel padPanel;
    private final UncertaintyPanel uncertaintyPanel;
    private final Tab weightsTab;
    private final Tab fieldsTab;
    private final Label fieldsHint = new Label("(or click a receptive field in the Receptive fields tab)");
    private final Tab spikesTab;
    private final Tab padTab;
    private final Tab uncertaintyTab;
    private final Tab mapTab;
    private final List<ExportActions> exports = new ArrayList<>();

    private TrainingData data;
    private TrainingSnapshot lastSnapshot;
    /** Bins the weight histograms and slices the selected neuron's weights away from the FX thread. */
    private final LatestRequestExecutor<WeightsJob, WeightsView> weightsWork = new LatestRequestExecutor<>("weight-plots",
            PlotsPane::prepareWeights, this::showWeights, error -> { /* Logged by the executor; the plots keep what they show. */ });
    private final RunningAccuracy runningAccuracy = new RunningAccuracy(RUNNING_ACCURACY_BATCHES);
    private final List<Double> pendingX = new ArrayList<>();
    private final List<Double> pendingY = new ArrayList<>();
    private long lastCurveFlush;
    private int firingLayers = -1;
    /** Samples seen at the last firing point, so that a posterior shown again adds no second point. */
    private long firingSamples = -1;
    private boolean training;
    /** The posterior before the step that the user asked for, and whether its result is still awaited. */
    private TrainingSnapshot stepBaseline;
    private boolean stepAwaited;
    /** The changes of the last step; null before a step and once training moved past it. */
    private StepChanges stepChanges;
    private final List<MetricHistory.Marker> passMarkers = new ArrayList<>();
    private final List<PassSummary> passSummaries = new ArrayList<>();

    PlotsPane(ChartTheme theme, GradientComparison gradientComparison, Runnable onCancelComparison) {
        this.theme = theme;
        comparison = new ComparisonPane(theme, gradientComparison, onCancelComparison);
        accuracy = new MetricChart(theme, "samples seen", "accuracy");
        accuracy.showSecondaryAxis("negative log-likelihood");
        accuracy.addSeries(TRAIN_RUNNING);
        accuracy.addSeries(TEST_BAYESIAN);
        accuracy.addSeries(TEST_DETERMINISTIC);
        accuracy.addSeries(TEST_NLL, MetricChart.YAxis.SECONDARY);

        meanHistogram = new HistogramChart(theme, "posterior mean");
        deviationHistogram = new HistogramChart(theme, "posterior standard deviation");
        meanHistogram.setSecondCountAxis("count of the weights moved most");
        meanHistory = new HistogramHistoryView(theme, "posterior mean", 40, 300);
        meanHistory.setTimeLabel("samples seen");
        meanHistories = new WeightHistories(meanHistory);
        density = new WeightDensityChart(theme);
        fieldMeans = new ImageGridView(theme);
        fieldMeans.setColorBarLabel("posterior mean");
        fieldDeviations = new ImageGridView(theme);
        fieldDeviations.setColorBarLabel("posterior standard deviation");
        fieldDeviations.setColorMap(ColorMap.VIRIDIS);
        spikes = new SpikeHeatmapView(theme);
        classBars = new ClassProbabilityBars(theme);
        sampleImage = new ImageGridView(theme);
        // Short, because the colour bar beside the small sample image has room for about 20 characters.
        sampleImage.setColorBarLabel("spike probability");
        sampleImage.setColorMap(ColorMap.GREYSCALE);
        sampleImage.setValueRange(ValueRange.UNIT);
        firing = new MetricChart(theme, "samples seen", "mean spike probability");
        decisionMap = new DecisionMapView(theme);
        regression = new RegressionBandView(theme, "x", "y");
        preview = new DatasetPreviewView(theme);
        fieldMeans.setColorMap(ColorMap.BLUE_WHITE_RED);
        fieldChanges = new ImageGridView(theme);
        // Short, so that the grid keeps as many columns as the two beside it in presentation mode.
        fieldChanges.setColorBarLabel("|change of mean| in the step");
        fieldChanges.setColorMap(ColorMap.VIRIDIS);
        padPanel = new DigitPadPanel(theme);
        uncertaintyPanel = new UncertaintyPanel(theme);

        fieldMeans.setOnCellClicked(index -> selectNeuron(fieldStart.getValue() + index));
        fieldDeviations.setOnCellClicked(index -> selectNeuron(fieldStart.getValue() + index));
        fieldChanges.setOnCellClicked(index -> selectNeuron(fieldStart.getValue() + index));
        layerChoice.setOnAction(event -> {
            if (layerChoice.getValue() != null) {
                meanHistories.show(layerChoice.getValue());
            }
            redrawWeights();
        });
        neuronChoice.valueProperty().addListener((observable, before, after) -> {
            redrawWeights();
            redrawFields();
        });
        sampleChoice.valueProperty().addListener((observable, before, after) -> redrawSpikes());
        neuronChoice.setEditable(true);
        sampleChoice.setEditable(true);
        fieldStart.setEditable(true);
        fieldStart.setPrefWidth(100);
        fieldStart.setId("field-start");
        fieldStart.valueProperty().addListener((observable, before, after) -> redrawFields());

        tabs.getTabs().add(tab("Accuracy", accuracy));
        weightsTab = tab("Weights", weightsPanel());
        tabs.getTabs().add(weightsTab);
        fieldsTab = tab("Receptive fields", fieldsPanel());
        tabs.getTabs().add(fieldsTab);
        fieldsHint.visibleProperty().bind(fieldsTab.disableProperty().not());
        spikesTab = tab("Spikes", spikesPanel());
        tabs.getTabs().add(spikesTab);
        padTab = tab("Digit pad", padPanel.node());
        tabs.getTabs().add(padTab);
        uncertaintyTab = tab("Uncertainty", uncertaintyPanel.node());
        tabs.getTabs().add(uncertaintyTab);
        mapTab = tab("Decision map", mapPanel());
        tabs.getTabs().add(mapTab);
        tabs.getTabs().add(tab("Data", preview));
        comparisonTab = tab("EP vs gradient", comparison.node());
        tabs.getTabs().add(comparisonTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            redrawSelectedTab();
            if (after != null && after.getContent() != null) {
                repaintHiddenChanges(after.getContent());
            }
        });

        // Each export offers a file name that says which plot it came from.
        addExport(accuracy.exportActions(), "accuracy");
        addExport(meanHistogram.exportActions(), "posterior-means");
        addExport(deviationHistogram.exportActions(), "posterior-deviations");
        addExport(density.exportActions(), "incoming-weights");
        addExport(firing.exportActions(), "mean-firing");
        addExport(regression.exportActions(), "regression");
        addExport(comparison.chart().exportActions(), "ep-vs-gradient");
        addExport(meanHistory.exportActions(), "posterior-mean-history");
        addExport(fieldMeans.exportActions(), "receptive-field-means");
        addExport(fieldDeviations.exportActions(), "receptive-field-deviations");
        addExport(fieldChanges.exportActions(), "receptive-field-changes");
        addExport(spikes.exportActions(), "spike-probabilities");
        addExport(classBars.exportActions(), "class-probabilities");
        addExport(sampleImage.exportActions(), "test-sample");
        addExport(decisionMap.exportActions(), "decision-map");
        addExport(preview.exportActions(), "data-preview");
        addExport(padPanel.pad().exportActions(), "digit-pad");
        exports.addAll(uncertaintyPanel.exports());
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return tab;
    }

    Node node() {
        return tabs;
    }

    TabPane tabs() {
        return tabs;
    }

    private void addExport(ExportActions actions, String fileName) {
        actions.setFileName(fileName);
        exports.add(actions);
    }

    /** Lets every plot's export menu ask the user for a file, and report a finished or failed export. */
    void setExportHandlers(ExportFileChooser chooser, BiConsumer<Path, ExportFormat> onExported,
                           BiConsumer<Path, java.io.IOException> onFailure) {
        for (ExportActions actions : exports) {
            actions.setFileChooser(chooser);
            actions.setOnExported(onExported);
            actions.setOnExportFailed(onFailure);
        }
    }

    private Node weightsPanel() {
        layerChoice.setPromptText("layer");
        layerChoice.setId("plots-layer");
        fieldsHint.setId("weights-fields-hint");
        // Only image data has receptive fields to click; the hint goes with the tab that shows them.
        fieldsHint.managedProperty().bind(fieldsHint.visibleProperty());
        HBox controls = new HBox(8, new Label("Layer"), layerChoice, new Label("Neuron"), neuronChoice, fieldsHint);
        controls.setPadding(new Insets(4));
        GridPane grid = new GridPane();
        grid.add(meanHistogram, 0, 0);
        grid.add(deviationHistogram, 1, 0);
        grid.add(meanHistory, 0, 1);
        grid.add(density, 1, 1);
        for (Node node : List.of(meanHistogram, deviationHistogram, meanHistory, density)) {
            GridPane.setHgrow(node, Priority.ALWAYS);
            GridPane.setVgrow(node, Priority.ALWAYS);
        }
        grid.setHgap(4);
        grid.setVgap(4);
        weightsStepNote.setWrapText(true);
        weightsStepNote.setPadding(new Insets(0, 4, 4, 4));
        BorderPane pane = new BorderPane(grid);
        pane.setTop(new VBox(controls, weightsStepNote));
        return pane;
    }

    private Node fieldsPanel() {
        HBox row = new HBox(4, fieldMeans, fieldDeviations, fieldChanges);
        HBox.setHgrow(fieldMeans, Priority.ALWAYS);
        HBox.setHgrow(fieldDeviations, Priority.ALWAYS);
        HBox.setHgrow(fieldChanges, Priority.ALWAYS);
        fieldChanges.setVisible(false);
        fieldChanges.managedProperty().bind(fieldChanges.visibleProperty());
        stepNote.setWrapText(true);
        stepNote.setPadding(new Insets(4));
        stepNote.setText("Press Step (F10) to run one batch and see which weights moved most.");
        HBox controls = new HBox(8, new Label("Neurons from"), fieldStart, fieldRange);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4, 4, 0, 4));
        BorderPane pane = new BorderPane(row);
        pane.setTop(new VBox(controls, stepNote));
        return pane;
    }

    private Node spikesPanel() {
        HBox controls = new HBox(8, new Label("Test sample"), sampleChoice);
        controls.setPadding(new Insets(4));
        VBox side = new VBox(4, sampleImage, classBars);
        VBox.setVgrow(classBars, Priority.ALWAYS);
        sampleImage.setPrefSize(220, 220);
        side.setPrefWidth(320);
        GridPane grid = new GridPane();
        grid.add(spikes, 0, 0);
        grid.add(side, 1, 0);
        grid.add(firing, 0, 1, 2, 1);
        GridPane.setHgrow(spikes, Priority.ALWAYS);
        GridPane.setVgrow(spikes, Priority.ALWAYS);
        GridPane.setVgrow(firing, Priority.SOMETIMES);
        GridPane.setHgrow(firing, Priority.ALWAYS);
        BorderPane pane = new BorderPane(grid);
        pane.setTop(controls);
        return pane;
    }

    private Node mapPanel() {
        mapNote.setPadding(new Insets(8));
        BorderPane pane = new BorderPane();
        pane.setTop(mapNote);
        return pane;
    }

    /** Shows new data: the preview, the map kind, the layer list; clears every history. */
    void setData(TrainingData loaded, int depth) {
        this.data = loaded;
        preview.setDataset(loaded.train());
        BorderPane mapPane = (BorderPane) mapTab.getContent();
        Dataset train = loaded.train();
        if (train.columns() == 2 && loaded.classification()) {
            mapTab.setText("Decision map");
            mapPane.setCenter(decisionMap);
            decisionMap.setClassNames(train.classNames());
            decisionMap.setPoints(column(train, 0), column(train, 1), train.labels());
            decisionMap.setShowUncertainty(true);
            mapNote.setText("Predicted class (colour) and predictive uncertainty over the plane, with the training points.");
        } else if (train.columns() == 1 && !loaded.classification()) {
            mapTab.setText("Regression band");
            mapPane.setCenter(regression);
            regression.setTrainingPoints(column(train, 0), targets(train));
            mapNote.setText("Predictive mean with a band of two standard deviations, and the training points.");
        } else {
            mapTab.setText("Decision map");
            mapPane.setCenter(null);
            mapNote.setText("The decision map needs 2-D classification data and the regression band 1-D regression data.");
        }
        mapTab.setDisable(mapPane.getCenter() == null);
        fieldsTab.setDisable(!train.isImage());
        padTab.setDisable(!(train.isImage() && loaded.classification()));
        uncertaintyTab.setDisable(!loaded.classification());
        if (tabs.getSelectionModel().getSelectedItem() != null && tabs.getSelectionModel().getSelectedItem().isDisable()) {
            // A tab that does not apply to the new data would show greyed-out content.
            tabs.getSelectionModel().select(0);
        }
        padPanel.setData(loaded);
        uncertaintyPanel.setData(loaded);
        resetHistory(depth);
    }

    /** Clears histories, for a new run from the prior. */
    void resetHistory(int depth) {
        accuracy.clear();
        accuracy.clearMarkers();
        passMarkers.clear();
        passSummaries.clear();
        meanHistories.reset(depth);
        firing.clear();
        firingLayers = -1;
        firingSamples = -1;
        runningAccuracy.clear();
        pendingX.clear();
        pendingY.clear();
        lastSnapshot = null;
        clearStepChanges();
        // The weight plots draw only from a snapshot, so without one they would keep the old posterior.
        meanHistogram.clear();
        deviationHistogram.clear();
        density.showGaussian(new double[0], new double[0], new int[0]);
        fieldMeans.setImages(new double[0][], 1, 1, List.of());
        fieldDeviations.setImages(new double[0][], 1, 1, List.of());
        spikes.setLayers(List.of(), List.of());
        classBars.setProbabilities(new double[0], List.of());
        sampleImage.setImages(new double[0][], 1, 1, List.of());
        // A zoom chosen on the old data would hide most of the new.
        for (org.epsnn.views.ChartView chart : List.of(accuracy, meanHistogram, deviationHistogram, density, firing, regression)) {
            chart.resetZoom();
        }
        List<Integer> layers = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            layers.add(l);
        }
        layerChoice.getItems().setAll(layers);
        layerChoice.getSelectionModel().select(0);
    }

    /**
     * Takes one drain of the live feed. Curves collect their points and redraw at most
     * {@link #CURVE_REDRAWS_PER_SECOND} times a second; views drawn from a snapshot redraw only
     * when their tab shows, and a tab that comes into view redraws from the last snapshot.
     */
    void accept(LiveFeed.Drained drained) {
        for (var batch : drained.batches()) {
            if (!Double.isNaN(batch.batchAccuracy())) {
                pendingX.add((double) batch.samplesSeen());
                pendingY.add(runningAccuracy.add(batch.batchSize(), batch.batchAccuracy()));
            }
        }
        long now = System.nanoTime();
        if (!pendingX.isEmpty() && (now - lastCurveFlush >= 1_000_000_000L / CURVE_REDRAWS_PER_SECOND
                || !drained.passes().isEmpty())) {
            double[] x = new double[pendingX.size()];
            double[] y = new double[pendingY.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pendingX.get(i);
                y[i] = pendingY.get(i);
            }
            accuracy.appendAll(TRAIN_RUNNING, x, y);
            pendingX.clear();
            pendingY.clear();
            lastCurveFlush = now;
        }
        for (LiveFeed.EvaluationPoint point : drained.evaluations()) {
            appendEvaluation(point.samplesSeen(), point.test());
        }
        for (PassSummary pass : drained.passes()) {
            accuracy.addMarker(pass.samplesSeen(), "pass " + pass.pass());
            passMarkers.add(new MetricHistory.Marker(pass.samplesSeen(), "pass " + pass.pass()));
            passSummaries.add(pass);
        }
        if (drained.startSnapshot() != null && stepAwaited) {
            stepBaseline = drained.startSnapshot();
        }
        List<TrainingSnapshot> historySteps = new ArrayList<>();
        TrainingSnapshot start = drained.startSnapshot();
        if (start != null && start.samplesSeen() == 0) {
            // A run from the prior: its first step, so that even a short run shows where it started.
            historySteps.add(start);
            recordFiring(start);
        }
        for (TrainingSnapshot kept : drained.historySnapshots()) {
            // Every history snapshot, also when several arrived since the last drain. The latest one follows below.
            if (kept != drained.snapshot()) {
                historySteps.add(kept);
                recordFiring(kept);
            }
        }
        if (drained.snapshot() != null) {
            historySteps.add(drained.snapshot());
        }
        meanHistories.add(historySteps);
        if (drained.snapshot() != null) {
            TrainingSnapshot latest = drained.snapshot();
            if (!stepAwaited && stepChanges != null && latest.samplesSeen() > stepChanges.toSamples()) {
                // Training moved on past the step, so its highlights no longer describe the posterior shown.
                clearStepChanges();
            }
            if (stepAwaited && stepBaseline != null && latest.samplesSeen() > stepBaseline.samplesSeen()) {
                stepAwaited = false;
                stepChanges = StepChanges.between(stepBaseline, latest);
            }
            lastSnapshot = latest;
            uncertaintyPanel.setSnapshot(lastSnapshot);
            recordFiring(lastSnapshot);
            redrawSelectedTab();
        }
    }

    /** Returns the accuracy curves, pass markers and firing curves, as far as the charts keep them. */
    MetricHistory metricHistory() {
        return new MetricHistory(curvesOf(accuracy), passMarkers, passSummaries, curvesOf(firing));
    }

    /** Returns the curves as {@link #metricHistory()} does, but with every point received where the charts logged them all. */
    MetricHistory exportedMetricHistory() {
        return new MetricHistory(exportedCurvesOf(accuracy), passMarkers, passSummaries, exportedCurvesOf(firing));
    }

    private static List<MetricHistory.Series> exportedCurvesOf(MetricChart chart) {
        List<MetricHistory.Series> curves = new ArrayList<>();
        for (String name : chart.seriesNames()) {
            double[][] points = chart.exportedPoints(name);
            curves.add(new MetricHistory.Series(name, points[0], points[1]));
        }
        return curves;
    }

    private static List<MetricHistory.Series> curvesOf(MetricChart chart) {
        List<MetricHistory.Series> curves = new ArrayList<>();
        for (String name : chart.seriesNames()) {
            var series = chart.series(name);
            double[] x = new double[series.shownCount()];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = series.shownX(i);
                y[i] = series.shownY(i);
            }
            curves.add(new MetricHistory.Series(name, x, y));
        }
        return curves;
    }

    /** Shows the curves and markers of a saved project. Accuracy curves of unknown names are left out. */
    void showMetricHistory(MetricHistory history) {
        for (MetricHistory.Series curve : history.series()) {
            if (accuracy.seriesNames().contains(curve.name())) {
                accuracy.appendAll(curve.name(), curve.x(), curve.y());
            }
        }
        if (history.series().stream().allMatch(curve -> curve.x().length == 0)) {
            // A project saved by the command line keeps its passes but no curves: plot each pass's test evaluation.
            for (PassSummary pass : history.passes()) {
                if (pass.test() != org.epsnn.model.training.Evaluation.NONE) {
                    appendEvaluation(pass.samplesSeen(), pass.test());
                }
            }
        }
        List<MetricHistory.Marker> markers = history.passMarkers();
        if (markers.isEmpty()) {
            markers = history.passes().stream().map(pass -> new MetricHistory.Marker(pass.samplesSeen(), "pass " + pass.pass())).toList();
        }
        for (MetricHistory.Marker marker : markers) {
            accuracy.addMarker(marker.x(), marker.label());
            passMarkers.add(marker);
        }
        passSummaries.addAll(history.passes());
        if (!history.firing().isEmpty()) {
            // The firing curves name their layers, so they replace what a snapshot of the loaded posterior drew.
            firing.clear();
            for (MetricHistory.Series curve : history.firing()) {
                if (!firing.seriesNames().contains(curve.name())) {
                    firing.addSeries(curve.name());
                }
                firing.appendAll(curve.name(), curve.x(), curve.y());
            }
            firingLayers = history.firing().size();
            MetricHistory.Series first = history.firing().get(0);
            firingSamples = first.x().length == 0 ? -1 : (long) first.x()[first.x().length - 1];
        }
    }

    /** Plots a test evaluation at {@code samplesSeen}: accuracies and NLL, or the regression NLL. */
    private void appendEvaluation(long samplesSeen, org.epsnn.model.training.Evaluation test) {
        if (data != null && data.classification()) {
            accuracy.append(TEST_BAYESIAN, samplesSeen, test.bayesian().accuracy());
            accuracy.append(TEST_DETERMINISTIC, samplesSeen, test.deterministicAccuracy());
            accuracy.append(TEST_NLL, samplesSeen, test.bayesian().negativeLogLikelihood());
        } else {
            accuracy.append(TEST_NLL, samplesSeen, -test.bayesianRegression().logLikelihood());
        }
    }

    /** Adds the selected tab, layer and neuron to {@code layout}. */
    void saveLayout(java.util.Map<String, String> layout) {
        layout.put("plots.tab", Integer.toString(tabs.getSelectionModel().getSelectedIndex()));
        if (layerChoice.getValue() != null) {
            layout.put("plots.layer", Integer.toString(layerChoice.getValue()));
        }
        layout.put("plots.neuron", Integer.toString(neuronChoice.getValue()));
    }

    /**
     * Returns copies of the histories of posterior means, for the project file. They are written
     * to JSON on the saving thread, because the first write loads the JSON classes and a long
     * history takes milliseconds.
     */
    List<WeightHistoryJson.Saved> savedWeightHistories() {
        return meanHistories.saved();
    }

    /** Restores what {@link #saveLayout} kept; keys that are missing or invalid are ignored. */
    void restoreLayout(java.util.Map<String, String> layout) {
        MainWindow.integerEntry(layout, "plots.tab").filter(tab -> tab >= 0 && tab < tabs.getTabs().size())
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        MainWindow.integerEntry(layout, "plots.layer").filter(layerChoice.getItems()::contains).ifPresent(layerChoice::setValue);
        MainWindow.integerEntry(layout, "plots.neuron").ifPresent(neuron -> neuronChoice.getValueFactory().setValue(neuron));
        meanHistories.restore(layout);
    }

    /** Paints the canvas views under {@code node} that changed while their tab was hidden. */
    private static void repaintHiddenChanges(Node node) {
        if (node instanceof org.epsnn.views.RasterView view) {
            view.repaintIfPending();
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                repaintHiddenChanges(child);
            }
        }
    }

    /** Redraws the views of the tab on show from the last snapshot. */
    private void redrawSelectedTab() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected == null || lastSnapshot == null) {
            return;
        }
        if (selected == weightsTab) {
            redrawWeights();
        } else if (selected == fieldsTab) {
            redrawFields();
        } else if (selected == spikesTab) {
            redrawSpikes();
        } else if (selected == uncertaintyTab) {
            uncertaintyPanel.refreshIfStale(training);
        } else if (selected == mapTab) {
            redrawMap();
        } else if (selected == padTab) {
            // The pad predicts on its own thread and only while its tab shows, because a hidden
            // pad that predicted on every snapshot would lay out the window for labels off screen.
            padPanel.setSnapshot(lastSnapshot);
        }
        // The accuracy and data tabs do not redraw from snapshots.
    }

    private int selectedLayer() {
        Integer layer = layerChoice.getValue();
        int depth = lastSnapshot == null ? 1 : lastSnapshot.layers().size();
        return layer == null ? 0 : Math.max(0, Math.min(depth - 1, layer - 1));
    }

    private void selectNeuron(int cell) {
        layerChoice.getSelectionModel().select(0);
        neuronChoice.getValueFactory().setValue(cell);
    }

    /** The inputs of the weight plots, read on the FX thread for {@link #prepareWeights}. */
    private record WeightsJob(TrainingSnapshot snapshot, int layer, int neuron, StepChanges changes, int meanBins,
                              int deviationBins) {
    }

    /** The weight plots' data, binned and sliced on the background thread. */
    private record WeightsView(WeightsJob job, HistogramChart.Prepared means, HistogramChart.Prepared deviations,
                               double[] neuronMeans, double[] neuronVariances, int[] strongest, double[][] levelProbabilities) {
    }

    private void redrawWeights() {
        if (lastSnapshot == null) {
            return;
        }
        int layer = selectedLayer();
        var factory = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) neuronChoice.getValueFactory();
        factory.setMax(lastSnapshot.layers().get(layer).outputs() - 1);
        int neuron = Math.min(neuronChoice.getValue(), lastSnapshot.layers().get(layer).outputs() - 1);
        weightsWork.submit(new WeightsJob(lastSnapshot, layer, neuron, stepChanges, meanHistogram.getBinCount(),
                deviationHistogram.getBinCount()));
    }

    /** Bins both histograms over every weight of the layer (392 500 for 784-500-10) and slices the selected neuron's weights. */
    private static WeightsView prepareWeights(WeightsJob job) {
        TrainingSnapshot.LayerSnapshot layer = job.snapshot().layers().get(job.layer());
        String layerName = "layer " + (job.layer() + 1);
        HistogramChart.Prepared means = job.changes() != null
                ? HistogramChart.prepare(List.of(layerName, "moved most in the last step"),
                        List.of(layer.means(), job.changes().movedMeans(job.layer(), layer.means())), job.meanBins())
                : HistogramChart.prepare(List.of(layerName), List.of(layer.means()), job.meanBins());
        double[] deviations = new double[layer.variances().length];
        for (int w = 0; w < deviations.length; w++) {
            deviations[w] = Math.sqrt(layer.variances()[w]);
        }
        HistogramChart.Prepared spread = HistogramChart.prepare(List.of(layerName), List.of(deviations), job.deviationBins());

        int neuron = job.neuron();
        int inputs = layer.inputs();
        double[] neuronMeans = Arrays.copyOfRange(layer.means(), neuron * inputs, (neuron + 1) * inputs);
        double[] neuronVariances = Arrays.copyOfRange(layer.variances(), neuron * inputs, (neuron + 1) * inputs);
        int[] strongest = strongestWeights(neuronMeans, DENSITY_WEIGHTS, layer.bias());
        double[][] probabilities = null;
        if (layer.levels().length > 0) {
            int levels = layer.levels().length;
            int weights = layer.outputs() * inputs;
            probabilities = new double[inputs][levels];
            for (int j = 0; j < inputs; j++) {
                for (int k = 0; k < levels; k++) {
                    probabilities[j][k] = layer.levelProbabilities()[k * weights + neuron * inputs + j];
                }
            }
        }
        return new WeightsView(job, means, spread, neuronMeans, neuronVariances, strongest, probabilities);
    }

    /** Shows prepared weight plots, unless the snapshot, layer or neuron changed since they were requested. */
    private void showWeights(WeightsView view) {
        WeightsJob job = view.job();
        if (job.snapshot() != lastSnapshot || job.layer() != selectedLayer() || job.changes() != stepChanges
                || job.neuron() != Math.min(neuronChoice.getValue(), job.snapshot().layers().get(job.layer()).outputs() - 1)) {
            // A newer request is on its way.
            return;
        }
        TrainingSnapshot.LayerSnapshot layer = job.snapshot().layers().get(job.layer());
        meanHistogram.show(view.means());
        weightsStepNote.setText(stepChanges != null ? stepText(job.layer()) : "");
        deviationHistogram.show(view.deviations());
        int inputs = layer.inputs();
        java.util.function.IntFunction<String> names = index -> layer.bias() && index == inputs - 1 ? "bias" : "input " + (index + 1);
        if (view.levelProbabilities() == null) {
            density.showGaussian(view.neuronMeans(), view.neuronVariances(), view.strongest(), names);
        } else {
            density.showDiscrete(layer.levels(), view.levelProbabilities(), view.strongest(), WeightDensityChart.BarLayout.STACKED,
                    names);
        }
    }

    /** The {@code count} weights with the largest absolute mean, and the bias. */
    private static int[] strongestWeights(double[] means, int count, boolean bias) {
        Integer[] order = new Integer[bias ? means.length - 1 : means.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(means[b]), Math.abs(means[a])));
        int taken = Math.min(count, order.length);
        int[] selected = new int[taken + (bias ? 1 : 0)];
        for (int i = 0; i < taken; i++) {
            selected[i] = order[i];
        }
        if (bias) {
            selected[taken] = means.length - 1;
        }
        return selected;
    }

    private void redrawFields() {
        if (lastSnapshot == null || data == null || !data.train().isImage()) {
            return;
        }
        TrainingSnapshot.LayerSnapshot first = lastSnapshot.layers().get(0);
        int width = data.train().imageWidth();
        int height = data.train().imageHeight();
        var startFactory = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) fieldStart.getValueFactory();
        startFactory.setMax(first.outputs() - 1);
        int start = Math.min(fieldStart.getValue(), first.outputs() - 1);
        int count = Math.min(RECEPTIVE_FIELDS, first.outputs() - start);
        fieldRange.setText(String.format(java.util.Locale.ROOT, "to %d of %d hidden neurons", start + count - 1,
                first.outputs()));
        double[][] means = new double[count][];
        double[][] deviations = new double[count][];
        for (int i = 0; i < count; i++) {
            int offset = (start + i) * first.inputs();
            means[i] = Arrays.copyOfRange(first.means(), offset, offset + width * height);
            deviations[i] = new double[width * height];
            for (int j = 0; j < width * height; j++) {
                deviations[i][j] = Math.sqrt(first.variances()[offset + j]);
            }
        }
        IntFunction<String> title = index -> "neuron " + (start + index);
        fieldMeans.setValueRange(ValueRange.symmetricOfFinite(flatten(means)));
        fieldMeans.setImages(means, width, height, title);
        fieldDeviations.setValueRange(ValueRange.ofFinite(flatten(deviations), ValueRange.UNIT));
        fieldDeviations.setImages(deviations, width, height, title);
        int selected = neuronChoice.getValue() - start;
        fieldMeans.setHighlightedCell(selectedLayer() == 0 && selected >= 0 && selected < count ? selected : -1);
        redrawFieldChanges(start, count, width, height);
    }

    /** Shows how far each shown receptive field's weights moved in the last step, the most moved field highlighted. */
    private void redrawFieldChanges(int start, int count, int width, int height) {
        fieldChanges.setVisible(stepChanges != null);
        if (stepChanges == null) {
            return;
        }
        TrainingSnapshot.LayerSnapshot first = lastSnapshot.layers().get(0);
        double[][] changes = new double[count][];
        for (int i = 0; i < count; i++) {
            int offset = (start + i) * first.inputs();
            changes[i] = Arrays.copyOfRange(stepChanges.changes()[0], offset, offset + width * height);
        }
        fieldChanges.setValueRange(ValueRange.ofFinite(flatten(changes), ValueRange.UNIT));
        fieldChanges.setImages(changes, width, height, index -> "neuron " + (start + index));
        int mostMoved = stepChanges.mostMovedNeuron(0, first.inputs());
        int mostMovedShown = stepChanges.mostMovedNeuron(0, first.inputs(), start, count);
        // The frame marks the field that moved most among those shown, which the note below explains.
        fieldChanges.setHighlightedCell(mostMovedShown - start);
        stepNote.setText(stepText(0) + " Right: the size of each weight's change; the framed field moved most"
                + (mostMoved == mostMovedShown ? "." : " among the shown fields (neuron " + mostMoved + " moved most overall)."));
    }

    private String stepText(int layer) {
        return String.format(java.util.Locale.ROOT, "Last step: samples %,d to %,d. Highlighted: the %d weights of layer %d whose"
                + " posterior mean moved most.", stepChanges.fromSamples(), stepChanges.toSamples(),
                stepChanges.moved()[layer].length, layer + 1);
    }

    /** Remembers the posterior before a step, so the next snapshot shows which weights the step moved. */
    void markStep() {
        stepAwaited = true;
        stepBaseline = lastSnapshot;
    }

    private void clearStepChanges() {
        stepChanges = null;
        stepBaseline = null;
        stepAwaited = false;
        fieldChanges.setVisible(false);
        weightsStepNote.setText("");
        stepNote.setText("Press Step (F10) to run one batch and see which weights moved most.");
    }

    /** Sets whether a run is in progress, which slows the automatic updates of the uncertainty views. */
    void setTraining(boolean running) {
        training = running;
    }

    /** Tells the plots that draw their own predictions which network the next snapshots come from; null after a reset. */
    void setNetwork(org.epsnn.model.network.NetworkSpec spec, org.epsnn.model.ep.InputEncoding encoding) {
        padPanel.setNetwork(spec, encoding);
        uncertaintyPanel.setNetwork(spec, encoding);
    }

    DigitPadPanel padPanel() {
        return padPanel;
    }

    UncertaintyPanel uncertaintyPanel() {
        return uncertaintyPanel;
    }

    StepChanges stepChanges() {
        return stepChanges;
    }

    ImageGridView fieldChanges() {
        return fieldChanges;
    }

    private static double[] flatten(double[][] rows) {
        int total = 0;
        for (double[] row : rows) {
            total += row.length;
        }
        double[] result = new double[total];
        int at = 0;
        for (double[] row : rows) {
            System.arraycopy(row, 0, result, at, row.length);
            at += row.length;
        }
        return result;
    }

    private void redrawSpikes() {
        if (lastSnapshot == null || lastSnapshot.spikeProbabilities().length == 0) {
            return;
        }
        int sample = Math.min(sampleChoice.getValue(), lastSnapshot.spikeProbabilities().length - 1);
        double[][] layers = lastSnapshot.spikeProbabilities()[sample];
        List<double[]> shown = new ArrayList<>(Arrays.asList(layers));
        List<String> names = new ArrayList<>();
        names.add("input");
        for (int l = 1; l < layers.length; l++) {
            names.add(l == layers.length - 1 ? "output" : "layer " + l);
        }
        if (data != null && data.train().isImage()) {
            spikes.setInputShape(data.train().imageWidth(), data.train().imageHeight());
            sampleImage.setImages(new double[][] {layers[0]}, data.train().imageWidth(), data.train().imageHeight(),
                    index -> "test sample " + lastSnapshot.sampleIndices()[sample]);
        }
        spikes.setLayers(shown, names);
        if (data != null && data.classification()) {
            classBars.setProbabilities(lastSnapshot.classProbabilities()[sample], data.train().classNames());
            classBars.setTrueClass(data.test().labels()[lastSnapshot.sampleIndices()[sample]]);
        }
    }

    private void recordFiring(TrainingSnapshot snapshot) {
        if (snapshot.spikeProbabilities().length == 0 || snapshot.samplesSeen() <= firingSamples) {
            return;
        }
        firingSamples = snapshot.samplesSeen();
        int layers = snapshot.spikeProbabilities()[0].length - 1;
        boolean spikingOutput = data == null || data.classification();
        int shownLayers = spikingOutput ? layers : layers - 1;
        if (firingLayers != shownLayers) {
            firing.clear();
            for (int l = 1; l <= shownLayers; l++) {
                String name = l == layers ? "output layer" : "layer " + l;
                if (!firing.seriesNames().contains(name)) {
                    firing.addSeries(name);
                }
            }
            firingLayers = shownLayers;
        }
        for (int l = 1; l <= shownLayers; l++) {
            double total = 0;
            int count = 0;
            for (double[][] sample : snapshot.spikeProbabilities()) {
                for (double p : sample[l]) {
                    total += p;
                    count++;
                }
            }
            firing.append(l == layers ? "output layer" : "layer " + l, snapshot.samplesSeen(), total / Math.max(1, count));
        }
    }

    private void redrawMap() {
        if (lastSnapshot == null || data == null || lastSnapshot.probePredictions().length == 0) {
            return;
        }
        Dataset train = data.train();
        double[] probe = WorkbenchController.probePoints(data);
        if (train.columns() == 2 && data.classification()) {
            int grid = WorkbenchController.PROBE_GRID;
            double step = probe[2] - probe[0];
            ValueRange xRange = new ValueRange(probe[0] - step / 2, probe[2 * (grid - 1)] + step / 2);
            double yStep = probe[2 * grid + 1] - probe[1];
            ValueRange yRange = new ValueRange(probe[1] - yStep / 2, probe[2 * grid * (grid - 1) + 1] + yStep / 2);
            decisionMap.setPrediction(xRange, yRange, grid, grid, train.classCount(), lastSnapshot.probePredictions());
        } else if (train.columns() == 1 && !data.classification()) {
            int count = probe.length;
            double[] mean = new double[count];
            double[] deviation = new double[count];
            for (int i = 0; i < count; i++) {
                mean[i] = lastSnapshot.probePredictions()[2 * i];
                deviation[i] = Math.sqrt(lastSnapshot.probePredictions()[2 * i + 1]);
            }
            regression.setPrediction(probe, mean, deviation);
        }
    }

    private static double[] column(Dataset data, int column) {
        double[] values = new double[data.rows()];
        for (int r = 0; r < values.length; r++) {
            values[r] = data.feature(r, column);
        }
        return values;
    }

    private static double[] targets(Dataset data) {
        double[] values = new double[data.rows()];
        for (int r = 0; r < values.length; r++) {
            values[r] = data.targets()[r * data.targetCount()];
        }
        return values;
    }

    /** Brings the comparison of EP with the gradient baseline into view. */
    void showComparison() {
        tabs.getSelectionModel().select(comparisonTab);
    }

    ComparisonPane comparison() {
        return comparison;
    }

    /** The views, for tests that check every plot received data. */
    MetricChart accuracyChart() {
        return accuracy;
    }

    HistogramChart meanHistogram() {
        return meanHistogram;
    }

    SpikeHeatmapView spikeHeatmap() {
        return spikes;
    }

    ImageGridView fieldMeans() {
        return fieldMeans;
    }

    MetricChart firingChart() {
        return firing;
    }

    HistogramHistoryView weightHistory() {
        return meanHistory;
    }

    WeightHistories weightHistories() {
        return meanHistories;
    }

    WeightDensityChart densityChart() {
        return density;
    }

    TrainingSnapshot lastSnapshot() {
        return lastSnapshot;
    }
}
