package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.EpTrainer;
import org.epsnn.model.ep.Prediction;
import org.epsnn.model.project.DataReference;
import org.epsnn.model.project.ProjectSetup;
import org.epsnn.model.project.ProjectSetupJson;
import org.epsnn.model.training.Evaluation;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.junit.jupiter.api.Test;

/** The guided sample projects show what their descriptions promise. */
class GuidedSamplesTest {

    private static final Path SAMPLES = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "samples");

    @Test
    void xorNeedsBias() throws Exception {
        double without = testAccuracy(trained("guided-xor-without-bias.epsnn.json"));
        double with = testAccuracy(trained("xor.epsnn.json"));

        assertThat(without).as("test accuracy without bias").isLessThan(0.8);
        assertThat(with).as("test accuracy with bias").isGreaterThan(0.9);
    }

    @Test
    void gapWidensPredictiveBand() throws Exception {
        Trained run = trained("guided-uncertainty-in-gap.epsnn.json");
        // x = 0 lies in the middle of the gap (-1, 1); x = -2.5 and 2.5 in the middle of the data.
        double[] points = {0.0, -2.5, 2.5};
        org.epsnn.model.data.Dataset probe = org.epsnn.model.data.Dataset.regression("probe", 3, 1, points, new double[3],
                java.util.List.of("y")).build();
        Prediction prediction = run.trainer().predict(probe);

        double inGap = prediction.variances()[0];
        assertThat(inGap).as("variance in the gap against x = -2.5").isGreaterThan(prediction.variances()[1]);
        assertThat(inGap).as("variance in the gap against x = 2.5").isGreaterThan(prediction.variances()[2]);
    }

    private record Trained(EpTrainer trainer, TrainingData data) {
    }

    private static double testAccuracy(Trained run) {
        try (EpTrainer trainer = run.trainer()) {
            Evaluation test = trainer.evaluate(run.data().test(), -1);
            return test.bayesian().accuracy();
        }
    }

    private static Trained trained(String name) throws IOException, InterruptedException {
        Path folder = Files.isDirectory(SAMPLES) ? SAMPLES : Path.of("..", "samples");
        ProjectSetup setup = ProjectSetupJson.read(folder.resolve(name));
        DataReference reference = setup.data();
        TrainingData data = TrainingData.builtIn(reference.name(), reference.seed());
        EpNetwork network = EpNetwork.create(setup.network(), setup.encoding(), setup.settings().seed(), data.targetMean(),
                data.targetScale());
        EpTrainer trainer = new EpTrainer(network, data.train(), setup.settings().withThreads(1));
        RunControl control = new RunControl();
        control.takeSnapshotRequest();
        trainer.train(null, new TrainingListener() { }, control);
        return new Trained(trainer, data);
    }
}
