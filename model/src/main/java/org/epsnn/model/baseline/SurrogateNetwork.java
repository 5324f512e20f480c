package org.epsnn.model.baseline;

import java.util.Random;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.linalg.MatrixProducts;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.WeightPrior;

/**
 * The weights of a Heaviside network trained by surrogate gradient, and the buffers of its forward
 * and backward passes on batches of at most {@code capacity} samples.
 *
 * <p>Layer {@code l} stores its weights row-major as {@code D_l x F_l}, where {@code F_l} is the
 * layer's fan-in and the last column, when the layer has a bias, is the bias weight. The potentials
 * of a batch are {@code u = c A W^T} ({@code B x D_l}) with {@code A} the layer's inputs plus a
 * column of ones. The scale {@code c} is 1 for Gaussian weights and {@code 1 / sqrt(F_l)} for
 * binary weights, so that the surrogate and the softmax see potentials of order one. A positive
 * scale changes neither a Heaviside spike nor the predicted class.
 *
 * <p>Binary layers keep latent real weights in [-1, 1]; the forward pass uses their signs
 * ({@code +1} for a latent weight of exactly 0), and the gradient with respect to the signs is
 * applied to the latent weights unchanged (the straight-through estimator).
 */
final class SurrogateNetwork {

    private final NetworkSpec spec;
    private final InputEncoding encoding;
    private final MatrixProducts products;
    private final double slope;
    private final int capacity;
    private final int depth;
    private final int[] fanIns;
    private final int[] outputs;
    private final boolean[] binary;
    private final double[] potentialScales;

    /** Per layer: the latent weights that Adam updates; the same arrays as {@link #weights} for Gaussian layers. */
    final double[][] latentWeights;
    /** Per layer: the weights of the forward pass, {@code D_l x F_l}. */
    final double[][] weights;
    /** Per layer: the gradient of the batch loss with respect to {@link #weights}, {@code D_l x F_l}. */
    final double[][] gradients;

    /** Per layer: its inputs with the bias column, {@code B x F_l}. */
    private final double[][] activations;
    /** Per layer: membrane potentials {@code B x D_l}. */
    private final double[][] potentials;
    /** Softmax of the output potentials, {@code B x classes}. */
    final double[] probabilities;
    private final double[] delta;
    private final double[] nextDelta;
    private final double[] backInput;

    /** Whether hidden layers emit {@code s(k u)} instead of a Heaviside spike; for gradient checks only. */
    private boolean smoothForward;

    SurrogateNetwork(NetworkSpec spec, InputEncoding encoding, MatrixProducts products, double slope, int capacity,
                     long seed) {
        this.spec = spec;
        this.encoding = encoding;
        this.products = products;
        this.slope = slope;
        this.capacity = capacity;
        this.depth = spec.depth();
        fanIns = new int[depth];
        outputs = new int[depth];
        binary = new boolean[depth];
        potentialScales = new double[depth];
        latentWeights = new double[depth][];
        weights = new double[depth][];
        gradients = new double[depth][];
        activations = new double[depth][];
        potentials = new double[depth][];

        int widest = 0;
        int widestFanIn = 0;
        for (int l = 0; l < depth; l++) {
            fanIns[l] = spec.layer(l).fanIn(spec.inputSizeOf(l));
            outputs[l] = spec.layer(l).size();
            binary[l] = spec.layer(l).prior().kind() == WeightPrior.Kind.BINARY;
            potentialScales[l] = binary[l] ? 1 / Math.sqrt(fanIns[l]) : 1.0;
            int count = fanIns[l] * outputs[l];
            latentWeights[l] = new double[count];
            weights[l] = binary[l] ? new double[count] : latentWeights[l];
            gradients[l] = new double[count];
            activations[l] = new double[capacity * fanIns[l]];
            potentials[l] = new double[capacity * outputs[l]];
            widest = Math.max(widest, outputs[l]);
            widestFanIn = Math.max(widestFanIn, fanIns[l]);
        }
        probabilities = new double[capacity * spec.outputSize()];
        delta = new double[capacity * widest];
        nextDelta = new double[capacity * widest];
        backInput = new double[capacity * widestFanIn];
        initialise(seed);
    }

    /** Draws every latent weight from {@code Normal(0, 1 / F_l)}, layer by layer, from one seeded generator. */
    private void initialise(long seed) {
        Random random = new Random(seed);
        for (int l = 0; l < depth; l++) {
            double standardDeviation = 1 / Math.sqrt(fanIns[l]);
            double[] latent = latentWeights[l];
            for (int w = 0; w < latent.length; w++) {
                latent[w] = standardDeviation * random.nextGaussian();
            }
        }
        refreshForwardWeights();
    }

    /** Clips binary layers' latent weights to [-1, 1] and sets their forward weights to the signs. */
    void refreshForwardWeights() {
        for (int l = 0; l < depth; l++) {
            if (!binary[l]) {
                continue;
            }
            double[] latent = latentWeights[l];
            double[] forward = weights[l];
            for (int w = 0; w < latent.length; w++) {
                latent[w] = Math.max(-1.0, Math.min(1.0, latent[w]));
                forward[w] = latent[w] >= 0 ? 1.0 : -1.0;
            }
        }
    }

    int depth() {
        return depth;
    }

    int capacity() {
        return capacity;
    }

    int classes() {
        return spec.outputSize();
    }

    void setSmoothForward(boolean smooth) {
        this.smoothForward = smooth;
    }

    /**
     * Encodes rows {@code order[from .. from + size)} of {@code data} as the first layer's inputs,
     * as the EP network's deterministic network does, and appends the bias column.
     */
    void loadInputs(Dataset data, int[] order, int from, int size) {
        checkSize(size);
        int columns = data.columns();
        int fanIn = fanIns[0];
        double[] features = data.features();
        double[] input = activations[0];
        for (int b = 0; b < size; b++) {
            int source = order[from + b] * columns;
            int target = b * fanIn;
            for (int i = 0; i < columns; i++) {
                input[target + i] = encoding.spike(features[source + i]);
            }
            if (fanIn > columns) {
                input[target + columns] = 1.0;
            }
        }
    }

    /** Propagates the loaded batch and fills {@link #probabilities} with the softmax of the output potentials. */
    void forward(int size) {
        checkSize(size);
        for (int l = 0; l < depth; l++) {
            int fanIn = fanIns[l];
            int out = outputs[l];
            double[] potential = potentials[l];
            products.gemm(false, true, size, out, fanIn, potentialScales[l], activations[l], 0, fanIn,
                    weights[l], 0, fanIn, 0.0, potential, 0, out);
            if (l < depth - 1) {
                spike(potential, size, out, activations[l + 1], fanIns[l + 1]);
            }
        }
        softmax(potentials[depth - 1], size, outputs[depth - 1]);
    }

    private void spike(double[] potential, int size, int out, double[] next, int nextFanIn) {
        for (int b = 0; b < size; b++) {
            int from = b * out;
            int to = b * nextFanIn;
            for (int j = 0; j < out; j++) {
                double u = potential[from + j];
                next[to + j] = smoothForward ? sigmoid(slope * u) : (u >= 0 ? 1.0 : 0.0);
            }
            if (nextFanIn > out) {
                next[to + out] = 1.0;
            }
        }
    }

    private void softmax(double[] potential, int size, int classes) {
        for (int b = 0; b < size; b++) {
            int row = b * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, potential[row + k]);
            }
            double total = 0;
            for (int k = 0; k < classes; k++) {
                double value = Math.exp(potential[row + k] - max);
                probabilities[row + k] = value;
                total += value;
            }
            for (int k = 0; k < classes; k++) {
                probabilities[row + k] /= total;
            }
        }
    }

    /** Returns the mean softmax cross-entropy of the forward pass's batch against {@code labels[order[from + b]]}. */
    double loss(int size, int[] labels, int[] order, int from) {
        int classes = classes();
        double total = 0;
        for (int b = 0; b < size; b++) {
            total -= Math.log(Math.max(probabilities[b * classes + labels[order[from + b]]], Double.MIN_NORMAL));
        }
        return total / size;
    }

    /**
     * Fills {@link #gradients} with the gradient of the mean cross-entropy of the forward pass's
     * batch. Hidden layers back-propagate through {@code d spike / d u = k s(k u) (1 - s(k u))}.
     */
    void backward(int size, int[] labels, int[] order, int from) {
        int classes = classes();
        // Softmax cross-entropy: d loss / d u = (p - onehot(label)) / B.
        for (int b = 0; b < size; b++) {
            int row = b * classes;
            for (int k = 0; k < classes; k++) {
                delta[row + k] = probabilities[row + k] / size;
            }
            delta[row + labels[order[from + b]]] -= 1.0 / size;
        }

        double[] current = delta;
        double[] spare = nextDelta;
        for (int l = depth - 1; l >= 0; l--) {
            int fanIn = fanIns[l];
            int out = outputs[l];
            double scale = potentialScales[l];
            // dW = c delta^T A, (D_l x B) (B x F_l).
            products.gemm(true, false, out, fanIn, size, scale, current, 0, out, activations[l], 0, fanIn,
                    0.0, gradients[l], 0, fanIn);
            if (l == 0) {
                break;
            }

            // d loss / d A = c delta W, (B x D_l) (D_l x F_l); the bias column has no unit behind it.
            products.gemm(false, false, size, fanIn, out, scale, current, 0, out, weights[l], 0, fanIn,
                    0.0, backInput, 0, fanIn);
            int previous = outputs[l - 1];
            double[] potential = potentials[l - 1];
            for (int b = 0; b < size; b++) {
                for (int j = 0; j < previous; j++) {
                    double s = sigmoid(slope * potential[b * previous + j]);
                    spare[b * previous + j] = backInput[b * fanIn + j] * slope * s * (1 - s);
                }
            }
            double[] swap = current;
            current = spare;
            spare = swap;
        }
    }

    /** Returns a copy of the forward weights of layer {@code l}. */
    double[] weightsOf(int l) {
        return weights[l].clone();
    }

    boolean isBinary(int l) {
        return binary[l];
    }

    private void checkSize(int size) {
        if (size < 1 || size > capacity) {
            throw new IllegalArgumentException("Batch of " + size + " samples does not fit the buffers of "
                    + capacity + " samples");
        }
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
