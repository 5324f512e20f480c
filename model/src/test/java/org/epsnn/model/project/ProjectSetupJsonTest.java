package org.epsnn.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSetupJsonTest {

    @TempDir
    Path folder;

    private static ProjectSetup sample() {
        NetworkSpec network = NetworkSpec.of(new int[] {784, 300, 10}, NeuronModel.sigmoid(2.0), WeightPrior.ternary(0.5),
                NetworkSpec.Task.CLASSIFICATION);
        network = network.withLayer(0, network.layer(0).withTemper(4).withBias(false));
        TrainingSettings settings = TrainingSettings.defaults().withPasses(4).withDampingSchedule(new double[] {0.5, 0.25})
                .withAdaptiveDamping(true).withSeed(7).withWarmupSamples(10_000);
        return new ProjectSetup("a test", DataReference.mnist("/data/mnist"), network, InputEncoding.parse("threshold:0.3"), settings);
    }

    @Test
    void roundTripKeepsEverything() throws IOException {
        Path file = folder.resolve("project.epsnn.json");
        ProjectSetupJson.write(sample(), file);
        ProjectSetup read = ProjectSetupJson.read(file);
        assertThat(read).isEqualTo(sample());
    }

    @Test
    void roundTripKeepsBuiltInParameters() throws IOException {
        Path file = folder.resolve("moons.epsnn.json");
        ProjectSetup moons = new ProjectSetup("", DataReference.builtIn("moons", 300, 100, 0.35, 4), sample().network(),
                sample().encoding(), sample().settings());
        ProjectSetupJson.write(moons, file);
        assertThat(ProjectSetupJson.read(file).data()).isEqualTo(moons.data());
    }

    @Test
    void writeLeavesNoTemporaryFile() throws IOException {
        Path file = folder.resolve("project.epsnn.json");
        ProjectSetupJson.write(sample(), file);
        ProjectSetupJson.write(sample(), file);
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void rejectsNewerVersion() throws IOException {
        Path file = folder.resolve("new.json");
        Files.writeString(file, ProjectSetupJson.toJson(sample()).put("version", 99).toString());
        assertThatThrownBy(() -> ProjectSetupJson.read(file)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("newer version").hasMessageContaining("new.json");
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        Path file = folder.resolve("empty.json");
        Files.writeString(file, "");
        assertThatThrownBy(() -> ProjectSetupJson.read(file)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsTruncatedJson() throws IOException {
        Path file = folder.resolve("cut.json");
        String full = ProjectSetupJson.toJson(sample()).toString();
        Files.writeString(file, full.substring(0, full.length() / 2));
        assertThatThrownBy(() -> ProjectSetupJson.read(file)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsWrongFormat() throws IOException {
        Path file = folder.resolve("other.json");
        Files.writeString(file, "{\"format\": \"something-else\", \"version\": 1}");
        assertThatThrownBy(() -> ProjectSetupJson.read(file)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("something-else");
    }

    @Test
    void namesInvalidLayerField() throws IOException {
        Path file = folder.resolve("bad.json");
        var json = ProjectSetupJson.toJson(sample());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.path("network").path("layers").get(1)).put("size", "ten");
        Files.writeString(file, json.toString());
        assertThatThrownBy(() -> ProjectSetupJson.read(file)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("network.layers[1].size");
    }

    @Test
    void namesInvalidValue() throws IOException {
        Path file = folder.resolve("negative.json");
        var json = ProjectSetupJson.toJson(sample());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.path("settings")).put("batch", -3);
        Files.writeString(file, json.toString());
        assertThatThrownBy(() -> ProjectSetupJson.read(file)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("Batch size must be at least 1, got -3");
    }
}
