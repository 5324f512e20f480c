package org.epsnn.model.project;

import java.util.concurrent.CancellationException;

/**
 * Counts the bytes of a file operation against their expected total and reports the fraction to a
 * {@link ProgressListener} at most every half per cent, so that a large file does not flood a UI.
 */
final class ProgressCounter {

    private static final double REPORT_STEP = 0.005;

    private final ProgressListener listener;
    private final String operation;
    private final long total;
    private long done;
    private double lastReported = -1;

    /**
     * @param operation what is being done, for the message of a cancellation, e.g. "Saving model.epsnn"
     * @param total the expected number of bytes; 0 or less reports only the end
     */
    ProgressCounter(ProgressListener listener, String operation, long total) {
        this.listener = listener;
        this.operation = operation;
        this.total = total;
    }

    /** Counts {@code bytes} more and reports when the fraction moved far enough since the last report. */
    void add(long bytes) {
        done += bytes;
        double fraction = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        if (fraction - lastReported >= REPORT_STEP) {
            report(fraction);
        }
    }

    /** Reports the end of the operation. */
    void finish() {
        if (lastReported < 1.0) {
            report(1.0);
        }
    }

    private void report(double fraction) {
        lastReported = fraction;
        if (!listener.progress(fraction)) {
            throw new CancellationException(operation + " was cancelled");
        }
    }
}
