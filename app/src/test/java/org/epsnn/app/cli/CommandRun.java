package org.epsnn.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The outcome of one run of the {@code epsnn} command line with captured output.
 *
 * @param exitCode the exit code that the launcher would exit with
 * @param out what the command printed on stdout
 * @param err what the command printed on stderr
 */
record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code epsnn} with the given arguments, as the launcher does, but without exiting. */
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = EpsnnCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
