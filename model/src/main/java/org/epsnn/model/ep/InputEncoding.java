package org.epsnn.model.ep;

import java.util.Locale;

/**
 * How input features become the inputs {@code (p, r)} of the first layer: their means and variances.
 *
 * <ul>
 *   <li>{@link Kind#THRESHOLD}: binary spikes, {@code p = 1} when the feature is at least the
 *       level, else 0; {@code r = 0}.</li>
 *   <li>{@link Kind#BERNOULLI}: grey levels in {@code [0, 1]} as Bernoulli spikes with
 *       {@code p = x} and {@code r = p (1 - p)}, marginalised like hidden spikes.</li>
 *   <li>{@link Kind#REAL}: real values as observed, {@code p = x}, {@code r = 0}, for tabular data
 *       after standardisation.</li>
 * </ul>
 *
 * <p>The deterministic network always sees spikes: it thresholds at {@link #level()} for
 * {@code THRESHOLD}, at 0.5 for {@code BERNOULLI}, and uses real values as they are.
 *
 * @param kind the encoding
 * @param level threshold of the {@code THRESHOLD} encoding; ignored by the others
 */
public record InputEncoding(Kind kind, double level) {

    /** The encodings the engine supports. */
    public enum Kind {
        THRESHOLD, BERNOULLI, REAL
    }

    /** Pixels thresholded at 0.5, the default for image data. */
    public static final InputEncoding THRESHOLD_HALF = new InputEncoding(Kind.THRESHOLD, 0.5);
    /** Grey levels as Bernoulli spikes. */
    public static final InputEncoding BERNOULLI = new InputEncoding(Kind.BERNOULLI, 0.5);
    /** Real-valued observed inputs, the default for tabular and 2-D data. */
    public static final InputEncoding REAL = new InputEncoding(Kind.REAL, 0.5);

    public InputEncoding {
        if (kind == null) {
            throw new IllegalArgumentException("Input encoding kind is missing");
        }
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("Input threshold level must be finite, got " + level);
        }
    }

    /**
     * Parses {@code threshold}, {@code threshold:LEVEL}, {@code bernoulli} or {@code real}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static InputEncoding parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("threshold")) {
            return THRESHOLD_HALF;
        }
        if (trimmed.startsWith("threshold:")) {
            String levelText = trimmed.substring("threshold:".length());
            double level;
            try {
                level = Double.parseDouble(levelText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Input encoding '" + text + "': threshold level '" + levelText
                        + "' is not a number; write e.g. threshold:0.3");
            }
            if (!Double.isFinite(level)) {
                throw new IllegalArgumentException("Input encoding '" + text + "': threshold level must be finite");
            }
            return new InputEncoding(Kind.THRESHOLD, level);
        }
        if (trimmed.equals("bernoulli")) {
            return BERNOULLI;
        }
        if (trimmed.equals("real")) {
            return REAL;
        }
        throw new IllegalArgumentException("Input encoding '" + text
                + "' is not known; use threshold, threshold:LEVEL (e.g. threshold:0.3), bernoulli or real");
    }

    /** Whether the encoded inputs are 0 or 1 exactly, so that {@code p^2 = p}. */
    public boolean binary() {
        return kind == Kind.THRESHOLD;
    }

    /** Whether the inputs carry a variance {@code r > 0}. */
    public boolean stochastic() {
        return kind == Kind.BERNOULLI;
    }

    /** The deterministic network's input for a feature value. */
    public double spike(double value) {
        return switch (kind) {
            case THRESHOLD -> value >= level ? 1.0 : 0.0;
            case BERNOULLI -> value >= 0.5 ? 1.0 : 0.0;
            case REAL -> value;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case THRESHOLD -> "threshold:" + level;
            case BERNOULLI -> "bernoulli";
            case REAL -> "real";
        };
    }
}
