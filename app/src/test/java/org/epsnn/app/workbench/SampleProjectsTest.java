package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.project.DataReference;
import org.epsnn.model.project.ProjectSetup;
import org.epsnn.model.project.ProjectSetupJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample project opens and its network fits its data. */
class SampleProjectsTest {

    private static final Path SAMPLES = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "samples");

    static Stream<Path> sampleProjects() throws IOException {
        Path folder = Files.isDirectory(SAMPLES) ? SAMPLES : Path.of("..", "samples");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> projects = files.filter(file -> file.getFileName().toString().endsWith(".epsnn.json")).sorted().toList();
            assertThat(projects).hasSizeGreaterThanOrEqualTo(8);
            return projects.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("sampleProjects")
    void sampleProjectFitsItsData(Path file) throws IOException {
        ProjectSetup setup = ProjectSetupJson.read(file);
        assertThat(setup.description()).as("description of %s", file).isNotBlank();
        if (setup.data().kind() == DataReference.Kind.BUILT_IN) {
            TrainingData data = TrainingData.builtIn(setup.data().name(), setup.data().seed());
            assertThat(setup.network().inputSize()).as("input size of %s", file).isEqualTo(data.train().columns());
            assertThat(setup.network().outputSize()).as("output size of %s", file).isEqualTo(data.train().outputCount());
        } else {
            assertThat(setup.network().inputSize()).isEqualTo(784);
            assertThat(setup.network().outputSize()).isEqualTo(10);
        }
    }
}
