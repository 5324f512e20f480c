package org.epsnn.model.ep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.epsnn.model.data.Dataset;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pass schedule: ADF bookkeeping, the fused kernel, repeatability. */
class TrainerScheduleTest {

    private static final TrainingListener SILENT = new TrainingListener() {
    };

    @Test
    void firstPassAtBatchOneEqualsSequentialAdf() throws InterruptedException {
        Dataset data = TestNetworks.blockPatterns(40, 12, 3, 0.1, 4);
        EpNetwork trained = EpNetwork.create(TestNetworks.classifier(new int[] {12, 6, 3}, NeuronModel.HEAVISIDE,
                WeightPrior.gaussian(1)), InputEncoding.BERNOULLI, 2);
        TrainingSettings settings = TrainingSettings.defaults().withFirstBatchSize(1).withTrainEvaluationSamples(0);
        try (EpTrainer trainer = new EpTrainer(trained, data, settings)) {
            trainer.train(null, SILENT, new RunControl());
        }

        // Sequential ADF written out: the posterior is the prior plus the sum of every sample's site,
        // each computed from the posterior left by the samples before it.
        EpNetwork sequential = EpNetwork.create(trained.spec(), InputEncoding.BERNOULLI, 2);
        int depth = sequential.depth();
        double[][] totalShift = new double[depth][];
        double[][] totalPrecision = new double[depth][];
        for (int l = 0; l < depth; l++) {
            totalShift[l] = new double[sequential.layer(l).weightCount()];
            totalPrecision[l] = new double[sequential.layer(l).weightCount()];
        }
        int[] order = EpTrainer.permutation(data.rows(), settings.seed(), 1);
        BatchPropagation propagation = new BatchPropagation(sequential, TestNetworks.PRODUCTS, TestNetworks.SINGLE_THREAD, 1);
        for (int n = 0; n < data.rows(); n++) {
            double[][] moments = new double[depth][];
            for (int l = 0; l < depth; l++) {
                LayerPosterior layer = sequential.layer(l);
                moments[l] = new double[2 * layer.weightCount()];
                layer.computeMoments(totalShift[l], totalPrecision[l], 1.0, moments[l], null, TestNetworks.SINGLE_THREAD);
            }
            double[][] squared = TestNetworks.squaredMeans(sequential, moments);
            propagation.loadInputs(data, order, n, 1);
            propagation.forward(1, moments, squared);
            propagation.backward(1, moments, squared, new int[] {data.labels()[order[n]]}, null);
            for (int l = 0; l < depth; l++) {
                propagation.batchStatistics(l, 1);
                addSite(sequential.layer(l), propagation.statistics[l], moments[l], totalShift[l], totalPrecision[l]);
            }
        }

        for (int l = 0; l < depth; l++) {
            double count = trained.layer(l).count();
            assertThat(count).isEqualTo(data.rows());
            double[] shift = trained.layer(l).siteShift();
            double[] precision = trained.layer(l).sitePrecision();
            for (int w = 0; w < shift.length; w++) {
                assertThat(count * shift[w]).as("total site shift, layer %d weight %d", l + 1, w)
                        .isCloseTo(totalShift[l][w], within(1e-9 + 1e-9 * Math.abs(totalShift[l][w])));
                assertThat(count * precision[w]).as("total site precision, layer %d weight %d", l + 1, w)
                        .isCloseTo(totalPrecision[l][w], within(1e-9 + 1e-9 * Math.abs(totalPrecision[l][w])));
            }
        }
    }

    /** Adds one sample's site {@code lambda = max(kappa, 0)}, {@code h = g + m lambda} to the totals. */
    private static void addSite(LayerPosterior layer, double[] sums, double[] moments, double[] totalShift, double[] totalPrecision) {
        int weights = layer.weightCount();
        for (int w = 0; w < weights; w++) {
            double mean = moments[w];
            double g = sums[w] + 2 * mean * sums[3 * weights + w];
            double g2 = sums[2 * weights + w] + 4 * mean * sums[4 * weights + w] + 4 * mean * mean * sums[5 * weights + w];
            double kappa = Math.max(g2 - 2 * sums[weights + w], 0.0);
            totalShift[w] += g + mean * kappa;
            totalPrecision[w] += kappa;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "binary", "ternary", "gaussian-bernoulli", "binary-bernoulli"})
    void inputKernelMatchesMatrixProducts(String variant) throws InterruptedException {
        String kind = variant.replace("-bernoulli", "");
        InputEncoding encoding = variant.endsWith("-bernoulli") ? InputEncoding.BERNOULLI : InputEncoding.THRESHOLD_HALF;
        WeightPrior prior = switch (kind) {
            case "binary" -> WeightPrior.binary();
            case "ternary" -> WeightPrior.ternary();
            default -> WeightPrior.gaussian(1);
        };
        Dataset data = variant.endsWith("-bernoulli") ? greyPatterns(300, 37, 4, 6) : TestNetworks.blockPatterns(300, 37, 4, 0.15, 6);
        TrainingSettings settings = TrainingSettings.defaults().withPasses(2).withBatchSize(30)
                .withTrainEvaluationSamples(0).withAdaptiveDamping(kind.equals("ternary"));
        EpNetwork fused = EpNetwork.create(TestNetworks.classifier(new int[] {37, 9, 4}, NeuronModel.HEAVISIDE, prior),
                encoding, 5);
        EpNetwork plain = EpNetwork.create(fused.spec(), encoding, 5);
        try (EpTrainer withKernel = new EpTrainer(fused, data, settings);
             EpTrainer withProducts = new EpTrainer(plain, data, settings)) {
            withProducts.setUseBinaryInputKernel(false);
            withKernel.train(null, SILENT, new RunControl());
            withProducts.train(null, SILENT, new RunControl());
        }
        for (int l = 0; l < fused.depth(); l++) {
            double[] expected = plain.layer(l).siteShift();
            double[] actual = fused.layer(l).siteShift();
            for (int w = 0; w < expected.length; w++) {
                assertThat(actual[w]).as("site shift, layer %d weight %d", l + 1, w)
                        .isCloseTo(expected[w], within(1e-9 + 1e-7 * Math.abs(expected[w])));
            }
        }
    }

    /** Block patterns with grey levels, so that Bernoulli inputs have 0 < p < 1. */
    private static Dataset greyPatterns(int rows, int columns, int classes, long seed) {
        Dataset binary = TestNetworks.blockPatterns(rows, columns, classes, 0.15, seed);
        double[] grey = binary.features().clone();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int x = 0; x < grey.length; x++) {
            grey[x] = 0.1 + 0.8 * grey[x] * random.nextDouble();
        }
        return binary.withFeatures(grey);
    }

    @Test
    void sameSeedGivesIdenticalPosterior() throws InterruptedException {
        Dataset data = TestNetworks.blockPatterns(200, 20, 4, 0.1, 1);
        TrainingSettings settings = TrainingSettings.defaults().withPasses(2).withBatchSize(25).withTrainEvaluationSamples(0);
        double[][] shifts = new double[2][];
        for (int run = 0; run < 2; run++) {
            EpNetwork network = EpNetwork.create(TestNetworks.classifier(new int[] {20, 8, 4}, NeuronModel.HEAVISIDE,
                    WeightPrior.gaussian(1)), InputEncoding.THRESHOLD_HALF, 9);
            try (EpTrainer trainer = new EpTrainer(network, data, settings)) {
                trainer.train(null, SILENT, new RunControl());
            }
            shifts[run] = network.layer(0).siteShift();
        }
        assertThat(shifts[1]).containsExactly(shifts[0]);
    }

    @Test
    void cancelledRunResumesToSamePosterior() throws InterruptedException {
        Dataset data = TestNetworks.blockPatterns(200, 20, 4, 0.1, 1);
        TrainingSettings settings = TrainingSettings.defaults().withPasses(2).withBatchSize(25).withTrainEvaluationSamples(0);
        EpNetwork uninterrupted = EpNetwork.create(TestNetworks.classifier(new int[] {20, 8, 4}, NeuronModel.HEAVISIDE,
                WeightPrior.gaussian(1)), InputEncoding.THRESHOLD_HALF, 9);
        try (EpTrainer trainer = new EpTrainer(uninterrupted, data, settings)) {
            trainer.train(null, SILENT, new RunControl());
        }

        EpNetwork interrupted = EpNetwork.create(uninterrupted.spec(), InputEncoding.THRESHOLD_HALF, 9);
        RunControl control = new RunControl();
        TrainingListener cancelInSecondPass = new TrainingListener() {
            @Override
            public void batchCompleted(org.epsnn.model.training.BatchStatistics statistics) {
                if (statistics.pass() == 2 && statistics.batch() == 3) {
                    control.cancel();
                }
            }
        };
        try (EpTrainer trainer = new EpTrainer(interrupted, data, settings)) {
            trainer.train(null, cancelInSecondPass, control);
        }
        assertThat(interrupted.samplesIntoPass()).isEqualTo(75);
        try (EpTrainer trainer = new EpTrainer(interrupted, data, settings.withPasses(1))) {
            trainer.train(null, SILENT, new RunControl());
        }
        assertThat(interrupted.completedPasses()).isEqualTo(2);
        assertThat(interrupted.layer(0).siteShift()).containsExactly(uninterrupted.layer(0).siteShift());
        assertThat(interrupted.layer(1).sitePrecision()).containsExactly(uninterrupted.layer(1).sitePrecision());
    }
}
