package org.epsnn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare command on small built-in data, as a user runs it. */
class CompareCommandTest {

    @TempDir
    Path folder;

    @Test
    void compareWritesTableAndCsv() throws IOException {
        Path csv = folder.resolve("compare.csv");

        CommandRun run = CommandRun.of("compare", "--dataset", "moons", "--layers", "auto-16-auto", "--passes", "2",
                "--batch", "20", "--learning-rate", "0.01", "--threads", "1", "--csv", csv.toString());

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("EP accuracy").contains("baseline accuracy").contains("baseline s");
        assertThat(run.err()).contains("EP pass 2: ").contains("Baseline pass 2: ");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).split(",")).containsExactlyElementsOf(CompareCommand.COLUMNS);
        String[] last = lines.get(2).split(",");
        assertThat(last[0]).isEqualTo("2");
        assertThat(Double.parseDouble(last[1])).as("EP test accuracy").isGreaterThan(0.8);
        assertThat(Double.parseDouble(last[3])).as("baseline test accuracy").isGreaterThan(0.8);
        assertThat(Double.parseDouble(last[4])).as("baseline seconds").isGreaterThanOrEqualTo(Double.parseDouble(lines.get(1).split(",")[4]));
    }

    @Test
    void tableRowsMatchCsvRows() throws IOException {
        Path csv = folder.resolve("rows.csv");
        List<CompareCommand.Row> rows = List.of(new CompareCommand.Row(1, 0.9, 1.25, 0.85, 0.5),
                new CompareCommand.Row(2, 0.95, 2.5, 0.9, 1.0));

        CompareCommand.writeCsv(csv, rows);
        String table = CompareCommand.table(rows);

        assertThat(Files.readAllLines(csv)).containsExactly("pass,ep_test_accuracy,ep_seconds,baseline_test_accuracy,baseline_seconds",
                "1,0.900000,1.250,0.850000,0.500", "2,0.950000,2.500,0.900000,1.000");
        assertThat(table.lines().toList()).hasSize(3);
        assertThat(table.lines().toList().get(2)).contains("95.00 %").contains("2.5").contains("90.00 %").contains("1.0");
    }

    @Test
    void rejectsNonPositiveLearningRate() {
        CommandRun run = CommandRun.of("compare", "--dataset", "moons", "--learning-rate", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--learning-rate").contains("must be positive, got 0.0");
    }
}
