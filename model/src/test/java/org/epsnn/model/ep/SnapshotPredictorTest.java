package org.epsnn.model.ep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.epsnn.model.data.Dataset;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import org.epsnn.model.training.TrainingSnapshot;
import org.junit.jupiter.api.Test;

class SnapshotPredictorTest {

    @Test
    void matchesTrainerPrediction() throws Exception {
        for (InputEncoding encoding : new InputEncoding[] {InputEncoding.THRESHOLD_HALF, InputEncoding.BERNOULLI}) {
            Dataset data = TestNetworks.blockPatterns(300, 16, 3, 0.1, 5);
            NetworkSpec spec = TestNetworks.classifier(new int[] {16, 12, 3}, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1));
            EpNetwork network = EpNetwork.create(spec, encoding, 2);
            int[] rows = {0, 1, 2, 3, 4, 5, 6, 7};
            try (EpTrainer trainer = new EpTrainer(network, data, TrainingSettings.defaults().withPasses(1).withThreads(1));
                 SnapshotPredictor predictor = new SnapshotPredictor(spec, encoding)) {
                trainer.train(null, new TrainingListener() { }, new RunControl());
                TrainingSnapshot snapshot = trainer.snapshot();
                double[] expected = trainer.predict(data, rows).probabilities();

                SnapshotPredictor.Result result = predictor.predict(snapshot, data, rows, true);

                for (int b = 0; b < rows.length; b++) {
                    assertThat(result.classProbabilities()[b]).as("%s, row %d", encoding, b)
                            .containsExactly(java.util.Arrays.copyOfRange(expected, b * 3, b * 3 + 3), within(1e-9));
                }
                assertThat(result.spikeProbabilities()[0]).as("input, hidden and output layers").hasNumberOfRows(3);
                assertThat(result.spikeProbabilities()[0][1]).hasSize(12);
            }
        }
    }

    @Test
    void probabilitiesSumToOne() {
        Dataset data = TestNetworks.randomData(20, 6, 4, false, 1);
        NetworkSpec spec = TestNetworks.classifier(new int[] {6, 5, 4}, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1));
        EpNetwork network = EpNetwork.create(spec, InputEncoding.THRESHOLD_HALF, 3);
        try (EpTrainer trainer = new EpTrainer(network, data, TrainingSettings.defaults().withThreads(1));
             SnapshotPredictor predictor = new SnapshotPredictor(spec, InputEncoding.THRESHOLD_HALF)) {
            int[] rows = new int[20];
            java.util.Arrays.setAll(rows, i -> i);

            SnapshotPredictor.Result result = predictor.predict(trainer.snapshot(), data, rows, false);

            for (double[] row : result.classProbabilities()) {
                assertThat(java.util.Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-12));
            }
            assertThat(result.spikeProbabilities()).isEmpty();
        }
    }

    @Test
    void rejectsSnapshotOfOtherNetwork() {
        NetworkSpec small = TestNetworks.classifier(new int[] {6, 5, 4}, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1));
        NetworkSpec wide = TestNetworks.classifier(new int[] {6, 7, 4}, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1));
        Dataset data = TestNetworks.randomData(4, 6, 4, false, 1);
        try (EpTrainer trainer = new EpTrainer(EpNetwork.create(wide, InputEncoding.THRESHOLD_HALF, 3), data,
                TrainingSettings.defaults().withThreads(1));
             SnapshotPredictor predictor = new SnapshotPredictor(small, InputEncoding.THRESHOLD_HALF)) {
            TrainingSnapshot snapshot = trainer.snapshot();

            assertThatThrownBy(() -> predictor.predict(snapshot, data, new int[] {0}, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Snapshot layer 1 has 49 weights, the network 6-5-4 has 35");
        }
    }
}
