package org.epsnn.model.training;

/**
 * The entropy of a predictive class distribution, {@code H(p) = -sum_k p_k ln p_k} in nats: 0 for
 * a certain prediction, {@code ln K} for a uniform one over {@code K} classes.
 */
public final class PredictiveEntropy {

    private PredictiveEntropy() {
    }

    /**
     * Computes the entropy of the {@code classes} probabilities from {@code offset}. Terms with
     * {@code p_k <= 0} add nothing, which is their limit.
     */
    public static double of(double[] probabilities, int offset, int classes) {
        double entropy = 0;
        for (int k = 0; k < classes; k++) {
            double p = probabilities[offset + k];
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }

    /** Computes the entropy of every row of a {@code samples x classes} probability matrix. */
    public static double[] ofRows(double[] probabilities, int classes) {
        if (classes < 1 || probabilities.length % classes != 0) {
            throw new IllegalArgumentException("Probabilities of length " + probabilities.length
                    + " do not form rows of " + classes + " classes");
        }
        double[] entropies = new double[probabilities.length / classes];
        for (int s = 0; s < entropies.length; s++) {
            entropies[s] = of(probabilities, s * classes, classes);
        }
        return entropies;
    }

    /** Returns the mean of the values, NaN for none. */
    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total / values.length;
    }
}
