package org.epsnn.model.ep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import org.junit.jupiter.api.Test;

/** What training achieves on small problems. */
class LearningTest {

    private static final TrainingListener SILENT = new TrainingListener() {
    };

    /** Two classes separated by the line x1 + x2 = 0 with a margin. */
    private static Dataset separable(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] features = new double[rows * 2];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            double x;
            double y;
            do {
                x = 4 * random.nextDouble() - 2;
                y = 4 * random.nextDouble() - 2;
            } while (Math.abs(x + y) < 0.5);
            features[2 * r] = x;
            features[2 * r + 1] = y;
            labels[r] = x + y > 0 ? 1 : 0;
        }
        return Dataset.classification("separable", rows, 2, features, labels, TestNetworks.classNames(2)).build();
    }

    @Test
    void separableSetLearnedInOnePass() throws InterruptedException {
        Dataset data = separable(500, 1);
        EpNetwork network = EpNetwork.create(TestNetworks.classifier(new int[] {2, 2}, NeuronModel.HEAVISIDE,
                WeightPrior.gaussian(1)), InputEncoding.REAL, 1);
        try (EpTrainer trainer = new EpTrainer(network, data, TrainingSettings.defaults())) {
            trainer.train(null, SILENT, new RunControl());
            assertThat(trainer.evaluate(data, -1).bayesian().accuracy()).isEqualTo(1.0);
        }
    }

    @Test
    void predictionsInvariantToPriorScale() throws InterruptedException {
        Dataset data = TestNetworks.blockPatterns(300, 16, 4, 0.2, 2);
        Prediction[] predictions = new Prediction[2];
        double[] variances = {0.1, 1.0};
        for (int run = 0; run < 2; run++) {
            EpNetwork network = EpNetwork.create(TestNetworks.classifier(new int[] {16, 6, 4}, NeuronModel.HEAVISIDE,
                    WeightPrior.gaussian(variances[run])), InputEncoding.THRESHOLD_HALF, 3);
            try (EpTrainer trainer = new EpTrainer(network, data, TrainingSettings.defaults().withPasses(2).withBatchSize(20))) {
                trainer.train(null, SILENT, new RunControl());
                predictions[run] = trainer.predict(data);
            }
        }
        for (int i = 0; i < data.rows(); i++) {
            assertThat(predictions[1].predictedClass(i)).as("class of sample %d", i).isEqualTo(predictions[0].predictedClass(i));
            for (int k = 0; k < 4; k++) {
                assertThat(predictions[1].probabilities()[i * 4 + k]).isCloseTo(predictions[0].probabilities()[i * 4 + k], within(1e-6));
            }
        }
    }

    @Test
    void blockPatternsLearnedByHiddenLayer() throws InterruptedException {
        Dataset train = TestNetworks.blockPatterns(2000, 40, 4, 0.2, 10);
        Dataset test = TestNetworks.blockPatterns(500, 40, 4, 0.2, 11);
        EpNetwork network = EpNetwork.create(TestNetworks.classifier(new int[] {40, 20, 4}, NeuronModel.HEAVISIDE,
                WeightPrior.gaussian(1)), InputEncoding.THRESHOLD_HALF, 1);
        try (EpTrainer trainer = new EpTrainer(network, train, TrainingSettings.defaults())) {
            trainer.train(test, SILENT, new RunControl());
            assertThat(trainer.evaluate(test, -1).bayesian().accuracy()).isGreaterThan(0.95);
        }
    }
}
