package org.epsnn.model.training;

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
     * Blocks while the run is paused and has no step to take.
     *
     * @return false when the run was cancelled and the loop must stop
     * @throws InterruptedException when the waiting thread is interrupted; the run then counts as cancelled
     */
    public synchronized boolean awaitTurn() throws InterruptedException {
        while (!cancelled && paused && stepsAllowed == 0) {
            wait();
        }
        if (cancelled) {
            return false;
        }
        if (paused) {
            stepsAllowed--;
        }
        return true;
    }
}
