package org.epsnn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The uncertainty command on the built-in stroke digits, as a user runs it. */
class UncertaintyCommandTest {

    @Test
    void shiftedInputsRaiseEntropy() {
        CommandRun run = CommandRun.of("uncertainty", "--dataset", "strokes", "--passes", "2", "--threads", "1");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("expected calibration error");
        double test = meanEntropy(run.out(), "test ");
        assertThat(meanEntropy(run.out(), "rotated 90 degrees")).as("rotated").isGreaterThan(test);
        assertThat(meanEntropy(run.out(), "inverted")).as("inverted").isGreaterThan(test);
        assertThat(meanEntropy(run.out(), "uniform noise")).as("noise").isGreaterThan(test);
    }

    @Test
    void rejectsNonImageData() {
        CommandRun run = CommandRun.of("uncertainty", "--dataset", "moons");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--dataset").contains("is not image classification data");
    }

    @Test
    void tableShowsEntropyShare() {
        String table = UncertaintyCommand.table(List.of(new UncertaintyCommand.Row("test", Math.log(10) / 2, 0.9)), 10);

        assertThat(table.lines().toList().get(1)).contains("1.1513").contains("0.500").contains("90.00 %");
    }

    private static double meanEntropy(String out, String rowStart) {
        String line = out.lines().filter(text -> text.startsWith(rowStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + rowStart + "' in:\n" + out));
        String[] cells = line.substring(22).trim().split("\\s+");
        return Double.parseDouble(cells[0]);
    }
}
