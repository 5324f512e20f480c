package org.epsnn.model.ep;

/**
 * Predictions of the Bayesian network and of the deterministic network for a list of samples.
 *
 * @param outputs classes (classification) or targets (regression) per sample
 * @param scores {@code samples x classes} spike probabilities {@code Phi(z_k)} of the output neurons (classification)
 * @param probabilities {@code samples x classes} scores normalised to sum to 1 (classification)
 * @param means {@code samples x targets} predictive means in target units (regression)
 * @param variances {@code samples x targets} predictive variances in target units (regression)
 * @param deterministicClass class of the deterministic network: the output with the largest potential (classification)
 * @param deterministicValues {@code samples x targets} outputs of the deterministic network in target units (regression)
 */
public record Prediction(int outputs, double[] scores, double[] probabilities, double[] means, double[] variances,
                         int[] deterministicClass, double[] deterministicValues) {

    /** Number of samples predicted. */
    public int samples() {
        return deterministicClass.length > 0 ? deterministicClass.length : means.length / Math.max(outputs, 1);
    }

    /** The Bayesian prediction's class of sample {@code index}: the output with the largest score. */
    public int predictedClass(int index) {
        return org.epsnn.model.training.ClassificationMetrics.argmax(probabilities, index * outputs, outputs);
    }
}
