package org.epsnn.model.training;

/**
 * What one batch did, reported to listeners after every batch.
 *
 * @param pass 1-based pass number
 * @param batch 1-based batch number within the pass
 * @param batchesInPass number of batches in this pass
 * @param batchSize samples in this batch
 * @param samplesSeen samples processed since the run's network was created, this batch included
 * @param samplesInPass samples processed in this pass, this batch included
 * @param passSamples samples in one pass
 * @param meanLogEvidence mean {@code log Z} per sample under the cavity
 * @param batchAccuracy fraction of the batch the cavity predicted correctly (NaN for regression)
 * @param clippedFraction per layer, fraction of weights whose batch site precision was clipped at 0
 * @param clippedCount number of clipped weights summed over layers
 * @param elapsedSeconds training time of the run so far, pauses and evaluations excluded
 * @param samplesPerSecond training throughput of the current pass
 */
public record BatchStatistics(int pass, int batch, int batchesInPass, int batchSize, long samplesSeen,
                              int samplesInPass, int passSamples, double meanLogEvidence, double batchAccuracy,
                              double[] clippedFraction, long clippedCount, double elapsedSeconds,
                              double samplesPerSecond) {

    /** Fraction of the current pass done, in [0, 1]. */
    public double passProgress() {
        return passSamples == 0 ? 0 : (double) samplesInPass / passSamples;
    }
}
