package org.epsnn.model.data;

import java.util.Objects;

/**
 * A training set and a test set with the same columns and the same task.
 *
 * @param train the samples to train on
 * @param test the held-out samples to evaluate on
 */
public record TrainTestSplit(Dataset train, Dataset test) {

    public TrainTestSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.columns() != test.columns() || train.task() != test.task()) {
            throw new IllegalArgumentException("Training set " + train + " and test set " + test
                    + " must have the same number of columns and the same task");
        }
    }
}
