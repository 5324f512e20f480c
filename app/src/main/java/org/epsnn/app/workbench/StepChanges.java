package org.epsnn.app.workbench;

import java.util.Arrays;
import java.util.List;
import org.epsnn.model.training.TrainingSnapshot;

/**
 * How far the posterior mean of every weight moved between two snapshots, and which weights moved
 * most: the largest {@link #MOVED_SHARE} of each layer's changes, at least {@link #MIN_MOVED}.
 *
 * @param fromSamples samples seen at the earlier snapshot
 * @param toSamples samples seen at the later snapshot
 * @param changes per layer, {@code |mean_after - mean_before|} of every weight, {@code outputs x inputs}
 * @param moved per layer, the indices of the weights that moved most, largest change first
 */
record StepChanges(long fromSamples, long toSamples, double[][] changes, int[][] moved) {

    /** Share of a layer's weights highlighted as having moved most. */
    static final double MOVED_SHARE = 0.01;
    /** Minimum number of weights highlighted per layer; a smaller layer has all its weights highlighted. */
    static final int MIN_MOVED = 10;

    /**
     * Compares two snapshots of the same network.
     *
     * @throws IllegalArgumentException when the snapshots have different layer shapes
     */
    static StepChanges between(TrainingSnapshot before, TrainingSnapshot after) {
        List<TrainingSnapshot.LayerSnapshot> earlier = before.layers();
        List<TrainingSnapshot.LayerSnapshot> later = after.layers();
        if (earlier.size() != later.size()) {
            throw new IllegalArgumentException("Snapshots have " + earlier.size() + " and " + later.size() + " layers");
        }
        double[][] changes = new double[later.size()][];
        int[][] moved = new int[later.size()][];
        for (int l = 0; l < later.size(); l++) {
            double[] from = earlier.get(l).means();
            double[] to = later.get(l).means();
            if (from.length != to.length) {
                throw new IllegalArgumentException("Layer " + (l + 1) + " has " + from.length + " weights before and "
                        + to.length + " after");
            }
            changes[l] = new double[to.length];
            for (int w = 0; w < to.length; w++) {
                changes[l][w] = Math.abs(to[w] - from[w]);
            }
            moved[l] = largestFirst(changes[l], Math.max(MIN_MOVED, (int) Math.ceil(MOVED_SHARE * to.length)));
        }
        return new StepChanges(before.samplesSeen(), after.samplesSeen(), changes, moved);
    }

    /** Returns the indices of the {@code count} largest values (all when fewer), largest first; ties keep index order. */
    static int[] largestFirst(double[] values, int count) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        int taken = Math.min(count, order.length);
        int[] result = new int[taken];
        for (int i = 0; i < taken; i++) {
            result[i] = order[i];
        }
        return result;
    }

    /** Returns the entries of {@code means} at layer {@code layer}'s most moved weights, largest change first. */
    double[] movedMeans(int layer, double[] means) {
        double[] values = new double[moved[layer].length];
        for (int i = 0; i < values.length; i++) {
            values[i] = means[moved[layer][i]];
        }
        return values;
    }

    /** Returns the neuron of layer {@code layer} whose incoming weights moved most in total. */
    int mostMovedNeuron(int layer, int inputs) {
        return mostMovedNeuron(layer, inputs, 0, changes[layer].length / inputs);
    }

    /**
     * Returns the neuron among {@code count} neurons of layer {@code layer} from {@code first} on
     * whose incoming weights moved most in total.
     */
    int mostMovedNeuron(int layer, int inputs, int first, int count) {
        double[] layerChanges = changes[layer];
        int best = first;
        double bestTotal = -1;
        for (int neuron = first; neuron < Math.min(first + count, layerChanges.length / inputs); neuron++) {
            double total = 0;
            for (int j = 0; j < inputs; j++) {
                total += layerChanges[neuron * inputs + j];
            }
            if (total > bestTotal) {
                bestTotal = total;
                best = neuron;
            }
        }
        return best;
    }
}
