package org.epsnn.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeneratorsTest {

    static Stream<Arguments> planeGenerators() {
        return Stream.of(
                Arguments.of("moons", (BuiltInDatasets.Generator) Generators::twoMoons, 2),
                Arguments.of("circles", (BuiltInDatasets.Generator) Generators::circles, 2),
                Arguments.of("xor", (BuiltInDatasets.Generator) Generators::xor, 2),
                Arguments.of("spirals", (BuiltInDatasets.Generator) Generators::spirals, 2),
                Arguments.of("blobs", (BuiltInDatasets.Generator) (n, noise, seed) -> Generators.blobs(n, 4, noise, seed), 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planeGenerators")
    void planeGeneratorIsDeterministicBySeed(String name, BuiltInDatasets.Generator generator, int classes) {
        Dataset first = generator.generate(200, 0.1, 5);
        Dataset second = generator.generate(200, 0.1, 5);
        Dataset other = generator.generate(200, 0.1, 6);

        assertThat(first.features()).isEqualTo(second.features());
        assertThat(first.labels()).containsExactly(second.labels());
        assertThat(first.features()).isNotEqualTo(other.features());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planeGenerators")
    void planeGeneratorHasExpectedShape(String name, BuiltInDatasets.Generator generator, int classes) {
        Dataset dataset = generator.generate(201, 0.1, 5);

        assertThat(dataset.name()).isEqualTo(name);
        assertThat(dataset.rows()).isEqualTo(201);
        assertThat(dataset.columns()).isEqualTo(2);
        assertThat(dataset.featureNames()).containsExactly("x1", "x2");
        assertThat(dataset.classCount()).isEqualTo(classes);
        assertThat(dataset.isImage()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planeGenerators")
    void planeGeneratorBalancesClasses(String name, BuiltInDatasets.Generator generator, int classes) {
        Dataset dataset = generator.generate(1001, 0.1, 5);

        int[] counts = classCounts(dataset);

        // XOR labels each point by its own quadrant, so noise can move a few points across an axis.
        int tolerance = name.equals("xor") ? 20 : 1;
        for (int label = 0; label < classes; label++) {
            assertThat(counts[label]).as("class %d", label).isCloseTo(1001 / classes, within(tolerance));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planeGenerators")
    void planeGeneratorShufflesRows(String name, BuiltInDatasets.Generator generator, int classes) {
        Dataset dataset = generator.generate(100, 0.1, 5);

        int alternating = 0;
        for (int row = 0; row < dataset.rows(); row++) {
            alternating += dataset.labels()[row] == row % classes ? 1 : 0;
        }
        assertThat(alternating).isLessThan(90);
    }

    @Test
    void moonsWithoutNoiseLieOnHalfCircles() {
        Dataset moons = Generators.twoMoons(200, 0, 1);

        for (int row = 0; row < moons.rows(); row++) {
            double x = moons.feature(row, 0);
            double y = moons.feature(row, 1);
            boolean upper = moons.labels()[row] == 0;
            double centreX = upper ? 0 : 1;
            double centreY = upper ? 0 : 0.5;
            assertThat(Math.hypot(x - centreX, y - centreY)).isCloseTo(1.0, within(1e-12));
            assertThat(upper ? y : 0.5 - y).isGreaterThanOrEqualTo(-1e-12);
        }
    }

    @Test
    void circlesWithoutNoiseHaveTwoRadii() {
        Dataset circles = Generators.circles(100, 0, 1);

        for (int row = 0; row < circles.rows(); row++) {
            double radius = Math.hypot(circles.feature(row, 0), circles.feature(row, 1));
            assertThat(radius).isCloseTo(circles.labels()[row] == 0 ? 1.0 : 0.5, within(1e-12));
        }
    }

    @Test
    void xorLabelsBySignProduct() {
        Dataset xor = Generators.xor(400, 0.5, 2);

        for (int row = 0; row < xor.rows(); row++) {
            double product = xor.feature(row, 0) * xor.feature(row, 1);
            assertThat(xor.labels()[row]).isEqualTo(product > 0 ? 0 : 1);
        }
    }

    @Test
    void spiralArmsAreHalfTurnApart() {
        Dataset spirals = Generators.spirals(300, 0, 3);

        for (int row = 0; row < spirals.rows(); row++) {
            double x = spirals.feature(row, 0);
            double y = spirals.feature(row, 1);
            double radius = Math.hypot(x, y);
            // Undo the half turn of the second arm, then the angle must equal radius * endAngle (mod 2 pi).
            double angle = Math.atan2(y, x) - spirals.labels()[row] * Math.PI;
            double expected = radius * (Math.PI / 4 + 3 * Math.PI);
            double difference = Math.IEEEremainder(angle - expected, 2 * Math.PI);
            assertThat(radius).isBetween(0.0, 1.0);
            assertThat(difference).isCloseTo(0.0, within(1e-9));
        }
    }

    @Test
    void blobsClusterAroundTheirCentres() {
        Dataset blobs = Generators.blobs(600, 3, 0.2, 4);

        double[] sumX = new double[3];
        double[] sumY = new double[3];
        for (int row = 0; row < blobs.rows(); row++) {
            sumX[blobs.labels()[row]] += blobs.feature(row, 0) / 200;
            sumY[blobs.labels()[row]] += blobs.feature(row, 1) / 200;
        }
        for (int label = 0; label < 3; label++) {
            double angle = 2 * Math.PI * label / 3;
            assertThat(sumX[label]).as("mean x1 of blob %d", label).isCloseTo(3 * Math.cos(angle), within(0.1));
            assertThat(sumY[label]).as("mean x2 of blob %d", label).isCloseTo(3 * Math.sin(angle), within(0.1));
        }
    }

    @Test
    void gapIsEmpty() {
        Dataset gap = Generators.gap1d(5000, 0.1, 8);

        for (int row = 0; row < gap.rows(); row++) {
            double x = gap.feature(row, 0);
            assertThat(Math.abs(x)).as("|x| of row %d", row).isBetween(Generators.GAP_END, Generators.INPUT_LIMIT);
        }
    }

    @Test
    void gapHasHalfTheInputsOnEachSide() {
        Dataset gap = Generators.gap1d(301, 0.1, 8);

        long negative = Arrays.stream(gap.features()).filter(x -> x < 0).count();

        assertThat(negative).isEqualTo(151);
    }

    @Test
    void gapTargetFollowsSine() {
        Dataset exact = Generators.gap1d(100, 0, 8);
        Dataset noisy = Generators.gap1d(20_000, 0.1, 8);

        for (int row = 0; row < exact.rows(); row++) {
            assertThat(exact.targets()[row]).isEqualTo(Math.sin(exact.feature(row, 0)), within(1e-12));
        }
        double sumOfSquares = 0;
        for (int row = 0; row < noisy.rows(); row++) {
            double residual = noisy.targets()[row] - Math.sin(noisy.feature(row, 0));
            sumOfSquares += residual * residual;
        }
        assertThat(Math.sqrt(sumOfSquares / noisy.rows())).isCloseTo(0.1, within(0.005));
    }

    @Test
    void gapHasRegressionShape() {
        Dataset gap = Generators.gap1d(50, 0.1, 8);

        assertThat(gap.task()).isEqualTo(Dataset.Task.REGRESSION);
        assertThat(gap.columns()).isEqualTo(1);
        assertThat(gap.featureNames()).containsExactly("x");
        assertThat(gap.targetNames()).containsExactly("y");
    }

    @Test
    void gapIsDeterministicBySeed() {
        assertThat(Generators.gap1d(50, 0.1, 8).targets()).containsExactly(Generators.gap1d(50, 0.1, 8).targets());
        assertThat(Generators.gap1d(50, 0.1, 8).targets()).isNotEqualTo(Generators.gap1d(50, 0.1, 9).targets());
    }

    @Test
    void rejectsTooFewSamples() {
        assertThatThrownBy(() -> Generators.blobs(3, 4, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 4, one per class, got 3");
    }

    @Test
    void rejectsNegativeNoise() {
        assertThatThrownBy(() -> Generators.twoMoons(10, -0.1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -0.1");
    }

    @Test
    void rejectsSingleBlob() {
        assertThatThrownBy(() -> Generators.blobs(10, 1, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 classes");
    }

    static int[] classCounts(Dataset dataset) {
        int[] counts = new int[dataset.classCount()];
        for (int label : dataset.labels()) {
            counts[label]++;
        }
        return counts;
    }
}
