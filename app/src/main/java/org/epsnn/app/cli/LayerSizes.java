package org.epsnn.app.cli;

import java.util.Locale;

/**
 * Parses the {@code --layers} value: sizes joined by {@code -}, input first and output last, where
 * the word {@code auto} in the first or last place stands for the size the dataset needs.
 */
final class LayerSizes {

    /** The word that stands for the dataset's input or output size. */
    static final String AUTO = "auto";

    private LayerSizes() {
    }

    /**
     * Returns the layer sizes of {@code text} with {@code auto} replaced.
     *
     * @param inputSize the number of features of the dataset
     * @param outputSize the number of classes or targets of the dataset
     * @param dataset a description of the dataset for messages, e.g. "dataset strokes (10 classes)"
     * @throws IllegalArgumentException naming the invalid part or the size the dataset needs
     */
    static int[] resolve(String text, int inputSize, int outputSize, String dataset) {
        String[] parts = text.trim().split("-", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("'" + text + "' needs at least an input and an output size;"
                    + " write sizes like auto-100-auto or 784-500-10");
        }
        int last = parts.length - 1;
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim().toLowerCase(Locale.ROOT);
            if (part.equals(AUTO)) {
                if (i != 0 && i != last) {
                    throw new IllegalArgumentException("'" + text + "': 'auto' is only allowed for the input and"
                            + " the output size; give hidden layer " + i + " a number of neurons");
                }
                sizes[i] = i == 0 ? inputSize : outputSize;
                continue;
            }
            try {
                sizes[i] = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': part " + (i + 1) + " ('" + parts[i]
                        + "') is not a whole number or 'auto'; write sizes like auto-100-auto or 784-500-10");
            }
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("'" + text + "': part " + (i + 1) + " must be at least 1, got "
                        + sizes[i]);
            }
        }

        if (sizes[0] != inputSize) {
            throw new IllegalArgumentException("'" + text + "' starts with " + sizes[0] + " inputs, but " + dataset
                    + " has " + inputSize + " features; write " + withEnds(sizes, inputSize, sizes[last])
                    + " or start with 'auto'");
        }
        if (sizes[last] != outputSize) {
            throw new IllegalArgumentException("'" + text + "' ends with " + sizes[last] + " outputs, but " + dataset
                    + " needs " + outputSize + "; write " + withEnds(sizes, sizes[0], outputSize) + " or end with 'auto'");
        }
        return sizes;
    }

    private static String withEnds(int[] sizes, int input, int output) {
        StringBuilder text = new StringBuilder().append(input);
        for (int i = 1; i < sizes.length - 1; i++) {
            text.append('-').append(sizes[i]);
        }
        return text.append('-').append(output).toString();
    }
}
