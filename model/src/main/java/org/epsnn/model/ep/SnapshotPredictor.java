package org.epsnn.model.ep;

import java.util.Arrays;
import java.util.List;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.linalg.BlasProducts;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.training.TrainingSnapshot;

/**
 * The Bayesian prediction of a classification network from the posterior moments in a
 * {@link TrainingSnapshot}, so that a thread other than the training thread can predict while
 * training goes on: the snapshot's arrays are copies that training never writes.
 *
 * <p>An instance is bound to one network description and input encoding, keeps its buffers
 * between calls and is not thread-safe: use it from one thread at a time. It runs on the calling
 * thread only.
 */
public final class SnapshotPredictor implements AutoCloseable {

    /** Rows propagated together; bounds the buffers at {@code ROWS_PER_CHUNK x} the widest layer. */
    private static final int ROWS_PER_CHUNK = 500;

    /**
     * The class probabilities and spike probabilities of some inputs.
     *
     * @param classProbabilities {@code [sample][class]}, the output spike probabilities normalised to sum to 1
     * @param spikeProbabilities {@code [sample][layer][neuron]}: index 0 is the encoded input, then every layer's
     *     marginal spike probabilities; empty unless requested
     */
    public record Result(double[][] classProbabilities, double[][][] spikeProbabilities) {
    }

    private final NetworkSpec spec;
    /** A network at its prior, used only for its shapes and encoding; its posterior is never read. */
    private final EpNetwork shape;
    private final ParallelRunner runner = new ParallelRunner(1);
    private final BlasProducts products = new BlasProducts(runner);
    private BatchPropagation workspace;
    private TrainingSnapshot loaded;
    private final double[][] moments;
    private final double[][] meanSquared;

    /**
     * @param spec a classification network; the snapshots passed later must come from a network of this description
     * @param encoding how features become first-layer inputs, as in training
     */
    public SnapshotPredictor(NetworkSpec spec, InputEncoding encoding) {
        if (spec.task() != NetworkSpec.Task.CLASSIFICATION) {
            throw new IllegalArgumentException("Snapshot prediction needs a classification network, got " + spec.task());
        }
        this.spec = spec;
        this.shape = EpNetwork.create(spec, encoding, 0);
        moments = new double[spec.depth()][];
        meanSquared = new double[spec.depth()][];
    }

    /** Returns the network description this predictor serves. */
    public NetworkSpec spec() {
        return spec;
    }

    /**
     * Predicts the given rows of {@code data} with the posterior of {@code snapshot}.
     *
     * @param withSpikes whether to return every layer's spike probabilities too
     * @throws IllegalArgumentException when the snapshot or the data does not fit the network
     */
    public Result predict(TrainingSnapshot snapshot, Dataset data, int[] rows, boolean withSpikes) {
        load(snapshot);
        EpTrainer.checkData(shape, data, "Data");
        int classes = spec.outputSize();
        int depth = spec.depth();
        double[][] probabilities = new double[rows.length][classes];
        double[][][] spikes = new double[withSpikes ? rows.length : 0][][];
        int capacity = Math.max(1, Math.min(ROWS_PER_CHUNK, rows.length));
        if (workspace == null || workspace.capacity() < capacity) {
            workspace = new BatchPropagation(shape, products, runner, capacity);
        }

        for (int from = 0; from < rows.length; from += capacity) {
            int size = Math.min(capacity, rows.length - from);
            workspace.loadInputs(data, rows, from, size);
            double[] encoded = withSpikes ? Arrays.copyOf(workspace.input[0], size * shape.layer(0).inputs()) : null;
            workspace.forward(size, moments, meanSquared);
            for (int b = 0; b < size; b++) {
                normalise(workspace.output, b * classes, classes, probabilities[from + b]);
                if (withSpikes) {
                    spikes[from + b] = layerSpikes(encoded, b, depth);
                }
            }
        }
        return new Result(probabilities, spikes);
    }

    private double[][] layerSpikes(double[] encoded, int b, int depth) {
        double[][] layers = new double[depth + 1][];
        int firstIn = shape.layer(0).inputs();
        layers[0] = Arrays.copyOfRange(encoded, b * firstIn, b * firstIn + spec.inputSize());
        for (int l = 0; l < depth; l++) {
            int out = shape.layer(l).outputs();
            if (l < depth - 1) {
                int in = shape.layer(l + 1).inputs();
                layers[l + 1] = Arrays.copyOfRange(workspace.input[l + 1], b * in, b * in + out);
            } else {
                layers[l + 1] = Arrays.copyOfRange(workspace.output, b * out, b * out + out);
            }
        }
        return layers;
    }

    /** Copies the snapshot's moments into the layout the propagation reads, once per snapshot. */
    private void load(TrainingSnapshot snapshot) {
        if (snapshot == loaded) {
            return;
        }
        List<TrainingSnapshot.LayerSnapshot> layers = snapshot.layers();
        if (layers.size() != spec.depth()) {
            throw new IllegalArgumentException("Snapshot has " + layers.size() + " layers, the network " + spec.sizesText()
                    + " has " + spec.depth());
        }
        for (int l = 0; l < spec.depth(); l++) {
            TrainingSnapshot.LayerSnapshot layer = layers.get(l);
            int weights = shape.layer(l).weightCount();
            if (layer.means().length != weights) {
                throw new IllegalArgumentException("Snapshot layer " + (l + 1) + " has " + layer.means().length
                        + " weights, the network " + spec.sizesText() + " has " + weights);
            }
            if (moments[l] == null) {
                moments[l] = new double[2 * weights];
            }
            System.arraycopy(layer.means(), 0, moments[l], 0, weights);
            System.arraycopy(layer.variances(), 0, moments[l], weights, weights);
            if (shape.needsMeanSquared(l)) {
                if (meanSquared[l] == null) {
                    meanSquared[l] = new double[weights];
                }
                for (int w = 0; w < weights; w++) {
                    meanSquared[l][w] = layer.means()[w] * layer.means()[w];
                }
            }
        }
        loaded = snapshot;
    }

    private static void normalise(double[] scores, int offset, int classes, double[] target) {
        double total = 0;
        for (int k = 0; k < classes; k++) {
            total += scores[offset + k];
        }
        for (int k = 0; k < classes; k++) {
            target[k] = total > 0 ? scores[offset + k] / total : 1.0 / classes;
        }
    }

    @Override
    public void close() {
        runner.close();
    }
}
