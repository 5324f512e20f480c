package org.epsnn.app.workbench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The running training accuracy of the accuracy chart: the share of correct predictions over the
 * last {@code windowBatches} batches it was given, weighted by batch size, or over every batch
 * given until that many have arrived. Each batch's accuracy is that of the posterior before the
 * batch's update, so the first batches of a run show the accuracy of a nearly untrained network.
 * Unlike an exponential average started at the first batch, no single early batch weighs on the
 * curve once the window is full.
 */
final class RunningAccuracy {

    private final int windowBatches;
    private final Deque<long[]> window = new ArrayDeque<>();
    private long windowSamples;
    private long windowCorrect;

    /** @param windowBatches batches averaged over once the window is full, at least 1 */
    RunningAccuracy(int windowBatches) {
        if (windowBatches < 1) {
            throw new IllegalArgumentException("The running accuracy needs a window of at least 1 batch, got " + windowBatches);
        }
        this.windowBatches = windowBatches;
    }

    /**
     * Adds a batch of {@code batchSize} samples with accuracy {@code batchAccuracy} and returns the
     * accuracy over the window.
     */
    double add(int batchSize, double batchAccuracy) {
        if (batchSize < 1 || !(batchAccuracy >= 0 && batchAccuracy <= 1)) {
            throw new IllegalArgumentException("A batch needs at least 1 sample and an accuracy from 0 to 1, got "
                    + batchSize + " samples and accuracy " + batchAccuracy);
        }
        // The trainer reports correct / size, so rounding recovers the whole count of correct predictions.
        long correct = Math.round(batchAccuracy * batchSize);
        window.addLast(new long[] {batchSize, correct});
        windowSamples += batchSize;
        windowCorrect += correct;
        if (window.size() > windowBatches) {
            long[] oldest = window.removeFirst();
            windowSamples -= oldest[0];
            windowCorrect -= oldest[1];
        }
        return (double) windowCorrect / windowSamples;
    }

    /** Forgets every batch, for a new run from the prior. */
    void clear() {
        window.clear();
        windowSamples = 0;
        windowCorrect = 0;
    }
}
