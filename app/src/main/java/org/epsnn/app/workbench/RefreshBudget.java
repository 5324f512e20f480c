package org.epsnn.app.workbench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Keeps the window's own work while training runs within a share of the machine's CPU, by
 * stretching the time between two plot refreshes.
 *
 * <p>Every {@link #WINDOW_NANOS} it reads the CPU time of the threads that draw (the FX thread,
 * JavaFX's renderer, the view painter and the plot workers) and the JIT's compilation time, which
 * on the first pass is mostly spent compiling the drawing code. When their sum exceeded
 * {@link #TARGET_SHARE} of all cores over the window, the stretch doubles, up to
 * {@link #MAX_STRETCH}; when it fell below half of that, the stretch halves, down to 1. On 2 cores
 * the training threads share the CPU with all of these, so each CPU second the window saves is
 * about half a second of training gained.
 */
final class RefreshBudget {

    /** Share of all cores that drawing and compiling may take while a run trains. */
    static final double TARGET_SHARE = 0.05;
    /** Largest factor by which the refresh interval grows. */
    static final int MAX_STRETCH = 4;
    /** Time over which the CPU share is measured before the stretch changes. */
    static final long WINDOW_NANOS = 2_000_000_000L;

    /** Names of the threads whose CPU time counts as the window's. */
    private static final Set<String> DRAWING_THREADS = Set.of("JavaFX Application Thread", "QuantumRenderer-0", "view-painter",
            "weight-plots", "weight-history", "uncertainty-evaluator", "digit-pad-predictor");

    private final LongSupplier cpuNanos;
    private final int processors;
    private long windowStart;
    private long cpuAtWindowStart;
    private int stretch = 1;

    /** Reads the drawing threads and the JIT of this JVM. */
    RefreshBudget() {
        this(RefreshBudget::drawingAndCompilingNanos, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param cpuNanos a running total of the CPU time the window's work used, in nanoseconds
     * @param processors the cores that training and the window share
     */
    RefreshBudget(LongSupplier cpuNanos, int processors) {
        this.cpuNanos = cpuNanos;
        this.processors = Math.max(1, processors);
    }

    /** Starts measuring at {@code now} with no stretch, as a run starts. */
    void start(long now) {
        windowStart = now;
        cpuAtWindowStart = cpuNanos.getAsLong();
        stretch = 1;
    }

    /**
     * Returns the factor for the refresh interval at {@code now}, after adjusting it when a
     * measuring window has ended.
     */
    int stretch(long now) {
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            long cpu = cpuNanos.getAsLong();
            double share = (double) (cpu - cpuAtWindowStart) / ((double) elapsed * processors);
            if (share > TARGET_SHARE) {
                stretch = Math.min(MAX_STRETCH, stretch * 2);
            } else if (share < TARGET_SHARE / 2) {
                stretch = Math.max(1, stretch / 2);
            }
            windowStart = now;
            cpuAtWindowStart = cpu;
        }
        return stretch;
    }

    /** Sums the CPU time of the live drawing threads and the JIT's compilation time so far. */
    static long drawingAndCompilingNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        if (threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
                if (info != null && DRAWING_THREADS.contains(info.getThreadName())) {
                    total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                }
            }
        }
        CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
        if (compilation != null && compilation.isCompilationTimeMonitoringSupported()) {
            total += compilation.getTotalCompilationTime() * 1_000_000L;
        }
        return total;
    }
}
