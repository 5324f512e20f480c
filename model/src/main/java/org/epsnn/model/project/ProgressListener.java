package org.epsnn.model.project;

/**
 * Receives the progress of a long file operation and may cancel it. The operation calls it on its
 * own thread, so a window forwards the fraction to its UI thread itself (a JavaFX {@code Task}
 * can pass {@code updateProgress} and {@code isCancelled} straight through).
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress and never cancels. */
    ProgressListener NONE = fraction -> true;

    /**
     * Receives the fraction of the work done so far.
     *
     * @param fraction in [0, 1], never decreasing during one operation
     * @return true to go on, false to cancel; a cancelled operation throws
     *     {@link java.util.concurrent.CancellationException} and changes nothing
     */
    boolean progress(double fraction);
}
