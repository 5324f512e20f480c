package org.epsnn.model.network;

/**
 * How a neuron turns its membrane potential {@code u} into an output.
 *
 * <p>A Bernoulli-sigmoid neuron spikes with probability {@code sigmoid(u / T)}. Under the probit
 * approximation {@code sigmoid(x) ~ Phi(sqrt(pi / 8) x)} it equals a Heaviside neuron with Gaussian
 * noise of variance {@code 8 T^2 / pi} added to {@code u}, so both share one code path through
 * {@link #noiseVariance()}.
 *
 * @param kind the neuron's response
 * @param temperature {@code T > 0} of the Bernoulli-sigmoid neuron; ignored by the other kinds
 */
public record NeuronModel(Kind kind, double temperature) {

    /** The responses a neuron can have. */
    public enum Kind {
        /** Spikes exactly when {@code u >= 0}. */
        HEAVISIDE,
        /** Spikes with probability {@code sigmoid(u / T)}. */
        SIGMOID,
        /** No spike: the output is {@code u} itself (regression output layers only). */
        LINEAR
    }

    /** The deterministic Heaviside neuron. */
    public static final NeuronModel HEAVISIDE = new NeuronModel(Kind.HEAVISIDE, 1);

    /** The linear output neuron of a regression network. */
    public static final NeuronModel LINEAR = new NeuronModel(Kind.LINEAR, 1);

    public NeuronModel {
        if (kind == null) {
            throw new IllegalArgumentException("Neuron kind is missing");
        }
        if (kind == Kind.SIGMOID && !(temperature > 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("Sigmoid temperature must be positive and finite, got " + temperature);
        }
    }

    /** A Bernoulli-sigmoid neuron at {@code temperature}. */
    public static NeuronModel sigmoid(double temperature) {
        return new NeuronModel(Kind.SIGMOID, temperature);
    }

    /** Whether the neuron emits spikes (every kind except {@link Kind#LINEAR}). */
    public boolean spiking() {
        return kind != Kind.LINEAR;
    }

    /**
     * Variance {@code c} of the Gaussian noise that the neuron adds to its membrane potential:
     * 0 for Heaviside and linear neurons, {@code 8 T^2 / pi} for Bernoulli-sigmoid neurons.
     */
    public double noiseVariance() {
        return kind == Kind.SIGMOID ? 8.0 * temperature * temperature / Math.PI : 0.0;
    }

    @Override
    public String toString() {
        return kind == Kind.SIGMOID ? "sigmoid(T=" + temperature + ")" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
