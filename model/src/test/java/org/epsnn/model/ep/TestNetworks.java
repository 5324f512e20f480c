package org.epsnn.model.ep;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.linalg.BlasProducts;
import org.epsnn.model.linalg.MatrixProducts;
import org.epsnn.model.linalg.ParallelRunner;
import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;

/** Small networks, data and moment arrays shared by the engine tests. */
final class TestNetworks {

    static final ParallelRunner SINGLE_THREAD = new ParallelRunner(1);
    static final MatrixProducts PRODUCTS = new BlasProducts(SINGLE_THREAD);

    private TestNetworks() {
    }

    static NetworkSpec classifier(int[] sizes, NeuronModel neuron, WeightPrior prior) {
        return NetworkSpec.of(sizes, neuron, prior, NetworkSpec.Task.CLASSIFICATION);
    }

    static NetworkSpec classifier(int inputs, List<LayerSpec> layers) {
        return new NetworkSpec(inputs, layers, NetworkSpec.Task.CLASSIFICATION, NetworkSpec.DEFAULT_NOISE_VARIANCE);
    }

    static List<String> classNames(int count) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            names.add("class " + k);
        }
        return names;
    }

    /** Random features in [0, 1] (or standard normal when {@code real}) with random labels. */
    static Dataset randomData(int rows, int columns, int classes, boolean real, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] features = new double[rows * columns];
        for (int x = 0; x < features.length; x++) {
            features[x] = real ? gaussian(random) : random.nextDouble();
        }
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = random.nextInt(classes);
        }
        return Dataset.classification("random", rows, columns, features, labels, classNames(classes)).build();
    }

    /**
     * Binary patterns whose class decides which block of pixels tends to be on, with noise:
     * learnable, image-like data for end-to-end checks.
     */
    static Dataset blockPatterns(int rows, int columns, int classes, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] features = new double[rows * columns];
        int[] labels = new int[rows];
        int block = columns / classes;
        for (int r = 0; r < rows; r++) {
            int label = random.nextInt(classes);
            labels[r] = label;
            for (int j = 0; j < columns; j++) {
                boolean on = j / block == label;
                if (random.nextDouble() < noise) {
                    on = !on;
                }
                features[r * columns + j] = on ? 1.0 : 0.0;
            }
        }
        return Dataset.classification("blocks", rows, columns, features, labels, classNames(classes)).build();
    }

    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Random weight moments for every layer: means, then variances; discrete layers get valid level moments. */
    static double[][] randomMoments(EpNetwork network, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] moments = new double[network.depth()][];
        for (int l = 0; l < network.depth(); l++) {
            LayerPosterior layer = network.layer(l);
            int weights = layer.weightCount();
            moments[l] = new double[2 * weights];
            for (int w = 0; w < weights; w++) {
                moments[l][w] = 0.8 * gaussian(random);
                moments[l][weights + w] = 0.05 + 0.5 * random.nextDouble();
            }
        }
        return moments;
    }

    static double[][] squaredMeans(EpNetwork network, double[][] moments) {
        double[][] squared = new double[network.depth()][];
        for (int l = 0; l < network.depth(); l++) {
            int weights = network.layer(l).weightCount();
            squared[l] = new double[weights];
            for (int w = 0; w < weights; w++) {
                squared[l][w] = moments[l][w] * moments[l][w];
            }
        }
        return squared;
    }

    /** Log evidence of the given rows under the given moments, from a fresh forward and backward pass. */
    static double logEvidence(EpNetwork network, Dataset data, int[] rows, double[][] moments) {
        BatchPropagation propagation = new BatchPropagation(network, PRODUCTS, SINGLE_THREAD, rows.length);
        propagation.loadInputs(data, rows, 0, rows.length);
        double[][] squared = squaredMeans(network, moments);
        propagation.forward(rows.length, moments, squared);
        int[] labels = new int[rows.length];
        for (int b = 0; b < rows.length; b++) {
            labels[b] = data.labels()[rows[b]];
        }
        return propagation.backward(rows.length, moments, squared, labels, null);
    }

    static int[] range(int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
