package org.epsnn.views.testing;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jfree.chart.JFreeChart;

/** Checks for the sample charts that views hand to the chart-copy warm-up. */
public final class CopySamples {

    private CopySamples() {
    }

    /**
     * Builds a sample chart on a thread of its own, as the warm-up thread does, and serializes it.
     * Returns the chart, whose parts the caller then checks.
     */
    public static JFreeChart builtOffFxThread(Supplier<JFreeChart> sample) throws Exception {
        AtomicReference<JFreeChart> built = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread builder = new Thread(() -> {
            try {
                built.set(sample.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "sample-builder");
        builder.start();
        builder.join(10_000);
        if (failure.get() != null) {
            throw new AssertionError("Building the sample chart failed", failure.get());
        }
        if (built.get() == null) {
            throw new AssertionError("The sample chart was not built within 10 s");
        }
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(built.get());
        }
        return built.get();
    }
}
