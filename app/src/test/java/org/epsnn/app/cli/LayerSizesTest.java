package org.epsnn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LayerSizesTest {

    private static final String DATASET = "dataset digits (10 classes)";

    @Test
    void autoTakesDatasetSizes() {
        assertThat(LayerSizes.resolve("auto-100-auto", 784, 10, DATASET)).containsExactly(784, 100, 10);
    }

    @Test
    void autoIgnoresLetterCase() {
        assertThat(LayerSizes.resolve("AUTO-20-Auto", 2, 3, DATASET)).containsExactly(2, 20, 3);
    }

    @Test
    void fullSizesAccepted() {
        assertThat(LayerSizes.resolve("784-500-300-10", 784, 10, DATASET)).containsExactly(784, 500, 300, 10);
    }

    @Test
    void noHiddenLayerAccepted() {
        assertThat(LayerSizes.resolve("auto-auto", 4, 2, DATASET)).containsExactly(4, 2);
    }

    @Test
    void wrongInputSizeNamesExpectedSize() {
        assertThatThrownBy(() -> LayerSizes.resolve("100-50-10", 784, 10, DATASET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts with 100 inputs")
                .hasMessageContaining("has 784 features")
                .hasMessageContaining("write 784-50-10");
    }

    @Test
    void wrongOutputSizeNamesExpectedSize() {
        assertThatThrownBy(() -> LayerSizes.resolve("784-500-9", 784, 10, DATASET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends with 9 outputs")
                .hasMessageContaining("needs 10")
                .hasMessageContaining("write 784-500-10");
    }

    @Test
    void autoRejectedForHiddenLayer() {
        assertThatThrownBy(() -> LayerSizes.resolve("auto-auto-auto", 784, 10, DATASET))
                .hasMessageContaining("only allowed for the input and the output size");
    }

    @Test
    void nonNumberNamesPart() {
        assertThatThrownBy(() -> LayerSizes.resolve("784-five-10", 784, 10, DATASET))
                .hasMessageContaining("part 2 ('five') is not a whole number");
    }

    @Test
    void zeroSizeRejected() {
        assertThatThrownBy(() -> LayerSizes.resolve("784-0-10", 784, 10, DATASET))
                .hasMessageContaining("part 2 must be at least 1, got 0");
    }

    @Test
    void singleSizeRejected() {
        assertThatThrownBy(() -> LayerSizes.resolve("784", 784, 10, DATASET))
                .hasMessageContaining("needs at least an input and an output size");
    }

    @Test
    void emptyPartRejected() {
        assertThatThrownBy(() -> LayerSizes.resolve("784--10", 784, 10, DATASET))
                .hasMessageContaining("part 2 ('') is not a whole number");
    }
}
