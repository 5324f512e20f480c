package org.epsnn.model.data;

import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Spike encodings that turn real features into binary spikes (0 or 1) for the input layer of a
 * spiking network.
 *
 * <ul>
 *   <li>{@link #threshold}: a feature spikes when it is at least a level, the same every time;</li>
 *   <li>{@link #bernoulli}: rate coding, where a feature in {@code [0, 1]} spikes with that
 *       probability, independently for each feature and each draw.</li>
 * </ul>
 */
public final class SpikeEncoding {

    private SpikeEncoding() {
    }

    /**
     * Returns a copy of the dataset whose features are 1 where the feature is at least
     * {@code level} and 0 elsewhere.
     */
    public static Dataset threshold(Dataset dataset, double level) {
        if (Double.isNaN(level)) {
            throw new IllegalArgumentException("Threshold level must be a number, got NaN");
        }
        double[] features = dataset.features();
        double[] spikes = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            spikes[i] = features[i] >= level ? 1.0 : 0.0;
        }
        return dataset.withFeatures(spikes);
    }

    /**
     * Returns a copy of the dataset whose features are Bernoulli spikes: each feature is 1 with
     * probability equal to its value, drawn from a {@link Random} with the given seed, so the same
     * seed gives the same spikes on every JVM.
     *
     * @throws IllegalArgumentException when a feature is outside {@code [0, 1]}, naming the row and column
     */
    public static Dataset bernoulli(Dataset dataset, long seed) {
        return bernoulli(dataset, new Random(seed));
    }

    /**
     * Returns a copy of the dataset whose features are Bernoulli spikes drawn from {@code random}:
     * each feature is 1 with probability equal to its value.
     *
     * @throws IllegalArgumentException when a feature is outside {@code [0, 1]}, naming the row and column
     */
    public static Dataset bernoulli(Dataset dataset, RandomGenerator random) {
        double[] features = dataset.features();
        checkProbabilities(dataset.name(), features, dataset.columns());
        double[] spikes = new double[features.length];
        bernoulli(features, spikes, random);
        return dataset.withFeatures(spikes);
    }

    /**
     * Draws Bernoulli spikes into {@code spikes}, for example once per batch of a training pass:
     * {@code spikes[i]} becomes 1 with probability {@code probabilities[i]} and 0 otherwise.
     * {@code spikes} may be the same array as {@code probabilities}.
     *
     * @param probabilities spike probabilities; values outside {@code [0, 1]} act as 0 or 1 and are not checked
     * @param spikes output of the same length, overwritten
     */
    public static void bernoulli(double[] probabilities, double[] spikes, RandomGenerator random) {
        if (spikes.length != probabilities.length) {
            throw new IllegalArgumentException("Spike array has " + spikes.length + " values, expected "
                    + probabilities.length + " like the probabilities");
        }
        for (int i = 0; i < probabilities.length; i++) {
            // nextDouble() is in [0, 1), so a probability of 0 never spikes and 1 always does.
            spikes[i] = random.nextDouble() < probabilities[i] ? 1.0 : 0.0;
        }
    }

    private static void checkProbabilities(String datasetName, double[] features, int columns) {
        for (int i = 0; i < features.length; i++) {
            double value = features[i];
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new IllegalArgumentException("Dataset '" + datasetName + "': feature " + (i % columns)
                        + " of row " + (i / columns) + " is " + value + ", but Bernoulli encoding needs "
                        + "probabilities in [0, 1]. Scale the features to [0, 1] first, for example pixel values "
                        + "divided by 255.");
            }
        }
    }
}
