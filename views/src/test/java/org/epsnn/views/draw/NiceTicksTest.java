package org.epsnn.views.draw;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NiceTicksTest {

    @Test
    void ticksAreRoundNumbers() {
        NiceTicks ticks = NiceTicks.of(new ValueRange(-0.13, 0.97), 5);

        assertThat(ticks.values()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8);
        assertThat(ticks.label(0.6)).isEqualTo("0.6");
    }

    @Test
    void formatTrimsTrailingZeros() {
        assertThat(NiceTicks.format(0.5)).isEqualTo("0.5");
        assertThat(NiceTicks.format(-2)).isEqualTo("-2");
        assertThat(NiceTicks.format(0.000123)).isEqualTo("1.23e-04");
    }

    @Test
    void symmetricRangeCentresZero() {
        ValueRange range = ValueRange.symmetricOfFinite(new double[] {-0.3, Double.NaN, 0.1});

        assertThat(range.low()).isEqualTo(-0.3);
        assertThat(range.high()).isEqualTo(0.3);
    }
}
