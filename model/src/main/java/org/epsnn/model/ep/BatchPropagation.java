package org.epsnn.model.ep;

import org.epsnn.model.data.Dataset;
import org.epsnn.model.linalg.MatrixProducts;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.NetworkSpec;

/**
 * Buffers and kernels for one batch: the forward propagation of means and variances, the backward
 * EP messages and the batch sums of the per-weight statistics, all as matrix products plus
 * element-wise work (the formulas of Probabilistic Backpropagation, Hernandez-Lobato and Adams,
 * ICML 2015, and Expectation Backpropagation, Soudry, Hubara and Meir, NIPS 2014, applied to
 * spiking neurons as in Yao, McLaughlin and Altmann, "Training of Spiking Neural Networks with
 * Expectation-Propagation", arXiv:2506.23757, 2025).
 *
 * <p>Shapes, per layer {@code l} with {@code D_out} neurons and {@code D_in} inputs (bias included,
 * in the last column), for a batch of {@code B} rows:
 * <ul>
 *   <li>{@code input[l]}: {@code B x D_in}, the input means {@code P}; {@code inputVariance[l]}
 *       the variances {@code R} (null for the first layer unless inputs are Bernoulli).</li>
 *   <li>{@code membrane[l]}: {@code B x 2 D_out}, the potential means {@code mu} then variances
 *       {@code V} (without the neuron noise {@code c}).</li>
 *   <li>{@code standardised[l]}: {@code B x D_out}, {@code z = mu / sqrt(V + c)}.</li>
 *   <li>{@code messages[l]}: {@code B x 5 D_out}, the columns {@code alpha | beta | alpha^2 |
 *       alpha beta | beta^2}, so that one product serves several batch sums.</li>
 *   <li>{@code statistics[l]}: {@code 6 D_out x D_in}, six blocks: {@code A^T P},
 *       {@code Bt^T Q} with {@code Q = P^2 + R}, {@code (A^2)^T P^2}, {@code Bt^T R},
 *       {@code (A Bt)^T (P R)}, {@code (Bt^2)^T R^2}.</li>
 * </ul>
 * An instance is not thread-safe; it uses a {@link ParallelRunner} inside each step.
 */
final class BatchPropagation {

    /** Added to {@code V + c} so that a neuron with only deterministic inputs and weights stays finite. */
    static final double VARIANCE_FLOOR = 1e-12;

    private final EpNetwork network;
    private final MatrixProducts products;
    private final ParallelRunner runner;
    private final int capacity;
    private final int depth;

    final double[][] input;
    final double[][] inputVariance;
    private final double[][] inputSquared;
    private final double[][] inputCross;
    private final double[][] varianceSquared;
    final double[][] membrane;
    final double[][] standardised;
    final double[][] messages;
    private final double[][] gradient;
    private final double[][] gradientCorrection;
    final double[][] statistics;
    /** {@code B x D_out} outputs of the last layer: spike probabilities, or predictive means for regression. */
    final double[] output;
    /** {@code B x D_out} predictive variances of a regression output, {@code V + sigma2}. */
    final double[] outputVariance;

    BatchPropagation(EpNetwork network, MatrixProducts products, ParallelRunner runner, int capacity) {
        this.network = network;
        this.products = products;
        this.runner = runner;
        this.capacity = capacity;
        this.depth = network.depth();
        input = new double[depth][];
        inputVariance = new double[depth][];
        inputSquared = new double[depth][];
        inputCross = new double[depth][];
        varianceSquared = new double[depth][];
        membrane = new double[depth][];
        standardised = new double[depth][];
        messages = new double[depth][];
        gradient = new double[depth][];
        gradientCorrection = new double[depth][];
        statistics = new double[depth][];
        // One spare row in every operand buffer: see the note on BlasProducts about netlib's bounds check.
        int rows = capacity + 1;
        for (int l = 0; l < depth; l++) {
            LayerPosterior layer = network.layer(l);
            int in = layer.inputs();
            int out = layer.outputs();
            input[l] = new double[rows * in];
            boolean hasVariance = network.inputHasVariance(l);
            if (hasVariance) {
                inputVariance[l] = new double[rows * in];
                inputCross[l] = new double[rows * in];
                varianceSquared[l] = new double[rows * in];
            }
            if (hasVariance || !(l == 0 && network.encoding().binary())) {
                inputSquared[l] = new double[rows * in];
            }
            membrane[l] = new double[rows * 2 * out];
            standardised[l] = new double[capacity * out];
            messages[l] = new double[rows * 5 * out];
            if (l > 0) {
                gradient[l] = new double[rows * in];
                gradientCorrection[l] = new double[rows * in];
            }
        }
        output = new double[capacity * network.spec().outputSize()];
        outputVariance = new double[capacity * network.spec().outputSize()];
    }

    int capacity() {
        return capacity;
    }

    /**
     * Encodes the features of the given dataset rows into the first layer's inputs.
     *
     * @param rows dataset row indices, at most {@link #capacity()}
     */
    void loadInputs(Dataset data, int[] rows, int from, int count) {
        int columns = data.columns();
        int in = network.layer(0).inputs();
        boolean bias = network.spec().layer(0).bias();
        double[] features = data.features();
        double[] p = input[0];
        double[] r = inputVariance[0];
        InputEncoding encoding = network.encoding();
        for (int b = 0; b < count; b++) {
            int source = rows[from + b] * columns;
            int target = b * in;
            switch (encoding.kind()) {
                case THRESHOLD -> {
                    double level = encoding.level();
                    for (int j = 0; j < columns; j++) {
                        p[target + j] = features[source + j] >= level ? 1.0 : 0.0;
                    }
                }
                case BERNOULLI -> {
                    for (int j = 0; j < columns; j++) {
                        double probability = Math.min(1.0, Math.max(0.0, features[source + j]));
                        p[target + j] = probability;
                        r[target + j] = probability * (1.0 - probability);
                    }
                }
                case REAL -> System.arraycopy(features, source, p, target, columns);
            }
            if (bias) {
                p[target + columns] = 1.0;
                if (r != null) {
                    r[target + columns] = 0.0;
                }
            }
        }
    }

    /**
     * Propagates means and variances through every layer for the first {@code rows} inputs.
     *
     * @param moments per layer, {@code 2 D_out x D_in}: weight means then variances
     * @param meanSquared per layer, {@code D_out x D_in} squared weight means; needed where the
     *     layer's inputs have a variance, may be null elsewhere
     */
    void forward(int rows, double[][] moments, double[][] meanSquared) {
        NetworkSpec spec = network.spec();
        for (int l = 0; l < depth; l++) {
            LayerPosterior layer = network.layer(l);
            int in = layer.inputs();
            int out = layer.outputs();
            double[] p = input[l];
            double[] r = inputVariance[l];
            double[] potential = membrane[l];

            // mu = P M^T and V = (P^2 + R) S^T + R (M^2)^T, with P^2 + R = P for spikes.
            boolean spikes = r != null || network.encoding().binary();
            if (spikes) {
                products.gemm(false, true, rows, 2 * out, in, 1.0, p, 0, in, moments[l], 0, in, 0.0, potential, 0, 2 * out);
            } else {
                double[] squared = inputSquared[l];
                square(p, squared, rows * in);
                products.gemm(false, true, rows, out, in, 1.0, p, 0, in, moments[l], 0, in, 0.0, potential, 0, 2 * out);
                products.gemm(false, true, rows, out, in, 1.0, squared, 0, in, moments[l], out * in, in, 0.0, potential, out, 2 * out);
            }
            if (r != null) {
                products.gemm(false, true, rows, out, in, 1.0, r, 0, in, meanSquared[l], 0, in, 1.0, potential, out, 2 * out);
            }

            LayerSpec layerSpec = spec.layer(l);
            boolean last = l == depth - 1;
            if (layerSpec.neuron().spiking()) {
                spike(l, rows, last);
            } else {
                linearOutput(l, rows);
            }
        }
    }

    /** Turns potentials into standardised values and spike probabilities, written into the next layer's inputs. */
    private void spike(int l, int rows, boolean last) {
        int out = network.layer(l).outputs();
        double noise = network.spec().layer(l).neuron().noiseVariance() + VARIANCE_FLOOR;
        double[] potential = membrane[l];
        double[] z = standardised[l];
        double[] nextP = last ? output : input[l + 1];
        double[] nextR = last ? null : inputVariance[l + 1];
        int nextIn = last ? out : network.layer(l + 1).inputs();
        boolean nextBias = !last && network.spec().layer(l + 1).bias();
        runner.forEachChunk(rows, (fromRow, toRow) -> {
            for (int b = fromRow; b < toRow; b++) {
                int source = b * 2 * out;
                int target = b * nextIn;
                for (int i = 0; i < out; i++) {
                    double value = potential[source + i] / Math.sqrt(potential[source + out + i] + noise);
                    z[b * out + i] = value;
                    double probability = SpecialFunctions.normalCdf(value);
                    nextP[target + i] = probability;
                    if (nextR != null) {
                        nextR[target + i] = probability * (1.0 - probability);
                    }
                }
                if (nextBias) {
                    nextP[target + out] = 1.0;
                    nextR[target + out] = 0.0;
                }
            }
        });
    }

    private void linearOutput(int l, int rows) {
        int out = network.layer(l).outputs();
        double noise = network.spec().noiseVariance();
        double[] potential = membrane[l];
        for (int b = 0; b < rows; b++) {
            for (int i = 0; i < out; i++) {
                output[b * out + i] = potential[b * 2 * out + i];
                outputVariance[b * out + i] = potential[b * 2 * out + out + i] + noise;
            }
        }
    }

    /**
     * Computes the output layer's messages from the targets and propagates them back to every
     * layer; {@link #forward} must have run on the same moments.
     *
     * @param labels class of each row (classification), or null
     * @param targets standardised targets, {@code rows x D_out} (regression), or null
     * @return {@code sum over rows of log Z}, the log evidence of the batch under the cavity
     */
    double backward(int rows, double[][] moments, double[][] meanSquared, int[] labels, double[] targets) {
        double logEvidence = network.spec().task() == NetworkSpec.Task.CLASSIFICATION
                ? classificationMessages(rows, labels)
                : regressionMessages(rows, targets);

        for (int l = depth - 1; l >= 1; l--) {
            LayerPosterior layer = network.layer(l);
            int in = layer.inputs();
            int out = layer.outputs();
            double[] g = gradient[l];
            double[] correction = gradientCorrection[l];

            // G = A M + Bt S + (Bt M^2) (1 - 2P): d log Z / d p_j for every input j.
            products.gemm(false, false, rows, in, 2 * out, 1.0, messages[l], 0, 5 * out, moments[l], 0, in, 0.0, g, 0, in);
            products.gemm(false, false, rows, in, out, 1.0, messages[l], out, 5 * out, meanSquared[l], 0, in, 0.0, correction, 0, in);

            hiddenMessages(l - 1, rows, g, correction, in);
        }
        return logEvidence;
    }

    /** Through {@code p_j = Phi(z_j)}: {@code alpha_j = G_j phi(z_j) / sqrt(V_j + c)}, {@code beta_j = -G_j phi(z_j) z_j / (2 (V_j + c))}. */
    private void hiddenMessages(int l, int rows, double[] g, double[] correction, int nextIn) {
        int out = network.layer(l).outputs();
        double noise = network.spec().layer(l).neuron().noiseVariance() + VARIANCE_FLOOR;
        double[] potential = membrane[l];
        double[] z = standardised[l];
        double[] p = input[l + 1];
        double[] message = messages[l];
        runner.forEachChunk(rows, (fromRow, toRow) -> {
            for (int b = fromRow; b < toRow; b++) {
                for (int j = 0; j < out; j++) {
                    int at = b * nextIn + j;
                    double derivative = g[at] + correction[at] * (1.0 - 2.0 * p[at]);
                    double variance = potential[b * 2 * out + out + j] + noise;
                    double value = z[b * out + j];
                    double density = SpecialFunctions.normalPdf(value);
                    message[b * 5 * out + j] = derivative * density / Math.sqrt(variance);
                    message[b * 5 * out + out + j] = -derivative * density * value / (2.0 * variance);
                }
            }
        });
    }

    /** {@code log Z_k = log Phi(t_k z_k)}, {@code alpha_k = t_k R(t_k z_k) / sqrt(V_k + c)}, {@code beta_k = -t_k z_k R(t_k z_k) / (2 (V_k + c))}. */
    private double classificationMessages(int rows, int[] labels) {
        int l = depth - 1;
        int out = network.layer(l).outputs();
        double noise = network.spec().layer(l).neuron().noiseVariance() + VARIANCE_FLOOR;
        double[] potential = membrane[l];
        double[] z = standardised[l];
        double[] message = messages[l];
        double logEvidence = 0;
        for (int b = 0; b < rows; b++) {
            for (int k = 0; k < out; k++) {
                double sign = labels[b] == k ? 1.0 : -1.0;
                double variance = potential[b * 2 * out + out + k] + noise;
                double value = z[b * out + k];
                double ratio = SpecialFunctions.inverseMillsRatio(sign * value);
                logEvidence += SpecialFunctions.logNormalCdf(sign * value);
                message[b * 5 * out + k] = sign * ratio / Math.sqrt(variance);
                message[b * 5 * out + out + k] = -sign * value * ratio / (2.0 * variance);
            }
        }
        return logEvidence;
    }

    /** {@code log Z = log N(y; mu, V + s2)}, {@code alpha = (y - mu) / (V + s2)}, {@code beta = (alpha^2 - 1 / (V + s2)) / 2}. */
    private double regressionMessages(int rows, double[] targets) {
        int l = depth - 1;
        int out = network.layer(l).outputs();
        double[] message = messages[l];
        double logEvidence = 0;
        for (int b = 0; b < rows; b++) {
            for (int k = 0; k < out; k++) {
                double variance = outputVariance[b * out + k];
                double residual = targets[b * out + k] - output[b * out + k];
                double alpha = residual / variance;
                logEvidence += -0.5 * Math.log(2 * Math.PI * variance) - 0.5 * residual * residual / variance;
                message[b * 5 * out + k] = alpha;
                message[b * 5 * out + out + k] = 0.5 * (alpha * alpha - 1.0 / variance);
            }
        }
        return logEvidence;
    }

    /**
     * Computes the six batch-sum blocks of layer {@code l} (see the class comment) from its
     * messages and inputs; {@link #backward} must have run.
     */
    void batchStatistics(int l, int rows) {
        LayerPosterior layer = network.layer(l);
        int in = layer.inputs();
        int out = layer.outputs();
        double[] message = messages[l];
        double[] p = input[l];
        double[] r = inputVariance[l];
        if (statistics[l] == null) {
            statistics[l] = new double[6 * out * in];
        }
        double[] sums = statistics[l];

        runner.forEachChunk(rows, (fromRow, toRow) -> {
            for (int b = fromRow; b < toRow; b++) {
                int row = b * 5 * out;
                for (int i = 0; i < out; i++) {
                    double alpha = message[row + i];
                    double beta = message[row + out + i];
                    message[row + 2 * out + i] = alpha * alpha;
                    message[row + 3 * out + i] = alpha * beta;
                    message[row + 4 * out + i] = beta * beta;
                }
            }
        });

        if (r == null && network.encoding().binary()) {
            // Binary observed inputs: P^2 = P = Q, so [A | Bt | A^2]^T P gives blocks 0 to 2 at once.
            products.gemm(true, false, 3 * out, in, rows, 1.0, message, 0, 5 * out, p, 0, in, 0.0, sums, 0, in);
            return;
        }
        double[] squared = inputSquared[l];
        square(p, squared, rows * in);
        if (r == null) {
            // Real observed inputs: Q = P^2.
            products.gemm(true, false, out, in, rows, 1.0, message, 0, 5 * out, p, 0, in, 0.0, sums, 0, in);
            products.gemm(true, false, 2 * out, in, rows, 1.0, message, out, 5 * out, squared, 0, in, 0.0, sums, out * in, in);
            return;
        }
        // Bernoulli inputs: Q = P^2 + R = P.
        double[] cross = inputCross[l];
        double[] rSquared = varianceSquared[l];
        int count = rows * in;
        for (int x = 0; x < count; x++) {
            cross[x] = p[x] * r[x];
            rSquared[x] = r[x] * r[x];
        }
        products.gemm(true, false, 2 * out, in, rows, 1.0, message, 0, 5 * out, p, 0, in, 0.0, sums, 0, in);
        products.gemm(true, false, out, in, rows, 1.0, message, 2 * out, 5 * out, squared, 0, in, 0.0, sums, 2 * out * in, in);
        products.gemm(true, false, out, in, rows, 1.0, message, out, 5 * out, r, 0, in, 0.0, sums, 3 * out * in, in);
        products.gemm(true, false, out, in, rows, 1.0, message, 3 * out, 5 * out, cross, 0, in, 0.0, sums, 4 * out * in, in);
        products.gemm(true, false, out, in, rows, 1.0, message, 4 * out, 5 * out, rSquared, 0, in, 0.0, sums, 5 * out * in, in);
    }

    /** Whether the statistics of layer {@code l} include the blocks 3 to 5 that need input variances. */
    boolean statisticsHaveVarianceBlocks(int l) {
        return inputVariance[l] != null;
    }

    private static void square(double[] source, double[] target, int count) {
        for (int x = 0; x < count; x++) {
            target[x] = source[x] * source[x];
        }
    }
}
