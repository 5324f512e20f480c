package org.epsnn.app.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiFunction;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.data.BuiltInDatasets;

/** The {@code --dataset} value of the commands: a built-in name, an MNIST folder or a CSV file. */
final class DatasetArgument {

    private DatasetArgument() {
    }

    /**
     * Tells which kind of source {@code value} names, after checking that it exists.
     *
     * @param usageError builds the exception for an invalid value from the option name and the problem
     */
    static TrainingData.Source sourceOf(String value, BiFunction<String, String, RuntimeException> usageError) {
        if (BuiltInDatasets.names().contains(value.toLowerCase(Locale.ROOT))) {
            return TrainingData.Source.BUILT_IN;
        }
        String expected = "expected a built-in dataset (" + String.join(", ", BuiltInDatasets.names())
                + "), a folder with the MNIST IDX files, or a .csv file";
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw usageError.apply("--dataset", "'" + value + "' is not a valid path; " + expected);
        }
        if (Files.isDirectory(path)) {
            return TrainingData.Source.MNIST;
        }
        if (Files.isRegularFile(path)) {
            if (!value.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                throw usageError.apply("--dataset", "'" + value + "' is not a .csv file; " + expected);
            }
            return TrainingData.Source.CSV;
        }
        throw usageError.apply("--dataset", "'" + value + "' not found; " + expected);
    }
}
