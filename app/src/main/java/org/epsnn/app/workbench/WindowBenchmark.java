package org.epsnn.app.workbench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.epsnn.model.training.PassSummary;

/**
 * Measures the window while it trains on MNIST: how long small tasks posted to the FX thread wait
 * (a blocked FX thread shows as a long wait), the training throughput of each pass and
 * the heap in use after each garbage collection. Run under a real display:
 * {@code java --add-modules jdk.incubator.vector -cp app/target/epsnn.jar
 * org.epsnn.app.workbench.WindowBenchmark MNIST_DIR PASSES HIDDEN REPORT_FILE [EVALUATION_INTERVAL]}.
 */
public final class WindowBenchmark {

    private WindowBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length != 4 && args.length != 5) {
            System.err.println("Usage: WindowBenchmark MNIST_DIR PASSES HIDDEN REPORT_FILE [EVALUATION_INTERVAL]");
            System.exit(2);
        }
        if (System.getProperty(WorkbenchFiles.CONFIG_FOLDER_PROPERTY) == null) {
            // Autosaves and recent files of a benchmark run must not land in the user's own folder.
            try {
                System.setProperty(WorkbenchFiles.CONFIG_FOLDER_PROPERTY,
                        Files.createTempDirectory("epsnn-benchmark-config").toString());
            } catch (IOException e) {
                System.err.println("Could not create a configuration folder for the benchmark: " + e.getMessage());
                System.exit(2);
            }
        }
        RenderingSettings.apply();
        DrawingCompilation.applyInBackground();
        Application.launch(Run.class, args);
    }

    /**
     * The measuring application. A class that extends {@link Application} cannot be the main
     * class of a JVM that has JavaFX on the class path, so {@link #main} launches this one.
     */
    public static final class Run extends Application {

        /** Time between two latency probes. */
        private static final long PROBE_INTERVAL_MILLIS = Long.getLong("epsnn.probeMillis", 10);
        /** Wait of a probe after which the stall sampler takes the FX thread's stack. */
        private static final long STALL_MILLIS = Long.getLong("epsnn.stallMillis", 30);

        private final List<Long> gaps = new ArrayList<>();
        /** When each wait over 50 ms began and how long it was, to find it in a pulse log or a flight recording. */
        private final List<long[]> longWaits = new ArrayList<>();
        /** Posting time of the oldest probe not yet run, or 0. */
        private final java.util.concurrent.atomic.AtomicLong oldestPending = new java.util.concurrent.atomic.AtomicLong();
        /** FX thread stacks seen during long waits, condensed, with how often each was seen. */
        private final java.util.concurrent.ConcurrentHashMap<String, Integer> stallFrames = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicLong heapAfterGc = new AtomicLong(-1);
        private final List<String> passLines = new ArrayList<>();
        private volatile boolean measuring;
        /** When the Start click ran, for {@code -Depsnn.stallWindowMillis}. */
        private volatile long startNanos;

        @Override
        public void start(Stage stage) {
            String[] arguments = getParameters().getRaw().toArray(new String[0]);
            Path folder = Path.of(arguments[0]);
            int passes = Integer.parseInt(arguments[1]);
            int hidden = Integer.parseInt(arguments[2]);
            Path report = Path.of(arguments[3]);
            watchGarbageCollections();

            WorkbenchController controller = new WorkbenchController();
            MainWindow window = new MainWindow(stage, controller);
            stage.show();
            startLatencyProbe();

            controller.dataProperty().addListener((observable, before, after) -> {
                if (after == null) {
                    return;
                }
                // Train a moment after the data shows, as a user would press Train: the window's
                // first frames (fonts loaded, code compiled) are not part of a pass.
                javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
                settle.setOnFinished(event -> {
                    controller.editLayer(0, "Size", layer -> layer.withSize(hidden));
                    controller.editSettings(settings -> settings.withPasses(passes));
                    if (arguments.length == 5) {
                        controller.editSettings(settings -> settings.withEvaluationInterval(Integer.parseInt(arguments[4])));
                    }
                    window.plots().tabs().getSelectionModel().select(Integer.getInteger("epsnn.firstTab", 0));
                    // Formatting an instant loads the date-time formatter classes, so the first one is
                    // formatted here, before measuring starts, and probes never format one.
                    passLines.add("edits made at " + java.time.Instant.now());
                    // Start half a second after the edits, as a user clicks Start after typing: the
                    // edits redraw the network and are not part of a pass. Measuring starts with the
                    // click, so the work of starting counts.
                    javafx.animation.PauseTransition click = new javafx.animation.PauseTransition(javafx.util.Duration.millis(500));
                    click.setOnFinished(clicked -> {
                        passLines.add("training started at " + java.time.Instant.now());
                        startNanos = System.nanoTime();
                        measuring = true;
                        controller.start();
                    });
                    click.play();
                });
                settle.play();
            });
            controller.addFeedConsumer(drained -> {
                for (PassSummary pass : drained.passes()) {
                    passLines.add(String.format(Locale.ROOT, "pass %d: %.1f s, %.0f samples/s, test accuracy %.4f, heap after last GC %.0f MiB, shown at %s",
                            pass.pass(), pass.seconds(), pass.samplesPerSecond(), pass.test().bayesian().accuracy(),
                            heapAfterGc.get() / 1048576.0, java.time.Instant.now()));
                    // Rotate through the tabs so that every plot draws during the run, unless the
                    // property epsnn.rotateTabs is false (for screenshots of chosen tabs).
                    if (!"false".equals(System.getProperty("epsnn.rotateTabs"))) {
                        var tabs = window.plots().tabs();
                        tabs.getSelectionModel().select((tabs.getSelectionModel().getSelectedIndex() + 1) % 4);
                    }
                }
            });
            controller.runStateProperty().addListener((observable, before, after) -> {
                if (before == WorkbenchController.RunState.RUNNING && after == WorkbenchController.RunState.IDLE) {
                    measuring = false;
                    writeReport(report, controller.messageProperty().get());
                    Platform.exit();
                }
            });
            controller.loadData(new DataChoice.Mnist(folder), error -> {
                System.err.println("Could not load MNIST: " + error.getMessage());
                Platform.exit();
            });
        }

        /**
         * Posts a tiny task to the FX thread every 10 ms ({@code -Depsnn.probeMillis}) from another
         * thread and records how long each waited before it ran: a blocked FX thread shows as a long
         * wait. Unlike an animation timer, the probe does not make the scene render every frame.
         */
        private void startLatencyProbe() {
            Thread fxThread = Thread.currentThread();
            if (Boolean.getBoolean("epsnn.stallStacks")) {
                startStallSampler(fxThread);
            }
            Thread probe = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long posted = System.nanoTime();
                    long postedAt = System.currentTimeMillis();
                    oldestPending.compareAndSet(0, posted);
                    Platform.runLater(() -> {
                        oldestPending.set(0);
                        if (measuring) {
                            long gap = System.nanoTime() - posted;
                            gaps.add(gap);
                            if (gap > 50_000_000L) {
                                longWaits.add(new long[] {postedAt, gap / 1_000_000});
                            }
                        }
                    });
                    try {
                        Thread.sleep(PROBE_INTERVAL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fx-latency-probe");
            probe.setDaemon(true);
            probe.start();
        }

        /**
         * Samples the FX thread's stack every 5 ms while a probe has waited more than 30 ms
         * ({@code -Depsnn.stallMillis}), and counts the frames of the window's own code and of the
         * JavaFX pulse, to tell what a long wait was spent on. Enabled by {@code -Depsnn.stallStacks=true}.
         */
        private void startStallSampler(Thread fxThread) {
            long thresholdNanos = STALL_MILLIS * 1_000_000L;
            // With -Depsnn.stallWindowMillis=N, only the first N ms after the Start click are sampled.
            long windowNanos = Long.getLong("epsnn.stallWindowMillis", Long.MAX_VALUE / 1_000_000L) * 1_000_000L;
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long pending = oldestPending.get();
                    if (measuring && pending != 0 && System.nanoTime() - pending > thresholdNanos
                            && System.nanoTime() - startNanos < windowNanos) {
                        StackTraceElement[] stack = fxThread.getStackTrace();
                        List<String> frames = new ArrayList<>();
                        for (StackTraceElement frame : stack) {
                            String name = frame.getClassName();
                            if (name.startsWith("org.epsnn") || name.startsWith("org.jfree") || name.startsWith("org.controlsfx")
                                    || name.equals("javafx.scene.Scene") || name.contains("PaintCollector")) {
                                frames.add(name.substring(name.lastIndexOf('.') + 1) + "." + frame.getMethodName());
                            }
                            if (frames.size() == 6) {
                                break;
                            }
                        }
                        String top = stack.length == 0 ? "" : stack[0].getClassName().substring(stack[0].getClassName().lastIndexOf('.') + 1)
                                + "." + stack[0].getMethodName();
                        stallFrames.merge(top + " | " + String.join(" < ", frames), 1, Integer::sum);
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fx-stall-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void watchGarbageCollections() {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = 0;
                        for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                            used += usage.getUsed();
                        }
                        heapAfterGc.set(used);
                    }
                }, null, null);
            }
        }

        private void writeReport(Path report, String finalMessage) {
            long[] sorted = gaps.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            try (PrintStream out = new PrintStream(Files.newOutputStream(report))) {
                out.println("final message: " + finalMessage);
                out.printf(Locale.ROOT, "probes: %d%n", sorted.length);
                if (sorted.length > 0) {
                    out.printf(Locale.ROOT, "FX thread latency median %.1f ms, 99th percentile %.1f ms, 99.9th %.1f ms, maximum %.1f ms%n",
                            sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                            sorted[(int) (sorted.length * 0.999)] / 1e6, sorted[sorted.length - 1] / 1e6);
                    long over = Arrays.stream(sorted).filter(gap -> gap > 50_000_000L).count();
                    out.printf(Locale.ROOT, "latencies over 50 ms: %d%n", over);
                    if (!longWaits.isEmpty()) {
                        out.println("waits over 50 ms (posted at, wait): " + longWaits.stream()
                                .map(wait -> java.time.Instant.ofEpochMilli(wait[0]) + " " + wait[1] + " ms")
                                .collect(java.util.stream.Collectors.joining(", ")));
                    }
                }
                passLines.forEach(out::println);
                writeThreadTimes(out);
                if (!stallFrames.isEmpty()) {
                    out.println("FX thread stacks during waits over " + STALL_MILLIS + " ms (samples every 5 ms):");
                    stallFrames.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                            .forEach(entry -> out.printf(Locale.ROOT, "%5d  %s%n", entry.getValue(), entry.getKey()));
                }
            } catch (IOException e) {
                System.err.println("Could not write " + report + ": " + e.getMessage());
            }
        }

        /**
         * Lists the CPU time of the busiest threads, so that the cost of the window (FX thread,
         * renderer) shows beside the training threads even when other jobs share the cores.
         */
        private static void writeThreadTimes(PrintStream out) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            List<String[]> rows = new ArrayList<>();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos > 100_000_000L) {
                    rows.add(new String[] {String.format(Locale.ROOT, "%10.1f", nanos / 1e9), info.getThreadName()});
                }
            }
            rows.sort((a, b) -> b[0].compareTo(a[0]));
            out.println("CPU seconds by thread (threads over 0.1 s):");
            for (String[] row : rows) {
                out.println(row[0] + "  " + row[1]);
            }
        }
    }
}
