package org.epsnn.model.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded, repeatable shuffles and train/test splits. The random numbers come from
 * {@link Random}, whose algorithm its specification fixes, so a seed gives the same split on
 * every JVM.
 */
public final class Splits {

    private Splits() {
    }

    /**
     * Splits a dataset at random into a training and a test set.
     *
     * <p>A classification dataset is split per class (stratified), so each class has about the
     * same share in both sets. Every class with at least 2 samples gets at least one sample in
     * each set. Both sets are shuffled, and named after the dataset with {@code -train} and
     * {@code -test} appended.
     *
     * @param testFraction share of the samples in the test set, strictly between 0 and 1
     * @throws IllegalArgumentException when the fraction is outside (0, 1) or leaves a set empty
     */
    public static TrainTestSplit trainTest(Dataset dataset, double testFraction, long seed) {
        if (!(testFraction > 0.0 && testFraction < 1.0)) {
            throw new IllegalArgumentException("Test fraction must be between 0 and 1 (exclusive), got " + testFraction);
        }
        Random random = new Random(seed);
        List<Integer> trainRows = new ArrayList<>();
        List<Integer> testRows = new ArrayList<>();
        if (dataset.task() == Dataset.Task.CLASSIFICATION) {
            for (int[] classRows : rowsByClass(dataset)) {
                shuffle(classRows, random);
                int testCount = (int) Math.round(classRows.length * testFraction);
                if (classRows.length >= 2) {
                    testCount = Math.max(1, Math.min(classRows.length - 1, testCount));
                }
                addRange(testRows, classRows, 0, testCount);
                addRange(trainRows, classRows, testCount, classRows.length);
            }
        } else {
            int[] rows = identity(dataset.rows());
            shuffle(rows, random);
            int testCount = (int) Math.round(rows.length * testFraction);
            addRange(testRows, rows, 0, testCount);
            addRange(trainRows, rows, testCount, rows.length);
        }
        if (trainRows.isEmpty() || testRows.isEmpty()) {
            throw new IllegalArgumentException("Dataset '" + dataset.name() + "' has " + dataset.rows()
                    + " rows, too few for a test fraction of " + testFraction + ": the "
                    + (trainRows.isEmpty() ? "training" : "test") + " set would be empty");
        }

        int[] train = toShuffledArray(trainRows, random);
        int[] test = toShuffledArray(testRows, random);
        return new TrainTestSplit(dataset.select(dataset.name() + "-train", train),
                dataset.select(dataset.name() + "-test", test));
    }

    /** Returns the samples of the dataset in a random order, with the same name. */
    public static Dataset shuffle(Dataset dataset, long seed) {
        int[] rows = identity(dataset.rows());
        shuffle(rows, new Random(seed));
        return dataset.select(dataset.name(), rows);
    }

    /** Shuffles the array in place (Fisher-Yates). */
    static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static int[][] rowsByClass(Dataset dataset) {
        int[] labels = dataset.labels();
        int[] counts = new int[dataset.classCount()];
        for (int label : labels) {
            counts[label]++;
        }
        int[][] rows = new int[counts.length][];
        for (int label = 0; label < counts.length; label++) {
            rows[label] = new int[counts[label]];
        }
        int[] filled = new int[counts.length];
        for (int row = 0; row < labels.length; row++) {
            rows[labels[row]][filled[labels[row]]++] = row;
        }
        return rows;
    }

    private static int[] identity(int count) {
        int[] values = new int[count];
        Arrays.setAll(values, i -> i);
        return values;
    }

    private static void addRange(List<Integer> target, int[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            target.add(values[i]);
        }
    }

    private static int[] toShuffledArray(List<Integer> values, Random random) {
        int[] array = values.stream().mapToInt(Integer::intValue).toArray();
        shuffle(array, random);
        return array;
    }
}
