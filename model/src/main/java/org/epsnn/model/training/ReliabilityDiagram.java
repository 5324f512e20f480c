package org.epsnn.model.training;

/**
 * Confidence against accuracy in equal-width confidence bins, the data of a reliability diagram,
 * and the expected calibration error {@code ECE = sum_b (n_b / N) |accuracy_b - confidence_b|}
 * (Guo, Pleiss, Sun and Weinberger, "On Calibration of Modern Neural Networks", ICML 2017).
 *
 * <p>Confidence is the largest class probability of a sample. Bin {@code b} of {@code B} contains
 * confidences in {@code [b / B, (b + 1) / B)}, and a confidence of exactly 1 goes to the last bin.
 *
 * @param meanConfidence mean confidence of the samples in each bin; NaN for an empty bin
 * @param accuracy fraction of the bin's samples whose most probable class is the label; NaN for an empty bin
 * @param counts samples in each bin
 * @param calibrationError the expected calibration error, in [0, 1]; NaN for no samples
 */
public record ReliabilityDiagram(double[] meanConfidence, double[] accuracy, int[] counts, double calibrationError) {

    /**
     * Bins the predictions of {@code samples} rows.
     *
     * @param probabilities {@code samples x classes}, each row summing to 1
     * @param labels true class of each sample
     * @param bins number of equal-width confidence bins, at least 1
     */
    public static ReliabilityDiagram of(double[] probabilities, int classes, int[] labels, int samples, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("A reliability diagram needs at least 1 bin, got " + bins);
        }
        double[] confidenceSum = new double[bins];
        double[] correct = new double[bins];
        int[] counts = new int[bins];
        for (int s = 0; s < samples; s++) {
            int best = ClassificationMetrics.argmax(probabilities, s * classes, classes);
            double confidence = probabilities[s * classes + best];
            int bin = Math.min(bins - 1, Math.max(0, (int) (confidence * bins)));
            confidenceSum[bin] += confidence;
            correct[bin] += best == labels[s] ? 1 : 0;
            counts[bin]++;
        }

        double[] meanConfidence = new double[bins];
        double[] accuracy = new double[bins];
        double calibrationError = samples == 0 ? Double.NaN : 0;
        for (int bin = 0; bin < bins; bin++) {
            if (counts[bin] == 0) {
                meanConfidence[bin] = Double.NaN;
                accuracy[bin] = Double.NaN;
                continue;
            }
            meanConfidence[bin] = confidenceSum[bin] / counts[bin];
            accuracy[bin] = correct[bin] / counts[bin];
            calibrationError += Math.abs(correct[bin] - confidenceSum[bin]) / samples;
        }
        return new ReliabilityDiagram(meanConfidence, accuracy, counts, calibrationError);
    }

    /** Number of bins. */
    public int bins() {
        return counts.length;
    }
}
