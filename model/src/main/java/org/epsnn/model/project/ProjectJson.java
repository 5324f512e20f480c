package org.epsnn.model.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epsnn.model.training.ClassificationMetrics;
import org.epsnn.model.training.Evaluation;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.RegressionMetrics;

/**
 * The JSON entries of a version 2 project file other than the setup: the posterior's metadata in
 * {@code project.json}, the metric history ({@code metrics.json}) and the layout
 * ({@code layout.json}). Doubles are written in Java's shortest round-trip form, so they read back
 * bitwise; NaN is written as {@code null}, because JSON has no NaN.
 */
final class ProjectJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProjectJson() {
    }

    /** The entry names of layer {@code index} (0-based) in the archive. */
    record LayerEntries(String prior, String siteShift, String sitePrecision, String mean, String variance) {
        static LayerEntries of(int index) {
            String prefix = "posterior/layer-" + (index + 1) + "-";
            return new LayerEntries(prefix + "prior.npy", prefix + "site-shift.npy", prefix + "site-precision.npy",
                    prefix + "mean.npy", prefix + "variance.npy");
        }
    }

    /** Converts the posterior's position and scalars to JSON, with the names of the entries that contain its arrays. */
    static ObjectNode posterior(PosteriorState posterior) {
        ObjectNode node = NODES.objectNode();
        node.put("completedPasses", posterior.completedPasses());
        node.put("samplesIntoPass", posterior.samplesIntoPass());
        node.put("samplesSeen", posterior.samplesSeen());
        node.set("targetMean", numbers(posterior.targetMean()));
        node.set("targetScale", numbers(posterior.targetScale()));
        ArrayNode layers = node.putArray("layers");
        for (int l = 0; l < posterior.layers().size(); l++) {
            LayerEntries entries = LayerEntries.of(l);
            ObjectNode layer = layers.addObject();
            layer.put("count", posterior.layers().get(l).count());
            layer.put("prior", entries.prior());
            layer.put("siteShift", entries.siteShift());
            layer.put("sitePrecision", entries.sitePrecision());
            layer.put("mean", entries.mean());
            layer.put("variance", entries.variance());
        }
        return node;
    }

    /** The counts and positions read from {@code project.json}, before the arrays are read. */
    record PosteriorHeader(int completedPasses, int samplesIntoPass, long samplesSeen, double[] targetMean,
                           double[] targetScale, double[] counts) {
    }

    static PosteriorHeader posteriorHeader(ProjectSetupJson.Reader reader, Path file, JsonNode node) throws ProjectFormatException {
        JsonNode layers = node.path("layers");
        if (!layers.isArray()) {
            throw new ProjectFormatException(file, "field posterior.layers is missing or not a list");
        }
        double[] counts = new double[layers.size()];
        for (int l = 0; l < counts.length; l++) {
            counts[l] = reader.number(layers.get(l), "count", "posterior.layers[" + l + "].count");
            if (!(counts[l] >= 0) || !Double.isFinite(counts[l])) {
                throw new ProjectFormatException(file, "field posterior.layers[" + l + "].count is " + counts[l]
                        + "; expected 0 or more. The file is damaged; open a backup or retrain");
            }
        }
        int completed = reader.integer(node, "completedPasses", "posterior.completedPasses");
        int intoPass = reader.integer(node, "samplesIntoPass", "posterior.samplesIntoPass");
        long seen = reader.longValue(node, "samplesSeen", "posterior.samplesSeen");
        if (completed < 0 || intoPass < 0 || seen < 0) {
            throw new ProjectFormatException(file, "has a negative training position (completedPasses " + completed
                    + ", samplesIntoPass " + intoPass + ", samplesSeen " + seen + "). The file is damaged; open a backup or retrain");
        }
        return new PosteriorHeader(completed, intoPass, seen, reader.numbers(node, "targetMean", "posterior.targetMean"),
                reader.numbers(node, "targetScale", "posterior.targetScale"), counts);
    }

    /** Converts the metric history to the tree of {@code metrics.json}. */
    static ObjectNode history(List<PassSummary> history) {
        ObjectNode root = NODES.objectNode();
        ArrayNode passes = root.putArray("passes");
        for (PassSummary summary : history) {
            ObjectNode node = passes.addObject();
            node.put("pass", summary.pass());
            putNumber(node, "seconds", summary.seconds());
            putNumber(node, "evaluationSeconds", summary.evaluationSeconds());
            node.put("samplesSeen", summary.samplesSeen());
            putNumber(node, "runningTrainAccuracy", summary.runningTrainAccuracy());
            node.set("train", evaluation(summary.train()));
            node.set("test", evaluation(summary.test()));
            node.put("clippedCount", summary.clippedCount());
            putNumber(node, "samplesPerSecond", summary.samplesPerSecond());
        }
        return root;
    }

    static List<PassSummary> history(ProjectSetupJson.Reader reader, Path file, JsonNode root) throws ProjectFormatException {
        JsonNode passes = root.path("passes");
        if (!passes.isArray()) {
            throw new ProjectFormatException(file, "entry metrics.json has no list 'passes'");
        }
        List<PassSummary> history = new ArrayList<>();
        for (int i = 0; i < passes.size(); i++) {
            JsonNode node = passes.get(i);
            String where = "metrics.json passes[" + i + "]";
            history.add(new PassSummary(reader.integer(node, "pass", where + ".pass"),
                    number(reader, node, "seconds", where), number(reader, node, "evaluationSeconds", where),
                    reader.longValue(node, "samplesSeen", where + ".samplesSeen"),
                    number(reader, node, "runningTrainAccuracy", where),
                    evaluation(reader, node.path("train"), where + ".train"),
                    evaluation(reader, node.path("test"), where + ".test"),
                    reader.longValue(node, "clippedCount", where + ".clippedCount"),
                    number(reader, node, "samplesPerSecond", where)));
        }
        return history;
    }

    private static ObjectNode evaluation(Evaluation evaluation) {
        ObjectNode node = NODES.objectNode();
        ClassificationMetrics bayesian = evaluation.bayesian();
        putNumber(node, "accuracy", bayesian.accuracy());
        putNumber(node, "negativeLogLikelihood", bayesian.negativeLogLikelihood());
        putNumber(node, "calibrationError", bayesian.calibrationError());
        node.put("classificationSamples", bayesian.samples());
        putNumber(node, "deterministicAccuracy", evaluation.deterministicAccuracy());
        RegressionMetrics regression = evaluation.bayesianRegression();
        putNumber(node, "rootMeanSquaredError", regression.rootMeanSquaredError());
        putNumber(node, "logLikelihood", regression.logLikelihood());
        node.put("regressionSamples", regression.samples());
        putNumber(node, "deterministicRootMeanSquaredError", evaluation.deterministicRootMeanSquaredError());
        return node;
    }

    private static Evaluation evaluation(ProjectSetupJson.Reader reader, JsonNode node, String where) throws ProjectFormatException {
        if (!node.isObject()) {
            throw new ProjectFormatException(reader.file(), "field " + where + " is missing or not an object");
        }
        ClassificationMetrics bayesian = new ClassificationMetrics(number(reader, node, "accuracy", where),
                number(reader, node, "negativeLogLikelihood", where), number(reader, node, "calibrationError", where),
                reader.integer(node, "classificationSamples", where + ".classificationSamples"));
        RegressionMetrics regression = new RegressionMetrics(number(reader, node, "rootMeanSquaredError", where),
                number(reader, node, "logLikelihood", where),
                reader.integer(node, "regressionSamples", where + ".regressionSamples"));
        return new Evaluation(bayesian, number(reader, node, "deterministicAccuracy", where), regression,
                number(reader, node, "deterministicRootMeanSquaredError", where));
    }

    /** Converts the layout to the tree of {@code layout.json}: one object of text values. */
    static ObjectNode layout(Map<String, String> layout) {
        ObjectNode root = NODES.objectNode();
        layout.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> root.put(e.getKey(), e.getValue()));
        return root;
    }

    static Map<String, String> stringMap(Path file, JsonNode root, String where) throws ProjectFormatException {
        if (!root.isObject()) {
            throw new ProjectFormatException(file, where + " is not a JSON object");
        }
        Map<String, String> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new ProjectFormatException(file, where + " field '" + field.getKey() + "' is not text");
            }
            map.put(field.getKey(), field.getValue().textValue());
        }
        return map;
    }

    static ObjectNode stringMap(Map<String, String> map) {
        return layout(map);
    }

    private static ArrayNode numbers(double[] values) {
        ArrayNode array = NODES.arrayNode();
        for (double value : values) {
            array.add(value);
        }
        return array;
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else if (Double.isInfinite(value)) {
            node.put(field, value > 0 ? "Infinity" : "-Infinity");
        } else {
            node.put(field, value);
        }
    }

    /** Reads a number that may be {@code null} for NaN. */
    private static double number(ProjectSetupJson.Reader reader, JsonNode node, String field, String where)
            throws ProjectFormatException {
        JsonNode value = node.path(field);
        if (value.isNull()) {
            return Double.NaN;
        }
        if (value.isTextual() && value.textValue().matches("-?Infinity")) {
            return value.textValue().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return reader.number(node, field, where + "." + field);
    }
}
