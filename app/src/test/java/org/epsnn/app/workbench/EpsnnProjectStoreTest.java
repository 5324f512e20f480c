package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.epsnn.model.data.BuiltInDatasets;
import org.epsnn.model.data.TrainTestSplit;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.EpTrainer;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.ep.Prediction;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.project.DataReference;
import org.epsnn.model.project.ProjectFiles;
import org.epsnn.model.project.ProjectFormatException;
import org.epsnn.model.project.ProjectSetup;
import org.epsnn.model.project.ProjectSetupJson;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpsnnProjectStoreTest {

    @TempDir
    Path folder;

    private final EpsnnProjectStore store = new EpsnnProjectStore();
    private final NetworkSpec network = NetworkSpec.of(new int[] {2, 8, 2}, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1),
            NetworkSpec.Task.CLASSIFICATION);
    private final ProjectSetup setup = new ProjectSetup("two moons", DataReference.builtIn("moons", 3), network,
            InputEncoding.REAL, TrainingSettings.defaults().withPasses(2).withThreads(1).withTrainEvaluationSamples(0));
    private final TrainTestSplit data = BuiltInDatasets.generate("moons", 3);

    @Test
    void trainedProjectReopensWithIdenticalPredictions() throws Exception {
        EpNetwork trained = EpNetwork.create(network, InputEncoding.REAL, setup.settings().seed());
        List<PassSummary> passes;
        try (EpTrainer trainer = new EpTrainer(trained, data.train(), setup.settings())) {
            passes = trainer.train(data.test(), new TrainingListener() { }, new RunControl());
        }
        MetricHistory history = new MetricHistory(
                List.of(new MetricHistory.Series(PlotsPane.TEST_BAYESIAN, new double[] {100, 200, 300}, new double[] {0.8, Double.NaN, 0.9})),
                List.of(new MetricHistory.Marker(300, "pass 1")), passes,
                List.of(new MetricHistory.Series("layer 1", new double[] {100, 300}, new double[] {0.41, 0.38}),
                        new MetricHistory.Series("output layer", new double[] {100, 300}, new double[] {0.52, 0.5})));
        Path file = folder.resolve("moons.epsnn");
        List<Double> progress = new ArrayList<>();

        store.save(file, new ProjectState(setup, Optional.of(trained), history, Map.of("tab", "Weights")), progress::add);
        OpenedProject opened = store.load(file, progress::add, () -> false);

        assertThat(opened.state().setup()).as("setup read back").isEqualTo(setup);
        assertThat(opened.notes()).as("notes").isEmpty();
        assertThat(opened.state().layout()).as("layout").containsExactly(Map.entry("tab", "Weights"));
        assertThat(opened.state().metrics().series()).as("curves").isEqualTo(history.series());
        assertThat(opened.state().metrics().passMarkers()).as("pass markers").isEqualTo(history.passMarkers());
        assertThat(opened.state().metrics().firing()).as("firing curves").isEqualTo(history.firing());
        assertThat(opened.state().metrics().passes()).as("pass results").hasSize(2);
        assertThat(opened.state().metrics().passes().get(1).test().bayesian().accuracy())
                .isEqualTo(passes.get(1).test().bayesian().accuracy());
        assertThat(progress).as("progress of save and load").contains(1.0).allMatch(done -> done >= 0 && done <= 1);

        EpNetwork reopened = opened.state().posterior().orElseThrow();
        assertThat(reopened.samplesSeen()).isEqualTo(trained.samplesSeen());
        assertThat(reopened.completedPasses()).isEqualTo(2);
        assertThat(predict(reopened).probabilities()).containsExactly(predict(trained).probabilities());
    }

    @Test
    void curvesWithoutFiringOpen() throws Exception {
        Path file = folder.resolve("older.epsnn");
        // The layout of a file saved before the firing curves were kept: accuracy curves and markers only.
        String curves = "{\"series\":[{\"name\":\"" + PlotsPane.TEST_BAYESIAN + "\",\"x\":[100,200],\"y\":[0.7,null]}],"
                + "\"markers\":[{\"x\":200,\"label\":\"pass 1\"}]}";
        store.save(file, new ProjectState(setup, Optional.empty(), MetricHistory.EMPTY,
                Map.of(EpsnnProjectStore.CURVES_KEY, curves)), done -> { });

        MetricHistory history = store.load(file, done -> { }, () -> false).state().metrics();

        assertThat(history.series()).as("accuracy curves").singleElement()
                .satisfies(curve -> assertThat(curve.y()).containsExactly(0.7, Double.NaN));
        assertThat(history.passMarkers()).as("pass markers").containsExactly(new MetricHistory.Marker(200, "pass 1"));
        assertThat(history.firing()).as("firing curves").isEmpty();
    }

    @Test
    void versionOneSetupOpensWithANote() throws Exception {
        Path file = folder.resolve("moons.epsnn.json");
        ProjectSetupJson.write(setup, file);

        OpenedProject opened = store.load(file, done -> { }, () -> false);

        assertThat(opened.state().setup()).isEqualTo(setup);
        assertThat(opened.state().posterior()).isEmpty();
        assertThat(opened.notes()).singleElement().asString().contains("version 1").contains(ProjectFiles.EXTENSION);
    }

    @Test
    void autosaveOpensWithoutNote() throws Exception {
        Path file = folder.resolve(".moons.epsnn.autosave");
        store.save(file, new ProjectState(setup, Optional.empty(), MetricHistory.EMPTY, Map.of()), done -> { });

        OpenedProject opened = store.load(file, done -> { }, () -> false);

        assertThat(opened.state().setup()).isEqualTo(setup);
        assertThat(opened.notes()).isEmpty();
    }

    @Test
    void untrainedProjectSavesWithoutPosterior() throws Exception {
        Path file = folder.resolve("untrained.epsnn");

        store.save(file, new ProjectState(setup, Optional.empty(), MetricHistory.EMPTY, Map.of()), done -> { });

        OpenedProject opened = store.load(file, done -> { }, () -> false);
        assertThat(opened.state().posterior()).isEmpty();
        assertThat(opened.state().metrics().isEmpty()).isTrue();
    }

    @Test
    void emptyFileIsRejectedByName() throws Exception {
        Path file = Files.createFile(folder.resolve("empty.epsnn"));

        assertThatThrownBy(() -> store.load(file, done -> { }, () -> false)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("empty.epsnn").hasMessageContaining("is empty");
    }

    @Test
    void binaryFileIsRejectedByName() throws Exception {
        Path file = folder.resolve("picture.epsnn");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff});

        assertThatThrownBy(() -> store.load(file, done -> { }, () -> false)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("picture.epsnn");
    }

    @Test
    void cancelledLoadThrows() throws Exception {
        Path file = folder.resolve("moons.epsnn");
        store.save(file, new ProjectState(setup, Optional.empty(), MetricHistory.EMPTY, Map.of()), done -> { });

        assertThatThrownBy(() -> store.load(file, done -> { }, () -> true)).isInstanceOf(CancellationException.class);
    }

    private Prediction predict(EpNetwork posterior) {
        try (EpTrainer trainer = new EpTrainer(posterior, data.train(), setup.settings())) {
            return trainer.predict(data.test());
        }
    }
}
