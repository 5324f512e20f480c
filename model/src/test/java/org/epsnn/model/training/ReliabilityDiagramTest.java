package org.epsnn.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReliabilityDiagramTest {

    @Test
    void binsHoldConfidenceAndAccuracy() {
        // Two samples at confidence 0.9 (one right), one at 0.6 (right); 2 classes, 10 bins.
        double[] probabilities = {0.9, 0.1, 0.9, 0.1, 0.4, 0.6};
        int[] labels = {0, 1, 1};

        ReliabilityDiagram diagram = ReliabilityDiagram.of(probabilities, 2, labels, 3, 10);

        assertThat(diagram.counts()[9]).isEqualTo(2);
        assertThat(diagram.meanConfidence()[9]).isCloseTo(0.9, within(1e-12));
        assertThat(diagram.accuracy()[9]).isCloseTo(0.5, within(1e-12));
        assertThat(diagram.counts()[6]).isEqualTo(1);
        assertThat(diagram.accuracy()[6]).isEqualTo(1.0);
        assertThat(diagram.accuracy()[0]).isNaN();
        // ECE = 2/3 |0.5 - 0.9| + 1/3 |1 - 0.6|
        assertThat(diagram.calibrationError()).isCloseTo(2.0 / 3 * 0.4 + 1.0 / 3 * 0.4, within(1e-12));
    }

    @Test
    void confidenceOfOneGoesToLastBin() {
        ReliabilityDiagram diagram = ReliabilityDiagram.of(new double[] {1.0, 0.0}, 2, new int[] {0}, 1, 15);

        assertThat(diagram.counts()[14]).isEqualTo(1);
        assertThat(diagram.calibrationError()).isEqualTo(0.0);
    }

    @Test
    void calibrationErrorMatchesClassificationMetrics() {
        SplittableRandom random = new SplittableRandom(7);
        int samples = 500;
        int classes = 4;
        double[] probabilities = new double[samples * classes];
        int[] labels = new int[samples];
        for (int s = 0; s < samples; s++) {
            double total = 0;
            for (int k = 0; k < classes; k++) {
                probabilities[s * classes + k] = random.nextDouble();
                total += probabilities[s * classes + k];
            }
            for (int k = 0; k < classes; k++) {
                probabilities[s * classes + k] /= total;
            }
            labels[s] = random.nextInt(classes);
        }

        ReliabilityDiagram diagram = ReliabilityDiagram.of(probabilities, classes, labels, samples,
                ClassificationMetrics.CALIBRATION_BINS);

        assertThat(diagram.calibrationError())
                .isEqualTo(ClassificationMetrics.of(probabilities, classes, labels, samples).calibrationError());
        assertThat(java.util.Arrays.stream(diagram.counts()).sum()).isEqualTo(samples);
    }

    @Test
    void rejectsZeroBins() {
        assertThatThrownBy(() -> ReliabilityDiagram.of(new double[0], 2, new int[0], 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A reliability diagram needs at least 1 bin, got 0");
    }
}
