package org.epsnn.model.training;

import java.util.Locale;
import java.util.Optional;

/**
 * Check for a later pass that lost much of the accuracy the posterior had, with advice on what
 * usually helps. Later passes replace a share {@code damping * B / N} of every site per batch, and with the
 * default damping of 1 at batch 100 a dataset of a few hundred samples replaces a fifth per batch.
 * On the two moons (500 samples) a 2-100-2 network then fell from 97 % to 50 % test accuracy in
 * pass 2 and recovered only by pass 6, while damping 0.5 kept it at 95 to 100 %.
 */
public final class AccuracyDrop {

    /** Fall in test accuracy, in fractions, from the best pass so far that counts as a drop. */
    static final double DROP = 0.2;

    /** Best test accuracy of the passes checked so far, NaN before the first. */
    private double best = Double.NaN;
    /** Test accuracy of the last pass checked, NaN before the first. */
    private double last = Double.NaN;

    /**
     * Checks a finished pass against the passes checked before it, as {@link #warning} does, and
     * remembers its test accuracy. One instance follows one posterior.
     */
    public Optional<String> check(PassSummary pass, double damping, int batchSize, int trainSamples) {
        Optional<String> warning = warning(best, last, pass, damping, batchSize, trainSamples);
        double accuracy = pass.test().bayesian().accuracy();
        if (!Double.isNaN(accuracy)) {
            best = Double.isNaN(best) ? accuracy : Math.max(best, accuracy);
            last = accuracy;
        }
        return warning;
    }

    /**
     * Returns a warning when {@code current}'s test accuracy is more than 20 points below the best
     * of the passes before it and the pass before it was not, else empty. So a fall is reported
     * once, in the pass where it happened. Regression passes and passes without a test evaluation
     * give no warning.
     *
     * @param bestBefore the best test accuracy of the earlier passes of the posterior, NaN for none
     * @param previous the test accuracy of the pass before, NaN for none
     * @param damping the damping the pass used
     * @param batchSize the pass's batch size
     * @param trainSamples the number of training samples
     */
    public static Optional<String> warning(double bestBefore, double previous, PassSummary current, double damping, int batchSize,
                                           int trainSamples) {
        double accuracy = current.test().bayesian().accuracy();
        if (current.pass() < 2 || Double.isNaN(bestBefore) || Double.isNaN(accuracy) || bestBefore - accuracy <= DROP) {
            return Optional.empty();
        }
        if (!Double.isNaN(previous) && bestBefore - previous > DROP) {
            return Optional.empty();
        }
        int batch = Math.min(batchSize, trainSamples);
        double share = damping * batch / trainSamples;
        String advice = share > 0.1
                ? String.format(Locale.ROOT, "Try damping %s or less, or a smaller batch: each batch of %d replaced %.0f %% "
                        + "of the sites of %d samples at damping %s", plain(Math.max(0.01, Math.floor(0.1 * trainSamples / batch * 100) / 100)),
                        batch, 100 * share, trainSamples, plain(damping))
                : String.format(Locale.ROOT, "Try a lower damping than %s or a damping schedule", plain(damping));
        return Optional.of(String.format(Locale.ROOT, "Pass %d: test accuracy fell from %.1f %% to %.1f %%. %s.",
                current.pass(), 100 * bestBefore, 100 * accuracy, advice));
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
