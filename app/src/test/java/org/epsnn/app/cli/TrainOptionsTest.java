package org.epsnn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing and validation of the command line: usage errors exit with 2 and one message, no stack trace. */
class TrainOptionsTest {

    @TempDir
    Path folder;

    private static void assertUsageError(CommandRun run, String... fragments) {
        assertThat(run.exitCode()).as("exit code, stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: ");
        for (String fragment : fragments) {
            assertThat(run.err()).contains(fragment);
        }
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noArgumentsPrintsHelp() {
        CommandRun run = CommandRun.of();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: epsnn").contains("train").contains("bench");
    }

    @Test
    void trainHelpListsEveryOption() {
        CommandRun run = CommandRun.of("train", "--help");

        assertThat(run.exitCode()).isZero();
        for (String option : new String[] {"--dataset", "--target", "--layers", "--neuron", "--temperature", "--weights",
            "--prior-variance", "--first-batch", "--batch", "--passes", "--damping", "--adaptive-damping", "--seed",
            "--threads", "--metrics", "--inputs", "--temper", "--damping-schedule", "--warmup", "--train-eval",
            "--test-fraction", "--noise-variance"}) {
            assertThat(run.out()).as("help text").contains(option);
        }
    }

    @Test
    void unknownOptionSuggestsClosest() {
        assertUsageError(CommandRun.of("train", "--pases", "2"), "Unknown options: '--pases'", "Possible solutions: --passes");
    }

    @Test
    void batchBelowOneRejected() {
        assertUsageError(CommandRun.of("train", "--batch", "0"), "'--batch'", "must be at least 1, got 0");
    }

    @Test
    void nonNumericBatchRejected() {
        assertUsageError(CommandRun.of("train", "--batch", "many"), "--batch", "'many' is not an int");
    }

    @Test
    void unknownNeuronListsModels() {
        assertUsageError(CommandRun.of("train", "--neuron", "relu"), "--neuron", "'relu' is not one of heaviside, sigmoid");
    }

    @Test
    void unknownWeightKindListsKinds() {
        assertUsageError(CommandRun.of("train", "--weights", "quaternary"), "--weights",
                "'quaternary' is not one of gaussian, binary, ternary");
    }

    @Test
    void neuronNameIgnoresCase() {
        CommandRun run = CommandRun.of("train", "--dataset", "xor", "--neuron", "Sigmoid", "--temperature", "0.5",
                "--layers", "auto-4-auto", "--train-eval", "0");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("sigmoid(T=0.5) neurons");
    }

    @Test
    void temperatureNeedsSigmoid() {
        assertUsageError(CommandRun.of("train", "--temperature", "2"), "--temperature", "--neuron sigmoid");
    }

    @Test
    void priorVarianceNeedsGaussianWeights() {
        assertUsageError(CommandRun.of("train", "--weights", "binary", "--prior-variance", "2"),
                "--prior-variance", "--weights gaussian");
    }

    @Test
    void negativePriorVarianceRejected() {
        assertUsageError(CommandRun.of("train", "--prior-variance", "-0.5"), "--prior-variance", "got -0.5");
    }

    @Test
    void dampingOutsideUnitIntervalRejected() {
        assertUsageError(CommandRun.of("train", "--damping", "1.5"), "--damping", "(0, 1], got 1.5");
    }

    @Test
    void dampingScheduleEntryNamed() {
        assertUsageError(CommandRun.of("train", "--damping-schedule", "0.5,0,0.25"), "--damping-schedule",
                "value 2 must lie in (0, 1], got 0.0");
    }

    @Test
    void dampingAndScheduleConflict() {
        assertUsageError(CommandRun.of("train", "--damping", "0.5", "--damping-schedule", "0.5,0.25"),
                "--damping-schedule");
    }

    @Test
    void unknownInputEncodingListsForms() {
        assertUsageError(CommandRun.of("train", "--inputs", "spikes"), "--inputs", "threshold:LEVEL", "bernoulli");
    }

    @Test
    void badThresholdLevelNamed() {
        assertUsageError(CommandRun.of("train", "--inputs", "threshold:high"), "--inputs", "'high' is not a number");
    }

    @Test
    void unknownDatasetListsBuiltIns() {
        assertUsageError(CommandRun.of("train", "--dataset", "no-such-data"), "'no-such-data' not found",
                "moons", "strokes");
    }

    @Test
    void nonCsvFileRejected() throws IOException {
        Path file = Files.writeString(folder.resolve("data.txt"), "1,2\n");

        assertUsageError(CommandRun.of("train", "--dataset", file.toString()), "is not a .csv file");
    }

    @Test
    void targetOnlyForCsv() {
        assertUsageError(CommandRun.of("train", "--dataset", "moons", "--target", "label"), "--target", "CSV files only");
    }

    @Test
    void testFractionOnlyForCsv() {
        assertUsageError(CommandRun.of("train", "--dataset", "moons", "--test-fraction", "0.3"), "--test-fraction",
                "CSV files only");
    }

    @Test
    void testFractionOutsideRangeRejected() {
        assertUsageError(CommandRun.of("train", "--test-fraction", "1"), "--test-fraction", "strictly between 0 and 1");
    }

    @Test
    void layersNotMatchingDatasetNameExpectedSizes() {
        assertUsageError(CommandRun.of("train", "--dataset", "moons", "--layers", "3-16-2"), "'--layers'",
                "starts with 3 inputs", "has 2 features", "write 2-16-2");
    }

    @Test
    void layersOutputNotMatchingClassesNamed() {
        assertUsageError(CommandRun.of("train", "--dataset", "strokes", "--layers", "auto-50-2"), "'--layers'",
                "ends with 2 outputs", "needs 10", "write 196-50-10");
    }

    @Test
    void malformedLayersNamed() {
        assertUsageError(CommandRun.of("train", "--dataset", "moons", "--layers", "2-x-2"), "part 2 ('x')");
    }

    @Test
    void tooManyTemperFactorsRejected() {
        assertUsageError(CommandRun.of("train", "--dataset", "moons", "--layers", "auto-8-auto", "--temper", "2,1,1"),
                "--temper", "3 factors given", "2 layers with weights");
    }

    @Test
    void noiseVarianceOnlyForRegression() {
        assertUsageError(CommandRun.of("train", "--dataset", "moons", "--noise-variance", "0.2"), "--noise-variance",
                "regression only");
    }

    @Test
    void metricsInMissingFolderRejected() {
        Path missing = folder.resolve("missing").resolve("metrics.csv");

        assertUsageError(CommandRun.of("train", "--metrics", missing.toString()), "--metrics", "does not exist");
    }

    @Test
    void trainEvaluationBelowMinusOneRejected() {
        assertUsageError(CommandRun.of("train", "--train-eval", "-2"), "--train-eval", "got -2");
    }
}
