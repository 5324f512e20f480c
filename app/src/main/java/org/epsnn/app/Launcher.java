package org.epsnn.app;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.epsnn.app.cli.EpsnnCommand;

/**
 * The entry point of {@code epsnn.jar}: runs the command line and exits with its exit code.
 *
 * <p>The JVM needs {@code --add-modules jdk.incubator.vector} for the fast Java BLAS of
 * {@code dev.ludovic.netlib}. A jar manifest cannot add modules, so the {@code epsnn} script at
 * the repository root passes the flag, and this class warns when it is missing.
 */
public final class Launcher {

    /** The incubator module that the netlib Java BLAS uses for SIMD products. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** System property of SLF4J Simple that sets the default log level. */
    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /**
     * The JUL logger of netlib, kept in a field because {@code java.util.logging} references
     * loggers weakly and would forget the level set on a collected one.
     */
    private static final Logger NETLIB_LOGGER = Logger.getLogger("dev.ludovic.netlib");

    private Launcher() {
    }

    /**
     * Runs the command line. With no arguments it prints the help.
     *
     * <p>TODO: open the JavaFX window when there are no arguments, once the app module has one.
     */
    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains(EpsnnCommand.VERBOSE_OPTION));
        if (args.length > 0 && !hasVectorModule()) {
            System.err.println(missingVectorModuleWarning());
        }
        int exitCode;
        try {
            exitCode = EpsnnCommand.newCommandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("Error: Java ran out of memory (maximum heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB). Start with a larger heap, for example EPSNN_JAVA_OPTS=-Xmx16g ./epsnn ...,"
                    + " or use fewer samples or smaller layers.");
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** Returns whether the boot layer contains {@value #VECTOR_MODULE}. */
    public static boolean hasVectorModule() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** Returns the one-line warning printed when the JVM runs without {@value #VECTOR_MODULE}. */
    public static String missingVectorModuleWarning() {
        return "Warning: the JVM runs without the module " + VECTOR_MODULE + ", so training will be slower."
                + " Start it with ./epsnn, or with java --add-modules " + VECTOR_MODULE + " -jar epsnn.jar.";
    }

    /**
     * Sets the log levels before the first logger exists, because SLF4J Simple reads its
     * configuration once. Without {@code --verbose}, only warnings and errors are logged, and
     * netlib's notes about the BLAS implementations it could not load are hidden.
     */
    private static void configureLogging(boolean verbose) {
        if (verbose) {
            System.setProperty(LOG_LEVEL_PROPERTY, "debug");
        } else {
            NETLIB_LOGGER.setLevel(Level.SEVERE);
        }
    }
}
