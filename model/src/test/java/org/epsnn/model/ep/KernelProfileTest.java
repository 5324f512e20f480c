package org.epsnn.model.ep;

import static org.assertj.core.api.Assertions.assertThat;

import org.epsnn.model.data.Dataset;
import org.epsnn.model.linalg.BlasProducts;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.linalg.TimedProducts;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import org.junit.jupiter.api.Test;

/** The benchmark counters of a pass: the fused kernel's profile and the timed products. */
class KernelProfileTest {

    private static final int ROWS = 300;
    private static final int INPUTS = 37;
    private static final int HIDDEN = 9;

    @Test
    void kernelProfileCountsSumFlopsOfPass() throws InterruptedException {
        KernelProfile profile = new KernelProfile();

        train(true, profile, null);

        // 3 sums per weight of the first layer (bias included) for every training row.
        assertThat(profile.sumFlops()).isEqualTo(2L * 3 * HIDDEN * (INPUTS + 1) * ROWS);
        assertThat(profile.wallNanos()).isPositive();
        assertThat(profile.sumsThreadNanos()).isPositive().isLessThanOrEqualTo(profile.threadNanos());
        assertThat(profile.sumsWallNanos()).isLessThanOrEqualTo(profile.wallNanos());
    }

    @Test
    void firstLayerThroughProductsLeavesProfileEmpty() throws InterruptedException {
        KernelProfile profile = new KernelProfile();

        train(false, profile, null);

        assertThat(profile.sumFlops()).isZero();
        assertThat(profile.wallNanos()).isZero();
    }

    @Test
    void productsTimeFirstLayerSumsWithoutKernel() throws InterruptedException {
        try (ParallelRunner runner = new ParallelRunner(1)) {
            TimedProducts withKernel = new TimedProducts(new BlasProducts(runner));
            TimedProducts withoutKernel = new TimedProducts(new BlasProducts(runner));

            train(true, null, withKernel);
            train(false, null, withoutKernel);

            // The first layer's site sums [A | Bt | A^2]^T P: 3 D_out x D_in from a batch of 30 rows.
            TimedProducts.Shape sums = new TimedProducts.Shape(true, false, 3 * HIDDEN, INPUTS + 1, 30);
            assertThat(withKernel.tallies()).doesNotContainKey(sums);
            assertThat(withoutKernel.tallies()).containsKey(sums);
        }
    }

    private static void train(boolean kernel, KernelProfile profile, TimedProducts products) throws InterruptedException {
        Dataset data = TestNetworks.blockPatterns(ROWS, INPUTS, 4, 0.15, 6);
        TrainingSettings settings = TrainingSettings.defaults().withPasses(2).withFirstBatchSize(30).withBatchSize(30)
                .withTrainEvaluationSamples(0).withThreads(2);
        EpNetwork network = EpNetwork.create(TestNetworks.classifier(new int[] {INPUTS, HIDDEN, 4}, NeuronModel.HEAVISIDE,
                WeightPrior.gaussian(1)), InputEncoding.THRESHOLD_HALF, 5);
        try (EpTrainer trainer = new EpTrainer(network, data, settings.withPasses(1), products)) {
            trainer.train(null, new TrainingListener() { }, new RunControl());
        }
        try (EpTrainer trainer = new EpTrainer(network, data, settings.withPasses(1), products)) {
            trainer.setUseBinaryInputKernel(kernel);
            trainer.setKernelProfile(profile);
            trainer.train(null, new TrainingListener() { }, new RunControl());
        }
    }
}
