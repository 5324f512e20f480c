package org.epsnn.app.workbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.data.ShiftedInputs;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.ep.SnapshotPredictor;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.training.ClassificationMetrics;
import org.epsnn.model.training.PredictiveEntropy;
import org.epsnn.model.training.ReliabilityDiagram;
import org.epsnn.model.training.TrainingSnapshot;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.ColorMap;
import org.epsnn.views.chart.HistogramChart;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.export.ExportActions;
import org.epsnn.views.heatmap.ClassProbabilityBars;
import org.epsnn.views.heatmap.ImageGridView;
import org.epsnn.views.uncertainty.ReliabilityDiagramView;

/**
 * The uncertainty tab: a reliability diagram with the expected calibration error, histograms of
 * the predictive entropy on test data beside those on rotated, inverted and noise inputs, and a
 * gallery of the most uncertain test samples with their class probabilities. Everything is
 * computed on a background thread from a snapshot of the posterior.
 */
final class UncertaintyPanel implements AutoCloseable {

    /**
     * Test samples used in the window, the first ones of the test set. Four sets of this size take
     * a few seconds for 784-500-10 on one core; the command {@code epsnn uncertainty} uses all.
     */
    static final int MAX_TEST_SAMPLES = 2000;
    /** Most uncertain test samples shown in the gallery. */
    private static final int GALLERY_SIZE = 12;
    private static final String IMAGE_GALLERY_CAPTION = "Most uncertain test samples (click one)";
    /** Counter-clockwise rotation of the rotated inputs, in degrees. */
    private static final double ROTATION_DEGREES = 90;
    private static final long NOISE_SEED = 1;
    /** Shortest time between two automatic recomputations while training runs. */
    private static final long AUTOMATIC_INTERVAL_NANOS = 5_000_000_000L;

    private record Request(NetworkSpec spec, InputEncoding encoding, TrainingSnapshot snapshot, Dataset test) {
    }

    /**
     * The content of the tab for one snapshot.
     *
     * @param galleryRows test rows of the most uncertain samples, most uncertain first
     * @param galleryProbabilities their class probabilities
     */
    private record Result(TrainingSnapshot snapshot, int samples, ReliabilityDiagram reliability, double[] testEntropy,
                          double[] rotatedEntropy, double[] invertedEntropy, double[] noiseEntropy, int[] galleryRows,
                          double[][] galleryProbabilities) {
    }

    private final ReliabilityDiagramView reliability;
    private final HistogramChart rotatedHistogram;
    private final HistogramChart invertedHistogram;
    private final HistogramChart noiseHistogram;
    private final ImageGridView gallery;
    private final ClassProbabilityBars galleryBars;
    private final Label status = new Label();
    private final Label galleryCaption = new Label(IMAGE_GALLERY_CAPTION);
    private final Button compute = new Button("Compute now");
    private final BorderPane root = new BorderPane();
    private final LatestRequestExecutor<Request, Result> work;
    /** Used on the background thread only. */
    private final CachedSnapshotPredictor predictors = new CachedSnapshotPredictor();

    private TrainingData data;
    private NetworkSpec spec;
    private InputEncoding encoding;
    private TrainingSnapshot snapshot;
    private TrainingSnapshot requested;
    private Result shown;
    private long lastAutomaticStart;

    UncertaintyPanel(ChartTheme theme) {
        reliability = new ReliabilityDiagramView(theme);
        rotatedHistogram = new HistogramChart(theme, "predictive entropy (nats)");
        invertedHistogram = new HistogramChart(theme, "predictive entropy (nats)");
        noiseHistogram = new HistogramChart(theme, "predictive entropy (nats)");
        gallery = new ImageGridView(theme);
        gallery.setColorMap(ColorMap.GREYSCALE);
        gallery.setValueRange(ValueRange.UNIT);
        gallery.setColorBarLabel("grey level");
        gallery.setOnCellClicked(this::showGallerySample);
        galleryBars = new ClassProbabilityBars(theme);
        work = new LatestRequestExecutor<>("uncertainty-evaluator", this::evaluate, this::show,
                error -> status.setText("Could not compute the uncertainty views: " + error.getMessage()));

        compute.setId("uncertainty-compute");
        compute.setOnAction(event -> submit());
        compute.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.setWrapText(true);
        status.setId("uncertainty-status");
        HBox controls = new HBox(8, compute, status);
        HBox.setHgrow(status, Priority.ALWAYS);
        controls.setPadding(new Insets(4));

        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        VBox galleryBox = new VBox(4, galleryCaption, gallery);
        VBox.setVgrow(gallery, Priority.ALWAYS);
        grid.add(reliability, 0, 0);
        grid.add(galleryBox, 1, 0);
        grid.add(galleryBars, 2, 0);
        grid.add(rotatedHistogram, 0, 1);
        grid.add(invertedHistogram, 1, 1);
        grid.add(noiseHistogram, 2, 1);
        for (Node node : List.of(reliability, galleryBox, galleryBars, rotatedHistogram, invertedHistogram, noiseHistogram)) {
            GridPane.setHgrow(node, Priority.ALWAYS);
            GridPane.setVgrow(node, Priority.ALWAYS);
        }
        for (javafx.scene.layout.Region region : List.of(reliability, gallery, galleryBars, rotatedHistogram, invertedHistogram,
                noiseHistogram)) {
            region.setPrefSize(300, 240);
            region.setMinSize(120, 100);
        }
        root.setTop(controls);
        root.setCenter(grid);
        showStatus();
    }

    Node node() {
        return root;
    }

    /** Returns the views' export actions, so the window can give them its file chooser. */
    List<ExportActions> exports() {
        reliability.exportActions().setFileName("reliability");
        rotatedHistogram.exportActions().setFileName("entropy-rotated");
        invertedHistogram.exportActions().setFileName("entropy-inverted");
        noiseHistogram.exportActions().setFileName("entropy-noise");
        gallery.exportActions().setFileName("uncertain-images");
        galleryBars.exportActions().setFileName("uncertain-image-probabilities");
        return List.of(reliability.exportActions(), rotatedHistogram.exportActions(), invertedHistogram.exportActions(),
                noiseHistogram.exportActions(), gallery.exportActions(), galleryBars.exportActions());
    }

    void setData(TrainingData loaded) {
        data = loaded;
        snapshot = null;
        shown = null;
        requested = null;
        compute.setDisable(!usable());
        clearViews();
        showStatus();
    }

    /** Sets the network whose snapshots arrive next; null when the posterior was discarded. */
    void setNetwork(NetworkSpec network, InputEncoding inputEncoding) {
        spec = network;
        encoding = inputEncoding;
        snapshot = null;
        shown = null;
        requested = null;
        clearViews();
        showStatus();
    }

    /** Takes a newer snapshot; the views update when the tab shows (see {@link #refreshIfStale}). */
    void setSnapshot(TrainingSnapshot latest) {
        snapshot = latest;
    }

    /**
     * Recomputes when the shown views come from an older snapshot than the latest, at most once
     * every few seconds while training runs. Called when the tab shows or a snapshot arrives
     * while it shows.
     */
    void refreshIfStale(boolean training) {
        if (snapshot == null || snapshot == requested) {
            return;
        }
        long now = System.nanoTime();
        if (training && now - lastAutomaticStart < AUTOMATIC_INTERVAL_NANOS) {
            return;
        }
        lastAutomaticStart = now;
        submit();
    }

    private boolean usable() {
        return data != null && data.classification();
    }

    private void submit() {
        if (!usable() || snapshot == null || spec == null || spec.inputSize() != data.test().columns()) {
            showStatus();
            return;
        }
        requested = snapshot;
        Dataset test = data.test().head(MAX_TEST_SAMPLES);
        work.submit(new Request(spec, encoding, snapshot, test));
        status.setText("Computing on " + test.rows() + " test samples ...");
    }

    /** Runs on the background thread. */
    private Result evaluate(Request request) {
        SnapshotPredictor predictor = predictors.forNetwork(request.spec(), request.encoding());
        Dataset test = request.test();
        int[] rows = new int[test.rows()];
        Arrays.setAll(rows, i -> i);
        int classes = test.classCount();

        double[][] testProbabilities = predictor.predict(request.snapshot(), test, rows, false).classProbabilities();
        double[] flat = flatten(testProbabilities, classes);
        ReliabilityDiagram diagram = ReliabilityDiagram.of(flat, classes, test.labels(), test.rows(),
                ClassificationMetrics.CALIBRATION_BINS);
        double[] testEntropy = PredictiveEntropy.ofRows(flat, classes);
        double[] rotatedEntropy = test.isImage() ? entropies(predictor, request, ShiftedInputs.rotated(test, ROTATION_DEGREES), rows)
                : new double[0];
        // NOTE: the shifts assume grey levels in [0, 1]. On other data, such as the standardised 2-D sets,
        // 1 - x and uniform noise in [0, 1) need not lie off the training data, so their histograms prove little.
        double[] invertedEntropy = entropies(predictor, request, ShiftedInputs.inverted(test), rows);
        double[] noiseEntropy = entropies(predictor, request, ShiftedInputs.noise(test, NOISE_SEED), rows);

        int[] order = StepChanges.largestFirst(testEntropy, GALLERY_SIZE);
        double[][] galleryProbabilities = new double[order.length][];
        for (int i = 0; i < order.length; i++) {
            galleryProbabilities[i] = testProbabilities[order[i]];
        }
        return new Result(request.snapshot(), test.rows(), diagram, testEntropy, rotatedEntropy, invertedEntropy, noiseEntropy,
                order, galleryProbabilities);
    }

    private static double[] entropies(SnapshotPredictor predictor, Request request, Dataset inputs, int[] rows) {
        double[][] probabilities = predictor.predict(request.snapshot(), inputs, rows, false).classProbabilities();
        return PredictiveEntropy.ofRows(flatten(probabilities, inputs.classCount()), inputs.classCount());
    }

    private static double[] flatten(double[][] rows, int classes) {
        double[] flat = new double[rows.length * classes];
        for (int s = 0; s < rows.length; s++) {
            System.arraycopy(rows[s], 0, flat, s * classes, classes);
        }
        return flat;
    }

    /** Runs on the FX thread. */
    private void show(Result result) {
        if (data == null || result.snapshot() != requested) {
            // The data or the network changed, or a newer request is on its way.
            return;
        }
        shown = result;
        String source = String.format(Locale.ROOT, "(n = %d)", result.samples());
        reliability.setDiagram(result.reliability(), source);
        String testName = String.format(Locale.ROOT, "test (mean %.3f)", PredictiveEntropy.mean(result.testEntropy()));
        if (result.rotatedEntropy().length > 0) {
            rotatedHistogram.setValues(testName, result.testEntropy(), String.format(Locale.ROOT, "rotated %.0f degrees (mean %.3f)",
                    ROTATION_DEGREES, PredictiveEntropy.mean(result.rotatedEntropy())), result.rotatedEntropy());
        } else {
            rotatedHistogram.setValues(testName, result.testEntropy());
        }
        invertedHistogram.setValues(testName, result.testEntropy(), String.format(Locale.ROOT, "inverted (mean %.3f)",
                PredictiveEntropy.mean(result.invertedEntropy())), result.invertedEntropy());
        noiseHistogram.setValues(testName, result.testEntropy(), String.format(Locale.ROOT, "uniform noise (mean %.3f)",
                PredictiveEntropy.mean(result.noiseEntropy())), result.noiseEntropy());

        Dataset test = data.test();
        if (test.isImage()) {
            double[][] images = new double[result.galleryRows().length][];
            List<String> titles = new ArrayList<>();
            for (int i = 0; i < images.length; i++) {
                int row = result.galleryRows()[i];
                images[i] = Arrays.copyOfRange(test.features(), row * test.columns(), (row + 1) * test.columns());
                titles.add(String.format(Locale.ROOT, "H %.2f, true %s", result.testEntropy()[row],
                        test.classNames().get(test.labels()[row])));
            }
            gallery.setImages(images, test.imageWidth(), test.imageHeight(), titles);
        }
        if (result.galleryRows().length > 0) {
            showGallerySample(0);
        }
        showStatus();
    }

    private void showGallerySample(int index) {
        if (shown == null || index >= shown.galleryRows().length) {
            return;
        }
        int row = shown.galleryRows()[index];
        galleryBars.setProbabilities(shown.galleryProbabilities()[index], data.test().classNames());
        galleryBars.setTrueClass(data.test().labels()[row]);
        if (index < gallery.imageCount()) {
            gallery.setHighlightedCell(index);
        }
    }

    private void clearViews() {
        reliability.setDiagram(null, "");
        rotatedHistogram.clear();
        invertedHistogram.clear();
        noiseHistogram.clear();
        gallery.setImages(new double[0][], 1, 1, List.of());
        galleryBars.setProbabilities(new double[0], List.of());
    }

    private void showStatus() {
        if (!usable()) {
            status.setText("The uncertainty views need classification data.");
        } else if (snapshot == null && shown == null) {
            status.setText("Train the network to see how sure it is.");
        } else if (shown != null) {
            boolean images = data != null && data.test().isImage();
            String shifts = images ? String.format(Locale.ROOT, "rotated by %.0f degrees, grey levels inverted, uniform noise.",
                    ROTATION_DEGREES) : "1 - x and uniform noise in [0, 1), which need not lie off data that are not grey levels.";
            status.setText(String.format(Locale.ROOT, "Posterior after %,d samples, first %d test samples. Shifted inputs: %s",
                    shown.snapshot().samplesSeen(), shown.samples(), shifts));
        }
        galleryCaption.setText(data == null || data.test().isImage() ? IMAGE_GALLERY_CAPTION
                : "Bars at right: the most uncertain sample");
    }

    /** Returns the reliability diagram shown, or null; for tests. */
    ReliabilityDiagram shownReliability() {
        return shown == null ? null : shown.reliability();
    }

    @Override
    public void close() {
        work.close();
    }
}
