package org.epsnn.model.training;

import java.util.List;
import java.util.Locale;

/**
 * The CSV form of a metric history: one row per pass, in the columns of {@link #COLUMNS}.
 *
 * <p>Numbers use {@code .} as decimal separator under every default locale. A metric that does
 * not apply (test accuracy of a regression run, train metrics that were skipped) is written as
 * {@code NaN}. Accuracies are fractions in [0, 1].
 */
public final class MetricsCsv {

    /** The header, in column order. */
    public static final List<String> COLUMNS = List.of("pass", "samples_seen", "seconds", "evaluation_seconds",
            "samples_per_second", "running_train_accuracy", "train_accuracy", "train_accuracy_deterministic",
            "test_accuracy", "test_accuracy_deterministic", "test_nll", "test_ece", "clipped", "train_rmse",
            "test_rmse", "test_rmse_deterministic", "test_log_likelihood");

    private MetricsCsv() {
    }

    /** Returns the header line, without a line end. */
    public static String header() {
        return String.join(",", COLUMNS);
    }

    /** Returns the row of one pass, without a line end. */
    public static String row(PassSummary summary) {
        Evaluation train = summary.train();
        Evaluation test = summary.test();
        List<String> cells = List.of(
                Integer.toString(summary.pass()),
                Long.toString(summary.samplesSeen()),
                number("%.3f", summary.seconds()),
                number("%.3f", summary.evaluationSeconds()),
                number("%.1f", summary.samplesPerSecond()),
                number("%.6f", summary.runningTrainAccuracy()),
                number("%.6f", train.bayesian().accuracy()),
                number("%.6f", train.deterministicAccuracy()),
                number("%.6f", test.bayesian().accuracy()),
                number("%.6f", test.deterministicAccuracy()),
                number("%.6g", test.bayesian().negativeLogLikelihood()),
                number("%.6g", test.bayesian().calibrationError()),
                Long.toString(summary.clippedCount()),
                number("%.6g", train.bayesianRegression().rootMeanSquaredError()),
                number("%.6g", test.bayesianRegression().rootMeanSquaredError()),
                number("%.6g", test.deterministicRootMeanSquaredError()),
                number("%.6g", test.bayesianRegression().logLikelihood()));
        return String.join(",", cells);
    }

    /** Formats a number with {@code pattern} under {@link Locale#ROOT}; NaN and infinities as Java spells them. */
    public static String number(String pattern, double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return String.format(Locale.ROOT, pattern, value);
    }
}
