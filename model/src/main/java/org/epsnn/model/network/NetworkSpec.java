package org.epsnn.model.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An immutable description of a layered network: the input size, the fully connected layers in
 * order (the last one is the output layer) and what the outputs mean.
 *
 * <p>Classification networks end in a spiking layer with one neuron per class; regression networks
 * end in a linear layer with one neuron per target and Gaussian observation noise of variance
 * {@link #noiseVariance()} (in standardised target units).
 *
 * @param inputSize number of input features {@code D_0}
 * @param layers the layers from the first hidden layer to the output layer
 * @param task classification or regression
 * @param noiseVariance observation noise variance of a regression output; ignored for classification
 */
public record NetworkSpec(int inputSize, List<LayerSpec> layers, Task task, double noiseVariance) {

    /** What the output layer represents. */
    public enum Task {
        CLASSIFICATION, REGRESSION
    }

    /** Default observation noise variance of regression outputs, in standardised units. */
    public static final double DEFAULT_NOISE_VARIANCE = 0.1;

    public NetworkSpec {
        layers = List.copyOf(layers);
        validate(inputSize, layers, task, noiseVariance);
    }

    private static void validate(int inputSize, List<LayerSpec> layers, Task task, double noiseVariance) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("Input size must be at least 1, got " + inputSize);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("A network needs at least an output layer");
        }
        if (task == null) {
            throw new IllegalArgumentException("Network task is missing");
        }
        for (int l = 0; l < layers.size() - 1; l++) {
            if (!layers.get(l).neuron().spiking()) {
                throw new IllegalArgumentException("Layer " + (l + 1) + ": hidden layers must spike (heaviside or sigmoid), got linear");
            }
        }
        LayerSpec output = layers.get(layers.size() - 1);
        if (task == Task.CLASSIFICATION) {
            if (!output.neuron().spiking()) {
                throw new IllegalArgumentException("Layer " + layers.size() + ": a classification output layer must spike, got linear");
            }
            if (output.size() < 2) {
                throw new IllegalArgumentException("Layer " + layers.size() + ": a classification output layer needs at least 2 neurons, got " + output.size());
            }
        } else {
            if (output.neuron().spiking()) {
                throw new IllegalArgumentException("Layer " + layers.size() + ": a regression output layer must be linear, got " + output.neuron());
            }
            if (!(noiseVariance > 0) || !Double.isFinite(noiseVariance)) {
                throw new IllegalArgumentException("Regression noise variance must be positive and finite, got " + noiseVariance);
            }
        }
    }

    /**
     * A network of the given sizes (input first, output last) with the same neuron model and
     * prior in every hidden layer; the output layer spikes with the hidden neuron model for
     * classification and is linear for regression.
     */
    public static NetworkSpec of(int[] sizes, NeuronModel hiddenNeuron, WeightPrior prior, Task task) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("Layer sizes need an input and an output size, got " + sizes.length + " sizes");
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            boolean output = l == sizes.length - 1;
            NeuronModel neuron = output && task == Task.REGRESSION ? NeuronModel.LINEAR : hiddenNeuron;
            layers.add(new LayerSpec(sizes[l], neuron, prior));
        }
        return new NetworkSpec(sizes[0], layers, task, DEFAULT_NOISE_VARIANCE);
    }

    /**
     * Parses layer sizes such as {@code 784-500-10}.
     *
     * @throws IllegalArgumentException naming the part that is not a positive whole number
     */
    public static int[] parseSizes(String text) {
        String[] parts = text.trim().split("-");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Layer sizes '" + text + "': part " + (i + 1) + " ('" + parts[i]
                        + "') is not a whole number; write sizes like 784-500-10");
            }
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("Layer sizes '" + text + "': part " + (i + 1) + " must be at least 1, got " + sizes[i]);
            }
        }
        if (sizes.length < 2) {
            throw new IllegalArgumentException("Layer sizes '" + text + "' need at least an input and an output size, e.g. 784-500-10");
        }
        return sizes;
    }

    /** Number of layers with weights ({@code L}). */
    public int depth() {
        return layers.size();
    }

    public LayerSpec layer(int index) {
        return layers.get(index);
    }

    /** Number of inputs of layer {@code index} before the bias: the input size or the previous layer's size. */
    public int inputSizeOf(int index) {
        return index == 0 ? inputSize : layers.get(index - 1).size();
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).size();
    }

    /** Total number of weights, biases included. */
    public long weightCount() {
        long count = 0;
        for (int l = 0; l < layers.size(); l++) {
            count += (long) layers.get(l).size() * layers.get(l).fanIn(inputSizeOf(l));
        }
        return count;
    }

    public NetworkSpec withLayers(List<LayerSpec> newLayers) {
        return new NetworkSpec(inputSize, newLayers, task, noiseVariance);
    }

    public NetworkSpec withLayer(int index, LayerSpec layer) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.set(index, layer);
        return withLayers(copy);
    }

    public NetworkSpec withInputSize(int newInputSize) {
        return new NetworkSpec(newInputSize, layers, task, noiseVariance);
    }

    public NetworkSpec withNoiseVariance(double newNoiseVariance) {
        return new NetworkSpec(inputSize, layers, task, newNoiseVariance);
    }

    /** Layer sizes written as {@code 784-500-10}. */
    public String sizesText() {
        return inputSize + "-" + layers.stream().map(layer -> Integer.toString(layer.size())).collect(Collectors.joining("-"));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s", sizesText(), task.name().toLowerCase(Locale.ROOT));
    }
}
