package org.epsnn.model.ep;

import java.util.Arrays;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.linalg.VectorShapes;
import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.WeightPrior;

/**
 * The factorised posterior of one layer's weights, kept as one averaged site per weight.
 *
 * <p>Each weight {@code w} has site parameters {@code (h, lambda)} standing for {@code n} data
 * points, and the layer's tempering factor {@code alpha} counts each site {@code alpha} times:
 * {@code log q(w) = log p0(w) + alpha n (h w - lambda w^2 / 2) + const}. A Gaussian weight then has
 * precision {@code 1/s0 + alpha n lambda} and mean {@code (m0/s0 + alpha n h) / precision}; a
 * discrete weight with levels {@code a_k} has probabilities
 * {@code q_k ~ pi0_k exp(alpha n (h a_k - lambda a_k^2 / 2))}. This follows the averaged-EP
 * representation of Stochastic EP (Li, Hernandez-Lobato and Turner, NIPS 2015) and the binary
 * weights of Expectation Backpropagation (Soudry, Hubara and Meir, NIPS 2014).
 *
 * <p>Weights are stored row-major, {@code outputs x inputs}, with the bias weight (when the layer
 * has one) in the last column. The moment arrays are {@code 2 outputs x inputs}: the means in the
 * first {@code outputs} rows and the variances in the next, so that a single matrix product
 * propagates both.
 */
public final class LayerPosterior {

    /** A Gaussian weight's precision never falls below this fraction of its prior precision. */
    static final double PRECISION_FLOOR_FRACTION = 1e-10;

    private static final VectorSpecies<Double> SPECIES = VectorShapes.DOUBLES;

    /** Standard deviation of the random prior log-odds that break the symmetry of discrete weights. */
    static final double DISCRETE_PRIOR_JITTER = 0.1;

    private final LayerSpec spec;
    private final int outputs;
    private final int inputs;
    private final int weightCount;
    private final boolean discrete;
    private final double[] levels;
    private final double priorPrecision;

    /** Gaussian weights: {@code m0 / s0} per weight. */
    private final double[] priorShift;
    /** Discrete weights: log prior probability of level {@code k} at {@code [k * weightCount + w]}. */
    private final double[] priorLogProbability;

    private double[] siteShift;
    private double[] sitePrecision;
    private double count;

    private LayerPosterior(LayerSpec spec, int inputSize, double[] priorShift, double[] priorLogProbability) {
        this.spec = spec;
        this.outputs = spec.size();
        this.inputs = spec.fanIn(inputSize);
        this.weightCount = outputs * inputs;
        this.discrete = spec.prior().isDiscrete();
        this.levels = spec.prior().levels();
        this.priorPrecision = discrete ? Double.NaN : 1.0 / spec.prior().variance();
        this.priorShift = priorShift;
        this.priorLogProbability = priorLogProbability;
        this.siteShift = new double[weightCount];
        this.sitePrecision = new double[weightCount];
    }

    /**
     * Creates a layer at its prior, drawing the symmetry-breaking prior means (Gaussian weights,
     * {@code m0 ~ Normal(0, s0 / fanIn)}) or prior log-odds (discrete weights,
     * {@code Normal(0, 0.1^2)} per level) from {@code random}.
     *
     * @param inputSize outputs of the previous layer, without the bias
     */
    public static LayerPosterior atPrior(LayerSpec spec, int inputSize, SplittableRandom random) {
        int inputs = spec.fanIn(inputSize);
        int weights = spec.size() * inputs;
        WeightPrior prior = spec.prior();
        if (!prior.isDiscrete()) {
            double variance = prior.variance();
            double meanScale = Math.sqrt(variance / inputs);
            double[] shift = new double[weights];
            for (int w = 0; w < weights; w++) {
                shift[w] = gaussian(random) * meanScale / variance;
            }
            return new LayerPosterior(spec, inputSize, shift, null);
        }
        double[] probabilities = prior.levelProbabilities();
        int levelCount = probabilities.length;
        double[] logProbability = new double[levelCount * weights];
        for (int w = 0; w < weights; w++) {
            for (int k = 0; k < levelCount; k++) {
                logProbability[k * weights + w] = Math.log(probabilities[k]) + DISCRETE_PRIOR_JITTER * gaussian(random);
            }
        }
        return new LayerPosterior(spec, inputSize, null, logProbability);
    }

    /** Restores a layer from saved parts; arrays are copied. */
    public static LayerPosterior restore(LayerSpec spec, int inputSize, double[] priorParameters,
                                         double[] siteShift, double[] sitePrecision, double count) {
        int weights = spec.size() * spec.fanIn(inputSize);
        boolean isDiscrete = spec.prior().isDiscrete();
        int expectedPrior = isDiscrete ? spec.prior().levelCount() * weights : weights;
        if (priorParameters.length != expectedPrior || siteShift.length != weights || sitePrecision.length != weights) {
            throw new IllegalArgumentException("Saved layer of " + spec.size() + " neurons x " + spec.fanIn(inputSize)
                    + " inputs needs " + expectedPrior + " prior values and " + weights + " site values, got "
                    + priorParameters.length + ", " + siteShift.length + " and " + sitePrecision.length);
        }
        LayerPosterior layer = new LayerPosterior(spec, inputSize,
                isDiscrete ? null : priorParameters.clone(), isDiscrete ? priorParameters.clone() : null);
        System.arraycopy(siteShift, 0, layer.siteShift, 0, weights);
        System.arraycopy(sitePrecision, 0, layer.sitePrecision, 0, weights);
        layer.count = count;
        return layer;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: two uniforms give one standard normal; the second is discarded for simplicity.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    public LayerSpec spec() {
        return spec;
    }

    /** Neurons of the layer ({@code D_out}). */
    public int outputs() {
        return outputs;
    }

    /** Inputs of each neuron, the bias included. */
    public int inputs() {
        return inputs;
    }

    public int weightCount() {
        return weightCount;
    }

    public boolean isDiscrete() {
        return discrete;
    }

    /** Levels of a discrete weight; empty for Gaussian weights. */
    public double[] levels() {
        return levels.clone();
    }

    /** Data points that the averaged sites stand for ({@code n}). */
    public double count() {
        return count;
    }

    void setCount(double newCount) {
        this.count = newCount;
    }

    /** Averaged site shifts {@code h}; the live array, for the engine only. */
    double[] siteShiftArray() {
        return siteShift;
    }

    /** Averaged site precisions {@code lambda}; the live array, for the engine only. */
    double[] sitePrecisionArray() {
        return sitePrecision;
    }

    /** Replaces the site arrays (after a batch whose new sites passed the guards). */
    void replaceSites(double[] newShift, double[] newPrecision) {
        this.siteShift = newShift;
        this.sitePrecision = newPrecision;
    }

    /** A copy of the averaged site shifts {@code h}. */
    public double[] siteShift() {
        return siteShift.clone();
    }

    /** A copy of the averaged site precisions {@code lambda}. */
    public double[] sitePrecision() {
        return sitePrecision.clone();
    }

    /** A copy of the prior parameters: {@code m0 / s0} per weight, or level-major log prior probabilities. */
    public double[] priorParameters() {
        return discrete ? priorLogProbability.clone() : priorShift.clone();
    }

    /** The prior precision {@code 1 / s0} of Gaussian weights; NaN for discrete ones. */
    double priorPrecision() {
        return priorPrecision;
    }

    double[] priorShiftArray() {
        return priorShift;
    }

    double[] priorLogProbabilityArray() {
        return priorLogProbability;
    }

    /**
     * Computes the weight moments of {@code prior + alpha siteCount (h, lambda)}, the posterior when
     * {@code siteCount = n} and a cavity when it is smaller, into {@code moments}
     * ({@code 2 outputs x inputs}: means, then variances) and, when not null, the squared means into
     * {@code meanSquared}.
     *
     * @param siteCount data points the sites count for, before tempering
     * @return the index of the first weight whose mean or variance is not finite, or -1
     */
    int computeMoments(double[] shift, double[] precision, double siteCount, double[] moments,
                       double[] meanSquared, ParallelRunner runner) {
        double scale = spec.temper() * siteCount;
        int[] firstBad = {-1};
        runner.forEachChunk(outputs, (fromRow, toRow) -> {
            int from = fromRow * inputs;
            int to = toRow * inputs;
            int bad = discrete
                    ? discreteMoments(shift, precision, scale, moments, meanSquared, from, to)
                    : gaussianMoments(shift, precision, scale, moments, meanSquared, from, to);
            if (bad >= 0) {
                synchronized (firstBad) {
                    if (firstBad[0] < 0 || bad < firstBad[0]) {
                        firstBad[0] = bad;
                    }
                }
            }
        });
        return firstBad[0];
    }

    /**
     * Computes the moments of weights {@code [from, to)} only; see {@link #computeMoments}.
     *
     * @return the first weight whose mean or variance is not finite, or -1
     */
    int computeMomentsRange(double[] shift, double[] precision, double siteCount, double[] moments,
                            double[] meanSquared, int from, int to) {
        double scale = spec.temper() * siteCount;
        return discrete
                ? discreteMoments(shift, precision, scale, moments, meanSquared, from, to)
                : gaussianMoments(shift, precision, scale, moments, meanSquared, from, to);
    }

    private int gaussianMoments(double[] shift, double[] precision, double scale, double[] moments,
                                double[] meanSquared, int from, int to) {
        double floor = PRECISION_FLOOR_FRACTION * priorPrecision;
        int bad = -1;
        for (int w = from; w < to; w++) {
            // Fused multiply-adds, as in the vector kernel, so both paths give bitwise equal moments.
            double totalPrecision = Math.max(Math.fma(precision[w], scale, priorPrecision), floor);
            double variance = 1.0 / totalPrecision;
            double mean = Math.fma(shift[w], scale, priorShift[w]) * variance;
            moments[w] = mean;
            moments[weightCount + w] = variance;
            if (meanSquared != null) {
                meanSquared[w] = mean * mean;
            }
            if (bad < 0 && !(Double.isFinite(mean) && Double.isFinite(variance))) {
                bad = w;
            }
        }
        return bad;
    }

    /**
     * Moments of discrete weights {@code [from, to)}, which must be whole rows: each row is
     * vectorised on its own so that every weight takes the same arithmetic path whichever range
     * it is computed in (a resumed run then matches an uninterrupted one bitwise).
     */
    private int discreteMoments(double[] shift, double[] precision, double scale, double[] moments,
                                double[] meanSquared, int from, int to) {
        int bad = -1;
        for (int row = from; row < to; row += inputs) {
            int rowBad = discreteMomentsRow(shift, precision, scale, moments, meanSquared, row);
            if (bad < 0 && rowBad >= 0) {
                bad = rowBad;
            }
        }
        return bad;
    }

    private int discreteMomentsRow(double[] shift, double[] precision, double scale, double[] moments,
                                   double[] meanSquared, int row) {
        int levelCount = levels.length;
        int bound = SPECIES.loopBound(inputs);
        int lanes = SPECIES.length();
        boolean finite = true;
        DoubleVector scaleVector = DoubleVector.broadcast(SPECIES, scale);
        DoubleVector[] logits = new DoubleVector[levelCount];
        for (int j = 0; j < bound; j += lanes) {
            int w = row + j;
            DoubleVector h = DoubleVector.fromArray(SPECIES, shift, w).mul(scaleVector);
            DoubleVector lambda = DoubleVector.fromArray(SPECIES, precision, w).mul(scaleVector);
            DoubleVector maxLogit = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
            for (int k = 0; k < levelCount; k++) {
                double a = levels[k];
                logits[k] = lambda.mul(-0.5 * a * a).add(h.mul(a)).add(DoubleVector.fromArray(SPECIES, priorLogProbability, k * weightCount + w));
                maxLogit = maxLogit.max(logits[k]);
            }
            DoubleVector total = DoubleVector.zero(SPECIES);
            DoubleVector first = total;
            DoubleVector second = total;
            for (int k = 0; k < levelCount; k++) {
                DoubleVector weight = logits[k].sub(maxLogit).lanewise(VectorOperators.EXP);
                total = total.add(weight);
                first = first.add(weight.mul(levels[k]));
                second = second.add(weight.mul(levels[k] * levels[k]));
            }
            DoubleVector mean = first.div(total);
            DoubleVector variance = second.div(total).sub(mean.mul(mean)).max(0.0);
            mean.intoArray(moments, w);
            variance.intoArray(moments, weightCount + w);
            if (meanSquared != null) {
                mean.mul(mean).intoArray(meanSquared, w);
            }
            // x - x is 0 for finite x and NaN otherwise.
            finite &= mean.sub(mean).add(variance.sub(variance)).reduceLanes(VectorOperators.ADD) == 0.0;
        }
        double[] tailLogits = new double[levelCount];
        for (int j = bound; j < inputs; j++) {
            int w = row + j;
            double h = shift[w] * scale;
            double lambda = precision[w] * scale;
            double maxLogit = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < levelCount; k++) {
                double a = levels[k];
                tailLogits[k] = lambda * (-0.5 * a * a) + h * a + priorLogProbability[k * weightCount + w];
                maxLogit = Math.max(maxLogit, tailLogits[k]);
            }
            double total = 0;
            double first = 0;
            double second = 0;
            for (int k = 0; k < levelCount; k++) {
                double weight = Math.exp(tailLogits[k] - maxLogit);
                total += weight;
                first += weight * levels[k];
                second += weight * levels[k] * levels[k];
            }
            double mean = first / total;
            double variance = Math.max(second / total - mean * mean, 0.0);
            moments[w] = mean;
            moments[weightCount + w] = variance;
            if (meanSquared != null) {
                meanSquared[w] = mean * mean;
            }
            finite &= Double.isFinite(mean) && Double.isFinite(variance);
        }
        if (finite) {
            return -1;
        }
        for (int j = 0; j < inputs; j++) {
            int w = row + j;
            if (!(Double.isFinite(moments[w]) && Double.isFinite(moments[weightCount + w]))) {
                return w;
            }
        }
        return -1;
    }

    /**
     * Computes the posterior probability of every level of every discrete weight, level-major
     * ({@code [k * weightCount + w]}); for Gaussian weights returns an empty array.
     */
    public double[] levelProbabilities() {
        if (!discrete) {
            return new double[0];
        }
        int levelCount = levels.length;
        double scale = spec.temper() * count;
        double[] result = new double[levelCount * weightCount];
        double[] logits = new double[levelCount];
        for (int w = 0; w < weightCount; w++) {
            double maxLogit = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < levelCount; k++) {
                double a = levels[k];
                logits[k] = priorLogProbability[k * weightCount + w] + scale * (siteShift[w] * a - 0.5 * sitePrecision[w] * a * a);
                maxLogit = Math.max(maxLogit, logits[k]);
            }
            double total = 0;
            for (int k = 0; k < levelCount; k++) {
                logits[k] = Math.exp(logits[k] - maxLogit);
                total += logits[k];
            }
            for (int k = 0; k < levelCount; k++) {
                result[k * weightCount + w] = logits[k] / total;
            }
        }
        return result;
    }

    /** Computes the posterior moments (means then variances, {@code 2 outputs x inputs}) into a new array. */
    public double[] posteriorMoments(ParallelRunner runner) {
        double[] moments = new double[2 * weightCount];
        computeMoments(siteShift, sitePrecision, count, moments, null, runner);
        return moments;
    }

    /**
     * Returns the weights of the deterministic network: the posterior mean of Gaussian weights,
     * the most probable level of discrete ones.
     */
    public double[] deterministicWeights(ParallelRunner runner) {
        if (!discrete) {
            return Arrays.copyOf(posteriorMoments(runner), weightCount);
        }
        double[] probabilities = levelProbabilities();
        double[] result = new double[weightCount];
        for (int w = 0; w < weightCount; w++) {
            int best = 0;
            for (int k = 1; k < levels.length; k++) {
                if (probabilities[k * weightCount + w] > probabilities[best * weightCount + w]) {
                    best = k;
                }
            }
            result[w] = levels[best];
        }
        return result;
    }
}
