package org.epsnn.model.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Registry of the generated datasets that the workbench offers without a download, each with
 * default sizes and noise: {@code moons}, {@code circles}, {@code xor}, {@code spirals},
 * {@code blobs}, {@code gap1d} and {@code strokes}.
 */
public final class BuiltInDatasets {

    /** Generates {@code samples} samples with the given noise from a seed. */
    @FunctionalInterface
    public interface Generator {
        Dataset generate(int samples, double noise, long seed);
    }

    /**
     * A built-in dataset with its defaults.
     *
     * @param name registry name, lower case
     * @param description one line for menus and tool tips
     * @param trainSize default number of training samples
     * @param testSize default number of test samples
     * @param noise default noise; see {@link Generators} for its meaning per dataset
     */
    public record Entry(String name, String description, int trainSize, int testSize, double noise,
                        Generator generator) {

        /** Generates the training and test sets with the default sizes and noise. */
        public TrainTestSplit generate(long seed) {
            return generate(trainSize, testSize, noise, seed);
        }

        /**
         * Generates a training and a test set as independent draws. Both seeds derive from
         * {@code seed}, so the same seed always gives the same pair.
         */
        public TrainTestSplit generate(int trainSamples, int testSamples, double noiseLevel, long seed) {
            Random seeds = new Random(seed);
            long trainSeed = seeds.nextLong();
            long testSeed = seeds.nextLong();
            Dataset train = generator.generate(trainSamples, noiseLevel, trainSeed);
            Dataset test = generator.generate(testSamples, noiseLevel, testSeed);
            return new TrainTestSplit(rename(train, name + "-train"), rename(test, name + "-test"));
        }

        private static Dataset rename(Dataset dataset, String newName) {
            int[] rows = new int[dataset.rows()];
            Arrays.setAll(rows, i -> i);
            return dataset.select(newName, rows);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        register(new Entry("moons", "Two interleaved half circles (2-D, 2 classes)", 500, 500, 0.1,
                Generators::twoMoons));
        register(new Entry("circles", "Two concentric circles (2-D, 2 classes)", 500, 500, 0.08,
                Generators::circles));
        register(new Entry("xor", "Four Gaussian clusters labelled by the sign of x1 * x2 (2-D, 2 classes)",
                500, 500, 0.35, Generators::xor));
        register(new Entry("spirals", "Two interleaved spiral arms (2-D, 2 classes)", 600, 600, 0.04,
                Generators::spirals));
        register(new Entry("blobs", "Three Gaussian blobs (2-D, 3 classes)", 450, 450, 1.0,
                (samples, noise, seed) -> Generators.blobs(samples, 3, noise, seed)));
        register(new Entry("gap1d", "sin(x) with no inputs between -1 and 1 (1-D regression)", 200, 200, 0.1,
                Generators::gap1d));
        register(new Entry("strokes", "Stroke-drawn digits 0 to 9 on a 14 x 14 grid (images, 10 classes)",
                3000, 1000, 0.1, (samples, noise, seed) -> Generators.strokeDigits(samples, 14, noise, seed)));
    }

    private BuiltInDatasets() {
    }

    private static void register(Entry entry) {
        ENTRIES.put(entry.name(), entry);
    }

    /** Returns the registry names in menu order. */
    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** Returns every entry in menu order. */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /**
     * Returns the entry of a name, ignoring letter case.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Entry get(String name) {
        Entry entry = ENTRIES.get(name.toLowerCase(Locale.ROOT));
        if (entry == null) {
            throw new IllegalArgumentException("Unknown built-in dataset '" + name + "'. Expected one of "
                    + String.join(", ", ENTRIES.keySet()));
        }
        return entry;
    }

    /** Generates the named dataset with its default sizes and noise. */
    public static TrainTestSplit generate(String name, long seed) {
        return get(name).generate(seed);
    }
}
