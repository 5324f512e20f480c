package org.epsnn.app.workbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.ep.SnapshotPredictor;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.training.PredictiveEntropy;
import org.epsnn.model.training.TrainingSnapshot;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.heatmap.ClassProbabilityBars;
import org.epsnn.views.heatmap.SpikeHeatmapView;
import org.epsnn.views.uncertainty.DigitPadView;

/**
 * The digit pad tab: draw on a grid of the data's image size and watch the class probabilities,
 * the spike probabilities of every layer and the predictive entropy follow. Predictions run on a
 * background thread against the latest snapshot of the posterior, never against the arrays that
 * training writes, so the pad works while training runs and while it is idle.
 */
final class DigitPadPanel implements AutoCloseable {

    /** Inputs of one prediction. Neither the snapshot nor the image changes after submission. */
    private record Request(long id, NetworkSpec spec, InputEncoding encoding, TrainingSnapshot snapshot, double[] image,
                           int width, int height, List<String> classNames) {
    }

    /** A prediction for the request with the same id. */
    private record Result(long id, long samplesSeen, double[] probabilities, double[][] spikes, double entropy) {
    }

    /** Note under the empty pad, whose prediction is for a blank image unlike any training image. */
    static final String BLANK_PAD_NOTE = "The pad is empty: the bars show the prediction for a blank image, which looks like "
            + "no training image. Draw a digit with the left mouse button (the right button erases) or use a random test image.";

    private final DigitPadView pad;
    private final ClassProbabilityBars bars;
    private final SpikeHeatmapView spikes;
    private final Label uncertainty = new Label();
    private final Label note = new Label();
    private final Label source = new Label();
    private final Button clear = new Button("Clear");
    private final Button randomImage = new Button("Use a random test image");
    private final BorderPane root = new BorderPane();
    private final LatestRequestExecutor<Request, Result> predictions;
    private final SplittableRandom random = new SplittableRandom();
    /** Used on the prediction thread only. */
    private final CachedSnapshotPredictor predictors = new CachedSnapshotPredictor();

    private TrainingData data;
    private NetworkSpec spec;
    private InputEncoding encoding;
    private TrainingSnapshot snapshot;
    private long nextId;
    private long shownId = -1;
    private double[] lastProbabilities = new double[0];

    DigitPadPanel(ChartTheme theme) {
        pad = new DigitPadView(theme);
        pad.setId("digit-pad");
        bars = new ClassProbabilityBars(theme);
        bars.setId("pad-probabilities");
        spikes = new SpikeHeatmapView(theme);
        predictions = new LatestRequestExecutor<>("digit-pad-predictor", this::predict, this::show,
                error -> note.setText("Prediction failed: " + error.getMessage()));

        clear.setId("pad-clear");
        clear.setOnAction(event -> pad.clear());
        randomImage.setId("pad-random");
        randomImage.setOnAction(event -> useRandomTestImage());
        pad.setOnImageChanged(image -> requestPrediction());
        uncertainty.setId("pad-uncertainty");
        uncertainty.setStyle("-fx-font-weight: bold;");
        uncertainty.setWrapText(true);
        uncertainty.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.setId("pad-note");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        source.setWrapText(true);
        source.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        HBox buttons = new HBox(8, clear, randomImage);
        VBox left = new VBox(6, new Label("Draw a digit (right button erases)"), pad, buttons);
        VBox.setVgrow(pad, Priority.ALWAYS);
        pad.setPrefSize(340, 340);
        pad.setMinSize(120, 120);
        VBox right = new VBox(6, uncertainty, bars, source, note);
        VBox.setVgrow(bars, Priority.ALWAYS);
        bars.setMinHeight(120);
        right.setPrefWidth(360);
        HBox top = new HBox(10, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        top.setPadding(new Insets(6));
        spikes.setMinHeight(100);

        // Rows share the height, so that on a small screen the spike heatmaps keep a part of it.
        GridPane grid = new GridPane();
        grid.add(top, 0, 0);
        grid.add(spikes, 0, 1);
        GridPane.setMargin(spikes, new Insets(4));
        RowConstraints drawing = new RowConstraints();
        drawing.setPercentHeight(58);
        RowConstraints layers = new RowConstraints();
        layers.setPercentHeight(42);
        grid.getRowConstraints().setAll(drawing, layers);
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setFillWidth(true);
        grid.getColumnConstraints().setAll(column);
        GridPane.setVgrow(top, Priority.ALWAYS);
        GridPane.setVgrow(spikes, Priority.ALWAYS);
        root.setCenter(grid);
        showWaiting();
    }

    Node node() {
        return root;
    }

    /** Adapts the pad to new data: an image classification set sets the grid, anything else disables the pad. */
    void setData(TrainingData loaded) {
        data = loaded;
        snapshot = null;
        clearPrediction();
        Dataset train = loaded.train();
        boolean usable = usable();
        pad.setDisable(!usable);
        clear.setDisable(!usable);
        randomImage.setDisable(!usable);
        if (usable) {
            pad.setGridSize(train.imageWidth(), train.imageHeight());
            spikes.setInputShape(train.imageWidth(), train.imageHeight());
        }
        showWaiting();
    }

    /** Sets the network whose snapshots arrive next; null when the posterior was discarded. */
    void setNetwork(NetworkSpec network, InputEncoding inputEncoding) {
        spec = network;
        encoding = inputEncoding;
        snapshot = null;
        clearPrediction();
        showWaiting();
    }

    /** Takes a newer snapshot of the posterior and predicts the pad's image with it. */
    void setSnapshot(TrainingSnapshot latest) {
        boolean first = snapshot == null;
        snapshot = latest;
        if (first) {
            showWaiting();
        }
        requestPrediction();
    }

    /** Clears the shown prediction; results of requests made before this call are dropped when they arrive. */
    private void clearPrediction() {
        shownId = nextId;
        lastProbabilities = new double[0];
        bars.setProbabilities(new double[0], List.of());
        spikes.setLayers(List.of(), List.of());
        uncertainty.setText("");
        source.setText("");
    }

    private boolean usable() {
        return data != null && data.classification() && data.train().isImage();
    }

    private void showWaiting() {
        if (!usable()) {
            note.setText("The digit pad needs image classification data, such as the stroke digits or MNIST.");
        } else if (snapshot == null) {
            note.setText("Train the network (or press Step) to see what it predicts for your drawing.");
        } else if (padBlank()) {
            note.setText(BLANK_PAD_NOTE);
        } else {
            note.setText("");
        }
    }

    private boolean padBlank() {
        return Arrays.stream(pad.image()).allMatch(value -> value == 0);
    }

    private void useRandomTestImage() {
        if (!usable()) {
            return;
        }
        Dataset test = data.test();
        int row = random.nextInt(test.rows());
        int pixels = test.columns();
        double[] image = Arrays.copyOfRange(test.features(), row * pixels, (row + 1) * pixels);
        pad.setImage(image);
        note.setText("Test image " + row + ", labelled " + test.classNames().get(test.labels()[row]) + ".");
    }

    private void requestPrediction() {
        if (!usable() || snapshot == null || spec == null || spec.inputSize() != data.train().columns()) {
            return;
        }
        // The note about the blank pad goes with the first stroke, while a note that names a test image stays.
        boolean blank = padBlank();
        if (blank || BLANK_PAD_NOTE.equals(note.getText())) {
            note.setText(blank ? BLANK_PAD_NOTE : "");
        }
        Dataset train = data.train();
        predictions.submit(new Request(nextId++, spec, encoding, snapshot, pad.image(), train.imageWidth(), train.imageHeight(),
                train.classNames()));
    }

    /** Runs on the prediction thread. */
    private Result predict(Request request) {
        SnapshotPredictor predictor = predictors.forNetwork(request.spec(), request.encoding());
        Dataset one = Dataset.classification("digit pad", 1, request.image().length, request.image(), new int[1],
                request.classNames()).image(request.width(), request.height()).build();
        SnapshotPredictor.Result result = predictor.predict(request.snapshot(), one, new int[] {0}, true);
        double[] probabilities = result.classProbabilities()[0];
        return new Result(request.id(), request.snapshot().samplesSeen(), probabilities, result.spikeProbabilities()[0],
                PredictiveEntropy.of(probabilities, 0, probabilities.length));
    }

    /** Runs on the FX thread; a result older than the one shown is dropped. */
    private void show(Result result) {
        if (result.id() < shownId || data == null) {
            return;
        }
        shownId = result.id();
        lastProbabilities = result.probabilities();
        bars.setProbabilities(result.probabilities(), data.train().classNames());
        List<double[]> layers = new ArrayList<>(List.of(result.spikes()));
        List<String> names = new ArrayList<>();
        names.add("input");
        for (int l = 1; l < layers.size(); l++) {
            names.add(l == layers.size() - 1 ? "output" : "layer " + l);
        }
        spikes.setLayers(layers, names);
        double maximum = Math.log(result.probabilities().length);
        uncertainty.setText(String.format(Locale.ROOT, "Predictive entropy %.3f nats, %.0f %% of the maximum ln %d",
                result.entropy(), 100 * result.entropy() / maximum, result.probabilities().length));
        source.setText(String.format(Locale.ROOT, "Bayesian prediction with the posterior after %,d samples.", result.samplesSeen()));
    }

    /** Returns the class probabilities shown last, empty before the first prediction; for tests. */
    double[] shownProbabilities() {
        return lastProbabilities.clone();
    }

    DigitPadView pad() {
        return pad;
    }

    @Override
    public void close() {
        predictions.close();
    }
}
