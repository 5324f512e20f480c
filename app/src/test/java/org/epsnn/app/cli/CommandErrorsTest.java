package org.epsnn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.epsnn.model.training.NumericalGuardException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CommandErrorsTest {

    /** A command that fails with the exception it is given. */
    @Command(name = "failing")
    static final class FailingCommand implements Callable<Integer> {

        private final Exception failure;

        FailingCommand(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    private static CommandRun runFailing(Exception failure) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new FailingCommand(failure));
        commandLine.setExecutionExceptionHandler(new CommandErrors());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new CommandRun(commandLine.execute(), out.toString(), err.toString());
    }

    @Test
    void numericalFailureExitsWithOne() {
        CommandRun run = runFailing(new NumericalGuardException(1, 2, 3, "site shift", Double.POSITIVE_INFINITY,
                "Lower the batch size."));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: Layer 1, pass 2, batch 3: site shift became Infinity. Training stopped"
                + " and kept the posterior of the previous batch. Lower the batch size." + System.lineSeparator());
    }

    @Test
    void missingFileNamesPath() {
        CommandRun run = runFailing(new NoSuchFileException("/data/train.csv"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: File not found: /data/train.csv");
    }

    @Test
    void unexpectedErrorSuggestsVerbose() {
        CommandRun run = runFailing(new UnsupportedOperationException("not yet"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("UnsupportedOperationException: not yet").contains("--verbose")
                .doesNotContain("\tat ");
    }
}
