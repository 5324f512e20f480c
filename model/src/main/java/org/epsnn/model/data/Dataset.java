package org.epsnn.model.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory table of samples: features stored row-major, and either class labels
 * (classification) or real targets (regression).
 *
 * <p>Instances are immutable: the constructor copies nothing for speed, so callers hand over
 * arrays they no longer write, and accessors return views that must not be modified. Features
 * are {@code rows x columns}; targets, when present, are {@code rows x targetCount}.
 */
public final class Dataset {

    /** What the targets of a dataset mean. */
    public enum Task {
        /** Each sample has one class label in {@code [0, classCount)}. */
        CLASSIFICATION,
        /** Each sample has {@code targetCount} real targets. */
        REGRESSION
    }

    private final String name;
    private final Task task;
    private final int rows;
    private final int columns;
    private final double[] features;
    /** Smallest and largest feature, computed on the first request; the features never change. */
    private volatile double[] featureRange;
    private final int[] labels;
    private final double[] targets;
    private final int targetCount;
    private final List<String> featureNames;
    private final List<String> classNames;
    private final List<String> targetNames;
    private final int imageWidth;
    private final int imageHeight;

    private Dataset(Builder builder) {
        this.name = builder.name;
        this.task = builder.task;
        this.rows = builder.rows;
        this.columns = builder.columns;
        this.features = builder.features;
        this.labels = builder.labels;
        this.targets = builder.targets;
        this.targetCount = builder.targetCount;
        this.featureNames = List.copyOf(builder.featureNames);
        this.classNames = List.copyOf(builder.classNames);
        this.targetNames = List.copyOf(builder.targetNames);
        this.imageWidth = builder.imageWidth;
        this.imageHeight = builder.imageHeight;
    }

    /**
     * Starts a classification dataset.
     *
     * @param features row-major {@code rows x columns}, handed over without a copy
     * @param labels class of each row in {@code [0, classNames.size())}
     */
    public static Builder classification(String name, int rows, int columns, double[] features,
                                         int[] labels, List<String> classNames) {
        Builder builder = new Builder(name, Task.CLASSIFICATION, rows, columns, features);
        builder.labels = Objects.requireNonNull(labels, "labels");
        builder.classNames = List.copyOf(classNames);
        return builder;
    }

    /**
     * Starts a regression dataset.
     *
     * @param features row-major {@code rows x columns}, handed over without a copy
     * @param targets row-major {@code rows x targetNames.size()}
     */
    public static Builder regression(String name, int rows, int columns, double[] features,
                                     double[] targets, List<String> targetNames) {
        Builder builder = new Builder(name, Task.REGRESSION, rows, columns, features);
        builder.targets = Objects.requireNonNull(targets, "targets");
        builder.targetCount = targetNames.size();
        builder.targetNames = List.copyOf(targetNames);
        return builder;
    }

    public String name() {
        return name;
    }

    public Task task() {
        return task;
    }

    /** Number of samples. */
    public int rows() {
        return rows;
    }

    /** Number of features per sample. */
    public int columns() {
        return columns;
    }

    /** Row-major {@code rows x columns} features; a view that callers must not modify. */
    public double[] features() {
        return features;
    }

    /**
     * Returns the smallest and largest feature value (NaN only when every value is NaN), as
     * {@code {low, high}}. The first call scans every feature and later calls reuse the result,
     * so a loader can call it once off the user-interface thread.
     */
    public double[] featureRange() {
        double[] range = featureRange;
        if (range == null) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double value : features) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
            range = new double[] {low, high};
            featureRange = range;
        }
        return range.clone();
    }

    /** Feature {@code column} of sample {@code row}. */
    public double feature(int row, int column) {
        return features[row * columns + column];
    }

    /** Class of each sample (classification only); a view that callers must not modify. */
    public int[] labels() {
        if (labels == null) {
            throw new IllegalStateException("Dataset '" + name + "' is a regression dataset and has no class labels");
        }
        return labels;
    }

    /** Row-major {@code rows x targetCount} targets (regression only); a view that callers must not modify. */
    public double[] targets() {
        if (targets == null) {
            throw new IllegalStateException("Dataset '" + name + "' is a classification dataset and has no real targets");
        }
        return targets;
    }

    /** Number of output neurons the dataset needs: classes for classification, targets for regression. */
    public int outputCount() {
        return task == Task.CLASSIFICATION ? classNames.size() : targetCount;
    }

    public int classCount() {
        return classNames.size();
    }

    public int targetCount() {
        return targetCount;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public List<String> classNames() {
        return classNames;
    }

    public List<String> targetNames() {
        return targetNames;
    }

    /** Whether the features are the pixels of {@code imageWidth x imageHeight} images, row by row. */
    public boolean isImage() {
        return imageWidth > 0;
    }

    public int imageWidth() {
        return imageWidth;
    }

    public int imageHeight() {
        return imageHeight;
    }

    /** Returns the samples at the given row indices, in that order, as a new dataset. */
    public Dataset select(String newName, int[] rowIndices) {
        double[] selectedFeatures = new double[rowIndices.length * columns];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(features, rowIndices[i] * columns, selectedFeatures, i * columns, columns);
        }
        Builder builder;
        if (task == Task.CLASSIFICATION) {
            int[] selectedLabels = new int[rowIndices.length];
            for (int i = 0; i < rowIndices.length; i++) {
                selectedLabels[i] = labels[rowIndices[i]];
            }
            builder = classification(newName, rowIndices.length, columns, selectedFeatures, selectedLabels, classNames);
        } else {
            double[] selectedTargets = new double[rowIndices.length * targetCount];
            for (int i = 0; i < rowIndices.length; i++) {
                System.arraycopy(targets, rowIndices[i] * targetCount, selectedTargets, i * targetCount, targetCount);
            }
            builder = regression(newName, rowIndices.length, columns, selectedFeatures, selectedTargets, targetNames);
        }
        return builder.featureNames(featureNames).image(imageWidth, imageHeight).build();
    }

    /** Returns the first {@code count} samples (or all, when fewer) as a new dataset. */
    public Dataset head(int count) {
        int[] indices = new int[Math.min(count, rows)];
        Arrays.setAll(indices, i -> i);
        return select(name, indices);
    }

    /** Returns a copy with the same targets and the given features, for example after an encoding. */
    public Dataset withFeatures(double[] newFeatures) {
        if (newFeatures.length != rows * columns) {
            throw new IllegalArgumentException("Dataset '" + name + "': new features have " + newFeatures.length
                    + " values, expected " + rows + " x " + columns);
        }
        Builder builder = task == Task.CLASSIFICATION
                ? classification(name, rows, columns, newFeatures, labels, classNames)
                : regression(name, rows, columns, newFeatures, targets, targetNames);
        return builder.featureNames(featureNames).image(imageWidth, imageHeight).build();
    }

    @Override
    public String toString() {
        return name + " (" + rows + " samples, " + columns + " features, "
                + (task == Task.CLASSIFICATION ? classNames.size() + " classes" : targetCount + " targets") + ")";
    }

    /** Collects the optional parts of a dataset and checks the whole before building it. */
    public static final class Builder {
        private final String name;
        private final Task task;
        private final int rows;
        private final int columns;
        private final double[] features;
        private int[] labels;
        private double[] targets;
        private int targetCount;
        private List<String> featureNames = List.of();
        private List<String> classNames = List.of();
        private List<String> targetNames = List.of();
        private int imageWidth;
        private int imageHeight;

        private Builder(String name, Task task, int rows, int columns, double[] features) {
            this.name = Objects.requireNonNull(name, "name");
            this.task = task;
            this.rows = rows;
            this.columns = columns;
            this.features = Objects.requireNonNull(features, "features");
        }

        /** Names of the feature columns; empty means unnamed. */
        public Builder featureNames(List<String> names) {
            this.featureNames = List.copyOf(names);
            return this;
        }

        /** Marks the features as the pixels of {@code width x height} images; 0 and 0 means not images. */
        public Builder image(int width, int height) {
            this.imageWidth = width;
            this.imageHeight = height;
            return this;
        }

        /**
         * Checks shapes and values and builds the dataset.
         *
         * @throws IllegalArgumentException naming the dataset and the first inconsistency
         */
        public Dataset build() {
            if (rows < 0 || columns <= 0) {
                throw new IllegalArgumentException("Dataset '" + name + "': needs at least one feature column, got "
                        + rows + " rows and " + columns + " columns");
            }
            if (features.length != rows * columns) {
                throw new IllegalArgumentException("Dataset '" + name + "': " + features.length
                        + " feature values do not fill " + rows + " rows x " + columns + " columns");
            }
            if (!featureNames.isEmpty() && featureNames.size() != columns) {
                throw new IllegalArgumentException("Dataset '" + name + "': " + featureNames.size()
                        + " feature names for " + columns + " columns");
            }
            if (imageWidth < 0 || imageHeight < 0 || (imageWidth > 0 && imageWidth * imageHeight != columns)) {
                throw new IllegalArgumentException("Dataset '" + name + "': image size " + imageWidth + " x "
                        + imageHeight + " does not match " + columns + " columns");
            }
            if (task == Task.CLASSIFICATION) {
                checkLabels();
            } else {
                checkTargets();
            }
            return new Dataset(this);
        }

        private void checkLabels() {
            if (classNames.size() < 2) {
                throw new IllegalArgumentException("Dataset '" + name + "': classification needs at least 2 classes, got "
                        + classNames.size());
            }
            if (labels.length != rows) {
                throw new IllegalArgumentException("Dataset '" + name + "': " + labels.length + " labels for " + rows + " rows");
            }
            for (int row = 0; row < rows; row++) {
                if (labels[row] < 0 || labels[row] >= classNames.size()) {
                    throw new IllegalArgumentException("Dataset '" + name + "': row " + row + " has label " + labels[row]
                            + ", outside the " + classNames.size() + " classes");
                }
            }
        }

        private void checkTargets() {
            if (targetCount < 1) {
                throw new IllegalArgumentException("Dataset '" + name + "': regression needs at least one target");
            }
            if (targets.length != rows * targetCount) {
                throw new IllegalArgumentException("Dataset '" + name + "': " + targets.length + " target values for "
                        + rows + " rows x " + targetCount + " targets");
            }
        }
    }
}
