package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunningAccuracyTest {

    @Test
    void fullWindowDropsOldestBatch() {
        RunningAccuracy accuracy = new RunningAccuracy(3);
        accuracy.add(10, 0.0);
        accuracy.add(10, 1.0);
        accuracy.add(10, 1.0);

        double full = accuracy.add(10, 1.0);

        assertThat(full).as("accuracy once the first batch left the window").isEqualTo(1.0);
    }

    @Test
    void weightsBatchesBySize() {
        RunningAccuracy accuracy = new RunningAccuracy(5);
        accuracy.add(10, 0.0);

        double mean = accuracy.add(90, 0.5);

        assertThat(mean).isEqualTo(45.0 / 100);
    }

    @Test
    void clearStartsFromNextBatch() {
        RunningAccuracy accuracy = new RunningAccuracy(5);
        accuracy.add(10, 0.0);
        accuracy.clear();

        assertThat(accuracy.add(10, 0.7)).isEqualTo(0.7);
    }

    @Test
    void rejectsAccuracyOutsideUnitRange() {
        RunningAccuracy accuracy = new RunningAccuracy(5);

        assertThatThrownBy(() -> accuracy.add(10, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accuracy 1.5");
    }
}
