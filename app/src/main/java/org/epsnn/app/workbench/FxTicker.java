package org.epsnn.app.workbench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;

/**
 * Runs a task on the FX thread at a fixed rate, driven by a daemon timer thread.
 *
 * <p>A playing {@code Timeline} keeps JavaFX's master timer active, so the scene pulses 60 times a
 * second even when its key frames are minutes apart. With the pulse logger on, the idle window
 * pulsed 719 times in 13 s while the autosave timeline played, and 6 times with this ticker. A
 * tick is posted only after the previous one has run, so ticks never queue up. Start and stop it
 * on the FX thread.
 */
final class FxTicker {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fx-ticker");
        thread.setDaemon(true);
        return thread;
    });

    private final Runnable task;
    private final AtomicBoolean tickPosted = new AtomicBoolean();
    private ScheduledFuture<?> schedule;
    /** Counts starts and stops, so that a tick posted before a stop does not run after it. */
    private long generation;

    FxTicker(Runnable task) {
        this.task = task;
    }

    /** Runs the task every {@code periodNanos}, the first time one period from now; restarts a running ticker. */
    void start(long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("Tick period must be positive, got " + periodNanos + " ns");
        }
        stop();
        long started = generation;
        schedule = TIMER.scheduleAtFixedRate(() -> {
            if (tickPosted.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    tickPosted.set(false);
                    if (generation == started) {
                        task.run();
                    }
                });
            }
        }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the ticks; a tick already posted does not run. */
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
        generation++;
    }

    boolean isRunning() {
        return schedule != null;
    }
}
