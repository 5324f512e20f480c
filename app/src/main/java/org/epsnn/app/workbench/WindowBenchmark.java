package org.epsnn.app.workbench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.epsnn.model.training.PassSummary;

/**
 * Measures the window while it trains on MNIST: the gaps between JavaFX pulses (an FX thread
 * blocked for longer than a frame shows as a long gap), the training throughput of each pass and
 * the heap in use after each garbage collection. Run under a real display:
 * {@code java --add-modules jdk.incubator.vector -cp app/target/epsnn.jar
 * org.epsnn.app.workbench.WindowBenchmark MNIST_DIR PASSES HIDDEN REPORT_FILE}.
 */
public final class WindowBenchmark extends Application {

    private static String[] arguments;

    private final List<Long> gaps = new ArrayList<>();
    private final AtomicLong heapAfterGc = new AtomicLong(-1);
    private final List<String> passLines = new ArrayList<>();
    private long lastPulse;
    private boolean measuring;

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("Usage: WindowBenchmark MNIST_DIR PASSES HIDDEN REPORT_FILE");
            System.exit(2);
        }
        arguments = args;
        launch(WindowBenchmark.class);
    }

    @Override
    public void start(Stage stage) {
        Path folder = Path.of(arguments[0]);
        int passes = Integer.parseInt(arguments[1]);
        int hidden = Integer.parseInt(arguments[2]);
        Path report = Path.of(arguments[3]);
        watchGarbageCollections();

        WorkbenchController controller = new WorkbenchController();
        MainWindow window = new MainWindow(stage, controller);
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (measuring && lastPulse != 0) {
                    gaps.add(now - lastPulse);
                }
                lastPulse = now;
            }
        }.start();

        controller.dataProperty().addListener((observable, before, after) -> {
            if (after == null) {
                return;
            }
            controller.editLayer(0, "Size", layer -> layer.withSize(hidden));
            controller.editSettings(settings -> settings.withPasses(passes));
            window.plots().tabs().getSelectionModel().select(0);
            measuring = true;
            controller.start();
        });
        controller.addFeedConsumer(drained -> {
            for (PassSummary pass : drained.passes()) {
                passLines.add(String.format(Locale.ROOT, "pass %d: %.1f s, %.0f samples/s, test accuracy %.4f, heap after last GC %.0f MiB",
                        pass.pass(), pass.seconds(), pass.samplesPerSecond(), pass.test().bayesian().accuracy(),
                        heapAfterGc.get() / 1048576.0));
                // Rotate through the tabs so that every plot draws during the run.
                var tabs = window.plots().tabs();
                tabs.getSelectionModel().select((tabs.getSelectionModel().getSelectedIndex() + 1) % 4);
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
            out.printf(Locale.ROOT, "pulses: %d%n", sorted.length);
            if (sorted.length > 0) {
                out.printf(Locale.ROOT, "pulse gap median %.1f ms, 99th percentile %.1f ms, 99.9th %.1f ms, maximum %.1f ms%n",
                        sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                        sorted[(int) (sorted.length * 0.999)] / 1e6, sorted[sorted.length - 1] / 1e6);
                long over = Arrays.stream(sorted).filter(gap -> gap > 50_000_000L).count();
                out.printf(Locale.ROOT, "gaps over 50 ms: %d%n", over);
            }
            passLines.forEach(out::println);
        } catch (IOException e) {
            System.err.println("Could not write " + report + ": " + e.getMessage());
        }
    }
}
