package org.epsnn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training runs through the command line on small data, as a user starts them. */
class TrainCommandTest {

    @TempDir
    Path folder;

    @Test
    void builtInRunWritesMetricsPerPass() throws IOException {
        Path metrics = folder.resolve("moons.csv");

        CommandRun run = CommandRun.of("train", "--dataset", "moons", "--layers", "auto-16-auto", "--passes", "3",
                "--threads", "1", "--metrics", metrics.toString());

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        List<String> lines = Files.readAllLines(metrics);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).split(",")).containsExactlyElementsOf(MetricsFile.COLUMNS);
        assertThat(lines.get(0)).startsWith("pass,").contains("seconds", "train_accuracy", "test_accuracy",
                "test_accuracy_deterministic", "test_nll", "clipped");
        assertThat(lines.get(3)).startsWith("3,");
    }

    @Test
    void builtInRunLearnsMoons() throws IOException {
        Path metrics = folder.resolve("moons.csv");

        CommandRun run = CommandRun.of("train", "--dataset", "moons", "--layers", "auto-16-auto", "--passes", "3",
                "--threads", "1", "--metrics", metrics.toString());

        int testAccuracy = MetricsFile.COLUMNS.indexOf("test_accuracy");
        String[] lastRow = Files.readAllLines(metrics).get(3).split(",");
        assertThat(run.exitCode()).isZero();
        assertThat(Double.parseDouble(lastRow[testAccuracy])).isGreaterThan(0.95);
    }

    @Test
    void passLinesGoToStdout() {
        CommandRun run = CommandRun.of("train", "--dataset", "xor", "--passes", "2", "--threads", "1");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("Pass 1: ").contains("Pass 2: ").contains("test NLL").contains("ECE")
                .contains("samples/s").contains("Finished 2 passes");
        assertThat(run.out()).doesNotContain("ETA");
    }

    @Test
    void shortPassPrintsOnlyItsResult() {
        CommandRun run = CommandRun.of("train", "--dataset", "xor", "--threads", "1");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.err()).doesNotContain("Pass 1: ").doesNotContain("\r");
        assertThat(run.out().lines().filter(line -> line.startsWith("Pass 1: ")).count()).isEqualTo(1);
    }

    @Test
    void regressionRunReportsRootMeanSquaredError() throws IOException {
        Path metrics = folder.resolve("gap.csv");

        CommandRun run = CommandRun.of("train", "--dataset", "gap1d", "--layers", "auto-20-auto", "--threads", "1",
                "--noise-variance", "0.05", "--metrics", metrics.toString());

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("regression").contains("noise variance 0.05").contains("test RMSE")
                .contains("test log-likelihood");
        String[] row = Files.readAllLines(metrics).get(1).split(",");
        assertThat(row[MetricsFile.COLUMNS.indexOf("test_accuracy")]).isEqualTo("NaN");
        assertThat(Double.parseDouble(row[MetricsFile.COLUMNS.indexOf("test_rmse")])).isPositive();
    }

    @Test
    void csvClassificationRunSplitsAndTrains() throws IOException {
        Path data = writeQuadrantCsv(folder.resolve("quadrants.csv"), 400);
        Path metrics = folder.resolve("metrics.csv");

        CommandRun run = CommandRun.of("train", "--dataset", data.toString(), "--target", "label",
                "--test-fraction", "0.25", "--layers", "auto-8-auto", "--passes", "2", "--threads", "1",
                "--metrics", metrics.toString());

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("300 training and 100 test samples, 2 features, 2 classes, inputs real");
        assertThat(Files.readAllLines(metrics)).hasSize(3);
    }

    @Test
    void csvTargetByIndexAccepted() throws IOException {
        Path data = writeQuadrantCsv(folder.resolve("quadrants.csv"), 200);

        CommandRun run = CommandRun.of("train", "--dataset", data.toString(), "--target", "2", "--layers", "2-4-2",
                "--threads", "1");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("2-4-2 classification");
    }

    @Test
    void csvRegressionReportsTargetUnits() throws IOException {
        Path data = folder.resolve("line.csv");
        StringBuilder text = new StringBuilder("x,y\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            double x = random.nextDouble(-2, 2);
            text.append(String.format(Locale.ROOT, "%.4f,%.4f%n", x, 1000 + 50 * x + 10 * random.nextGaussian()));
        }
        Files.writeString(data, text);

        Path metrics = folder.resolve("metrics.csv");

        CommandRun run = CommandRun.of("train", "--dataset", data.toString(), "--layers", "auto-auto", "--passes", "5",
                "--batch", "20", "--threads", "1", "--metrics", metrics.toString());

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("1-1 regression").contains("test RMSE");
        // The targets scatter around the line with standard deviation 10, so a fitted line has an
        // RMSE near 10 in target units; in standardised units it would be near 0.17.
        String[] row = Files.readAllLines(metrics).get(5).split(",");
        double rootMeanSquaredError = Double.parseDouble(row[MetricsFile.COLUMNS.indexOf("test_rmse")]);
        assertThat(rootMeanSquaredError).isBetween(7.0, 14.0);
    }

    @Test
    void malformedCsvNamesLine() throws IOException {
        Path data = folder.resolve("broken.csv");
        Files.writeString(data, "x1,x2,label\n0.5,0.1,a\n0.2,oops,b\n0.3,0.3,a\n");

        CommandRun run = CommandRun.of("train", "--dataset", data.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ").contains("broken.csv").contains("line 3");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void missingCsvTargetColumnIsUsageError() throws IOException {
        Path data = writeQuadrantCsv(folder.resolve("quadrants.csv"), 50);

        CommandRun run = CommandRun.of("train", "--dataset", data.toString(), "--target", "price");

        assertThat(run.exitCode()).as("exit code, stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.err()).as("option").startsWith("Error: Invalid value for option '--target': ");
        assertThat(run.err()).as("file").contains(data.toString());
        assertThat(run.err()).as("missing column").contains("no column 'price'");
        assertThat(run.err()).as("columns there are").contains("x1, x2, label");
        assertThat(run.err()).as("stack trace").doesNotContain("\tat ");
    }

    @Test
    void csvTargetIndexOutsideColumnsIsUsageError() throws IOException {
        Path data = writeQuadrantCsv(folder.resolve("quadrants.csv"), 50);

        CommandRun run = CommandRun.of("train", "--dataset", data.toString(), "--target", "3");

        assertThat(run.exitCode()).as("exit code, stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.err()).as("option").startsWith("Error: Invalid value for option '--target': ");
        assertThat(run.err()).as("index and columns").contains("index 3 is outside the 3 columns");
    }

    @Test
    void emptyMnistFolderFails() throws IOException {
        Path mnist = Files.createDirectory(folder.resolve("mnist"));

        CommandRun run = CommandRun.of("train", "--dataset", mnist.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ").contains("train-images-idx3-ubyte");
    }

    @Test
    void temperingAndScheduleReachEngine() {
        CommandRun run = CommandRun.of("train", "--dataset", "moons", "--layers", "auto-8-auto", "--temper", "4",
                "--damping-schedule", "0.5,0.25", "--passes", "3", "--warmup", "100", "--adaptive-damping",
                "--threads", "1");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("tempering 4.0,1.0").contains("damping [0.5, 0.25]")
                .contains("adaptive damping").contains("first-pass warm-up 100 samples");
    }

    /** Writes points of the plane labelled "right" or "left" by the sign of x1, under a header x1,x2,label. */
    private static Path writeQuadrantCsv(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder text = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < rows; i++) {
            double x1 = random.nextDouble(-1, 1);
            double x2 = random.nextDouble(-1, 1);
            text.append(String.format(Locale.ROOT, "%.5f,%.5f,%s%n", x1, x2, x1 > 0 ? "right" : "left"));
        }
        return Files.writeString(file, text);
    }
}
