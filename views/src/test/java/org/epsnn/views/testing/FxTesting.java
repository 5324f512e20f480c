package org.epsnn.views.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.testfx.util.WaitForAsyncUtils;

/** Runs test steps on the JavaFX application thread and waits for the pulse that follows. */
public final class FxTesting {

    /** A step that may throw, such as an export. */
    @FunctionalInterface
    public interface FxAction {
        void run() throws Exception;
    }

    private FxTesting() {
    }

    /** Runs {@code action} on the FX thread, then waits until layout and painting have run. */
    public static void onFx(FxAction action) throws Exception {
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                action.run();
                return null;
            }).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Returns the value of {@code query} computed on the FX thread. */
    public static <T> T onFx(Callable<T> query) throws Exception {
        try {
            return WaitForAsyncUtils.asyncFx(query).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
