package org.epsnn.model.ep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.NumericalGuardException;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import org.junit.jupiter.api.Test;

/** The numerical guards: zero variance, NaN stops, clip counts. */
class GuardsTest {

    private static final TrainingListener SILENT = new TrainingListener() {
    };

    @Test
    void zeroVarianceNeuronStaysFinite() {
        // All inputs observed at 0 and no bias: mu = 0 and V = 0 exactly.
        EpNetwork network = EpNetwork.create(TestNetworks.classifier(3,
                List.of(new LayerSpec(2, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1), false, 1.0))), InputEncoding.REAL, 1);
        Dataset zeros = Dataset.classification("zeros", 1, 3, new double[3], new int[] {1}, TestNetworks.classNames(2)).build();
        double[][] moments = TestNetworks.randomMoments(network, 2);
        BatchPropagation propagation = new BatchPropagation(network, TestNetworks.PRODUCTS, TestNetworks.SINGLE_THREAD, 1);
        propagation.loadInputs(zeros, new int[] {0}, 0, 1);
        propagation.forward(1, moments, TestNetworks.squaredMeans(network, moments));
        double logEvidence = propagation.backward(1, moments, TestNetworks.squaredMeans(network, moments), new int[] {1}, null);

        assertThat(propagation.membrane[0][2]).isZero();
        assertThat(logEvidence).isFinite();
        assertThat(propagation.output[0]).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-14));
        for (int i = 0; i < 4; i++) {
            assertThat(propagation.messages[0][i]).as("message %d", i).isFinite();
        }
    }

    @Test
    void overflowingInputStopsTrainingAndKeepsPosterior() throws InterruptedException {
        Dataset clean = TestNetworks.randomData(30, 4, 2, true, 3);
        double[] features = clean.features().clone();
        features[20 * 4 + 1] = 1e300;
        Dataset poisoned = clean.withFeatures(features);
        EpNetwork network = EpNetwork.create(TestNetworks.classifier(new int[] {4, 3, 2}, NeuronModel.HEAVISIDE,
                WeightPrior.gaussian(1)), InputEncoding.REAL, 1);
        TrainingSettings settings = TrainingSettings.defaults().withFirstBatchSize(5).withTrainEvaluationSamples(0);
        int[] order = EpTrainer.permutation(30, settings.seed(), 1);
        int poisonedBatch = 0;
        for (int position = 0; position < 30; position++) {
            if (order[position] == 20) {
                poisonedBatch = position / 5 + 1;
            }
        }
        double[][] shiftBefore = new double[2][];
        double[][] precisionBefore = new double[2][];
        int expectedBatch = poisonedBatch;
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void batchCompleted(org.epsnn.model.training.BatchStatistics statistics) {
                if (statistics.batch() == expectedBatch - 1) {
                    for (int l = 0; l < 2; l++) {
                        shiftBefore[l] = network.layer(l).siteShift();
                        precisionBefore[l] = network.layer(l).sitePrecision();
                    }
                }
            }
        };

        TrainingListener listener = poisonedBatch == 1 ? SILENT : recorder;
        try (EpTrainer trainer = new EpTrainer(network, poisoned, settings)) {
            assertThatThrownBy(() -> trainer.train(null, listener, new RunControl()))
                    .isInstanceOf(NumericalGuardException.class)
                    .hasMessageContaining("batch " + expectedBatch)
                    .hasMessageContaining("kept the posterior of the previous batch");
        }
        if (expectedBatch > 1) {
            for (int l = 0; l < 2; l++) {
                assertThat(network.layer(l).siteShift()).containsExactly(shiftBefore[l]);
                assertThat(network.layer(l).sitePrecision()).containsExactly(precisionBefore[l]);
            }
        }
        assertThat(network.samplesSeen()).isEqualTo((expectedBatch - 1) * 5L);
    }

    @Test
    void clipCountEqualsNegativeBatchKappas() {
        EpNetwork network = EpNetwork.create(TestNetworks.classifier(new int[] {6, 5, 3}, NeuronModel.HEAVISIDE,
                WeightPrior.gaussian(1)), InputEncoding.BERNOULLI, 4);
        Dataset data = TestNetworks.randomData(12, 6, 3, false, 6);
        double[][] moments = TestNetworks.randomMoments(network, 8);
        double[][] squared = TestNetworks.squaredMeans(network, moments);
        BatchPropagation propagation = new BatchPropagation(network, TestNetworks.PRODUCTS, TestNetworks.SINGLE_THREAD, 12);
        propagation.loadInputs(data, TestNetworks.range(12), 0, 12);
        propagation.forward(12, moments, squared);
        propagation.backward(12, moments, squared, data.labels(), null);

        int totalNegative = 0;
        for (int l = 0; l < network.depth(); l++) {
            propagation.batchStatistics(l, 12);
            LayerPosterior layer = network.layer(l);
            int weights = layer.weightCount();
            double[] sums = propagation.statistics[l];
            int negative = 0;
            for (int w = 0; w < weights; w++) {
                double mean = moments[l][w];
                double g2 = sums[2 * weights + w] + 4 * mean * sums[4 * weights + w] + 4 * mean * mean * sums[5 * weights + w];
                if (g2 - 2 * sums[weights + w] < 0) {
                    negative++;
                }
            }
            SiteUpdate.Outcome outcome = SiteUpdate.apply(layer, sums, true, moments[l], 12, 1.0, false,
                    new double[weights], new double[weights], TestNetworks.SINGLE_THREAD);
            assertThat(outcome.clipped()).as("clipped in layer %d", l + 1).isEqualTo(negative);
            totalNegative += negative;
        }
        assertThat(totalNegative).as("the batch must exercise clipping").isPositive();
    }
}
