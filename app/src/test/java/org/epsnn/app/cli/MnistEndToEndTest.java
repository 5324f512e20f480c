package org.epsnn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.epsnn.model.data.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains 784-500-10 on MNIST through the command line and checks the test accuracy after one
 * pass over the full 10 000 test images. The MNIST files are read from {@code data/mnist} in the
 * folder that the system property {@code epsnn.shared} names.
 */
class MnistEndToEndTest {

    /**
     * Bar of the reduced run: the first 20 000 training images, one pass, seed 1. It measured
     * 92.36 % with 2 threads on a 2-core x86-64 machine. The bar leaves room for the rounding
     * differences of other thread counts and BLAS implementations.
     */
    private static final double REDUCED_RUN_BAR = 0.915;

    /** Bar of one pass over all 60 000 training images. */
    private static final double FULL_RUN_BAR = 0.955;

    @TempDir
    Path folder;

    private double trainAndReadTestAccuracy(int trainSamples) throws IOException {
        Path metrics = folder.resolve("mnist.csv");

        CommandRun run = CommandRun.of("train", "--dataset", SharedData.mnistFolder().toString(),
                "--layers", "784-500-10", "--train-samples", Integer.toString(trainSamples), "--passes", "1",
                "--neuron", "heaviside", "--weights", "gaussian", "--seed", "1", "--train-eval", "0",
                "--metrics", metrics.toString());

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains(trainSamples + " training and 10000 test samples, 784 features, 10 classes");
        List<String> lines = Files.readAllLines(metrics);
        assertThat(lines).hasSize(2);
        return Double.parseDouble(lines.get(1).split(",")[MetricsFile.COLUMNS.indexOf("test_accuracy")]);
    }

    @Test
    void reducedRunReachesBar() throws IOException {
        assertThat(trainAndReadTestAccuracy(20_000)).isGreaterThanOrEqualTo(REDUCED_RUN_BAR);
    }

    @Test
    @Tag("slow")
    void fullPassReachesBar() throws IOException {
        assertThat(trainAndReadTestAccuracy(60_000)).isGreaterThanOrEqualTo(FULL_RUN_BAR);
    }
}
