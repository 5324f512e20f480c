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
        assertThat(table.lines().toList().get(2)).contains("95.00 %").contains("2.50").contains("90.00 %").contains("1.00");
    }

    @Test
    void secondsTableTakesLastPassWithinSeconds() {
        List<CompareCommand.Row> rows = List.of(new CompareCommand.Row(1, 0.9, 3.0, 0.8, 1.0),
                new CompareCommand.Row(2, 0.95, 6.0, 0.85, 2.0));

        List<String> lines = CompareCommand.secondsTable(rows).lines().toList();

        assertThat(lines).hasSize(5);
        assertThat(lines.get(1).trim().split("\\s{2,}")).containsExactly("1.00", "-", "0", "80.00 %", "1");
        assertThat(lines.get(2).trim().split("\\s{2,}")).containsExactly("2.00", "-", "0", "85.00 %", "2");
        assertThat(lines.get(3).trim().split("\\s{2,}")).containsExactly("3.00", "90.00 %", "1", "85.00 %", "2");
        assertThat(lines.get(4).trim().split("\\s{2,}")).containsExactly("6.00", "95.00 %", "2", "85.00 %", "2");
    }

    @Test
    void secondsTableListsSummaryPassesOnly() {
        List<CompareCommand.Row> rows = new java.util.ArrayList<>();
        for (int pass = 1; pass <= 8; pass++) {
            rows.add(new CompareCommand.Row(pass, 0.9, 10.0 * pass, 0.8, pass));
        }

        List<String> lines = CompareCommand.secondsTable(rows).lines().toList();

        // Passes 1, 2, 3, 5 and 8 of each trainer, at 1, 2, 3, 5, 8 and 10, 20, 30, 50, 80 seconds.
        assertThat(lines).hasSize(1 + 10);
        assertThat(lines.get(5).trim()).startsWith("8.00");
        assertThat(lines.get(6).trim()).startsWith("10.0");
    }

    @Test
    void millisecondPassesKeepDistinctSeconds() {
        List<CompareCommand.Row> rows = List.of(new CompareCommand.Row(1, 0.9, 0.012, 0.6, 0.004),
                new CompareCommand.Row(2, 0.95, 0.021, 0.7, 0.009));

        List<String> table = CompareCommand.table(rows).lines().toList();
        List<String> marks = CompareCommand.secondsTable(rows).lines().skip(1).map(line -> line.trim().split("\\s{2,}")[0]).toList();

        assertThat(table.get(1)).as("first pass").contains("0.012").contains("0.004");
        assertThat(marks).as("seconds of the pass ends").containsExactly("0.004", "0.009", "0.012", "0.021");
    }

    @Test
    void csvWritesNanForPassesNotRun() throws IOException {
        Path csv = folder.resolve("partial.csv");

        CompareCommand.writeCsv(csv, List.of(new CompareCommand.Row(1, 0.9, 1.25, Double.NaN, Double.NaN)));

        assertThat(Files.readAllLines(csv)).containsExactly(
                "pass,ep_test_accuracy,ep_seconds,baseline_test_accuracy,baseline_seconds", "1,0.900000,1.250,NaN,NaN");
    }

    @Test
    void compareOutputHasSecondsTable() {
        CommandRun run = CommandRun.of("compare", "--dataset", "moons", "--layers", "auto-8-auto", "--passes", "1",
                "--batch", "20", "--threads", "1");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("Test accuracy after the last pass finished within the training seconds")
                .contains("baseline passes");
    }

    @Test
    void rejectsNonPositiveLearningRate() {
        CommandRun run = CommandRun.of("compare", "--dataset", "moons", "--learning-rate", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--learning-rate").contains("must be positive, got 0.0");
    }
}
