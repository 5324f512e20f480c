package org.epsnn.model.ep;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.linalg.VectorShapes;

/**
 * A fused kernel for a first layer on binary inputs (for example thresholded pixels), where
 * {@code R = 0} and {@code P^2 = P}: it forms the batch sums {@code sum g = A^T P},
 * {@code sum d = Bt^T P} and {@code sum g^2 = (A^2)^T P} one neuron at a time, applies the site
 * update of {@link SiteUpdate} and computes the next cavity's moments, without writing the sums
 * to memory.
 *
 * <p>At the small batches of the first pass a general matrix product spends its time writing and
 * re-reading the {@code 3 D_out x D_in} sums; here each weight's site and moments are read and
 * written once per batch. The arithmetic is the same as {@link SiteUpdate} followed by
 * {@link LayerPosterior#computeMoments}; a test checks that both paths agree.
 */
final class BinaryInputKernel {

    private static final VectorSpecies<Double> SPECIES = VectorShapes.DOUBLES;

    /** Neurons whose sums are formed together. */
    private static final int BLOCK = 4;

    private BinaryInputKernel() {
    }

    /**
     * Updates the sites of {@code layer} into {@code newShift}/{@code newPrecision} and writes the
     * moments for the next cavity (site count {@code nextCount}) over {@code moments}.
     *
     * @param messages {@code rows x 5 D_out}: alpha in columns {@code [0, D_out)}, beta in {@code [D_out, 2 D_out)}
     * @param inputs {@code rows x D_in} binary inputs, bias column included
     * @param moments {@code 2 D_out x D_in}: the cavity the batch used on entry, the next cavity on return
     * @return the clipped count and, when a site or moment is not finite, the first offending weight
     */
    static SiteUpdate.Outcome apply(LayerPosterior layer, double[] messages, double[] inputs, int rows,
                                    double[] moments, double step, boolean adaptive, double nextCount,
                                    double[] newShift, double[] newPrecision, ParallelRunner runner) {
        return apply(layer, messages, inputs, false, rows, moments, null, step, adaptive, nextCount, newShift, newPrecision, runner,
                null);
    }

    /**
     * As {@link #apply(LayerPosterior, double[], double[], int, double[], double, boolean, double,
     * double[], double[], ParallelRunner)}, also for Bernoulli inputs.
     *
     * @param bernoulli whether the inputs are Bernoulli spike probabilities {@code p} with
     *     variance {@code r = p (1 - p)} rather than binary values
     * @param meanSquared receives the squared means of the next cavity when not null
     * @param profile receives the time of the sums and of the whole kernel when not null
     */
    static SiteUpdate.Outcome apply(LayerPosterior layer, double[] messages, double[] inputs, boolean bernoulli, int rows,
                                    double[] moments, double[] meanSquared, double step, boolean adaptive, double nextCount,
                                    double[] newShift, double[] newPrecision, ParallelRunner runner, KernelProfile profile) {
        int out = layer.outputs();
        int in = layer.inputs();
        boolean discrete = layer.isDiscrete();
        int[] clippedTotal = new int[1];
        int[] firstBad = {-1};
        if (bernoulli) {
            return applyBernoulli(layer, messages, inputs, rows, moments, meanSquared, step, adaptive, nextCount,
                    newShift, newPrecision, runner, profile);
        }

        // alpha_b, beta_b and alpha_b^2 of each neuron, contiguous per neuron, so that the inner loop
        // broadcasts from one small array.
        double[] coefficients = new double[out * rows * 3];
        int stride = 5 * out;
        for (int b = 0; b < rows; b++) {
            for (int i = 0; i < out; i++) {
                double alpha = messages[b * stride + i];
                int at = (i * rows + b) * 3;
                coefficients[at] = alpha;
                coefficients[at + 1] = messages[b * stride + out + i];
                coefficients[at + 2] = alpha * alpha;
            }
        }

        if (profile != null) {
            profile.addSumFlops(2L * 3 * out * in * rows);
        }
        int blocks = (out + BLOCK - 1) / BLOCK;
        runner.forEachChunk(blocks, (fromBlock, toBlock) -> {
            long chunkStart = profile == null ? 0 : System.nanoTime();
            long sumsNanos = 0;
            double[][] sums = new double[3 * BLOCK][in];
            int clipped = 0;
            int bad = -1;
            for (int block = fromBlock; block < toBlock; block++) {
                int first = block * BLOCK;
                int count = Math.min(BLOCK, out - first);
                long sumsStart = profile == null ? 0 : System.nanoTime();
                if (count == BLOCK) {
                    blockSums(coefficients, inputs, rows, in, first, sums);
                } else {
                    for (int n = 0; n < count; n++) {
                        rowSums(coefficients, inputs, rows, in, first + n, sums[3 * n], sums[3 * n + 1], sums[3 * n + 2]);
                    }
                }
                if (profile != null) {
                    sumsNanos += System.nanoTime() - sumsStart;
                }
                for (int n = 0; n < count; n++) {
                    int i = first + n;
                    double[] sumG = sums[3 * n];
                    double[] sumD = sums[3 * n + 1];
                    double[] sumG2 = sums[3 * n + 2];
                    double rate = step;
                    if (adaptive) {
                        rate *= agreement(moments, layer.weightCount(), i * in, in, sumG, sumG2);
                    }
                    long result = updateRow(layer, i, rows, rate, sumG, sumD, sumG2, moments, null, newShift, newPrecision, nextCount);
                    clipped += (int) (result >>> 32);
                    int rowBad = (int) result;
                    if (bad < 0 && rowBad >= 0) {
                        bad = rowBad;
                    }
                }
            }
            if (profile != null) {
                profile.addChunk(System.nanoTime() - chunkStart, sumsNanos);
            }
            synchronized (clippedTotal) {
                clippedTotal[0] += clipped;
                if (bad >= 0 && (firstBad[0] < 0 || bad < firstBad[0])) {
                    firstBad[0] = bad;
                }
            }
        });
        return outcome(layer, clippedTotal[0], firstBad[0], moments, newShift, newPrecision);
    }

    /** Site update and next moments of row {@code i}, for either weight kind; see {@link #updateGaussianRow}. */
    private static long updateRow(LayerPosterior layer, int i, int rows, double rate, double[] sumG, double[] sumD,
                                  double[] sumG2, double[] moments, double[] meanSquared, double[] newShift,
                                  double[] newPrecision, double nextCount) {
        int in = layer.inputs();
        if (layer.isDiscrete()) {
            int rowBad = updateRowScalar(layer, i, rows, rate, sumG, sumD, sumG2, moments, newShift, newPrecision);
            if (rowBad < 0) {
                rowBad = layer.computeMomentsRange(newShift, newPrecision, nextCount, moments, meanSquared, i * in, (i + 1) * in);
            }
            return rowBad & 0xFFFFFFFFL;
        }
        return updateGaussianRow(layer, i, rows, rate, sumG, sumD, sumG2, moments, meanSquared, newShift, newPrecision, nextCount);
    }

    /**
     * The kernel for Bernoulli inputs ({@code r = p (1 - p)}): the batch sums then have six parts,
     * {@code sum g = A^T P + 2 m (Bt^T R)}, {@code sum d = Bt^T P} and
     * {@code sum g^2 = (A^2)^T P^2 + 4 m (A Bt)^T (P R) + 4 m^2 (Bt^2)^T R^2}, formed here from
     * {@code p} on the fly, two neurons at a time.
     */
    private static SiteUpdate.Outcome applyBernoulli(LayerPosterior layer, double[] messages, double[] inputs, int rows,
                                                     double[] moments, double[] meanSquared, double step, boolean adaptive,
                                                     double nextCount, double[] newShift, double[] newPrecision,
                                                     ParallelRunner runner, KernelProfile profile) {
        int out = layer.outputs();
        int in = layer.inputs();
        int weights = layer.weightCount();
        int[] clippedTotal = new int[1];
        int[] firstBad = {-1};
        double[] coefficients = new double[out * rows * 3];
        int stride = 5 * out;
        for (int b = 0; b < rows; b++) {
            for (int i = 0; i < out; i++) {
                int at = (i * rows + b) * 3;
                coefficients[at] = messages[b * stride + i];
                coefficients[at + 1] = messages[b * stride + out + i];
            }
        }

        if (profile != null) {
            profile.addSumFlops(2L * 6 * out * in * rows);
        }
        int pairs = (out + 1) / 2;
        runner.forEachChunk(pairs, (fromPair, toPair) -> {
            long chunkStart = profile == null ? 0 : System.nanoTime();
            long sumsNanos = 0;
            double[][] parts = new double[12][in];
            double[] sumG = new double[in];
            double[] sumD = new double[in];
            double[] sumG2 = new double[in];
            int clipped = 0;
            int bad = -1;
            for (int pair = fromPair; pair < toPair; pair++) {
                int first = 2 * pair;
                int count = Math.min(2, out - first);
                long sumsStart = profile == null ? 0 : System.nanoTime();
                bernoulliSums(coefficients, inputs, rows, in, first, count, parts);
                if (profile != null) {
                    sumsNanos += System.nanoTime() - sumsStart;
                }
                for (int n = 0; n < count; n++) {
                    int i = first + n;
                    int row = i * in;
                    for (int j = 0; j < in; j++) {
                        double mean = moments[row + j];
                        sumG[j] = parts[6 * n][j] + 2.0 * mean * parts[6 * n + 3][j];
                        sumD[j] = parts[6 * n + 1][j];
                        sumG2[j] = parts[6 * n + 2][j] + 4.0 * mean * parts[6 * n + 4][j] + 4.0 * mean * mean * parts[6 * n + 5][j];
                    }
                    double rate = step;
                    if (adaptive) {
                        rate *= agreement(moments, weights, row, in, sumG, sumG2);
                    }
                    long result = updateRow(layer, i, rows, rate, sumG, sumD, sumG2, moments, meanSquared, newShift, newPrecision, nextCount);
                    clipped += (int) (result >>> 32);
                    int rowBad = (int) result;
                    if (bad < 0 && rowBad >= 0) {
                        bad = rowBad;
                    }
                }
            }
            if (profile != null) {
                profile.addChunk(System.nanoTime() - chunkStart, sumsNanos);
            }
            synchronized (clippedTotal) {
                clippedTotal[0] += clipped;
                if (bad >= 0 && (firstBad[0] < 0 || bad < firstBad[0])) {
                    firstBad[0] = bad;
                }
            }
        });
        return outcome(layer, clippedTotal[0], firstBad[0], moments, newShift, newPrecision);
    }

    /**
     * The six sums of {@link #applyBernoulli} for {@code count} (1 or 2) neurons from {@code first}:
     * into {@code parts[6 n + k]}, k = 0 to 5: {@code alpha p}, {@code beta p}, {@code alpha^2 p^2},
     * {@code beta r}, {@code alpha beta p r}, {@code beta^2 r^2}, summed over the batch.
     */
    private static void bernoulliSums(double[] coefficients, double[] inputs, int rows, int in, int first, int count,
                                      double[][] parts) {
        int bound = SPECIES.loopBound(in);
        int lanes = SPECIES.length();
        int base0 = first * rows * 3;
        int base1 = count > 1 ? base0 + rows * 3 : base0;
        DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int j = 0; j < bound; j += lanes) {
            DoubleVector a0 = zero;
            DoubleVector b0 = zero;
            DoubleVector c0 = zero;
            DoubleVector d0 = zero;
            DoubleVector e0 = zero;
            DoubleVector f0 = zero;
            DoubleVector a1 = zero;
            DoubleVector b1 = zero;
            DoubleVector c1 = zero;
            DoubleVector d1 = zero;
            DoubleVector e1 = zero;
            DoubleVector f1 = zero;
            for (int b = 0; b < rows; b++) {
                DoubleVector p = DoubleVector.fromArray(SPECIES, inputs, b * in + j);
                DoubleVector pSquared = p.mul(p);
                DoubleVector r = p.sub(pSquared);
                DoubleVector pr = p.mul(r);
                DoubleVector rSquared = r.mul(r);
                double alpha0 = coefficients[base0 + 3 * b];
                double beta0 = coefficients[base0 + 3 * b + 1];
                a0 = p.fma(DoubleVector.broadcast(SPECIES, alpha0), a0);
                b0 = p.fma(DoubleVector.broadcast(SPECIES, beta0), b0);
                c0 = pSquared.fma(DoubleVector.broadcast(SPECIES, alpha0 * alpha0), c0);
                d0 = r.fma(DoubleVector.broadcast(SPECIES, beta0), d0);
                e0 = pr.fma(DoubleVector.broadcast(SPECIES, alpha0 * beta0), e0);
                f0 = rSquared.fma(DoubleVector.broadcast(SPECIES, beta0 * beta0), f0);
                double alpha1 = coefficients[base1 + 3 * b];
                double beta1 = coefficients[base1 + 3 * b + 1];
                a1 = p.fma(DoubleVector.broadcast(SPECIES, alpha1), a1);
                b1 = p.fma(DoubleVector.broadcast(SPECIES, beta1), b1);
                c1 = pSquared.fma(DoubleVector.broadcast(SPECIES, alpha1 * alpha1), c1);
                d1 = r.fma(DoubleVector.broadcast(SPECIES, beta1), d1);
                e1 = pr.fma(DoubleVector.broadcast(SPECIES, alpha1 * beta1), e1);
                f1 = rSquared.fma(DoubleVector.broadcast(SPECIES, beta1 * beta1), f1);
            }
            a0.intoArray(parts[0], j);
            b0.intoArray(parts[1], j);
            c0.intoArray(parts[2], j);
            d0.intoArray(parts[3], j);
            e0.intoArray(parts[4], j);
            f0.intoArray(parts[5], j);
            a1.intoArray(parts[6], j);
            b1.intoArray(parts[7], j);
            c1.intoArray(parts[8], j);
            d1.intoArray(parts[9], j);
            e1.intoArray(parts[10], j);
            f1.intoArray(parts[11], j);
        }
        for (int n = 0; n < count; n++) {
            int base = (first + n) * rows * 3;
            for (int j = bound; j < in; j++) {
                double[] sums = new double[6];
                for (int b = 0; b < rows; b++) {
                    double p = inputs[b * in + j];
                    double r = p - p * p;
                    double alpha = coefficients[base + 3 * b];
                    double beta = coefficients[base + 3 * b + 1];
                    sums[0] += alpha * p;
                    sums[1] += beta * p;
                    sums[2] += alpha * alpha * p * p;
                    sums[3] += beta * r;
                    sums[4] += alpha * beta * p * r;
                    sums[5] += beta * beta * r * r;
                }
                for (int k = 0; k < 6; k++) {
                    parts[6 * n + k][j] = sums[k];
                }
            }
        }
    }

    private static SiteUpdate.Outcome outcome(LayerPosterior layer, int clipped, int firstBad, double[] moments,
                                              double[] newShift, double[] newPrecision) {
        int in = layer.inputs();
        if (firstBad < 0) {
            return new SiteUpdate.Outcome(clipped, -1, 0, null);
        }
        int w = firstBad;
        boolean shiftBad = !Double.isFinite(newShift[w]);
        boolean precisionBad = !Double.isFinite(newPrecision[w]);
        String quantity;
        double value;
        if (shiftBad) {
            quantity = "site shift";
            value = newShift[w];
        } else if (precisionBad) {
            quantity = "site precision";
            value = newPrecision[w];
        } else {
            quantity = "posterior moment";
            value = Double.isFinite(moments[w]) ? moments[layer.weightCount() + w] : moments[w];
        }
        return new SiteUpdate.Outcome(clipped, w, value, quantity + " of weight " + SiteUpdate.describe(w, in));
    }

    /** {@code sum_b alpha_b p_bj}, {@code sum_b beta_b p_bj} and {@code sum_b alpha_b^2 p_bj} for neuron {@code i}. */
    private static void rowSums(double[] coefficients, double[] inputs, int rows, int in, int i,
                                double[] sumG, double[] sumD, double[] sumG2) {
        int bound = SPECIES.loopBound(in);
        int lanes = SPECIES.length();
        int base = i * rows * 3;
        for (int j = 0; j < bound; j += lanes) {
            DoubleVector g = DoubleVector.zero(SPECIES);
            DoubleVector d = g;
            DoubleVector g2 = g;
            for (int b = 0; b < rows; b++) {
                DoubleVector p = DoubleVector.fromArray(SPECIES, inputs, b * in + j);
                int at = base + 3 * b;
                g = p.fma(DoubleVector.broadcast(SPECIES, coefficients[at]), g);
                d = p.fma(DoubleVector.broadcast(SPECIES, coefficients[at + 1]), d);
                g2 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[at + 2]), g2);
            }
            g.intoArray(sumG, j);
            d.intoArray(sumD, j);
            g2.intoArray(sumG2, j);
        }
        tailSums(coefficients, inputs, rows, in, i, bound, sumG, sumD, sumG2);
    }

    /**
     * The sums of {@link #rowSums} for the {@value #BLOCK} neurons from {@code first} at once:
     * each input vector is loaded once for twelve multiply-adds, which keeps the loop from waiting on memory.
     */
    private static void blockSums(double[] coefficients, double[] inputs, int rows, int in, int first, double[][] sums) {
        int bound = SPECIES.loopBound(in);
        int lanes = SPECIES.length();
        int base0 = first * rows * 3;
        int base1 = base0 + rows * 3;
        int base2 = base1 + rows * 3;
        int base3 = base2 + rows * 3;
        for (int j = 0; j < bound; j += lanes) {
            DoubleVector g0 = DoubleVector.zero(SPECIES);
            DoubleVector d0 = g0;
            DoubleVector q0 = g0;
            DoubleVector g1 = g0;
            DoubleVector d1 = g0;
            DoubleVector q1 = g0;
            DoubleVector g2 = g0;
            DoubleVector d2 = g0;
            DoubleVector q2 = g0;
            DoubleVector g3 = g0;
            DoubleVector d3 = g0;
            DoubleVector q3 = g0;
            for (int b = 0; b < rows; b++) {
                DoubleVector p = DoubleVector.fromArray(SPECIES, inputs, b * in + j);
                int offset = 3 * b;
                g0 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[base0 + offset]), g0);
                d0 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[base0 + offset + 1]), d0);
                q0 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[base0 + offset + 2]), q0);
                g1 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[base1 + offset]), g1);
                d1 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[base1 + offset + 1]), d1);
                q1 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[base1 + offset + 2]), q1);
                g2 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[base2 + offset]), g2);
                d2 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[base2 + offset + 1]), d2);
                q2 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[base2 + offset + 2]), q2);
                g3 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[base3 + offset]), g3);
                d3 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[base3 + offset + 1]), d3);
                q3 = p.fma(DoubleVector.broadcast(SPECIES, coefficients[base3 + offset + 2]), q3);
            }
            g0.intoArray(sums[0], j);
            d0.intoArray(sums[1], j);
            q0.intoArray(sums[2], j);
            g1.intoArray(sums[3], j);
            d1.intoArray(sums[4], j);
            q1.intoArray(sums[5], j);
            g2.intoArray(sums[6], j);
            d2.intoArray(sums[7], j);
            q2.intoArray(sums[8], j);
            g3.intoArray(sums[9], j);
            d3.intoArray(sums[10], j);
            q3.intoArray(sums[11], j);
        }
        for (int n = 0; n < BLOCK; n++) {
            tailSums(coefficients, inputs, rows, in, first + n, bound, sums[3 * n], sums[3 * n + 1], sums[3 * n + 2]);
        }
    }

    /** The scalar remainder of the sums, for the inputs from {@code from} that do not fill a vector. */
    private static void tailSums(double[] coefficients, double[] inputs, int rows, int in, int i, int from,
                                 double[] sumG, double[] sumD, double[] sumG2) {
        int base = i * rows * 3;
        for (int j = from; j < in; j++) {
            double g = 0;
            double d = 0;
            double g2 = 0;
            for (int b = 0; b < rows; b++) {
                double p = inputs[b * in + j];
                int at = base + 3 * b;
                g += coefficients[at] * p;
                d += coefficients[at + 1] * p;
                g2 += coefficients[at + 2] * p;
            }
            sumG[j] = g;
            sumD[j] = d;
            sumG2[j] = g2;
        }
    }

    private static double agreement(double[] moments, int weights, int row, int in, double[] sumG, double[] sumG2) {
        double numerator = 0;
        double denominator = 0;
        for (int j = 0; j < in; j++) {
            double variance = moments[weights + row + j];
            numerator += variance * sumG2[j];
            denominator += variance * sumG[j] * sumG[j];
        }
        return denominator > 0 ? Math.min(1.0, numerator / denominator) : 1.0;
    }

    /**
     * Site update and next moments of one row of Gaussian weights.
     *
     * @return the clipped count in the high 32 bits and the first non-finite weight (or -1) in the low 32 bits
     */
    private static long updateGaussianRow(LayerPosterior layer, int i, int rows, double rate, double[] sumG, double[] sumD,
                                          double[] sumG2, double[] moments, double[] meanSquared, double[] newShift,
                                          double[] newPrecision, double nextCount) {
        int in = layer.inputs();
        int weights = layer.weightCount();
        int row = i * in;
        double[] shift = layer.siteShiftArray();
        double[] precision = layer.sitePrecisionArray();
        double[] priorShift = layer.priorShiftArray();
        double priorPrecision = layer.priorPrecision();
        double floor = LayerPosterior.PRECISION_FLOOR_FRACTION * priorPrecision;
        double scale = layer.spec().temper() * nextCount;
        double inverseRows = 1.0 / rows;
        int clipped = 0;
        boolean finite = true;

        int bound = SPECIES.loopBound(in);
        int lanes = SPECIES.length();
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector rateVector = DoubleVector.broadcast(SPECIES, rate);
        DoubleVector scaleVector = DoubleVector.broadcast(SPECIES, scale);
        DoubleVector priorPrecisionVector = DoubleVector.broadcast(SPECIES, priorPrecision);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        for (int j = 0; j < bound; j += lanes) {
            int w = row + j;
            DoubleVector kappa = DoubleVector.fromArray(SPECIES, sumG2, j)
                    .sub(DoubleVector.fromArray(SPECIES, sumD, j).mul(2.0));
            VectorMask<Double> negative = kappa.compare(VectorOperators.LT, zero);
            clipped += negative.trueCount();
            kappa = kappa.blend(zero, negative);
            DoubleVector mean = DoubleVector.fromArray(SPECIES, moments, w);
            DoubleVector siteShiftMean = mean.fma(kappa, DoubleVector.fromArray(SPECIES, sumG, j)).mul(inverseRows);
            DoubleVector oldShift = DoubleVector.fromArray(SPECIES, shift, w);
            DoubleVector oldPrecision = DoubleVector.fromArray(SPECIES, precision, w);
            DoubleVector updatedShift = siteShiftMean.sub(oldShift).fma(rateVector, oldShift);
            DoubleVector updatedPrecision = kappa.mul(inverseRows).sub(oldPrecision).fma(rateVector, oldPrecision);
            updatedShift.intoArray(newShift, w);
            updatedPrecision.intoArray(newPrecision, w);

            DoubleVector totalPrecision = updatedPrecision.fma(scaleVector, priorPrecisionVector).max(floor);
            DoubleVector variance = one.div(totalPrecision);
            DoubleVector newMean = updatedShift.fma(scaleVector, DoubleVector.fromArray(SPECIES, priorShift, w)).mul(variance);
            newMean.intoArray(moments, w);
            if (meanSquared != null) {
                newMean.mul(newMean).intoArray(meanSquared, w);
            }
            variance.intoArray(moments, weights + w);
            // x - x is 0 for finite x and NaN for NaN or infinity, so one sum catches every bad lane.
            DoubleVector check = updatedShift.sub(updatedShift).add(updatedPrecision.sub(updatedPrecision)).add(newMean.sub(newMean));
            finite &= check.reduceLanes(VectorOperators.ADD) == 0.0;
        }
        for (int j = bound; j < in; j++) {
            int w = row + j;
            double kappa = sumG2[j] - 2.0 * sumD[j];
            if (kappa < 0) {
                kappa = 0;
                clipped++;
            }
            double updatedShift = shift[w] + rate * ((sumG[j] + moments[w] * kappa) * inverseRows - shift[w]);
            double updatedPrecision = precision[w] + rate * (kappa * inverseRows - precision[w]);
            newShift[w] = updatedShift;
            newPrecision[w] = updatedPrecision;
            double variance = 1.0 / Math.max(Math.fma(updatedPrecision, scale, priorPrecision), floor);
            double mean = Math.fma(updatedShift, scale, priorShift[w]) * variance;
            moments[w] = mean;
            moments[weights + w] = variance;
            if (meanSquared != null) {
                meanSquared[w] = mean * mean;
            }
            finite &= Double.isFinite(updatedShift) && Double.isFinite(updatedPrecision) && Double.isFinite(mean);
        }

        int bad = -1;
        if (!finite) {
            for (int j = 0; j < in && bad < 0; j++) {
                int w = row + j;
                if (!(Double.isFinite(newShift[w]) && Double.isFinite(newPrecision[w]) && Double.isFinite(moments[w])
                        && Double.isFinite(moments[weights + w]))) {
                    bad = w;
                }
            }
        }
        return ((long) clipped << 32) | (bad & 0xFFFFFFFFL);
    }

    /** Site update of one row of discrete weights (no clipping); returns the first non-finite weight or -1. */
    private static int updateRowScalar(LayerPosterior layer, int i, int rows, double rate, double[] sumG, double[] sumD,
                                       double[] sumG2, double[] moments, double[] newShift, double[] newPrecision) {
        int in = layer.inputs();
        int row = i * in;
        double[] shift = layer.siteShiftArray();
        double[] precision = layer.sitePrecisionArray();
        double inverseRows = 1.0 / rows;
        int bad = -1;
        for (int j = 0; j < in; j++) {
            int w = row + j;
            double kappa = sumG2[j] - 2.0 * sumD[j];
            double updatedShift = shift[w] + rate * ((sumG[j] + moments[w] * kappa) * inverseRows - shift[w]);
            double updatedPrecision = precision[w] + rate * (kappa * inverseRows - precision[w]);
            newShift[w] = updatedShift;
            newPrecision[w] = updatedPrecision;
            if (bad < 0 && !(Double.isFinite(updatedShift) && Double.isFinite(updatedPrecision))) {
                bad = w;
            }
        }
        return bad;
    }
}
