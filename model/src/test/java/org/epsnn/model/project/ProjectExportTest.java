package org.epsnn.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.training.MetricsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exporting posterior moments and metrics for other tools. */
class ProjectExportTest {

    @TempDir
    Path folder;

    @Test
    void exportsMomentsOfEveryLayer() throws Exception {
        Project project = ProjectFixtures.trained(ProjectFixtures.Variant.GAUSSIAN, 2);

        List<Path> written = ProjectExport.write(project, folder);

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("layer-1-mean.npy",
                "layer-1-variance.npy", "layer-1-mean.csv", "layer-1-variance.csv", "layer-2-mean.npy",
                "layer-2-variance.npy", "layer-2-mean.csv", "layer-2-variance.csv", "metrics.csv");
        EpNetwork network = project.posterior().toNetwork(project.setup().network(), project.setup().encoding());
        double[] moments;
        try (ParallelRunner runner = new ParallelRunner(1)) {
            moments = network.layer(1).posteriorMoments(runner);
        }
        Npy.Array variance = Npy.read(folder.resolve("layer-2-variance.npy"));
        assertThat(variance.shape()).containsExactly(2, 13);
        assertThat(variance.values()).containsExactly(java.util.Arrays.copyOfRange(moments, 26, 52));
    }

    @Test
    void exportsLevelProbabilitiesOfDiscreteWeights() throws Exception {
        Project project = ProjectFixtures.trained(ProjectFixtures.Variant.TERNARY, 1);

        ProjectExport.write(project, folder);

        Npy.Array probabilities = Npy.read(folder.resolve("layer-1-level-probabilities.npy"));
        assertThat(probabilities.shape()).containsExactly(3, 12, 3);
        int weights = 12 * 3;
        for (int w = 0; w < weights; w++) {
            double total = 0;
            for (int k = 0; k < 3; k++) {
                total += probabilities.values()[k * weights + w];
            }
            assertThat(total).as("probabilities of weight %d", w).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void exportsOneMetricsRowPerPass() throws Exception {
        Project project = ProjectFixtures.trained(ProjectFixtures.Variant.REGRESSION, 2);

        ProjectExport.write(project, folder);

        List<String> lines = Files.readAllLines(folder.resolve("metrics.csv"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(MetricsCsv.header());
        assertThat(lines.get(2)).startsWith("2,").isEqualTo(MetricsCsv.row(project.history().get(1)));
    }

    @Test
    void rejectsUntrainedProject() {
        Project project = Project.of(ProjectFixtures.setup(ProjectFixtures.Variant.GAUSSIAN, 1));

        assertThatThrownBy(() -> ProjectExport.write(project, folder))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no trained posterior");
    }
}
