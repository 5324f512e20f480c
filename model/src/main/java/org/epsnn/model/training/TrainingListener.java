package org.epsnn.model.training;

/**
 * Receives the progress of a training run. Every method is called on the training thread, between
 * batches, so implementations must return quickly and hand data to other threads themselves (for
 * a user interface: a latest-value slot, never one event per call).
 */
public interface TrainingListener {

    /** Called once before the first batch of a run. */
    default void runStarted(TrainingSettings settings, int trainSamples, int testSamples) {
    }

    /** Called after every batch. */
    default void batchCompleted(BatchStatistics statistics) {
    }

    /**
     * Called after a periodic evaluation on the test data (every evaluation interval) and after each pass.
     *
     * @param samplesSeen samples processed when the evaluation ran
     * @param pass 1-based pass in progress
     * @param runningTrainAccuracy accuracy of the cavity predictions since the pass began
     */
    default void evaluated(long samplesSeen, int pass, double runningTrainAccuracy, Evaluation test) {
    }

    /** Called after each complete pass and its evaluations. */
    default void passCompleted(PassSummary summary) {
    }

    /** Called after a batch when a snapshot was requested through {@link RunControl#requestSnapshot()}. */
    default void snapshotTaken(TrainingSnapshot snapshot) {
    }
}
