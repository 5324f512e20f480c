package org.epsnn.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrokeDigitsTest {

    @Test
    void generatesImagesOfRequestedSize() {
        Dataset digits = Generators.strokeDigits(50, 20, 0.1, 1);

        assertThat(digits.name()).isEqualTo("strokes");
        assertThat(digits.rows()).isEqualTo(50);
        assertThat(digits.columns()).isEqualTo(400);
        assertThat(digits.imageWidth()).isEqualTo(20);
        assertThat(digits.imageHeight()).isEqualTo(20);
        assertThat(digits.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void pixelsStayInUnitInterval() {
        Dataset digits = Generators.strokeDigits(200, 14, 0.3, 2);

        for (double pixel : digits.features()) {
            assertThat(pixel).isBetween(0.0, 1.0);
        }
    }

    @Test
    void classesAreBalanced() {
        Dataset digits = Generators.strokeDigits(1000, 14, 0.1, 3);

        assertThat(GeneratorsTest.classCounts(digits)).containsOnly(100);
    }

    @Test
    void generationIsDeterministicBySeed() {
        Dataset first = Generators.strokeDigits(30, 14, 0.1, 4);
        Dataset second = Generators.strokeDigits(30, 14, 0.1, 4);
        Dataset other = Generators.strokeDigits(30, 14, 0.1, 5);

        assertThat(first.features()).isEqualTo(second.features());
        assertThat(first.labels()).containsExactly(second.labels());
        assertThat(first.features()).isNotEqualTo(other.features());
    }

    @Test
    void samplesOfOneDigitVary() {
        Dataset digits = Generators.strokeDigits(20, 14, 0.0, 6);

        int firstRow = -1;
        for (int row = 0; row < digits.rows(); row++) {
            if (digits.labels()[row] != 3) {
                continue;
            }
            if (firstRow < 0) {
                firstRow = row;
            } else {
                assertThat(pixelsOf(digits, row)).isNotEqualTo(pixelsOf(digits, firstRow));
            }
        }
    }

    @Test
    void everyTemplateDrawsSomething() {
        for (int digit = 0; digit < StrokeDigits.glyphCount(); digit++) {
            double ink = 0;
            for (double pixel : StrokeDigits.renderTemplate(digit, 14)) {
                ink += pixel;
            }
            assertThat(ink).as("ink of digit %d", digit).isGreaterThan(10);
        }
    }

    @Test
    void noTwoTemplatesAreAlike() {
        int size = 14;
        for (int first = 0; first < 10; first++) {
            for (int second = first + 1; second < 10; second++) {
                double[] a = StrokeDigits.renderTemplate(first, size);
                double[] b = StrokeDigits.renderTemplate(second, size);
                double difference = 0;
                for (int pixel = 0; pixel < a.length; pixel++) {
                    difference += Math.abs(a[pixel] - b[pixel]);
                }
                // At least 10 whole pixels of ink differ between any two digits.
                assertThat(difference).as("pixels that differ between %d and %d", first, second).isGreaterThan(10);
            }
        }
    }

    @Test
    void nearestClassMeanSeparatesDigits() {
        TrainTestSplit split = BuiltInDatasets.generate("strokes", 2024);
        Dataset train = split.train();
        Dataset test = split.test();
        int pixels = train.columns();

        double[][] means = new double[10][pixels];
        int[] counts = GeneratorsTest.classCounts(train);
        for (int row = 0; row < train.rows(); row++) {
            int label = train.labels()[row];
            for (int pixel = 0; pixel < pixels; pixel++) {
                means[label][pixel] += train.feature(row, pixel) / counts[label];
            }
        }

        int correct = 0;
        for (int row = 0; row < test.rows(); row++) {
            int nearest = -1;
            double nearestDistance = Double.POSITIVE_INFINITY;
            for (int label = 0; label < 10; label++) {
                double distance = 0;
                for (int pixel = 0; pixel < pixels; pixel++) {
                    double difference = test.feature(row, pixel) - means[label][pixel];
                    distance += difference * difference;
                }
                if (distance < nearestDistance) {
                    nearestDistance = distance;
                    nearest = label;
                }
            }
            correct += nearest == test.labels()[row] ? 1 : 0;
        }
        assertThat(correct / (double) test.rows()).isGreaterThan(0.8);
    }

    @Test
    void rejectsTooSmallGrid() {
        assertThatThrownBy(() -> Generators.strokeDigits(10, 4, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 8 pixels, got 4");
    }

    @Test
    void rejectsInvertedThicknessRange() {
        assertThatThrownBy(() -> new StrokeDigits.Options(14, 10, 0.9, 1.1, 0.1, 0.05, 0.02, 0.2, 0.1, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thickness");
    }

    private static double[] pixelsOf(Dataset dataset, int row) {
        double[] pixels = new double[dataset.columns()];
        System.arraycopy(dataset.features(), row * dataset.columns(), pixels, 0, pixels.length);
        return pixels;
    }
}
