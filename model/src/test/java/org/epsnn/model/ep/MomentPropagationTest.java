package org.epsnn.model.ep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forward moments of one layer against Monte Carlo: Bernoulli inputs, every weight kind. */
class MomentPropagationTest {

    private static final int INPUTS = 30;
    private static final int NEURONS = 6;
    private static final int DRAWS = 200_000;

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "binary", "ternary"})
    void membraneMomentsMatchMonteCarlo(String kind) {
        WeightPrior prior = switch (kind) {
            case "binary" -> WeightPrior.binary();
            case "ternary" -> WeightPrior.ternary();
            default -> WeightPrior.gaussian(1.0);
        };
        EpNetwork network = EpNetwork.create(TestNetworks.classifier(INPUTS,
                List.of(new LayerSpec(NEURONS, NeuronModel.HEAVISIDE, prior))), InputEncoding.BERNOULLI, 3);
        SplittableRandom random = new SplittableRandom(11);
        int weights = NEURONS * (INPUTS + 1);
        double[] levels = prior.levels();
        double[][] levelProbabilities = new double[weights][];
        double[] moments = new double[2 * weights];
        for (int w = 0; w < weights; w++) {
            if (prior.isDiscrete()) {
                double[] q = new double[levels.length];
                double total = 0;
                for (int k = 0; k < q.length; k++) {
                    q[k] = 0.05 + random.nextDouble();
                    total += q[k];
                }
                double mean = 0;
                double second = 0;
                for (int k = 0; k < q.length; k++) {
                    q[k] /= total;
                    mean += q[k] * levels[k];
                    second += q[k] * levels[k] * levels[k];
                }
                levelProbabilities[w] = q;
                moments[w] = mean;
                moments[weights + w] = second - mean * mean;
            } else {
                moments[w] = 0.4 * TestNetworks.gaussian(random);
                moments[weights + w] = 0.02 + 0.2 * random.nextDouble();
            }
        }
        double[] probabilities = new double[INPUTS];
        for (int j = 0; j < INPUTS; j++) {
            probabilities[j] = random.nextDouble();
        }
        Dataset sample = Dataset.classification("one", 1, INPUTS, probabilities, new int[] {0},
                TestNetworks.classNames(NEURONS)).build();

        BatchPropagation propagation = new BatchPropagation(network, TestNetworks.PRODUCTS, TestNetworks.SINGLE_THREAD, 1);
        propagation.loadInputs(sample, new int[] {0}, 0, 1);
        double[][] momentSet = {moments};
        propagation.forward(1, momentSet, TestNetworks.squaredMeans(network, momentSet));

        double[] sum = new double[NEURONS];
        double[] sumSquares = new double[NEURONS];
        int[] spikes = new int[NEURONS];
        int[] atZero = new int[NEURONS];
        for (int draw = 0; draw < DRAWS; draw++) {
            boolean[] on = new boolean[INPUTS + 1];
            for (int j = 0; j < INPUTS; j++) {
                on[j] = random.nextDouble() < probabilities[j];
            }
            on[INPUTS] = true;
            for (int i = 0; i < NEURONS; i++) {
                double potential = 0;
                for (int j = 0; j <= INPUTS; j++) {
                    if (on[j]) {
                        potential += drawWeight(prior, levels, levelProbabilities, moments, weights, i * (INPUTS + 1) + j, random);
                    }
                }
                sum[i] += potential;
                sumSquares[i] += potential * potential;
                spikes[i] += potential >= 0 ? 1 : 0;
                atZero[i] += potential == 0 ? 1 : 0;
            }
        }

        for (int i = 0; i < NEURONS; i++) {
            // Discrete weights on spikes make u integer-valued; its atom at 0 counts as a spike, and the
            // Gaussian approximation smears it, so the error can reach about half the atom's mass.
            double spikeTolerance = 0.006 + 0.5 * atZero[i] / (double) DRAWS;
            double mean = sum[i] / DRAWS;
            double variance = sumSquares[i] / DRAWS - mean * mean;
            double predictedMean = propagation.membrane[0][i];
            double predictedVariance = propagation.membrane[0][NEURONS + i];
            assertThat(predictedMean).as("mean of neuron %d", i).isCloseTo(mean, within(0.02 * Math.sqrt(variance) + 0.01));
            assertThat(predictedVariance).as("variance of neuron %d", i).isCloseTo(variance, within(0.03 * variance));
            assertThat(propagation.output[i]).as("spike probability of neuron %d", i)
                    .isCloseTo((double) spikes[i] / DRAWS, within(spikeTolerance));
        }
    }

    private static double drawWeight(WeightPrior prior, double[] levels, double[][] levelProbabilities, double[] moments,
                                     int weights, int w, SplittableRandom random) {
        if (!prior.isDiscrete()) {
            return moments[w] + Math.sqrt(moments[weights + w]) * TestNetworks.gaussian(random);
        }
        double u = random.nextDouble();
        double cumulative = 0;
        for (int k = 0; k < levels.length; k++) {
            cumulative += levelProbabilities[w][k];
            if (u < cumulative) {
                return levels[k];
            }
        }
        return levels[levels.length - 1];
    }
}
