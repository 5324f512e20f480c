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
import org.epsnn.views.heatmap.HistogramHistoryView;

/**
 * The weight history of the Weights tab as JSON text for a project's layout: the layer, the
 * binned range and, for each step, its time and bin counts.
 */
final class WeightHistoryJson {

    /** Layout key of the history. */
    static final String KEY = "plots.weightHistory";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A history read back: the layer it belongs to, its range and its steps. */
    record Saved(int layer, ValueRange range, List<HistogramHistoryView.Step> steps) {
    }

    private WeightHistoryJson() {
    }

    static String write(int layer, ValueRange range, List<HistogramHistoryView.Step> steps) {
        ObjectNode root = JSON.createObjectNode();
        root.put("layer", layer).put("low", range.low()).put("high", range.high());
        ArrayNode array = root.putArray("steps");
        for (HistogramHistoryView.Step step : steps) {
            ObjectNode node = array.addObject();
            node.put("time", step.time());
            Histogram histogram = step.histogram();
            ArrayNode counts = node.putArray("counts");
            for (int bin = 0; bin < histogram.binCount(); bin++) {
                counts.add(histogram.count(bin));
            }
            node.put("nonFinite", histogram.nonFiniteCount()).put("clamped", histogram.clampedCount());
        }
        return root.toString();
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IllegalArgumentException naming what is wrong, when the text is not such a history
     */
    static Saved read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the weight history is not valid JSON");
        }
        if (!root.path("layer").canConvertToInt() || !root.path("low").isNumber() || !root.path("high").isNumber()
                || !root.path("steps").isArray()) {
            throw new IllegalArgumentException("the weight history lacks its layer, range or steps");
        }
        double low = root.get("low").asDouble();
        double high = root.get("high").asDouble();
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("the weight history's range " + low + " to " + high + " is empty or not finite");
        }
        ValueRange range = new ValueRange(low, high);
        List<HistogramHistoryView.Step> steps = new ArrayList<>();
        for (JsonNode node : root.get("steps")) {
            JsonNode counts = node.path("counts");
            if (!node.path("time").isNumber() || !counts.isArray() || counts.isEmpty()) {
                throw new IllegalArgumentException("a step of the weight history lacks its time or counts");
            }
            long[] values = new long[counts.size()];
            for (int bin = 0; bin < values.length; bin++) {
                if (!counts.get(bin).canConvertToLong()) {
                    throw new IllegalArgumentException("a count of the weight history is not a whole number");
                }
                values[bin] = counts.get(bin).asLong();
            }
            steps.add(new HistogramHistoryView.Step(node.get("time").asDouble(),
                    Histogram.ofCounts(range, values, node.path("nonFinite").asLong(0), node.path("clamped").asLong(0))));
        }
        return new Saved(root.get("layer").asInt(), range, steps);
    }
}
