package org.epsnn.model.ep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epsnn.model.data.Dataset;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import org.epsnn.model.training.TrainingSnapshot;
import org.junit.jupiter.api.Test;

/** The snapshot of an opened posterior, built without a trainer, against a trainer's snapshot. */
class SnapshotOfTest {

    @Test
    void equalsTheTrainersSnapshot() throws InterruptedException {
        Dataset data = TestNetworks.blockPatterns(200, 16, 3, 0.1, 7);
        NetworkSpec spec = TestNetworks.classifier(new int[] {16, 10, 3}, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1));
        EpNetwork network = EpNetwork.create(spec, InputEncoding.THRESHOLD_HALF, 4);
        int[] rows = {3, 1, 4, 1, 5};
        double[] probe = new double[2 * 16];
        java.util.Arrays.fill(probe, 16, 32, 1.0);
        try (EpTrainer trainer = new EpTrainer(network, data, TrainingSettings.defaults().withPasses(1).withThreads(2))) {
            trainer.train(null, new TrainingListener() { }, new RunControl());
            trainer.setSnapshotSamples(data, rows);
            trainer.setProbePoints(probe);
            TrainingSnapshot expected = trainer.snapshot();

            TrainingSnapshot actual = EpTrainer.snapshotOf(network, data, rows, probe);

            assertThat(actual.pass()).isEqualTo(expected.pass()).isEqualTo(1);
            assertThat(actual.samplesSeen()).isEqualTo(expected.samplesSeen()).isEqualTo(200);
            assertThat(actual.sampleIndices()).containsExactly(rows);
            for (int l = 0; l < 2; l++) {
                TrainingSnapshot.LayerSnapshot expectedLayer = expected.layers().get(l);
                TrainingSnapshot.LayerSnapshot actualLayer = actual.layers().get(l);
                assertThat(actualLayer.means()).as("means of layer %d", l).containsExactly(expectedLayer.means());
                assertThat(actualLayer.variances()).as("variances of layer %d", l).containsExactly(expectedLayer.variances());
            }
            assertThat(actual.spikeProbabilities()).isDeepEqualTo(expected.spikeProbabilities());
            assertThat(actual.classProbabilities()).isDeepEqualTo(expected.classProbabilities());
            assertThat(actual.probePredictions()).hasSize(6).containsExactly(expected.probePredictions());
        }
    }

    @Test
    void rejectsProbePointsOfTheWrongWidth() {
        NetworkSpec spec = TestNetworks.classifier(new int[] {4, 3, 2}, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1));
        EpNetwork network = EpNetwork.create(spec, InputEncoding.THRESHOLD_HALF, 1);
        assertThatThrownBy(() -> EpTrainer.snapshotOf(network, null, new int[0], new double[6]))
                .hasMessageContaining("6 values are not a whole number of 4-feature rows");
    }
}
