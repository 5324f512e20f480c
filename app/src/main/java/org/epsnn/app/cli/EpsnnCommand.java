package org.epsnn.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code epsnn} command: the subcommands and the options they share. */
@Command(name = "epsnn",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Trains spiking neural networks with Expectation-Propagation (EP).",
        subcommands = {TrainCommand.class, EvaluateCommand.class, ExportCommand.class, BenchCommand.class,
            CompareCommand.class, UncertaintyCommand.class, HelpCommand.class},
        footer = {"", "Run 'epsnn COMMAND --help' for the options of a command."})
public final class EpsnnCommand implements Runnable {

    /** The option that lowers the log level to debug; the launcher looks for it before parsing. */
    public static final String VERBOSE_OPTION = "--verbose";

    @Spec
    private CommandSpec spec;

    // Read by the launcher before parsing, because the log level must be set before the first logger exists.
    @Option(names = VERBOSE_OPTION, scope = ScopeType.INHERIT,
            description = "Log the engine's progress and the details of errors on stderr.")
    private boolean verbose;

    /** Prints the help, because {@code epsnn} without a command has nothing to run yet. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Creates the command line with case-insensitive option values and the error handling of
     * {@link CommandErrors}: exit code 2 for invalid usage, 1 for a failed run.
     */
    public static CommandLine newCommandLine() {
        CommandErrors errors = new CommandErrors();
        CommandLine commandLine = new CommandLine(new EpsnnCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        return commandLine;
    }
}
