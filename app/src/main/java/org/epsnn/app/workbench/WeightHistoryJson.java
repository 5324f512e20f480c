package org.epsnn.app.workbench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.epsnn.views.chart.Histogram;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.heatmap.HistogramHistory;

/**
 * The weight histories of the Weights tab as JSON text for a project's layout: for each layer, its
 * number, the binned range and, for each step, its time and bin counts. Files saved before every
 * layer's history was kept hold one layer's history as the top-level object, and {@link #read}
 * accepts that form too.
 */
final class WeightHistoryJson {

    /** Layout key of the histories. */
    static final String KEY = "plots.weightHistory";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A history read back: the layer it belongs to (1 for the first layer with weights), its range and its steps. */
    record Saved(int layer, ValueRange range, List<HistogramHistory.Step> steps) {
    }

    private WeightHistoryJson() {
    }

    /** Writes {@code histories} as {@code {"layers": [{"layer", "low", "high", "steps"}, ...]}}. */
    static String write(List<Saved> histories) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode layers = root.putArray("layers");
        for (Saved history : histories) {
            writeLayer(layers.addObject(), history);
        }
        return root.toString();
    }

    private static void writeLayer(ObjectNode root, Saved history) {
        root.put("layer", history.layer()).put("low", history.range().low()).put("high", history.range().high());
        ArrayNode array = root.putArray("steps");
        for (HistogramHistory.Step step : history.steps()) {
            ObjectNode node = array.addObject();
            node.put("time", step.time());
            Histogram histogram = step.histogram();
            ArrayNode counts = node.putArray("counts");
            for (int bin = 0; bin < histogram.binCount(); bin++) {
                counts.add(histogram.count(bin));
            }
            node.put("nonFinite", histogram.nonFiniteCount()).put("clamped", histogram.clampedCount());
        }
    }

    /**
     * Reads what {@link #write} wrote, or the one history of a file saved before every layer's
     * history was kept.
     *
     * @throws IllegalArgumentException naming what is wrong, when the text is not such a history
     */
    static List<Saved> read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the weight history is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the weight history is not a JSON object");
        }
        if (!root.has("layers")) {
            return List.of(readLayer(root));
        }
        if (!root.get("layers").isArray()) {
            throw new IllegalArgumentException("the weight history's field 'layers' is not a list");
        }
        List<Saved> histories = new ArrayList<>();
        for (JsonNode layer : root.get("layers")) {
            histories.add(readLayer(layer));
        }
        return histories;
    }

    private static Saved readLayer(JsonNode root) {
        if (!root.path("layer").canConvertToInt() || !root.path("low").isNumber() || !root.path("high").isNumber()
                || !root.path("steps").isArray()) {
            throw new IllegalArgumentException("the weight history lacks its layer, range or steps");
        }
        int layer = root.get("layer").asInt();
        double low = root.get("low").asDouble();
        double high = root.get("high").asDouble();
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("the weight history of layer " + layer + " has the range " + low + " to " + high
                    + ", which is empty or not finite");
        }
        ValueRange range = new ValueRange(low, high);
        List<HistogramHistory.Step> steps = new ArrayList<>();
        for (JsonNode node : root.get("steps")) {
            JsonNode counts = node.path("counts");
            if (!node.path("time").isNumber() || !counts.isArray() || counts.isEmpty()) {
                throw new IllegalArgumentException("a step of the weight history of layer " + layer + " lacks its time or counts");
            }
            long[] values = new long[counts.size()];
            for (int bin = 0; bin < values.length; bin++) {
                if (!counts.get(bin).canConvertToLong()) {
                    throw new IllegalArgumentException("a count of the weight history of layer " + layer + " is not a whole number");
                }
                values[bin] = counts.get(bin).asLong();
            }
            steps.add(new HistogramHistory.Step(node.get("time").asDouble(),
                    Histogram.ofCounts(range, values, node.path("nonFinite").asLong(0), node.path("clamped").asLong(0))));
        }
        return new Saved(layer, range, steps);
    }
}
