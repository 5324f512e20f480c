package org.epsnn.views.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecimatedSeriesTest {

    @Test
    void keepsEveryPointBelowLimit() {
        DecimatedSeries series = new DecimatedSeries(100);
        for (int i = 0; i < 100; i++) {
            series.add(i, i * i);
        }

        assertThat(series.shownCount()).isEqualTo(100);
        assertThat(series.isDecimated()).isFalse();
        assertThat(series.shownY(99)).isEqualTo(99.0 * 99.0);
    }

    @Test
    void decimationKeepsSingleSpikeMax() {
        DecimatedSeries series = new DecimatedSeries(2000);
        for (int i = 0; i < 100_000; i++) {
            series.add(i, i == 54_321 ? 1000 : Math.sin(i * 0.01));
        }

        double largest = Double.NEGATIVE_INFINITY;
        double largestX = Double.NaN;
        for (int i = 0; i < series.shownCount(); i++) {
            if (series.shownY(i) > largest) {
                largest = series.shownY(i);
                largestX = series.shownX(i);
            }
        }
        assertThat(series.isDecimated()).isTrue();
        assertThat(largest).isEqualTo(1000);
        assertThat(largestX).isEqualTo(54_321);
    }

    @Test
    void decimationKeepsSingleDipMin() {
        DecimatedSeries series = new DecimatedSeries(50);
        for (int i = 0; i < 10_000; i++) {
            series.add(i, i == 7 ? -5 : 1);
        }

        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < series.shownCount(); i++) {
            smallest = Math.min(smallest, series.shownY(i));
        }
        assertThat(smallest).isEqualTo(-5);
    }

    @Test
    void shownCountNeverExceedsLimit() {
        DecimatedSeries series = new DecimatedSeries(101);
        for (int i = 0; i < 50_000; i++) {
            series.add(i, (i * 7919) % 1000);
            assertThat(series.shownCount()).isLessThanOrEqualTo(101);
        }
        assertThat(series.receivedCount()).isEqualTo(50_000);
    }

    @Test
    void shownPointsStayInArrivalOrder() {
        DecimatedSeries series = new DecimatedSeries(64);
        for (int i = 0; i < 5_000; i++) {
            series.add(i, Math.cos(i));
        }

        for (int i = 1; i < series.shownCount(); i++) {
            assertThat(series.shownX(i)).isGreaterThan(series.shownX(i - 1));
        }
    }

    @Test
    void decimatedSeriesKeepsFirstAndLatestRange() {
        DecimatedSeries series = new DecimatedSeries(40);
        for (int i = 0; i < 1_000; i++) {
            series.add(i, i);
        }

        assertThat(series.shownX(0)).isEqualTo(0);
        assertThat(series.shownX(series.shownCount() - 1)).isEqualTo(999);
    }

    @Test
    void nonFinitePointsAreSkippedAndCounted() {
        DecimatedSeries series = new DecimatedSeries(10);
        series.add(0, 1);
        series.add(1, Double.NaN);
        series.add(Double.POSITIVE_INFINITY, 2);
        series.add(3, Double.NEGATIVE_INFINITY);
        series.add(4, 5);

        assertThat(series.shownCount()).isEqualTo(2);
        assertThat(series.skippedCount()).isEqualTo(3);
        assertThat(series.shownY(1)).isEqualTo(5);
    }

    @Test
    void rejectsTooSmallLimit() {
        assertThatThrownBy(() -> new DecimatedSeries(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 3");
    }
}
