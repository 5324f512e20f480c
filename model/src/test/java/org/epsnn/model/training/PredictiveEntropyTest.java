package org.epsnn.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PredictiveEntropyTest {

    @Test
    void certainPredictionHasZeroEntropy() {
        assertThat(PredictiveEntropy.of(new double[] {0, 1, 0}, 0, 3)).isEqualTo(0.0);
    }

    @Test
    void uniformPredictionHasLogOfClassCount() {
        double[] uniform = new double[10];
        java.util.Arrays.fill(uniform, 0.1);

        assertThat(PredictiveEntropy.of(uniform, 0, 10)).isCloseTo(Math.log(10), within(1e-12));
    }

    @Test
    void rowsUseTheirOwnOffsets() {
        double[] rows = {0.5, 0.5, 1.0, 0.0};

        double[] entropies = PredictiveEntropy.ofRows(rows, 2);

        assertThat(entropies).containsExactly(new double[] {Math.log(2), 0.0}, within(1e-12));
        assertThat(PredictiveEntropy.mean(entropies)).isCloseTo(Math.log(2) / 2, within(1e-12));
    }

    @Test
    void meanOfNothingIsNaN() {
        assertThat(PredictiveEntropy.mean(new double[0])).isNaN();
    }
}
