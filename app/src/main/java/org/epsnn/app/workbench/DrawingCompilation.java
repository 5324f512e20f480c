package org.epsnn.app.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the JVM to compile the window's drawing code with its quick compiler (C1) only, so that
 * its optimizing compiler (C2) spends the first pass on the EP engine instead.
 *
 * <p>In window rounds of five passes on MNIST (docs/benchmarks.md), the C2 thread used 11.7 to
 * 12.0 CPU seconds, against 3.0 to 4.2 s for the same training on the command line. Most of the
 * difference was JavaFX, JFreeChart, Java2D's rasterizer and the serialization of chart copies,
 * compiled while both cores trained. With the directives of {@value #DIRECTIVES} it used 6.3 to
 * 8.2 s. Code that C2 does not compile stays as C1 compiled it, which runs slower per call, and
 * the drawing threads used up to 0.8 s more over those rounds.
 *
 * <p>The directives go in through the JVM's diagnostic command {@code Compiler.directives_add},
 * which HotSpot has offered since Java 9 without a command-line flag. A JVM without it compiles
 * as usual and logs a warning. {@code -D}{@value #PROPERTY}{@code =false} turns this off.
 */
public final class DrawingCompilation {

    /** Name of the system property that turns the directives off when set to {@code false}. */
    public static final String PROPERTY = "epsnn.drawingOnQuickCompiler";
    /** The compiler directives, a resource next to this class. */
    static final String DIRECTIVES = "drawing-compilation.json";

    private static final Logger LOG = LoggerFactory.getLogger(DrawingCompilation.class);
    private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";

    private DrawingCompilation() {
    }

    /**
     * Adds the directives on a thread of its own, unless {@value #PROPERTY} is {@code false}.
     * The window does not wait for the management classes to load, because drawing code reaches
     * C2 only after thousands of calls.
     */
    public static void applyInBackground() {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                LOG.debug("Compiler directives for the drawing code: {}", add());
            } catch (IOException | JMException | RuntimeException e) {
                LOG.warn("The drawing code stays on the JIT's usual compilers, which may slow training in the window: {}",
                        e.toString());
            }
        }, "jit-directives");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Adds the directives to the running JVM and returns the command's output.
     *
     * @throws IOException if the directives cannot be written to a temporary file, which the
     *         diagnostic command reads
     * @throws JMException if the JVM has no such diagnostic command
     * @throws IllegalStateException if the JVM rejects the directives
     */
    static String add() throws IOException, JMException {
        Path file = Files.createTempFile("epsnn-compiler-directives", ".json");
        try {
            try (InputStream in = DrawingCompilation.class.getResourceAsStream(DIRECTIVES)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + DIRECTIVES + " is missing from the application jar. Rebuild it with mvn package.");
                }
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            String output = run("compilerDirectivesAdd", file.toString());
            if (!output.contains("added")) {
                throw new IllegalStateException("the JVM did not add the directives: " + output.strip());
            }
            return output.strip();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Runs one diagnostic command of the JVM, such as {@code compilerDirectivesPrint}, and returns its output. */
    static String run(String command, String... arguments) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Object output = server.invoke(new ObjectName(DIAGNOSTIC_COMMANDS), command, new Object[] {arguments},
                new String[] {String[].class.getName()});
        return String.valueOf(output);
    }
}
