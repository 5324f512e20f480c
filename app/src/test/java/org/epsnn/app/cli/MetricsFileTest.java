package org.epsnn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.epsnn.model.training.ClassificationMetrics;
import org.epsnn.model.training.Evaluation;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.RegressionMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsFileTest {

    @TempDir
    Path folder;

    private static PassSummary summary(int pass) {
        Evaluation test = new Evaluation(new ClassificationMetrics(0.9125, 0.25, 0.0125, 100), 0.875,
                RegressionMetrics.NONE, Double.NaN);
        return new PassSummary(pass, 1.5, 0.25, 1000L * pass, 0.8, Evaluation.NONE, test, 42, 666.7);
    }

    @Test
    void newFileHoldsHeaderOnly() throws IOException {
        Path path = folder.resolve("metrics.csv");

        new MetricsFile(path);

        assertThat(Files.readAllLines(path)).containsExactly(String.join(",", MetricsFile.COLUMNS));
    }

    @Test
    void appendKeepsEarlierRows() throws IOException {
        Path path = folder.resolve("metrics.csv");
        MetricsFile file = new MetricsFile(path);

        file.append(summary(1));
        file.append(summary(2));

        List<String> lines = Files.readAllLines(path);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("1,1000,");
        assertThat(lines.get(2)).startsWith("2,2000,");
    }

    @Test
    void rowUsesPointUnderAnyLocale() {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);

            String row = MetricsFile.row(summary(1));

            assertThat(row.split(",")).hasSize(MetricsFile.COLUMNS.size());
            assertThat(row).contains(",1.500,").contains(",0.912500,").contains(",0.875000,");
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void missingMetricsWrittenAsNaN() {
        String[] cells = MetricsFile.row(summary(1)).split(",");

        assertThat(cells[MetricsFile.COLUMNS.indexOf("train_accuracy")]).isEqualTo("NaN");
        assertThat(cells[MetricsFile.COLUMNS.indexOf("test_rmse")]).isEqualTo("NaN");
        assertThat(cells[MetricsFile.COLUMNS.indexOf("clipped")]).isEqualTo("42");
    }

    @Test
    void rewriteLeavesNoTemporaryFile() throws IOException {
        Path path = folder.resolve("metrics.csv");
        MetricsFile file = new MetricsFile(path);

        file.append(summary(1));

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(path);
        }
    }

    @Test
    void existingFileReplaced() throws IOException {
        Path path = Files.writeString(folder.resolve("metrics.csv"), "old content\n");

        new MetricsFile(path);

        assertThat(Files.readString(path)).doesNotContain("old content");
    }
}
