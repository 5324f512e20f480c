package org.epsnn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.epsnn.model.linalg.EjmlProducts;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void headerNamesBlasAndCoreType() {
        CommandRun run = CommandRun.of("bench", "--skip-products");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).startsWith("BLAS: ").contains("OPENBLAS_CORETYPE=");
    }

    @Test
    void mnistOptionsNeedMnistFolder() {
        CommandRun run = CommandRun.of("bench", "--first-pass");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("add --mnist DIR");
    }

    @Test
    void sweepNeedsMnistFolder() {
        CommandRun run = CommandRun.of("bench", "--skip-products", "--sweep");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--sweep and --memory").contains("add --mnist DIR");
    }

    @Test
    void rejectsZeroSweepBatch() {
        CommandRun run = CommandRun.of("bench", "--skip-products", "--sweep-batches", "10,0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("every batch size must be at least 1, got 0");
    }

    @Test
    void headerGivesLoadAverage() {
        CommandRun run = CommandRun.of("bench", "--skip-products");

        assertThat(run.out()).contains("load average");
    }

    @Test
    void measureReturnsPositiveRate() {
        BenchCommand.Shape shape = new BenchCommand.Shape("small", true, false, 30, 20, 10);

        assertThat(BenchCommand.measure(new EjmlProducts(false), shape)).isPositive();
    }

    @Test
    void medianOfEvenCountAveragesMiddle() {
        assertThat(BenchCommand.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void medianOfOddCountTakesMiddle() {
        assertThat(BenchCommand.median(new double[] {5, 1, 3})).isEqualTo(3);
    }
}
