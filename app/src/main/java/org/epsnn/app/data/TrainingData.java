package org.epsnn.app.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.epsnn.model.data.BuiltInDatasets;
import org.epsnn.model.data.CsvOptions;
import org.epsnn.model.data.CsvReader;
import org.epsnn.model.data.Dataset;
import org.epsnn.model.data.IdxReader;
import org.epsnn.model.data.Splits;
import org.epsnn.model.data.Standardiser;
import org.epsnn.model.data.TrainTestSplit;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.project.DataReference;

/**
 * The training and test data of a run, ready for the engine: CSV features standardised with
 * statistics of the training set, and for regression the target mean and scale that the network
 * standardises the targets with.
 *
 * @param train the samples to train on
 * @param test the held-out samples evaluated after each pass
 * @param source where the data came from
 * @param defaultEncoding the input encoding when {@code --inputs} is not given: thresholded
 *     pixels for images, real values for everything else
 * @param targetMean per-target mean of the training targets (regression), empty for classification
 * @param targetScale per-target standard deviation of the training targets (regression), empty for classification
 * @param featureMean per-feature mean that CSV features were standardised with, fitted on the training split.
 *     Empty for built-in and MNIST data, because the engine takes them as they are generated or read.
 * @param featureScale per-feature standard deviation that CSV features were divided by (1 for a constant
 *     column); empty where {@code featureMean} is
 */
public record TrainingData(Dataset train, Dataset test, Source source, InputEncoding defaultEncoding,
                    double[] targetMean, double[] targetScale, double[] featureMean, double[] featureScale) {

    /** The kinds of {@code --dataset} value. */
    public enum Source {
        BUILT_IN, MNIST, CSV
    }

    private static final Pattern COLUMN_INDEX = Pattern.compile("\\d+");

    /** Generates a built-in dataset with its default sizes and noise from {@code seed}. */
    public static TrainingData builtIn(String name, long seed) {
        TrainTestSplit split = BuiltInDatasets.get(name).generate(seed);
        return of(split.train(), split.test(), Source.BUILT_IN);
    }

    /**
     * Generates a built-in dataset with the given sizes and noise level.
     *
     * @throws IllegalArgumentException naming the parameter when a size or the noise is invalid
     */
    public static TrainingData builtIn(String name, int trainSamples, int testSamples, double noise, long seed) {
        if (trainSamples < 2 || testSamples < 1) {
            throw new IllegalArgumentException("Built-in dataset " + name + " needs at least 2 training and 1 test sample, got "
                    + trainSamples + " and " + testSamples);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("Noise of built-in dataset " + name + " must be 0 or more, got " + noise);
        }
        TrainTestSplit split = BuiltInDatasets.get(name).generate(trainSamples, testSamples, noise, seed);
        return of(split.train(), split.test(), Source.BUILT_IN);
    }

    /** Reads the four MNIST IDX files of a folder. */
    public static TrainingData mnist(Path folder) throws IOException {
        TrainTestSplit split = IdxReader.readMnist(folder);
        return of(split.train(), split.test(), Source.MNIST);
    }

    /**
     * Reads a CSV file, splits it at random into training and test sets and standardises the
     * features with the training set's statistics. Regression targets stay in their units.
     *
     * @param target the target column as a header name or a 0-based index, or null for the last column
     * @param testFraction the share of the rows in the test set, in (0, 1)
     */
    public static TrainingData csv(Path file, String target, double testFraction, long seed) throws IOException {
        return csv(file, target, testFraction, seed, CsvOptions.MissingValues.REJECT);
    }

    /**
     * Reads a CSV file as {@link #csv(Path, String, double, long)} does, with a policy for
     * missing values: reject the file, drop the rows, or impute the column mean.
     */
    public static TrainingData csv(Path file, String target, double testFraction, long seed,
                                   CsvOptions.MissingValues missingValues) throws IOException {
        CsvOptions options = CsvOptions.defaults().withMissingValues(missingValues);
        if (target != null) {
            options = COLUMN_INDEX.matcher(target).matches()
                    ? options.withTargetColumn(Integer.parseInt(target))
                    : options.withTargetColumn(target);
        }
        Dataset all = CsvReader.read(file, options);
        TrainTestSplit split = Splits.trainTest(all, testFraction, seed);

        Standardiser standardiser = Standardiser.fit(split.train());
        Dataset train = split.train().withFeatures(standardiser.standardiseFeatures(split.train().features()));
        Dataset test = split.test().withFeatures(standardiser.standardiseFeatures(split.test().features()));
        return of(train, test, Source.CSV, standardiser.featureMeans(), standardiser.featureStandardDeviations());
    }

    /**
     * Loads the data a project refers to: generates built-in data, or reads the MNIST folder or the
     * CSV file with the split, missing-value policy and training limit the project recorded.
     *
     * @param path the MNIST folder or CSV file, resolved against the project's folder
     *     ({@link org.epsnn.model.project.DataFiles#resolve}); ignored for built-in data
     */
    public static TrainingData of(DataReference reference, Path path) throws IOException {
        TrainingData data = switch (reference.kind()) {
            case BUILT_IN -> {
                BuiltInDatasets.Entry entry = BuiltInDatasets.get(reference.name());
                yield builtIn(reference.name(),
                        reference.trainSamples() > 0 ? reference.trainSamples() : entry.trainSize(),
                        reference.testSamples() > 0 ? reference.testSamples() : entry.testSize(),
                        Double.isNaN(reference.noise()) ? entry.noise() : reference.noise(), reference.seed());
            }
            case MNIST -> mnist(path);
            case CSV -> csv(path, reference.target(), reference.testFraction(), reference.seed(), reference.missingValues());
        };
        if (reference.trainingLimit() > 0 && reference.trainingLimit() < data.train().rows()) {
            data = data.withTrainingSamples(reference.trainingLimit());
        }
        return data;
    }

    private static TrainingData of(Dataset train, Dataset test, Source source) {
        return of(train, test, source, new double[0], new double[0]);
    }

    private static TrainingData of(Dataset train, Dataset test, Source source, double[] featureMean, double[] featureScale) {
        InputEncoding encoding = train.isImage() ? InputEncoding.THRESHOLD_HALF : InputEncoding.REAL;
        double[] mean = new double[0];
        double[] scale = new double[0];
        if (train.task() == Dataset.Task.REGRESSION) {
            Standardiser targets = Standardiser.fit(train);
            mean = targets.targetMeans();
            scale = targets.targetStandardDeviations();
        }
        return new TrainingData(train, test, source, encoding, mean, scale, featureMean, featureScale);
    }

    /** Returns the same data with only the first {@code count} training samples. */
    public TrainingData withTrainingSamples(int count) {
        return of(train.head(count), test, source, featureMean, featureScale);
    }

    /** Returns whether the targets are classes. */
    public boolean classification() {
        return train.task() == Dataset.Task.CLASSIFICATION;
    }

    /** Returns what the outputs are, for messages: "10 classes" or "1 target". */
    public String outputsText() {
        int count = train.outputCount();
        return classification() ? count + " classes" : count + (count == 1 ? " target" : " targets");
    }

    /** Returns a one-line description, for example "3000 training and 1000 test samples, 196 features, 10 classes". */
    public String summary() {
        return String.format(Locale.ROOT, "%d training and %d test samples, %d %s, %s", train.rows(), test.rows(),
                train.columns(), train.columns() == 1 ? "feature" : "features", outputsText());
    }
}
