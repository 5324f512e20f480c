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
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.project.DataReference;
import org.epsnn.model.project.ProjectFormatException;
import org.epsnn.model.project.ProjectSetup;
import org.epsnn.model.training.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupJsonProjectStoreTest {

    @TempDir
    Path folder;

    private final SetupJsonProjectStore store = new SetupJsonProjectStore();
    private final NetworkSpec network = NetworkSpec.of(new int[] {2, 8, 2}, NeuronModel.HEAVISIDE, WeightPrior.gaussian(1),
            NetworkSpec.Task.CLASSIFICATION);
    private final ProjectSetup setup = new ProjectSetup("two moons", DataReference.builtIn("moons", 3), network,
            InputEncoding.THRESHOLD_HALF, TrainingSettings.defaults());

    @Test
    void savedSetupOpensAgain() throws Exception {
        Path file = folder.resolve("moons.epsnn");
        List<Double> progress = new ArrayList<>();

        store.save(file, new ProjectState(setup, Optional.empty(), MetricHistory.EMPTY, Map.of()), progress::add);
        OpenedProject opened = store.load(file, progress::add, () -> false);

        assertThat(opened.state().setup()).as("setup read back").isEqualTo(setup);
        assertThat(opened.state().posterior()).as("posterior").isEmpty();
        assertThat(progress).as("progress of save and load").containsExactly(0.0, 1.0, 0.0, 1.0);
    }

    @Test
    void posteriorSaveLeavesFileUnchanged() throws Exception {
        Path file = folder.resolve("moons.epsnn");
        store.save(file, new ProjectState(setup, Optional.empty(), MetricHistory.EMPTY, Map.of()), done -> { });
        byte[] before = Files.readAllBytes(file);
        EpNetwork trained = EpNetwork.create(network, InputEncoding.THRESHOLD_HALF, 1);
        ProjectSetup changed = new ProjectSetup("changed", setup.data(), network, setup.encoding(), setup.settings());

        assertThatThrownBy(() -> store.save(file, new ProjectState(changed, Optional.of(trained), MetricHistory.EMPTY, Map.of()),
                done -> { })).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("project file format");
        assertThat(Files.readAllBytes(file)).as("file after the rejected save").isEqualTo(before);
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
}
