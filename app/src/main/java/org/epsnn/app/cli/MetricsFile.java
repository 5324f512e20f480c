package org.epsnn.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.epsnn.model.training.Evaluation;
import org.epsnn.model.training.PassSummary;

/**
 * A CSV file with one row of metrics per pass. After every pass the whole file is written to a
 * temporary file in the same folder and moved over the old one. A run killed at any moment
 * therefore leaves either the previous or the new complete file.
 *
 * <p>Numbers use {@code .} as decimal separator under every default locale. A metric that does
 * not apply (test accuracy of a regression run, train metrics with {@code --train-eval 0}) is
 * written as {@code NaN}. Accuracies are fractions in [0, 1].
 */
final class MetricsFile {

    /** The header, in column order. */
    static final List<String> COLUMNS = List.of("pass", "samples_seen", "seconds", "evaluation_seconds",
            "samples_per_second", "running_train_accuracy", "train_accuracy", "train_accuracy_deterministic",
            "test_accuracy", "test_accuracy_deterministic", "test_nll", "test_ece", "clipped", "train_rmse",
            "test_rmse", "test_rmse_deterministic", "test_log_likelihood");

    private final Path path;
    private final List<String> lines = new ArrayList<>();

    /** Creates the file with the header only, replacing an existing file. */
    MetricsFile(Path path) throws IOException {
        this.path = path.toAbsolutePath();
        lines.add(String.join(",", COLUMNS));
        write();
    }

    Path path() {
        return path;
    }

    /** Appends the row of a pass and rewrites the file. */
    void append(PassSummary summary) throws IOException {
        lines.add(row(summary));
        write();
    }

    static String row(PassSummary summary) {
        Evaluation train = summary.train();
        Evaluation test = summary.test();
        List<String> cells = List.of(
                Integer.toString(summary.pass()),
                Long.toString(summary.samplesSeen()),
                number("%.3f", summary.seconds()),
                number("%.3f", summary.evaluationSeconds()),
                number("%.1f", summary.samplesPerSecond()),
                number("%.6f", summary.runningTrainAccuracy()),
                number("%.6f", train.bayesian().accuracy()),
                number("%.6f", train.deterministicAccuracy()),
                number("%.6f", test.bayesian().accuracy()),
                number("%.6f", test.deterministicAccuracy()),
                number("%.6g", test.bayesian().negativeLogLikelihood()),
                number("%.6g", test.bayesian().calibrationError()),
                Long.toString(summary.clippedCount()),
                number("%.6g", train.bayesianRegression().rootMeanSquaredError()),
                number("%.6g", test.bayesianRegression().rootMeanSquaredError()),
                number("%.6g", test.deterministicRootMeanSquaredError()),
                number("%.6g", test.bayesianRegression().logLikelihood()));
        return String.join(",", cells);
    }

    private static String number(String pattern, double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return String.format(Locale.ROOT, pattern, value);
    }

    private void write() throws IOException {
        // Files.createTempFile would create the file readable by its owner only; a plain write
        // keeps the permissions that the umask gives every other output file.
        Path temporary = path.resolveSibling("." + path.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
