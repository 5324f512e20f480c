package org.epsnn.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.ClassificationMetrics;
import org.junit.jupiter.api.Test;

/** The surrogate-gradient baseline: its gradients, its training and its determinism. */
class SurrogateGradientTrainerTest {

    /** Step of the central finite differences. */
    private static final double STEP = 1e-6;

    /** Absolute tolerance between a back-propagated and a finite-difference derivative. */
    private static final double GRADIENT_TOLERANCE = 1e-7;

    private static NetworkSpec network(WeightPrior prior, int... sizes) {
        return NetworkSpec.of(sizes, NeuronModel.HEAVISIDE, prior, NetworkSpec.Task.CLASSIFICATION);
    }

    /** Real-valued features from a seeded normal distribution with random labels. */
    private static Dataset randomData(int rows, int columns, int classes, long seed) {
        Random random = new Random(seed);
        double[] features = new double[rows * columns];
        int[] labels = new int[rows];
        for (int x = 0; x < features.length; x++) {
            features[x] = random.nextGaussian();
        }
        for (int r = 0; r < rows; r++) {
            labels[r] = random.nextInt(classes);
        }
        List<String> names = java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return Dataset.classification("random", rows, columns, features, labels, names).build();
    }

    /** Two clusters around (-2, -2) and (2, 2) with spread 0.5: separable by a line with a wide margin. */
    private static Dataset separableData(int rows, long seed) {
        Random random = new Random(seed);
        double[] features = new double[rows * 2];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = r % 2;
            double centre = labels[r] == 0 ? -2 : 2;
            features[2 * r] = centre + 0.5 * random.nextGaussian();
            features[2 * r + 1] = centre + 0.5 * random.nextGaussian();
        }
        return Dataset.classification("clusters", rows, 2, features, labels, List.of("low", "high")).build();
    }

    private static int[] identity(int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Mean loss of the loaded batch after the forward pass, with every weight as it is now. */
    private static double loss(SurrogateNetwork network, Dataset data, int[] order) {
        network.forward(data.rows());
        return network.loss(data.rows(), data.labels(), order, 0);
    }

    /** Checks every weight of {@code layers} against central finite differences of the loss. */
    private static void checkGradients(SurrogateNetwork network, Dataset data, int... layers) {
        int[] order = identity(data.rows());
        network.loadInputs(data, order, 0, data.rows());
        network.forward(data.rows());
        network.backward(data.rows(), data.labels(), order, 0);
        for (int l : layers) {
            double[] weights = network.weights[l];
            double[] gradient = network.gradients[l].clone();
            for (int w = 0; w < weights.length; w++) {
                double original = weights[w];
                weights[w] = original + STEP;
                double above = loss(network, data, order);
                weights[w] = original - STEP;
                double below = loss(network, data, order);
                weights[w] = original;
                double numerical = (above - below) / (2 * STEP);
                assertThat(gradient[w]).as("layer %d weight %d", l, w).isCloseTo(numerical, within(GRADIENT_TOLERANCE));
            }
        }
    }

    @Test
    void smoothedNetworkGradientMatchesFiniteDifferences() {
        Dataset data = randomData(6, 3, 3, 11);
        try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(network(WeightPrior.gaussian(1), 3, 5, 4, 3),
                InputEncoding.REAL, data, SurrogateGradientSettings.defaults().withSlope(2))) {
            SurrogateNetwork network = trainer.network();
            network.setSmoothForward(true);

            checkGradients(network, data, 0, 1, 2);
        }
    }

    @Test
    void heavisideOutputGradientIsExact() {
        Dataset data = randomData(8, 4, 3, 12);
        try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(network(WeightPrior.gaussian(1), 4, 6, 3),
                InputEncoding.REAL, data, SurrogateGradientSettings.defaults())) {

            checkGradients(trainer.network(), data, 1);
        }
    }

    @Test
    void separableSetReachesFullTrainingAccuracy() {
        Dataset data = separableData(200, 3);
        SurrogateGradientSettings settings = SurrogateGradientSettings.defaults().withLearningRate(1e-2).withBatchSize(10);
        try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(network(WeightPrior.gaussian(1), 2, 16, 2),
                InputEncoding.REAL, data, settings)) {
            for (int pass = 0; pass < 5; pass++) {
                trainer.trainPass();
            }

            ClassificationMetrics metrics = trainer.evaluate(data);
            assertThat(metrics.accuracy()).isEqualTo(1.0);
            assertThat(metrics.negativeLogLikelihood()).isLessThan(0.2);
        }
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        Dataset data = randomData(120, 5, 3, 4);
        SurrogateGradientSettings settings = SurrogateGradientSettings.defaults().withBatchSize(16).withSeed(42);
        double[][] first = trainTwoPasses(data, settings);
        double[][] second = trainTwoPasses(data, settings);
        double[][] otherSeed = trainTwoPasses(data, settings.withSeed(43));

        for (int l = 0; l < first.length; l++) {
            assertThat(second[l]).as("layer %d", l).containsExactly(first[l]);
        }
        assertThat(otherSeed[0]).isNotEqualTo(first[0]);
    }

    @Test
    void binaryRunRepeatsOnTwoThreads() {
        // Large enough that the products split over both threads (over 2 million multiply-adds).
        Dataset data = randomData(400, 300, 4, 9);
        SurrogateGradientSettings settings = SurrogateGradientSettings.defaults().withBatchSize(200).withSeed(7)
                .withThreads(2);
        NetworkSpec spec = network(WeightPrior.binary(), 300, 200, 4);

        double[] first = latentAfterTwoPasses(spec, data, settings);
        double[] second = latentAfterTwoPasses(spec, data, settings);

        assertThat(second).containsExactly(first);
    }

    private static double[] latentAfterTwoPasses(NetworkSpec spec, Dataset data, SurrogateGradientSettings settings) {
        try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(spec, InputEncoding.REAL, data, settings)) {
            trainer.trainPass();
            trainer.trainPass();
            return trainer.latentWeights(0);
        }
    }

    private static double[][] trainTwoPasses(Dataset data, SurrogateGradientSettings settings) {
        try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(network(WeightPrior.gaussian(1), 5, 8, 3),
                InputEncoding.REAL, data, settings)) {
            trainer.trainPass();
            trainer.trainPass();
            return new double[][] {trainer.weights(0), trainer.weights(1)};
        }
    }

    @Test
    void binaryWeightsStayPlusOrMinusOne() {
        Dataset data = separableData(200, 5);
        SurrogateGradientSettings settings = SurrogateGradientSettings.defaults().withLearningRate(0.05).withBatchSize(10);
        try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(network(WeightPrior.binary(), 2, 16, 2),
                InputEncoding.REAL, data, settings)) {
            for (int pass = 0; pass < 3; pass++) {
                trainer.trainPass();
            }

            for (int l = 0; l < 2; l++) {
                assertThat(trainer.weights(l)).as("forward weights of layer %d", l).containsOnly(-1.0, 1.0);
                double[] latent = trainer.latentWeights(l);
                assertThat(Arrays.stream(latent).min().orElseThrow()).as("smallest latent weight of layer %d", l)
                        .isGreaterThanOrEqualTo(-1.0);
                assertThat(Arrays.stream(latent).max().orElseThrow()).as("largest latent weight of layer %d", l)
                        .isLessThanOrEqualTo(1.0);
            }
        }
    }

    @Test
    void binaryForwardWeightsAreSignsOfLatentWeights() {
        Dataset data = separableData(40, 6);
        try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(network(WeightPrior.binary(), 2, 4, 2),
                InputEncoding.REAL, data, SurrogateGradientSettings.defaults().withBatchSize(8))) {
            trainer.trainPass();

            double[] latent = trainer.latentWeights(0);
            double[] forward = trainer.weights(0);
            for (int w = 0; w < latent.length; w++) {
                assertThat(forward[w]).as("weight %d", w).isEqualTo(latent[w] >= 0 ? 1.0 : -1.0);
            }
        }
    }

    @Test
    void rejectsTernaryWeights() {
        Dataset data = separableData(10, 7);

        assertThatThrownBy(() -> new SurrogateGradientTrainer(network(WeightPrior.ternary(), 2, 4, 2), InputEncoding.REAL,
                data, SurrogateGradientSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Layer 1").hasMessageContaining("ternary");
    }
}
