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

    /** Set on a JVM that this class restarted, so that it never restarts twice. */
    private static final String RELAUNCHED_PROPERTY = "epsnn.relaunched";

    /** System property of SLF4J Simple that sets the default log level. */
    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /**
     * The JUL logger of netlib, kept in a field because {@code java.util.logging} references
     * loggers weakly and would forget the level set on a collected one.
     */
    private static final Logger NETLIB_LOGGER = Logger.getLogger("dev.ludovic.netlib");

    private Launcher() {
    }

    /** Returns whether {@code argument} names an existing project file, which opens in the window. */
    static boolean isProjectFile(String argument) {
        return looksLikeProjectFile(argument) && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(argument));
    }

    /** Returns whether {@code argument} has the name of a project file, existing or not. */
    static boolean looksLikeProjectFile(String argument) {
        return argument.endsWith(".json") || argument.endsWith(".epsnn");
    }

    /**
     * Opens the workbench window when there are no arguments or only a project file, else runs
     * the command line. A JVM started without {@value #VECTOR_MODULE} is restarted once with it,
     * because the engine's kernels need it.
     */
    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains(EpsnnCommand.VERBOSE_OPTION));
        if (!hasVectorModule()) {
            if (System.getProperty(RELAUNCHED_PROPERTY) == null) {
                System.exit(relaunchWithVectorModule(args));
            }
            System.err.println(missingVectorModuleWarning());
            System.exit(1);
        }
        if (args.length == 1 && looksLikeProjectFile(args[0]) && !isProjectFile(args[0])) {
            System.err.println(missingProjectMessage(args[0]));
            System.exit(2);
        }
        if (args.length == 0 || args.length == 1 && isProjectFile(args[0])) {
            org.epsnn.app.workbench.RenderingSettings.apply();
            org.epsnn.app.workbench.DrawingCompilation.applyInBackground();
            javafx.application.Application.launch(org.epsnn.app.workbench.WorkbenchApplication.class, args);
            return;
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

    /** Returns the one-line error printed when the JVM runs without {@value #VECTOR_MODULE} and cannot restart with it. */
    public static String missingVectorModuleWarning() {
        return "Error: the JVM runs without the module " + VECTOR_MODULE + ", which the EP engine needs."
                + " Start it with ./epsnn, or with java --add-modules " + VECTOR_MODULE + " -jar epsnn.jar.";
    }

    /**
     * Starts the same program in a new JVM with {@value #VECTOR_MODULE} added, passing on the
     * JVM options, class path and arguments, and waits for it.
     *
     * @return the new JVM's exit code, or 1 when it could not start
     */
    private static int relaunchWithVectorModule(String[] args) {
        java.util.Optional<String> javaCommand = ProcessHandle.current().info().command();
        if (javaCommand.isEmpty()) {
            System.err.println(missingVectorModuleWarning());
            return 1;
        }
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(javaCommand.get());
        command.add("--add-modules");
        command.add(VECTOR_MODULE);
        command.add("-D" + RELAUNCHED_PROPERTY + "=true");
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Launcher.class.getName());
        command.addAll(Arrays.asList(args));
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            System.err.println(missingVectorModuleWarning() + " Restarting with it failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * Sets the log levels before the first logger exists, because SLF4J Simple reads its
     * configuration once. Without {@code --verbose}, only warnings and errors are logged, and
     * netlib's notes about the BLAS implementations it could not load are hidden.
     */
    /** Builds the message for a project file argument that is missing or is not a regular file. */
    static String missingProjectMessage(String argument) {
        java.nio.file.Path file = java.nio.file.Path.of(argument).toAbsolutePath().normalize();
        String problem = java.nio.file.Files.isDirectory(file) ? "is a folder, not a project file" : "was not found";
        return "epsnn: project file " + file + " " + problem + ". Check the path, or start ./epsnn without"
                + " arguments and use File > Open. Run ./epsnn --help for the commands.";
    }

    private static void configureLogging(boolean verbose) {
        if (verbose) {
            System.setProperty(LOG_LEVEL_PROPERTY, "debug");
        } else {
            NETLIB_LOGGER.setLevel(Level.SEVERE);
        }
    }
}
