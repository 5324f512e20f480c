package org.epsnn.model.network;

/**
 * One fully connected layer: its neurons, their model, the prior of their incoming weights and
 * whether they have a bias (an always-on input with its own weight).
 *
 * @param size number of neurons, at least 1
 * @param neuron how each neuron responds to its membrane potential
 * @param prior prior of every incoming weight, the bias weight included
 * @param bias whether the layer has a bias input; without it a Heaviside neuron cannot move its threshold
 * @param temper tempering factor {@code alpha > 0}: the posterior counts every
 *     site this many times (1 is plain EP)
 */
public record LayerSpec(int size, NeuronModel neuron, WeightPrior prior, boolean bias, double temper) {

    public LayerSpec {
        if (size < 1) {
            throw new IllegalArgumentException("Layer size must be at least 1, got " + size);
        }
        if (neuron == null) {
            throw new IllegalArgumentException("Layer neuron model is missing");
        }
        if (prior == null) {
            throw new IllegalArgumentException("Layer weight prior is missing");
        }
        if (!(temper > 0) || !Double.isFinite(temper)) {
            throw new IllegalArgumentException("Tempering factor must be positive and finite, got " + temper);
        }
    }

    /** A layer with a bias and no tempering. */
    public LayerSpec(int size, NeuronModel neuron, WeightPrior prior) {
        this(size, neuron, prior, true, 1.0);
    }

    public LayerSpec withSize(int newSize) {
        return new LayerSpec(newSize, neuron, prior, bias, temper);
    }

    public LayerSpec withNeuron(NeuronModel newNeuron) {
        return new LayerSpec(size, newNeuron, prior, bias, temper);
    }

    public LayerSpec withPrior(WeightPrior newPrior) {
        return new LayerSpec(size, neuron, newPrior, bias, temper);
    }

    public LayerSpec withBias(boolean newBias) {
        return new LayerSpec(size, neuron, prior, newBias, temper);
    }

    public LayerSpec withTemper(double newTemper) {
        return new LayerSpec(size, neuron, prior, bias, newTemper);
    }

    /** Number of inputs of each neuron, the bias included, when the previous layer has {@code inputSize} outputs. */
    public int fanIn(int inputSize) {
        return inputSize + (bias ? 1 : 0);
    }
}
