package org.epsnn.views.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epsnn.views.draw.ValueRange;
import org.junit.jupiter.api.Test;

class HistogramTest {

    private static int nonEmptyBins(Histogram histogram) {
        int bins = 0;
        for (int b = 0; b < histogram.binCount(); b++) {
            if (histogram.count(b) > 0) {
                bins++;
            }
        }
        return bins;
    }

    @Test
    void identicalValuesFillOneBin() {
        Histogram histogram = Histogram.of(new double[] {0.3, 0.3, 0.3, 0.3}, 10);

        assertThat(nonEmptyBins(histogram)).isEqualTo(1);
        assertThat(histogram.maxCount()).isEqualTo(4);
        assertThat(histogram.range().width()).isPositive();
    }

    @Test
    void identicalZerosFillOneBin() {
        Histogram histogram = Histogram.of(new double[] {0, 0, 0}, 7);

        assertThat(nonEmptyBins(histogram)).isEqualTo(1);
    }

    @Test
    void nanAndInfinityAreCountedApart() {
        Histogram histogram = Histogram.of(new double[] {1, Double.NaN, 2, Double.POSITIVE_INFINITY, 3}, 3);

        assertThat(histogram.nonFiniteCount()).isEqualTo(2);
        assertThat(histogram.binnedCount()).isEqualTo(3);
        assertThat(histogram.count(0) + histogram.count(1) + histogram.count(2)).isEqualTo(3);
    }

    @Test
    void maximumFallsInLastBin() {
        Histogram histogram = Histogram.of(new double[] {0, 1, 2, 3, 4}, 4);

        assertThat(histogram.count(3)).isEqualTo(2);
        assertThat(histogram.binHigh(3)).isEqualTo(4);
    }

    @Test
    void valuesOutsideRangeAreClamped() {
        Histogram histogram = Histogram.of(new double[] {-5, 0.5, 9}, 2, new ValueRange(0, 1));

        assertThat(histogram.clampedCount()).isEqualTo(2);
        assertThat(histogram.count(0)).isEqualTo(1);
        assertThat(histogram.count(1)).isEqualTo(2);
    }

    @Test
    void emptyInputHasNoCounts() {
        Histogram histogram = Histogram.of(new double[0], 5);

        assertThat(histogram.binnedCount()).isZero();
        assertThat(histogram.maxCount()).isZero();
    }

    @Test
    void rejectsZeroBins() {
        assertThatThrownBy(() -> Histogram.of(new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void rebinOnWiderRangeKeepsEveryCount() {
        Histogram narrow = Histogram.of(new double[] {0.1, 0.2, 0.6, 0.9, 0.95, Double.NaN}, 10, new ValueRange(0, 1));

        Histogram wide = narrow.rebin(new ValueRange(-1, 3), 4);

        assertThat(wide.binnedCount()).isEqualTo(5);
        assertThat(wide.nonFiniteCount()).isEqualTo(1);
        assertThat(wide.clampedCount()).isZero();
        assertThat(wide.count(1)).as("bin [0, 1)").isEqualTo(5);
        assertThat(wide.count(0) + wide.count(2) + wide.count(3)).as("other bins").isZero();
    }

    @Test
    void countsRebuildTheSameHistogram() {
        Histogram binned = Histogram.of(new double[] {0.1, 0.4, 0.6, 0.9, 2.0, Double.NaN}, 4, new ValueRange(0, 1));
        long[] counts = new long[binned.binCount()];
        for (int bin = 0; bin < counts.length; bin++) {
            counts[bin] = binned.count(bin);
        }

        Histogram rebuilt = Histogram.ofCounts(binned.range(), counts, binned.nonFiniteCount(), binned.clampedCount());

        for (int bin = 0; bin < counts.length; bin++) {
            assertThat(rebuilt.count(bin)).as("bin %d", bin).isEqualTo(binned.count(bin));
        }
        assertThat(rebuilt.binnedCount()).as("binned").isEqualTo(5);
        assertThat(rebuilt.clampedCount()).as("clamped").isEqualTo(1);
        assertThat(rebuilt.nonFiniteCount()).as("non-finite").isEqualTo(1);
    }

    @Test
    void negativeCountsRejected() {
        assertThatThrownBy(() -> Histogram.ofCounts(new ValueRange(0, 1), new long[] {1, -1}, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }
}
