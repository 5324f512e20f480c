package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.epsnn.model.training.TrainingSnapshot;
import org.junit.jupiter.api.Test;

class StepChangesTest {

    @Test
    void largestChangesComeFirst() {
        double[] before = new double[200];
        double[] after = new double[200];
        after[17] = -3.0;
        after[42] = 1.5;
        after[5] = 0.1;

        StepChanges changes = StepChanges.between(snapshot(10, before), snapshot(20, after));

        assertThat(changes.moved()[0]).hasSize(StepChanges.MIN_MOVED);
        assertThat(changes.moved()[0][0]).isEqualTo(17);
        assertThat(changes.moved()[0][1]).isEqualTo(42);
        assertThat(changes.moved()[0][2]).isEqualTo(5);
        assertThat(changes.changes()[0][17]).isEqualTo(3.0);
        assertThat(changes.toSamples() - changes.fromSamples()).isEqualTo(10);
    }

    @Test
    void mostMovedNeuronSumsItsWeights() {
        double[] before = new double[200];
        double[] after = new double[200];
        // 10 neurons of 20 inputs: neuron 3 moves many weights a little, neuron 7 one weight a lot,
        // neuron 1 one weight a little.
        for (int j = 0; j < 20; j++) {
            after[3 * 20 + j] = 0.2;
        }
        after[7 * 20] = 1.0;
        after[20] = 0.1;

        StepChanges changes = StepChanges.between(snapshot(0, before), snapshot(10, after));

        assertThat(changes.mostMovedNeuron(0, 20)).isEqualTo(3);
        assertThat(changes.mostMovedNeuron(0, 20, 0, 3)).as("most moved among the first 3 neurons").isEqualTo(1);
        assertThat(changes.mostMovedNeuron(0, 20, 4, 6)).as("most moved among neurons 4 to 9").isEqualTo(7);
        assertThat(changes.mostMovedNeuron(0, 20, 8, 2)).as("neither of neurons 8 and 9 moved").isEqualTo(8);
    }

    @Test
    void rejectsDifferentShapes() {
        assertThatThrownBy(() -> StepChanges.between(snapshot(0, new double[200]), snapshot(1, new double[100])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Layer 1 has 200 weights before and 100 after");
    }

    private static TrainingSnapshot snapshot(long samples, double[] means) {
        TrainingSnapshot.LayerSnapshot layer = new TrainingSnapshot.LayerSnapshot(means.length / 20, 20, false, means,
                new double[means.length], new double[0], new double[0], 0);
        return new TrainingSnapshot(1, 1, samples, List.of(layer), new int[0], new double[0][][], new double[0][], new double[0]);
    }
}
