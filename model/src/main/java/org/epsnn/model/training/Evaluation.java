package org.epsnn.model.training;

/**
 * Metrics of the Bayesian prediction and of the deterministic network on one dataset. For
 * classification the regression fields hold {@link RegressionMetrics#NONE}, and the other way round.
 *
 * @param bayesian classification metrics of the Bayesian prediction
 * @param deterministicAccuracy accuracy of the deterministic network (classification), NaN otherwise
 * @param bayesianRegression regression metrics of the Bayesian prediction
 * @param deterministicRootMeanSquaredError RMSE of the deterministic network (regression), NaN otherwise
 */
public record Evaluation(ClassificationMetrics bayesian, double deterministicAccuracy,
                         RegressionMetrics bayesianRegression, double deterministicRootMeanSquaredError) {

    /** An evaluation that did not take place. */
    public static final Evaluation NONE = new Evaluation(ClassificationMetrics.NONE, Double.NaN, RegressionMetrics.NONE, Double.NaN);

    public int samples() {
        return Math.max(bayesian.samples(), bayesianRegression.samples());
    }
}
