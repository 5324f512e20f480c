package org.epsnn.model.network;

import java.util.Arrays;
import java.util.Locale;

/**
 * The prior of every weight of a layer: Gaussian for continuous weights, or a categorical
 * distribution on a finite set of levels for discrete weights.
 *
 * <p>Instances are immutable; the arrays are copied on the way in and out.
 */
public final class WeightPrior {

    /** The weight kinds the workbench names. */
    public enum Kind {
        GAUSSIAN, BINARY, TERNARY, DISCRETE
    }

    private final Kind kind;
    private final double variance;
    private final double[] levels;
    private final double[] levelProbabilities;

    private WeightPrior(Kind kind, double variance, double[] levels, double[] levelProbabilities) {
        this.kind = kind;
        this.variance = variance;
        this.levels = levels;
        this.levelProbabilities = levelProbabilities;
    }

    /**
     * Continuous weights with prior {@code Normal(m0, variance)}; each weight's mean {@code m0} is
     * drawn once at initialisation from {@code Normal(0, variance / fanIn)} to break the symmetry.
     */
    public static WeightPrior gaussian(double variance) {
        if (!(variance > 0) || !Double.isFinite(variance)) {
            throw new IllegalArgumentException("Prior variance must be positive and finite, got " + variance);
        }
        return new WeightPrior(Kind.GAUSSIAN, variance, null, null);
    }

    /** Binary weights in {-1, +1} with a uniform prior. */
    public static WeightPrior binary() {
        return new WeightPrior(Kind.BINARY, Double.NaN, new double[] {-1, 1}, new double[] {0.5, 0.5});
    }

    /** Ternary weights in {-1, 0, +1}; {@code zeroProbability} is the prior mass on 0 (1/3 is uniform). */
    public static WeightPrior ternary(double zeroProbability) {
        if (!(zeroProbability > 0 && zeroProbability < 1)) {
            throw new IllegalArgumentException("Ternary prior probability of 0 must lie in (0, 1), got " + zeroProbability);
        }
        double side = (1 - zeroProbability) / 2;
        return new WeightPrior(Kind.TERNARY, Double.NaN, new double[] {-1, 0, 1}, new double[] {side, zeroProbability, side});
    }

    /** Ternary weights in {-1, 0, +1} with a uniform prior. */
    public static WeightPrior ternary() {
        return ternary(1.0 / 3.0);
    }

    /**
     * Discrete weights on any finite level set.
     *
     * @param levels at least two distinct finite values
     * @param probabilities positive prior probabilities, one per level; they are normalised
     */
    public static WeightPrior discrete(double[] levels, double[] probabilities) {
        if (levels.length < 2) {
            throw new IllegalArgumentException("A discrete weight needs at least 2 levels, got " + levels.length);
        }
        if (probabilities.length != levels.length) {
            throw new IllegalArgumentException("Got " + probabilities.length + " prior probabilities for "
                    + levels.length + " levels");
        }
        double total = 0;
        for (int k = 0; k < levels.length; k++) {
            if (!Double.isFinite(levels[k])) {
                throw new IllegalArgumentException("Weight level " + k + " must be finite, got " + levels[k]);
            }
            if (!(probabilities[k] > 0) || !Double.isFinite(probabilities[k])) {
                throw new IllegalArgumentException("Prior probability of level " + levels[k]
                        + " must be positive, got " + probabilities[k]);
            }
            for (int other = 0; other < k; other++) {
                if (levels[other] == levels[k]) {
                    throw new IllegalArgumentException("Weight level " + levels[k] + " appears twice");
                }
            }
            total += probabilities[k];
        }
        double[] normalised = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            normalised[k] = probabilities[k] / total;
        }
        return new WeightPrior(Kind.DISCRETE, Double.NaN, levels.clone(), normalised);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the weights are discrete (binary, ternary or another level set). */
    public boolean isDiscrete() {
        return kind != Kind.GAUSSIAN;
    }

    /** Prior variance {@code s0} of a Gaussian weight; NaN for discrete weights. */
    public double variance() {
        return variance;
    }

    /** The levels of a discrete weight; empty for Gaussian weights. */
    public double[] levels() {
        return levels == null ? new double[0] : levels.clone();
    }

    /** Prior probability of each level of a discrete weight; empty for Gaussian weights. */
    public double[] levelProbabilities() {
        return levelProbabilities == null ? new double[0] : levelProbabilities.clone();
    }

    /** Number of levels of a discrete weight; 0 for Gaussian weights. */
    public int levelCount() {
        return levels == null ? 0 : levels.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightPrior that
                && kind == that.kind
                && Double.compare(variance, that.variance) == 0
                && Arrays.equals(levels, that.levels)
                && Arrays.equals(levelProbabilities, that.levelProbabilities);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Double.hashCode(variance)) + Arrays.hashCode(levels);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case GAUSSIAN -> String.format(Locale.ROOT, "gaussian(variance=%s)", variance);
            case BINARY -> "binary";
            case TERNARY -> levelProbabilities[1] == levelProbabilities[0]
                    ? "ternary" : String.format(Locale.ROOT, "ternary(p0=%.3f)", levelProbabilities[1]);
            case DISCRETE -> "discrete" + Arrays.toString(levels);
        };
    }
}
