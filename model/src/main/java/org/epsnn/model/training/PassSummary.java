package org.epsnn.model.training;

/**
 * The result of one pass over the training data, with the evaluations made after it.
 *
 * @param pass 1-based pass number
 * @param seconds training time of the pass, evaluation excluded
 * @param evaluationSeconds time spent evaluating after the pass
 * @param samplesSeen samples processed since the network was created
 * @param runningTrainAccuracy accuracy of the cavity predictions on the batches of this pass, as they were trained
 * @param train metrics on the training data (or a seeded subset of it)
 * @param test metrics on the test data
 * @param clippedCount clipped site precisions summed over the pass's batches and layers
 * @param samplesPerSecond training throughput
 */
public record PassSummary(int pass, double seconds, double evaluationSeconds, long samplesSeen,
                          double runningTrainAccuracy, Evaluation train, Evaluation test, long clippedCount,
                          double samplesPerSecond) {
}
