package org.epsnn.model.data;

import java.util.Arrays;

/**
 * Per-column standardisation, {@code (x - mean) / standardDeviation}, with statistics fitted on a
 * training set and applied unchanged to any dataset with the same columns, so the test set never
 * influences the scaling.
 *
 * <p>For a regression dataset the targets are standardised too, and {@link #inverseTargets} and
 * {@link #inverseTargetScale} turn predictions back into the original units. The standard
 * deviation is the population one (divided by the row count). A column whose standard deviation
 * is at most {@link #CONSTANT_TOLERANCE} times {@code max(1, |mean|)} counts as constant and gets
 * standard deviation 1, so it becomes 0 after centring instead of dividing by almost nothing.
 */
public final class Standardiser {

    /** Relative standard deviation below which a column counts as constant. */
    public static final double CONSTANT_TOLERANCE = 1e-12;

    private final int columns;
    private final double[] featureMeans;
    private final double[] featureStandardDeviations;
    private final double[] targetMeans;
    private final double[] targetStandardDeviations;

    private Standardiser(int columns, double[] featureMeans, double[] featureStandardDeviations,
                         double[] targetMeans, double[] targetStandardDeviations) {
        this.columns = columns;
        this.featureMeans = featureMeans;
        this.featureStandardDeviations = featureStandardDeviations;
        this.targetMeans = targetMeans;
        this.targetStandardDeviations = targetStandardDeviations;
    }

    /**
     * Fits the mean and standard deviation of every feature column, and of every target of a
     * regression dataset.
     *
     * @throws IllegalArgumentException when the dataset has no rows
     */
    public static Standardiser fit(Dataset train) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("Dataset '" + train.name() + "' has no rows to fit a standardiser on");
        }
        int columns = train.columns();
        double[] featureMeans = new double[columns];
        double[] featureDeviations = new double[columns];
        columnStatistics(train.features(), train.rows(), columns, featureMeans, featureDeviations);

        double[] targetMeans = null;
        double[] targetDeviations = null;
        if (train.task() == Dataset.Task.REGRESSION) {
            targetMeans = new double[train.targetCount()];
            targetDeviations = new double[train.targetCount()];
            columnStatistics(train.targets(), train.rows(), train.targetCount(), targetMeans, targetDeviations);
        }
        return new Standardiser(columns, featureMeans, featureDeviations, targetMeans, targetDeviations);
    }

    /**
     * Returns a copy of the dataset with standardised features, and standardised targets when it
     * is a regression dataset.
     *
     * @throws IllegalArgumentException when the column or target count differs from the fitted
     *     dataset, or when a regression dataset meets a standardiser fitted on classification
     */
    public Dataset apply(Dataset dataset) {
        checkColumns(dataset);
        double[] features = standardiseFeatures(dataset.features());
        if (dataset.task() == Dataset.Task.CLASSIFICATION) {
            return dataset.withFeatures(features);
        }
        if (targetMeans == null) {
            throw new IllegalArgumentException("Standardiser was fitted on a classification dataset and has no target "
                    + "statistics for regression dataset '" + dataset.name() + "'. Fit it on a regression dataset.");
        }
        if (dataset.targetCount() != targetMeans.length) {
            throw new IllegalArgumentException("Dataset '" + dataset.name() + "' has " + dataset.targetCount()
                    + " targets, but the standardiser was fitted on " + targetMeans.length);
        }
        double[] targets = transform(dataset.targets(), targetMeans, targetStandardDeviations);
        return Dataset.regression(dataset.name(), dataset.rows(), dataset.columns(), features, targets,
                        dataset.targetNames())
                .featureNames(dataset.featureNames())
                .image(dataset.imageWidth(), dataset.imageHeight())
                .build();
    }

    /**
     * Returns standardised copies of row-major features with the fitted column count, for
     * example of one sample that a user draws.
     */
    public double[] standardiseFeatures(double[] features) {
        if (features.length % columns != 0) {
            throw new IllegalArgumentException(features.length + " feature values are not whole rows of " + columns
                    + " columns");
        }
        return transform(features, featureMeans, featureStandardDeviations);
    }

    /**
     * Returns standardised targets turned back into the original units.
     *
     * @param standardisedTargets row-major {@code rows x targetCount}
     */
    public double[] inverseTargets(double[] standardisedTargets) {
        requireTargetStatistics();
        int targetCount = targetMeans.length;
        if (standardisedTargets.length % targetCount != 0) {
            throw new IllegalArgumentException(standardisedTargets.length + " target values are not whole rows of "
                    + targetCount + " targets");
        }
        double[] original = new double[standardisedTargets.length];
        for (int i = 0; i < original.length; i++) {
            int target = i % targetCount;
            original[i] = standardisedTargets[i] * targetStandardDeviations[target] + targetMeans[target];
        }
        return original;
    }

    /**
     * Returns a spread of target {@code target}, such as a predictive standard deviation, in the
     * original units: the standardised value times the fitted standard deviation, without shift.
     */
    public double inverseTargetScale(double standardisedSpread, int target) {
        requireTargetStatistics();
        return standardisedSpread * targetStandardDeviations[target];
    }

    /** Returns whether the standardiser was fitted on a regression dataset and so also scales targets. */
    public boolean hasTargetStatistics() {
        return targetMeans != null;
    }

    /** Returns a copy of the fitted feature means. */
    public double[] featureMeans() {
        return featureMeans.clone();
    }

    /** Returns a copy of the fitted feature standard deviations, 1 for constant columns. */
    public double[] featureStandardDeviations() {
        return featureStandardDeviations.clone();
    }

    /** Returns a copy of the fitted target means. */
    public double[] targetMeans() {
        requireTargetStatistics();
        return targetMeans.clone();
    }

    /** Returns a copy of the fitted target standard deviations, 1 for constant targets. */
    public double[] targetStandardDeviations() {
        requireTargetStatistics();
        return targetStandardDeviations.clone();
    }

    @Override
    public String toString() {
        return "Standardiser(" + columns + " columns, means " + Arrays.toString(featureMeans) + ")";
    }

    private void checkColumns(Dataset dataset) {
        if (dataset.columns() != columns) {
            throw new IllegalArgumentException("Dataset '" + dataset.name() + "' has " + dataset.columns()
                    + " columns, but the standardiser was fitted on " + columns);
        }
    }

    private void requireTargetStatistics() {
        if (targetMeans == null) {
            throw new IllegalStateException("Standardiser was fitted on a classification dataset and has no target "
                    + "statistics");
        }
    }

    /** Computes column means and population standard deviations in two passes, for accuracy. */
    private static void columnStatistics(double[] values, int rows, int columns, double[] means, double[] deviations) {
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                means[column] += values[row * columns + column];
            }
        }
        for (int column = 0; column < columns; column++) {
            means[column] /= rows;
        }

        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                double deviation = values[row * columns + column] - means[column];
                deviations[column] += deviation * deviation;
            }
        }
        for (int column = 0; column < columns; column++) {
            double standardDeviation = Math.sqrt(deviations[column] / rows);
            boolean constant = standardDeviation <= CONSTANT_TOLERANCE * Math.max(1.0, Math.abs(means[column]));
            deviations[column] = constant ? 1.0 : standardDeviation;
        }
    }

    private static double[] transform(double[] values, double[] means, double[] deviations) {
        int columns = means.length;
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int column = i % columns;
            result[i] = (values[i] - means[column]) / deviations[column];
        }
        return result;
    }
}
