package org.epsnn.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SplitsTest {

    /** 100 rows whose single feature is the row index, 80 of class 0 and 20 of class 1. */
    private static Dataset imbalanced() {
        double[] features = new double[100];
        int[] labels = new int[100];
        for (int row = 0; row < 100; row++) {
            features[row] = row;
            labels[row] = row < 80 ? 0 : 1;
        }
        return Dataset.classification("imbalanced", 100, 1, features, labels, List.of("a", "b")).build();
    }

    @Test
    void splitKeepsEveryRowOnce() {
        TrainTestSplit split = Splits.trainTest(imbalanced(), 0.25, 3);

        Set<Double> rows = new HashSet<>();
        for (double value : split.train().features()) {
            rows.add(value);
        }
        for (double value : split.test().features()) {
            rows.add(value);
        }
        assertThat(split.train().rows() + split.test().rows()).isEqualTo(100);
        assertThat(rows).hasSize(100);
    }

    @Test
    void splitIsStratified() {
        TrainTestSplit split = Splits.trainTest(imbalanced(), 0.25, 3);

        assertThat(split.test().rows()).isEqualTo(25);
        assertThat(count(split.test().labels(), 1)).isEqualTo(5);
        assertThat(count(split.train().labels(), 1)).isEqualTo(15);
    }

    @Test
    void splitIsDeterministicBySeed() {
        TrainTestSplit first = Splits.trainTest(imbalanced(), 0.3, 11);
        TrainTestSplit second = Splits.trainTest(imbalanced(), 0.3, 11);
        TrainTestSplit other = Splits.trainTest(imbalanced(), 0.3, 12);

        assertThat(first.test().features()).containsExactly(second.test().features());
        assertThat(first.test().features()).isNotEqualTo(other.test().features());
    }

    @Test
    void splitShufflesRows() {
        TrainTestSplit split = Splits.trainTest(imbalanced(), 0.5, 5);

        double[] train = split.train().features();
        double[] sorted = train.clone();
        Arrays.sort(sorted);
        assertThat(train).isNotEqualTo(sorted);
    }

    @Test
    void splitNamesBothSets() {
        TrainTestSplit split = Splits.trainTest(imbalanced(), 0.5, 5);

        assertThat(split.train().name()).isEqualTo("imbalanced-train");
        assertThat(split.test().name()).isEqualTo("imbalanced-test");
    }

    @Test
    void splitPutsSmallClassInBothSets() {
        int[] labels = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
        Dataset dataset = Dataset.classification("small", 10, 1, new double[10], labels, List.of("a", "b")).build();

        TrainTestSplit split = Splits.trainTest(dataset, 0.1, 1);

        assertThat(count(split.test().labels(), 1)).isEqualTo(1);
        assertThat(count(split.train().labels(), 1)).isEqualTo(1);
    }

    @Test
    void splitsRegressionByFraction() {
        Dataset dataset = Generators.gap1d(40, 0.1, 2);

        TrainTestSplit split = Splits.trainTest(dataset, 0.2, 9);

        assertThat(split.test().rows()).isEqualTo(8);
        assertThat(split.train().rows()).isEqualTo(32);
        assertThat(split.test().task()).isEqualTo(Dataset.Task.REGRESSION);
    }

    @Test
    void rejectsFractionOutsideOpenInterval() {
        for (double fraction : new double[] {0.0, 1.0, -0.1, Double.NaN}) {
            assertThatThrownBy(() -> Splits.trainTest(imbalanced(), fraction, 1))
                    .as("fraction %s", fraction)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("between 0 and 1");
        }
    }

    @Test
    void rejectsSplitThatLeavesSetEmpty() {
        Dataset dataset = Generators.gap1d(4, 0.1, 2);

        assertThatThrownBy(() -> Splits.trainTest(dataset, 0.05, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test set would be empty");
    }

    @Test
    void shuffleKeepsRowsTogether() {
        Dataset dataset = imbalanced();

        Dataset shuffled = Splits.shuffle(dataset, 4);

        for (int row = 0; row < shuffled.rows(); row++) {
            int original = (int) shuffled.feature(row, 0);
            assertThat(shuffled.labels()[row]).isEqualTo(dataset.labels()[original]);
        }
        assertThat(shuffled.features()).isNotEqualTo(dataset.features());
    }

    private static long count(int[] labels, int label) {
        return Arrays.stream(labels).filter(value -> value == label).count();
    }
}
