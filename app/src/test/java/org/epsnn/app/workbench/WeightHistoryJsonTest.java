package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.epsnn.views.chart.Histogram;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.heatmap.HistogramHistory;
import org.junit.jupiter.api.Test;

class WeightHistoryJsonTest {

    @Test
    void keepsEveryLayersHistory() {
        ValueRange first = new ValueRange(-1, 1);
        ValueRange second = new ValueRange(-3, 2);
        List<WeightHistoryJson.Saved> saved = List.of(
                new WeightHistoryJson.Saved(1, first, List.of(
                        new HistogramHistory.Step(10, Histogram.ofCounts(first, new long[] {1, 2, 3}, 0, 0)),
                        new HistogramHistory.Step(20, Histogram.ofCounts(first, new long[] {0, 4, 2}, 1, 0)))),
                new WeightHistoryJson.Saved(2, second, List.of(
                        new HistogramHistory.Step(10, Histogram.ofCounts(second, new long[] {5, 0, 1}, 0, 2)))));

        List<WeightHistoryJson.Saved> read = WeightHistoryJson.read(WeightHistoryJson.write(saved));

        assertThat(read).as("layers read back").extracting(WeightHistoryJson.Saved::layer).containsExactly(1, 2);
        assertThat(describe(read.get(0))).as("layer 1").isEqualTo(describe(saved.get(0)));
        assertThat(describe(read.get(1))).as("layer 2").isEqualTo(describe(saved.get(1)));
    }

    @Test
    void readsOneLayerHistoryOfOlderFiles() {
        String older = "{\"layer\":2,\"low\":-1.0,\"high\":1.0,\"steps\":[{\"time\":50.0,\"counts\":[1,0,3],"
                + "\"nonFinite\":0,\"clamped\":1}]}";

        List<WeightHistoryJson.Saved> read = WeightHistoryJson.read(older);

        assertThat(read).as("histories read").hasSize(1);
        assertThat(read.get(0).layer()).as("layer").isEqualTo(2);
        assertThat(describe(read.get(0))).as("range and steps").containsExactly("range " + new ValueRange(-1, 1),
                "50.0: 1 0 3, non-finite 0, clamped 1");
    }

    @Test
    void rejectsEmptyRangeNamingLayer() {
        String text = "{\"layers\":[{\"layer\":3,\"low\":1.0,\"high\":1.0,\"steps\":[]}]}";

        assertThatThrownBy(() -> WeightHistoryJson.read(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 3").hasMessageContaining("1.0 to 1.0");
    }

    /** Writes a history as its range and one line per step, because histograms compare by identity. */
    private static List<String> describe(WeightHistoryJson.Saved history) {
        List<String> lines = new ArrayList<>();
        lines.add("range " + history.range());
        for (HistogramHistory.Step step : history.steps()) {
            Histogram histogram = step.histogram();
            StringBuilder line = new StringBuilder(step.time() + ":");
            for (int bin = 0; bin < histogram.binCount(); bin++) {
                line.append(' ').append(histogram.count(bin));
            }
            line.append(", non-finite ").append(histogram.nonFiniteCount()).append(", clamped ").append(histogram.clampedCount());
            lines.add(line.toString());
        }
        return lines;
    }
}
