package org.epsnn.app.workbench;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.baseline.SurrogateGradientSettings;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.TrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the comparison between EP and the surrogate-gradient baseline: EP's test accuracy
 * after each pass of the current posterior, and the baseline's after each of its passes on the
 * same data, network and batch size. Only {@link WorkbenchController} calls the commands; views
 * bind to the read-only state. Used on the FX thread.
 */
public final class GradientComparison {

    private static final Logger LOG = LoggerFactory.getLogger(GradientComparison.class);

    private final ObservableList<CurvePoint> epCurve = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> epCurveView = FXCollections.unmodifiableObservableList(epCurve);
    private final ReadOnlyObjectWrapper<List<CurvePoint>> baselineCurve = new ReadOnlyObjectWrapper<>(this, "baselineCurve", List.of());
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private static final String FIRST_STATUS = "Train with EP, then choose Train > Compare with gradient training.";

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", FIRST_STATUS);
    private final BaselineService service = new BaselineService();
    private double epSeconds;

    GradientComparison() {
        // A task that was cancelled may still post the pass it was in; only a running comparison takes points.
        service.valueProperty().addListener((observable, before, after) -> {
                if (after != null && running.get()) {
                baselineCurve.set(after);
            }
        });
        service.messageProperty().addListener((observable, before, after) -> {
            if (after != null && !after.isEmpty()) {
                status.set(after);
            }
        });
        service.setOnSucceeded(event -> finish("Gradient baseline finished: " + WorkbenchController.passes(baselineCurve.get().size()) + "."));
        service.setOnCancelled(event -> finish("Gradient baseline stopped after " + WorkbenchController.passes(baselineCurve.get().size()) + "."));
        service.setOnFailed(event -> {
            Throwable error = service.getException();
            LOG.error("Gradient baseline failed", error);
            finish("Gradient baseline failed: " + (error == null ? "unknown error" : error.getMessage()));
        });
    }

    /** EP's test accuracy after each pass of the current posterior (Bayesian prediction). */
    public ObservableList<CurvePoint> epCurve() {
        return epCurveView;
    }

    /** Returns the baseline's test accuracy after each pass of the last comparison, growing while it runs. */
    public ReadOnlyObjectProperty<List<CurvePoint>> baselineCurveProperty() {
        return baselineCurve.getReadOnlyProperty();
    }

    /** Tells whether the baseline is training. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Returns the baseline's progress, from 0 to 1, or -1 before its first pass starts. */
    public ReadOnlyDoubleProperty progressProperty() {
        return service.progressProperty();
    }

    /** Returns a line on what the comparison is doing or why it cannot start. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Layout key under which a project keeps the baseline's curve. */
    static final String BASELINE_KEY = "comparison.baseline";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Adds the baseline's finished passes to a project's layout, when there are any. */
    void saveBaseline(java.util.Map<String, String> layout) {
        List<CurvePoint> points = baselineCurve.get();
        if (points.isEmpty()) {
            return;
        }
        com.fasterxml.jackson.databind.node.ArrayNode array = JSON.createArrayNode();
        for (CurvePoint point : points) {
            array.addObject().put("pass", point.pass()).put("seconds", point.seconds()).put("accuracy", point.accuracy());
        }
        layout.put(BASELINE_KEY, array.toString());
    }

    /**
     * Shows the baseline curve that a project saved beside the EP passes it recorded. Call it
     * after the EP passes are back, because the curve belongs to them.
     *
     * @return null when the layout has no baseline or it was restored, else a sentence on why it was not
     */
    String restoreBaseline(java.util.Map<String, String> layout) {
        String text = layout.get(BASELINE_KEY);
        if (text == null || running.get()) {
            return null;
        }
        List<CurvePoint> points = new java.util.ArrayList<>();
        try {
            for (com.fasterxml.jackson.databind.JsonNode node : JSON.readTree(text)) {
                if (!node.path("pass").canConvertToInt() || !node.path("seconds").isNumber() || !node.path("accuracy").isNumber()) {
                    return "The project's gradient baseline has a pass without a number, seconds or accuracy and was"
                            + " not loaded; press Compare to train it again.";
                }
                points.add(new CurvePoint(node.get("pass").asInt(), node.get("seconds").asDouble(), node.get("accuracy").asDouble()));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "The project's gradient baseline is not valid JSON and was not loaded; press Compare to train it again.";
        }
        if (points.isEmpty() || epCurve.isEmpty()) {
            return null;
        }
        baselineCurve.set(List.copyOf(points));
        status.set("Saved gradient baseline: " + WorkbenchController.passes(points.size()) + ".");
        return null;
    }

    /** Appends EP's result after a pass; regression passes have no accuracy and are skipped. */
    void recordEpPass(PassSummary summary) {
        double accuracy = summary.test().bayesian().accuracy();
        if (Double.isNaN(accuracy)) {
            return;
        }
        epSeconds += summary.seconds();
        epCurve.add(new CurvePoint(summary.pass(), epSeconds, accuracy));
    }

    /** Forgets both curves, because the posterior they belong to was discarded. Stops a running baseline. */
    void clear() {
        cancel();
        epCurve.clear();
        epSeconds = 0;
        baselineCurve.set(List.of());
        status.set(FIRST_STATUS);
    }

    /**
     * Checks that the baseline can train {@code network} on {@code data}.
     *
     * @return null when it can, else the reason in a sentence
     */
    static String problemWith(NetworkSpec network, TrainingData data) {
        if (!data.classification()) {
            return "The gradient baseline needs class labels; " + data.train().name() + " is a regression dataset.";
        }
        try {
            org.epsnn.model.baseline.SurrogateGradientTrainer.checkNetwork(network);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage() + ".";
        }
    }

    /**
     * Trains the baseline in the background for as many passes as EP has run, on the same data
     * and network, at EP's later-pass batch size, seed and thread count.
     */
    void startBaseline(NetworkSpec network, InputEncoding encoding, TrainingData data, TrainingSettings settings) {
        if (running.get() || epCurve.isEmpty()) {
            return;
        }
        SurrogateGradientSettings baselineSettings = SurrogateGradientSettings.defaults()
                .withBatchSize(settings.batchSize())
                .withPasses(epCurve.size())
                .withSeed(settings.seed())
                .withThreads(settings.threads());
        LOG.info("Comparing EP with the gradient baseline on {}: {}", network.sizesText(), baselineSettings);
        baselineCurve.set(List.of());
        service.setRequest(new BaselineService.Request(network, encoding, data, baselineSettings));
        running.set(true);
        status.set("Gradient baseline: training pass 1 of " + epCurve.size() + " ...");
        // restart() would move a finished service through CANCELLED, whose handler ends this run
        // before it starts. The service is not running here, so reset() and start() are enough.
        if (service.getState() != javafx.concurrent.Worker.State.READY) {
            service.reset();
        }
        service.start();
    }

    /** Stops the baseline after its current pass; the passes done so far stay on the chart. */
    void cancel() {
        if (service.isRunning()) {
            service.cancel();
        }
    }

    /** Shows a line in the comparison's status, for example why it cannot start. */
    void showStatus(String text) {
        status.set(text);
    }

    private void finish(String text) {
        status.set(text);
        running.set(false);
    }
}
