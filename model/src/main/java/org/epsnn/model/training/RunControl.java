package org.epsnn.model.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Pause, resume, single step and cancel for a training run, shared between the thread that runs
 * the loop and the threads that steer it. The loop calls {@link #awaitTurn()} between batches.
 *
 * <p>All methods are thread-safe. Cancellation wins over everything and is permanent.
 */
public final class RunControl {

    private boolean paused;
    private boolean cancelled;
    private int stepsAllowed;
    private volatile boolean snapshotRequested = true;
    private final Queue<Runnable> betweenBatchTasks = new ArrayDeque<>();

    /** Stops the loop at its next check, from any state. */
    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    /** Holds the loop before its next batch. */
    public synchronized void pause() {
        paused = true;
        stepsAllowed = 0;
        notifyAll();
    }

    /** Lets a paused loop run on. */
    public synchronized void resume() {
        paused = false;
        stepsAllowed = 0;
        notifyAll();
    }

    /** Lets a paused loop run exactly one more batch, then holds it again; when running, pauses after the next batch. */
    public synchronized void step() {
        paused = true;
        stepsAllowed++;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Asks the loop to publish a snapshot after its next batch. */
    public void requestSnapshot() {
        snapshotRequested = true;
    }

    /** Returns whether a snapshot was requested, and clears the request. */
    public boolean takeSnapshotRequest() {
        boolean requested = snapshotRequested;
        snapshotRequested = false;
        return requested;
    }

    /**
     * Runs {@code task} on the loop's thread at its next check between batches, also while the
     * run is paused, so that the task can read the posterior while no batch changes it. A task
     * given after the loop has ended never runs; the caller must handle that case itself.
     */
    public synchronized void runBetweenBatches(Runnable task) {
        betweenBatchTasks.add(task);
        notifyAll();
    }

    /**
     * Blocks while the run is paused and has no step to take, running the tasks of
     * {@link #runBetweenBatches} meanwhile.
     *
     * @return false when the run was cancelled and the loop must stop
     * @throws InterruptedException when the waiting thread is interrupted; the run then counts as cancelled
     */
    public boolean awaitTurn() throws InterruptedException {
        while (true) {
            List<Runnable> tasks;
            synchronized (this) {
                if (betweenBatchTasks.isEmpty()) {
                    if (cancelled) {
                        return false;
                    }
                    if (!paused) {
                        return true;
                    }
                    if (stepsAllowed > 0) {
                        stepsAllowed--;
                        return true;
                    }
                    wait();
                    continue;
                }
                tasks = new ArrayList<>(betweenBatchTasks);
                betweenBatchTasks.clear();
            }
            // Outside the lock, so that a slow task does not block pause, resume or cancel.
            tasks.forEach(Runnable::run);
        }
    }
}
