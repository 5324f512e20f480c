package org.epsnn.model.ep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.epsnn.model.data.Dataset;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch sums of {@code g}, {@code d} and {@code g^2} as matrix products against a per-sample loop. */
class BatchSumsTest {

    private static final int BATCH = 7;

    @ParameterizedTest
    @ValueSource(strings = {"bernoulli", "real", "threshold"})
    void batchSumsEqualPerSampleLoop(String encodingName) {
        EpNetwork network = EpNetwork.create(TestNetworks.classifier(new int[] {6, 5, 4}, NeuronModel.HEAVISIDE,
                WeightPrior.gaussian(1)), InputEncoding.parse(encodingName), 3);
        Dataset data = TestNetworks.randomData(BATCH, 6, 4, encodingName.equals("real"), 8);
        double[][] moments = TestNetworks.randomMoments(network, 5);
        double[][] squared = TestNetworks.squaredMeans(network, moments);
        int[] rows = TestNetworks.range(BATCH);

        BatchPropagation batch = new BatchPropagation(network, TestNetworks.PRODUCTS, TestNetworks.SINGLE_THREAD, BATCH);
        batch.loadInputs(data, rows, 0, BATCH);
        batch.forward(BATCH, moments, squared);
        batch.backward(BATCH, moments, squared, data.labels(), null);

        for (int l = 0; l < network.depth(); l++) {
            batch.batchStatistics(l, BATCH);
            int weights = network.layer(l).weightCount();
            double[] loopG = new double[weights];
            double[] loopD = new double[weights];
            double[] loopG2 = new double[weights];
            for (int n = 0; n < BATCH; n++) {
                BatchPropagation single = new BatchPropagation(network, TestNetworks.PRODUCTS, TestNetworks.SINGLE_THREAD, 1);
                single.loadInputs(data, new int[] {n}, 0, 1);
                single.forward(1, moments, squared);
                single.backward(1, moments, squared, new int[] {data.labels()[n]}, null);
                accumulatePerSample(network, single, l, moments[l], loopG, loopD, loopG2);
            }

            double[] sums = batch.statistics[l];
            boolean varianceBlocks = batch.statisticsHaveVarianceBlocks(l);
            for (int w = 0; w < weights; w++) {
                double mean = moments[l][w];
                double sumG = sums[w] + (varianceBlocks ? 2 * mean * sums[3 * weights + w] : 0);
                double sumG2 = sums[2 * weights + w]
                        + (varianceBlocks ? 4 * mean * sums[4 * weights + w] + 4 * mean * mean * sums[5 * weights + w] : 0);
                assertThat(sumG).as("sum g, layer %d weight %d", l + 1, w).isCloseTo(loopG[w], within(1e-10 + 1e-9 * Math.abs(loopG[w])));
                assertThat(sums[weights + w]).as("sum d, layer %d weight %d", l + 1, w).isCloseTo(loopD[w], within(1e-10 + 1e-9 * Math.abs(loopD[w])));
                assertThat(sumG2).as("sum g^2, layer %d weight %d", l + 1, w).isCloseTo(loopG2[w], within(1e-10 + 1e-9 * Math.abs(loopG2[w])));
            }
        }
    }

    /** Adds one sample's {@code g = alpha p + 2 beta m r}, {@code d = beta (p^2 + r)} and {@code g^2}, written out per weight. */
    private static void accumulatePerSample(EpNetwork network, BatchPropagation single, int l, double[] moments,
                                            double[] sumG, double[] sumD, double[] sumG2) {
        LayerPosterior layer = network.layer(l);
        int out = layer.outputs();
        int in = layer.inputs();
        for (int i = 0; i < out; i++) {
            double alpha = single.messages[l][i];
            double beta = single.messages[l][out + i];
            for (int j = 0; j < in; j++) {
                double p = single.input[l][j];
                double r = single.inputVariance[l] == null ? 0.0 : single.inputVariance[l][j];
                double m = moments[i * in + j];
                double g = alpha * p + 2 * beta * m * r;
                sumG[i * in + j] += g;
                sumD[i * in + j] += beta * (p * p + r);
                sumG2[i * in + j] += g * g;
            }
        }
    }
}
