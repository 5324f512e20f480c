package org.epsnn.model.ep;

import java.util.Arrays;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.linalg.MatrixProducts;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.network.NetworkSpec;

/**
 * Prediction with the posterior: one forward pass of means and variances with the posterior
 * (not a cavity), and the deterministic network that neuromorphic hardware would run (posterior
 * means or most probable levels as weights, Heaviside neurons, inputs as spikes).
 */
final class Predictor {

    private final EpNetwork network;
    private final MatrixProducts products;
    private final ParallelRunner runner;
    private final int chunk;
    private final double[][] moments;
    private final double[][] meanSquared;
    private final double[][] deterministicWeights;

    /** Workspaces kept between calls, by row capacity, so that repeated evaluations allocate nothing large. */
    private final java.util.Map<Integer, BatchPropagation> workspaces = new java.util.HashMap<>();
    /** The samples seen when the moments were last computed; -1 before the first time. */
    private long refreshedAt = -1;

    Predictor(EpNetwork network, MatrixProducts products, ParallelRunner runner, int chunk) {
        this.network = network;
        this.products = products;
        this.runner = runner;
        this.chunk = chunk;
        int depth = network.depth();
        moments = new double[depth][];
        meanSquared = new double[depth][];
        deterministicWeights = new double[depth][];
        for (int l = 0; l < depth; l++) {
            LayerPosterior layer = network.layer(l);
            moments[l] = new double[2 * layer.weightCount()];
            meanSquared[l] = network.needsMeanSquared(l) ? new double[layer.weightCount()] : null;
        }
        refresh();
    }

    /** Recomputes the posterior moments and deterministic weights when training moved on since the last time. */
    void refresh() {
        if (refreshedAt == network.samplesSeen()) {
            return;
        }
        for (int l = 0; l < network.depth(); l++) {
            LayerPosterior layer = network.layer(l);
            layer.computeMoments(layer.siteShiftArray(), layer.sitePrecisionArray(), layer.count(), moments[l], meanSquared[l], runner);
            deterministicWeights[l] = layer.isDiscrete() ? layer.deterministicWeights(runner)
                    : deterministicMeans(moments[l], layer.weightCount(), deterministicWeights[l]);
        }
        refreshedAt = network.samplesSeen();
    }

    private static double[] deterministicMeans(double[] layerMoments, int weights, double[] reuse) {
        double[] result = reuse != null && reuse.length == weights ? reuse : new double[weights];
        System.arraycopy(layerMoments, 0, result, 0, weights);
        return result;
    }

    /** The posterior moments of layer {@code l} as last refreshed: means, then variances; not to be modified. */
    double[] moments(int l) {
        return moments[l];
    }

    private BatchPropagation workspace(int capacity) {
        return workspaces.computeIfAbsent(capacity, rows -> new BatchPropagation(network, products, runner, rows));
    }

    Prediction predict(Dataset data, int[] rows) {
        NetworkSpec spec = network.spec();
        int outputs = spec.outputSize();
        boolean classification = spec.task() == NetworkSpec.Task.CLASSIFICATION;
        int count = rows.length;
        double[] scores = classification ? new double[count * outputs] : new double[0];
        double[] probabilities = classification ? new double[count * outputs] : new double[0];
        double[] means = classification ? new double[0] : new double[count * outputs];
        double[] variances = classification ? new double[0] : new double[count * outputs];
        int[] deterministicClass = classification ? new int[count] : new int[0];
        double[] deterministicValues = classification ? new double[0] : new double[count * outputs];

        BatchPropagation workspace = workspace(Math.max(1, Math.min(chunk, count)));
        double[] potentials = new double[Math.max(1, Math.min(chunk, count)) * outputs];
        for (int from = 0; from < count; from += chunk) {
            int size = Math.min(chunk, count - from);
            workspace.loadInputs(data, rows, from, size);
            workspace.forward(size, moments, meanSquared);
            if (classification) {
                System.arraycopy(workspace.output, 0, scores, from * outputs, size * outputs);
                normalise(workspace.output, probabilities, from, size, outputs);
            } else {
                for (int x = 0; x < size * outputs; x++) {
                    int t = x % outputs;
                    double scale = network.targetScaleAt(t);
                    means[from * outputs + x] = network.targetMeanAt(t) + scale * workspace.output[x];
                    variances[from * outputs + x] = scale * scale * workspace.outputVariance[x];
                }
            }

            deterministicForward(data, rows, from, size, potentials);
            for (int b = 0; b < size; b++) {
                if (classification) {
                    deterministicClass[from + b] = org.epsnn.model.training.ClassificationMetrics.argmax(potentials, b * outputs, outputs);
                } else {
                    for (int t = 0; t < outputs; t++) {
                        deterministicValues[(from + b) * outputs + t] = network.targetMeanAt(t)
                                + network.targetScaleAt(t) * potentials[b * outputs + t];
                    }
                }
            }
        }
        return new Prediction(outputs, scores, probabilities, means, variances, deterministicClass, deterministicValues);
    }

    private static void normalise(double[] source, double[] target, int from, int size, int outputs) {
        for (int b = 0; b < size; b++) {
            double total = 0;
            for (int k = 0; k < outputs; k++) {
                total += source[b * outputs + k];
            }
            for (int k = 0; k < outputs; k++) {
                target[(from + b) * outputs + k] = total > 0 ? source[b * outputs + k] / total : 1.0 / outputs;
            }
        }
    }

    /** Runs the deterministic network on {@code size} rows and writes the output potentials. */
    private void deterministicForward(Dataset data, int[] rows, int from, int size, double[] potentials) {
        NetworkSpec spec = network.spec();
        InputEncoding encoding = network.encoding();
        int columns = data.columns();
        double[] current = new double[size * network.layer(0).inputs()];
        for (int b = 0; b < size; b++) {
            int source = rows[from + b] * columns;
            int target = b * network.layer(0).inputs();
            for (int j = 0; j < columns; j++) {
                current[target + j] = encoding.spike(data.features()[source + j]);
            }
            if (spec.layer(0).bias()) {
                current[target + columns] = 1.0;
            }
        }
        for (int l = 0; l < network.depth(); l++) {
            LayerPosterior layer = network.layer(l);
            int in = layer.inputs();
            int out = layer.outputs();
            boolean last = l == network.depth() - 1;
            double[] potential = last ? potentials : new double[size * out];
            products.gemm(false, true, size, out, in, 1.0, current, 0, in, deterministicWeights[l], 0, in, 0.0, potential, 0, out);
            if (last) {
                break;
            }
            int nextIn = network.layer(l + 1).inputs();
            boolean nextBias = spec.layer(l + 1).bias();
            double[] next = new double[size * nextIn];
            for (int b = 0; b < size; b++) {
                for (int i = 0; i < out; i++) {
                    next[b * nextIn + i] = potential[b * out + i] >= 0 ? 1.0 : 0.0;
                }
                if (nextBias) {
                    next[b * nextIn + out] = 1.0;
                }
            }
            current = next;
        }
    }

    /** Spike probabilities of every layer for the given rows. */
    record Trace(double[][][] spikeProbabilities, double[][] outputs) {
    }

    Trace trace(Dataset data, int[] rows) {
        int count = rows.length;
        int depth = network.depth();
        BatchPropagation workspace = workspace(Math.max(1, count));
        workspace.loadInputs(data, rows, 0, count);
        double[][] encoded = new double[count][];
        int inputSize = network.spec().inputSize();
        int firstIn = network.layer(0).inputs();
        for (int b = 0; b < count; b++) {
            encoded[b] = Arrays.copyOfRange(workspace.input[0], b * firstIn, b * firstIn + inputSize);
        }
        workspace.forward(count, moments, meanSquared);
        double[][][] spikes = new double[count][depth + 1][];
        double[][] outputs = new double[count][];
        int classes = network.spec().outputSize();
        boolean classification = network.spec().task() == NetworkSpec.Task.CLASSIFICATION;
        for (int b = 0; b < count; b++) {
            spikes[b][0] = encoded[b];
            for (int l = 0; l < depth; l++) {
                int out = network.layer(l).outputs();
                if (l < depth - 1) {
                    int in = network.layer(l + 1).inputs();
                    spikes[b][l + 1] = Arrays.copyOfRange(workspace.input[l + 1], b * in, b * in + out);
                } else {
                    spikes[b][l + 1] = Arrays.copyOfRange(workspace.output, b * out, b * out + out);
                }
            }
            double[] normalised = new double[classes];
            if (classification) {
                normalise(spikes[b][depth], normalised, 0, 1, classes);
            } else {
                for (int t = 0; t < classes; t++) {
                    normalised[t] = network.targetMeanAt(t) + network.targetScaleAt(t) * spikes[b][depth][t];
                }
            }
            outputs[b] = normalised;
        }
        return new Trace(spikes, outputs);
    }

    /** Predictions on probe points, {@code points x inputSize} raw features. */
    double[] probe(double[] points) {
        int inputSize = network.spec().inputSize();
        int count = points.length / inputSize;
        Dataset probe;
        if (network.spec().task() == NetworkSpec.Task.CLASSIFICATION) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (int k = 0; k < network.spec().outputSize(); k++) {
                names.add(Integer.toString(k));
            }
            probe = Dataset.classification("probe", count, inputSize, points, new int[count], names).build();
        } else {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (int t = 0; t < network.spec().outputSize(); t++) {
                names.add("target " + t);
            }
            probe = Dataset.regression("probe", count, inputSize, points, new double[count * names.size()], names).build();
        }
        int[] rows = new int[count];
        Arrays.setAll(rows, i -> i);
        Prediction prediction = predict(probe, rows);
        if (network.spec().task() == NetworkSpec.Task.CLASSIFICATION) {
            return prediction.probabilities();
        }
        int outputs = prediction.outputs();
        double[] result = new double[count * 2];
        for (int i = 0; i < count; i++) {
            result[2 * i] = prediction.means()[i * outputs];
            result[2 * i + 1] = prediction.variances()[i * outputs];
        }
        return result;
    }
}
