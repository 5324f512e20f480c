package org.epsnn.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShiftedInputsTest {

    /** A 3 x 3 image with distinct values, row-major: row 0 is 1 2 3. */
    private static final double[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void rotateByNinetyTurnsCounterClockwise() {
        double[] rotated = ShiftedInputs.rotate(IMAGE, 3, 3, 90);

        // The top row 1 2 3 becomes the left column, read from bottom to top.
        assertThat(rotated).containsExactly(new double[] {3, 6, 9, 2, 5, 8, 1, 4, 7}, within(1e-12));
    }

    @Test
    void fourQuarterTurnsRestoreImage() {
        double[] image = ShiftedInputs.uniformNoise(28 * 28, new SplittableRandom(3));
        double[] turned = image;
        for (int turn = 0; turn < 4; turn++) {
            turned = ShiftedInputs.rotate(turned, 28, 28, 90);
        }

        assertThat(turned).containsExactly(image, within(1e-12));
    }

    @Test
    void rotateByZeroKeepsImage() {
        assertThat(ShiftedInputs.rotate(IMAGE, 3, 3, 0)).containsExactly(IMAGE, within(1e-12));
    }

    @Test
    void rotateByFortyFiveFillsCornersWithZero() {
        double[] ones = new double[81];
        java.util.Arrays.fill(ones, 1.0);

        double[] rotated = ShiftedInputs.rotate(ones, 9, 9, 45);

        // The corner's source lies 4 sqrt(2) pixels from the centre, more than a pixel beyond the edge.
        assertThat(rotated[0]).as("corner").isEqualTo(0.0);
        assertThat(rotated[40]).as("centre").isCloseTo(1.0, within(1e-12));
    }

    @Test
    void rotateRejectsWrongSize() {
        assertThatThrownBy(() -> ShiftedInputs.rotate(IMAGE, 2, 2, 90))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Image of 2 x 2 needs 4 values, got 9");
    }

    @Test
    void invertMirrorsGreyLevels() {
        assertThat(ShiftedInputs.invert(new double[] {0, 0.25, 1})).containsExactly(1, 0.75, 0);
    }

    @Test
    void uniformNoiseStaysInUnitInterval() {
        double[] noise = ShiftedInputs.uniformNoise(10_000, new SplittableRandom(1));
        double mean = java.util.Arrays.stream(noise).average().orElseThrow();

        assertThat(java.util.Arrays.stream(noise).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(java.util.Arrays.stream(noise).max().orElseThrow()).isLessThan(1.0);
        assertThat(mean).isCloseTo(0.5, within(0.02));
    }

    @Test
    void rotatedDatasetKeepsLabels() {
        Dataset images = Dataset.classification("tiny", 2, 9, concat(IMAGE, IMAGE), new int[] {0, 1}, List.of("a", "b"))
                .image(3, 3).build();

        Dataset rotated = ShiftedInputs.rotated(images, 90);

        assertThat(rotated.labels()).containsExactly(0, 1);
        assertThat(rotated.feature(1, 0)).isEqualTo(3.0);
        assertThat(rotated.isImage()).isTrue();
    }

    @Test
    void rotatedRejectsNonImageData() {
        Dataset table = Dataset.classification("table", 2, 2, new double[] {0, 1, 1, 0}, new int[] {0, 1}, List.of("a", "b"))
                .build();

        assertThatThrownBy(() -> ShiftedInputs.rotated(table, 90))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an image dataset");
    }

    private static double[] concat(double[] first, double[] second) {
        double[] result = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
