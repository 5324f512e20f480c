package org.epsnn.model.training;

/**
 * How well a network classifies a dataset.
 *
 * @param accuracy fraction of samples whose predicted class is the label, in [0, 1]
 * @param negativeLogLikelihood mean of {@code -log} of the normalised score of the true class
 * @param calibrationError expected calibration error over 15 equal-width confidence bins
 * @param samples number of samples evaluated
 */
public record ClassificationMetrics(double accuracy, double negativeLogLikelihood, double calibrationError, int samples) {

    /** Number of confidence bins of the expected calibration error. */
    public static final int CALIBRATION_BINS = 15;

    /** Metrics of an empty evaluation: NaN everywhere. */
    public static final ClassificationMetrics NONE = new ClassificationMetrics(Double.NaN, Double.NaN, Double.NaN, 0);

    /**
     * Computes the metrics from normalised class probabilities.
     *
     * @param probabilities {@code samples x classes}, each row summing to 1
     * @param labels true class of each sample
     */
    public static ClassificationMetrics of(double[] probabilities, int classes, int[] labels, int samples) {
        if (samples == 0) {
            return NONE;
        }
        int correct = 0;
        double logLoss = 0;
        for (int s = 0; s < samples; s++) {
            if (argmax(probabilities, s * classes, classes) == labels[s]) {
                correct++;
            }
            logLoss -= Math.log(Math.max(probabilities[s * classes + labels[s]], 1e-300));
        }
        double calibration = ReliabilityDiagram.of(probabilities, classes, labels, samples, CALIBRATION_BINS).calibrationError();
        return new ClassificationMetrics((double) correct / samples, logLoss / samples, calibration, samples);
    }

    /** Index of the largest of {@code count} values from {@code offset}; the first wins ties. */
    public static int argmax(double[] values, int offset, int count) {
        int best = 0;
        for (int k = 1; k < count; k++) {
            if (values[offset + k] > values[offset + best]) {
                best = k;
            }
        }
        return best;
    }
}
