package org.epsnn.app.workbench;

import javafx.application.Platform;

/**
 * Runs a sequence of steps on the FX thread as separate tasks, each posted when the one before
 * has finished. A frame, a click or other queued work can then come between two steps of applying
 * something large, such as an opened project.
 */
final class FxTurns {

    private FxTurns() {
    }

    /** Runs the first step now, on the calling FX thread, and posts each following one after it. */
    static void run(Runnable... steps) {
        runFrom(steps, 0);
    }

    private static void runFrom(Runnable[] steps, int first) {
        if (first < steps.length) {
            steps[first].run();
            if (first + 1 < steps.length) {
                Platform.runLater(() -> runFrom(steps, first + 1));
            }
        }
    }
}
