package org.epsnn.app.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.data.CsvOptions;

/** Where the workbench takes its data from: a built-in generator, an MNIST folder or a CSV file. */
public sealed interface DataChoice {

    /** Loads or generates the data; may take seconds, so callers run it off the FX thread. */
    TrainingData load() throws IOException;

    /** A short description for titles and the status bar. */
    String describe();

    /** Returns {@code choice} limited to its first {@code trainingLimit} training samples, or itself for a limit of 0. */
    static DataChoice limitedTo(DataChoice choice, int trainingLimit) {
        if (trainingLimit <= 0) {
            return choice;
        }
        return new Limited(baseOf(choice), trainingLimit);
    }

    /** Returns the source of {@code choice} without a training limit. */
    static DataChoice baseOf(DataChoice choice) {
        return choice instanceof Limited limited ? limited.base() : choice;
    }

    /** Returns the training limit of {@code choice}, 0 for all training samples. */
    static int trainingLimitOf(DataChoice choice) {
        return choice instanceof Limited limited ? limited.trainingLimit() : 0;
    }

    /**
     * Data of another choice trained on its first {@code trainingLimit} training samples only, as
     * a project saved by {@code epsnn train --train-samples N} records it. The test samples stay.
     */
    record Limited(DataChoice base, int trainingLimit) implements DataChoice {

        public Limited {
            Objects.requireNonNull(base, "base");
            if (trainingLimit < 1) {
                throw new IllegalArgumentException("A training limit must be at least 1 sample, got " + trainingLimit);
            }
        }

        @Override
        public TrainingData load() throws IOException {
            TrainingData data = base.load();
            return trainingLimit < data.train().rows() ? data.withTrainingSamples(trainingLimit) : data;
        }

        @Override
        public String describe() {
            return base.describe() + ", first " + trainingLimit + " training samples";
        }
    }

    /**
     * A built-in generated dataset.
     *
     * @param name a name from {@code BuiltInDatasets}
     * @param trainSamples training samples to generate; 0 for the dataset's default
     * @param testSamples test samples to generate; 0 for the dataset's default
     * @param noise noise level; NaN for the dataset's default
     * @param seed generator seed
     */
    record BuiltIn(String name, int trainSamples, int testSamples, double noise, long seed) implements DataChoice {
        public BuiltIn {
            Objects.requireNonNull(name, "name");
        }

        /** A built-in dataset with its default sizes and noise. */
        public BuiltIn(String name, long seed) {
            this(name, 0, 0, Double.NaN, seed);
        }

        @Override
        public TrainingData load() {
            if (trainSamples == 0 && testSamples == 0 && Double.isNaN(noise)) {
                return TrainingData.builtIn(name, seed);
            }
            var entry = org.epsnn.model.data.BuiltInDatasets.get(name);
            return TrainingData.builtIn(name, trainSamples == 0 ? entry.trainSize() : trainSamples,
                    testSamples == 0 ? entry.testSize() : testSamples, Double.isNaN(noise) ? entry.noise() : noise, seed);
        }

        @Override
        public String describe() {
            return name + " (built-in, seed " + seed + (Double.isNaN(noise) ? "" : ", noise " + noise) + ")";
        }
    }

    /** A folder holding the four MNIST IDX files. */
    record Mnist(Path folder) implements DataChoice {
        @Override
        public TrainingData load() throws IOException {
            return TrainingData.mnist(folder);
        }

        @Override
        public String describe() {
            return "MNIST in " + folder;
        }
    }

    /**
     * A CSV file, split at random into training and test rows.
     *
     * @param target the target column by header name or 0-based index; null for the last column
     */
    record Csv(Path file, String target, double testFraction, long seed, CsvOptions.MissingValues missingValues)
            implements DataChoice {

        public Csv {
            missingValues = missingValues == null ? CsvOptions.MissingValues.REJECT : missingValues;
        }

        /** A CSV file whose empty cells are rejected. */
        Csv(Path file, String target, double testFraction, long seed) {
            this(file, target, testFraction, seed, CsvOptions.MissingValues.REJECT);
        }

        @Override
        public TrainingData load() throws IOException {
            return TrainingData.csv(file, target, testFraction, seed, missingValues);
        }

        @Override
        public String describe() {
            String policy = switch (missingValues) {
                case REJECT -> "";
                case DROP_ROWS -> ", rows with empty cells dropped";
                case IMPUTE_MEAN -> ", empty cells filled with the column mean";
            };
            return file.getFileName() + (target == null ? "" : " (target " + target + ")") + policy;
        }
    }
}
