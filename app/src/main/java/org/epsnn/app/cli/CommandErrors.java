package org.epsnn.app.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.epsnn.model.data.DataFormatException;
import org.epsnn.model.project.DataFileChangedException;
import org.epsnn.model.project.ProjectFormatException;
import org.epsnn.model.training.NumericalGuardException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into one message on stderr, without a stack trace. Invalid usage (an unknown
 * option, an invalid value, a dataset that does not exist) exits with code 2. A run that failed
 * (an unreadable or malformed file, a numerical failure) exits with code 1. The stack trace goes
 * to the log at debug level, which {@code --verbose} shows.
 */
final class CommandErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandErrors.class);

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        LOG.debug("Invalid command line", exception);
        err.println("Error: " + exception.getMessage());
        UnmatchedArgumentException.printSuggestions(exception, err);
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        LOG.debug("Command '{}' failed", commandLine.getCommandSpec().qualifiedName(), exception);
        PrintWriter err = commandLine.getErr();
        err.println("Error: " + describe(exception));
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }

    /** Returns a message for a user: what failed, on which file or value, and what to do. */
    static String describe(Throwable exception) {
        if (exception instanceof UncheckedIOException unchecked) {
            return describe(unchecked.getCause());
        }
        if (exception instanceof NumericalGuardException || exception instanceof DataFormatException
                || exception instanceof FileNotFoundException || exception instanceof ProjectFormatException
                || exception instanceof DataFileChangedException) {
            return exception.getMessage();
        }
        if (exception instanceof NoSuchFileException missing) {
            return "File not found: " + missing.getFile();
        }
        if (exception instanceof AccessDeniedException denied) {
            return "Permission denied: " + denied.getFile() + ". Check the file's permissions or choose another path.";
        }
        if (exception instanceof IOException) {
            return "Input or output failed: " + exception.getMessage();
        }
        if (exception instanceof IllegalArgumentException || exception instanceof IllegalStateException) {
            return exception.getMessage();
        }
        return "Unexpected " + exception + ". Run again with " + EpsnnCommand.VERBOSE_OPTION + " to log the stack trace.";
    }
}
