package org.epsnn.model.ep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.epsnn.model.data.Dataset;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The backward messages against finite differences of {@code log Z} computed by the forward pass:
 * {@code g = d log Z / d m} and {@code d = d log Z / d s} for every weight of every layer, which
 * checks {@code alpha} and {@code beta} of every neuron on the way.
 */
class MessageDerivativesTest {

    private static final double STEP = 1e-6;

    @ParameterizedTest
    @CsvSource({"heaviside,bernoulli", "sigmoid,bernoulli", "heaviside,real", "heaviside,threshold"})
    void weightDerivativesMatchFiniteDifferences(String neuronName, String encodingName) {
        NeuronModel neuron = neuronName.equals("sigmoid") ? NeuronModel.sigmoid(0.7) : NeuronModel.HEAVISIDE;
        InputEncoding encoding = InputEncoding.parse(encodingName);
        EpNetwork network = EpNetwork.create(TestNetworks.classifier(new int[] {5, 4, 3, 3}, neuron, WeightPrior.gaussian(1)),
                encoding, 7);
        Dataset data = TestNetworks.randomData(1, 5, 3, encodingName.equals("real"), 21);
        double[][] moments = TestNetworks.randomMoments(network, 99);
        int[] row = {0};

        BatchPropagation propagation = new BatchPropagation(network, TestNetworks.PRODUCTS, TestNetworks.SINGLE_THREAD, 1);
        propagation.loadInputs(data, row, 0, 1);
        double[][] squared = TestNetworks.squaredMeans(network, moments);
        propagation.forward(1, moments, squared);
        propagation.backward(1, moments, squared, new int[] {data.labels()[0]}, null);

        for (int l = 0; l < network.depth(); l++) {
            propagation.batchStatistics(l, 1);
            int weights = network.layer(l).weightCount();
            double[] sums = propagation.statistics[l];
            boolean varianceBlocks = propagation.statisticsHaveVarianceBlocks(l);
            for (int w = 0; w < weights; w++) {
                double mean = moments[l][w];
                double g = sums[w] + (varianceBlocks ? 2.0 * mean * sums[3 * weights + w] : 0.0);
                double d = sums[weights + w];

                double numericG = centralDifference(network, data, row, moments, l, w);
                double numericD = centralDifference(network, data, row, moments, l, weights + w);
                assertThat(g).as("d log Z / d m, layer %d weight %d", l + 1, w).isCloseTo(numericG, within(1e-5 + 1e-4 * Math.abs(numericG)));
                assertThat(d).as("d log Z / d s, layer %d weight %d", l + 1, w).isCloseTo(numericD, within(1e-5 + 1e-4 * Math.abs(numericD)));
            }
        }
    }

    private static double centralDifference(EpNetwork network, Dataset data, int[] rows, double[][] moments, int layer, int index) {
        double saved = moments[layer][index];
        moments[layer][index] = saved + STEP;
        double up = TestNetworks.logEvidence(network, data, rows, moments);
        moments[layer][index] = saved - STEP;
        double down = TestNetworks.logEvidence(network, data, rows, moments);
        moments[layer][index] = saved;
        return (up - down) / (2 * STEP);
    }
}
