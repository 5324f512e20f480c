package org.epsnn.model.training;

/**
 * How well a network predicts real targets, in the targets' own units.
 *
 * @param rootMeanSquaredError of the predictive mean
 * @param logLikelihood mean Gaussian log density of the targets under the predictive distribution
 * @param samples number of samples evaluated
 */
public record RegressionMetrics(double rootMeanSquaredError, double logLikelihood, int samples) {

    /** Metrics of an empty evaluation: NaN everywhere. */
    public static final RegressionMetrics NONE = new RegressionMetrics(Double.NaN, Double.NaN, 0);

    /**
     * Computes the metrics from predictive means and variances.
     *
     * @param means {@code samples x targets}
     * @param variances {@code samples x targets}, positive
     * @param targets {@code samples x targets}
     */
    public static RegressionMetrics of(double[] means, double[] variances, double[] targets, int count) {
        if (count == 0) {
            return NONE;
        }
        double squared = 0;
        double logDensity = 0;
        for (int x = 0; x < count; x++) {
            double residual = targets[x] - means[x];
            squared += residual * residual;
            logDensity += -0.5 * Math.log(2 * Math.PI * variances[x]) - 0.5 * residual * residual / variances[x];
        }
        return new RegressionMetrics(Math.sqrt(squared / count), logDensity / count, count);
    }
}
