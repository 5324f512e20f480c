package org.epsnn.model.training;

import java.util.List;

/**
 * An immutable picture of a run between two batches, for views that draw what EP has learnt.
 * The arrays are copies that nobody writes after construction; readers must not modify them.
 *
 * @param pass 1-based pass in progress (0 before the first batch)
 * @param batch batches done in that pass
 * @param samplesSeen samples processed since the network was created
 * @param layers posterior of each layer, first hidden layer first
 * @param sampleIndices test-set rows whose spike probabilities are included
 * @param spikeProbabilities {@code [sample][layer][neuron]}: index 0 is the encoded input, then every
 *     layer's marginal spike probabilities (for regression the last holds the predictive means)
 * @param classProbabilities {@code [sample][class]} normalised output scores (classification)
 * @param probePredictions predictions on the requested probe points: for classification
 *     {@code points x classes} normalised probabilities, for regression {@code points x 2}
 *     (mean and variance in target units); empty when no probe was requested
 */
public record TrainingSnapshot(int pass, int batch, long samplesSeen, List<LayerSnapshot> layers,
                               int[] sampleIndices, double[][][] spikeProbabilities, double[][] classProbabilities,
                               double[] probePredictions) {

    /**
     * The posterior of one layer's weights.
     *
     * @param outputs neurons of the layer
     * @param inputs inputs of each neuron, bias included (the bias weight is the last column)
     * @param bias whether the last column is a bias
     * @param means {@code outputs x inputs} posterior means
     * @param variances {@code outputs x inputs} posterior variances
     * @param levels the levels of discrete weights; empty for Gaussian weights
     * @param levelProbabilities level-major {@code [k * outputs * inputs + w]} posterior level
     *     probabilities of discrete weights; empty for Gaussian weights
     * @param clippedFraction fraction of the layer's weights clipped in the last batch
     */
    public record LayerSnapshot(int outputs, int inputs, boolean bias, double[] means, double[] variances,
                                double[] levels, double[] levelProbabilities, double clippedFraction) {

        /** Mean of weight {@code input} of neuron {@code neuron}. */
        public double mean(int neuron, int input) {
            return means[neuron * inputs + input];
        }

        /** Variance of weight {@code input} of neuron {@code neuron}. */
        public double variance(int neuron, int input) {
            return variances[neuron * inputs + input];
        }
    }
}
