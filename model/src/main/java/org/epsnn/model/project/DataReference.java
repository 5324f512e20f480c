package org.epsnn.model.project;

import java.util.Objects;
import org.epsnn.model.data.CsvOptions;

/**
 * Where a project's data comes from, without the data itself.
 *
 * @param kind built-in generator, MNIST folder or CSV file
 * @param name built-in dataset name (built-in only)
 * @param path MNIST folder or CSV file; null for an MNIST project that asks the user for the folder
 * @param target CSV target column by name or 0-based index; null for the last column
 * @param testFraction CSV share of rows held out for testing
 * @param seed generator seed (built-in) or split seed (CSV)
 * @param trainSamples built-in training samples; 0 for the dataset's default
 * @param testSamples built-in test samples; 0 for the dataset's default
 * @param noise built-in noise level; NaN for the dataset's default
 * @param missingValues CSV policy for empty cells
 * @param trainingLimit train on the first this many training samples only; 0 for all of them
 */
public record DataReference(Kind kind, String name, String path, String target, double testFraction, long seed,
                            int trainSamples, int testSamples, double noise, CsvOptions.MissingValues missingValues,
                            int trainingLimit) {

    /** The kinds of data source. */
    public enum Kind {
        BUILT_IN, MNIST, CSV
    }

    public DataReference {
        Objects.requireNonNull(kind, "kind");
        missingValues = missingValues == null ? CsvOptions.MissingValues.REJECT : missingValues;
        if (trainingLimit < 0) {
            throw new IllegalArgumentException("Training limit must be 0 (all samples) or more, got " + trainingLimit);
        }
        if (kind == Kind.BUILT_IN && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("A built-in data reference needs a dataset name");
        }
        if (kind == Kind.CSV && (path == null || path.isBlank())) {
            throw new IllegalArgumentException("A CSV data reference needs a file path");
        }
        if (trainSamples < 0 || testSamples < 0) {
            throw new IllegalArgumentException("Sample counts must not be negative, got " + trainSamples + " and " + testSamples);
        }
        if (!Double.isNaN(noise) && !(noise >= 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException("Noise must be 0 or more, got " + noise);
        }
        if (kind == Kind.CSV && !(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("CSV test fraction must lie in (0, 1), got " + testFraction);
        }
    }

    /** A reference that rejects CSV files with empty cells and trains on every training sample. */
    public DataReference(Kind kind, String name, String path, String target, double testFraction, long seed,
                         int trainSamples, int testSamples, double noise) {
        this(kind, name, path, target, testFraction, seed, trainSamples, testSamples, noise,
                CsvOptions.MissingValues.REJECT, 0);
    }

    public static DataReference builtIn(String name, long seed) {
        return new DataReference(Kind.BUILT_IN, name, null, null, 0.2, seed, 0, 0, Double.NaN);
    }

    /** A built-in dataset with explicit sizes and noise (0, 0 and NaN keep the defaults). */
    public static DataReference builtIn(String name, int trainSamples, int testSamples, double noise, long seed) {
        return new DataReference(Kind.BUILT_IN, name, null, null, 0.2, seed, trainSamples, testSamples, noise);
    }

    /** @param folder the folder with the four IDX files, or null to ask the user */
    public static DataReference mnist(String folder) {
        return new DataReference(Kind.MNIST, null, folder, null, 0.2, 0, 0, 0, Double.NaN);
    }

    public static DataReference csv(String file, String target, double testFraction, long seed) {
        return new DataReference(Kind.CSV, null, file, target, testFraction, seed, 0, 0, Double.NaN);
    }

    /** Returns the same reference with another CSV policy for empty cells. */
    public DataReference withMissingValues(CsvOptions.MissingValues policy) {
        return new DataReference(kind, name, path, target, testFraction, seed, trainSamples, testSamples, noise,
                policy, trainingLimit);
    }

    /** Returns the same reference limited to the first {@code limit} training samples (0 for all). */
    public DataReference withTrainingLimit(int limit) {
        return new DataReference(kind, name, path, target, testFraction, seed, trainSamples, testSamples, noise,
                missingValues, limit);
    }

    /** Returns the same reference with another MNIST folder or CSV file. */
    public DataReference withPath(String newPath) {
        return new DataReference(kind, name, newPath, target, testFraction, seed, trainSamples, testSamples, noise,
                missingValues, trainingLimit);
    }
}
