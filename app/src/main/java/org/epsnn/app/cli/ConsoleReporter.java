package org.epsnn.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.epsnn.model.training.BatchStatistics;
import org.epsnn.model.training.Evaluation;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.TrainingListener;

/**
 * Reports a training run on the console: the progress of each pass on stderr, and one line of
 * results per pass on stdout. It also appends each pass to the metrics file, when there is one.
 *
 * <p>On a terminal the progress is a bar redrawn in place with a carriage return, at most
 * {@link #MAX_REDRAWS_PER_SECOND} times a second. Elsewhere (a pipe, a log file, CI) it is a
 * plain line at every 10 % of the pass, once the pass has run for {@link #QUIET_SECONDS} second, so
 * that passes over small datasets print only their result.
 */
final class ConsoleReporter implements TrainingListener {

    static final int MAX_REDRAWS_PER_SECOND = 10;
    /** Passes shorter than this print no progress lines when the output is not a terminal. */
    static final int QUIET_SECONDS = 1;

    private static final long REDRAW_NANOS = 1_000_000_000L / MAX_REDRAWS_PER_SECOND;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean classification;
    /** Whether the last batch finished its pass, so that the next evaluation is the pass's own. */
    private boolean lastBatchEndedPass;
    private final MetricsFile metrics;
    private final LongSupplier nanoClock;

    private long lastRedraw;
    private int lastBarLength;
    private int nextTenth = 1;
    private long passStart = -1;
    /** Checks each finished pass and returns a warning to print, or empty. */
    private java.util.function.Function<PassSummary, java.util.Optional<String>> passCheck = summary -> java.util.Optional.empty();

    /**
     * @param terminal whether stderr and stdout are a terminal, so the bar can be redrawn in place
     * @param metrics the file to append each pass to, or null
     * @param nanoClock the clock that paces redraws, {@link System#nanoTime} outside tests
     */
    ConsoleReporter(PrintWriter out, PrintWriter err, boolean terminal, boolean classification, MetricsFile metrics,
                    LongSupplier nanoClock) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.classification = classification;
        this.metrics = metrics;
        this.nanoClock = nanoClock;
        this.lastRedraw = nanoClock.getAsLong() - REDRAW_NANOS;
    }

    @Override
    public void batchCompleted(BatchStatistics statistics) {
        boolean passDone = statistics.samplesInPass() >= statistics.passSamples();
        lastBatchEndedPass = passDone;
        if (terminal) {
            long now = nanoClock.getAsLong();
            if (passDone || now - lastRedraw >= REDRAW_NANOS) {
                lastRedraw = now;
                drawBar(statistics, passDone);
            }
            return;
        }
        long now = nanoClock.getAsLong();
        if (passStart < 0) {
            passStart = now;
        }
        int tenth = (int) Math.floor(statistics.passProgress() * 10 + 1e-9);
        if (tenth >= nextTenth && now - passStart >= QUIET_SECONDS * 1_000_000_000L) {
            nextTenth = tenth + 1;
            err.println(progressLine(statistics, passDone));
            err.flush();
        }
    }

    /** Prints a test evaluation made inside a pass (see {@code --eval-interval}); the one after a pass is in the pass line. */
    @Override
    public void evaluated(long samplesSeen, int pass, double runningTrainAccuracy, Evaluation test) {
        if (lastBatchEndedPass) {
            return;
        }
        clearBar();
        String result = classification
                ? String.format(Locale.ROOT, "test %.2f %%", 100 * test.bayesian().accuracy())
                : String.format(Locale.ROOT, "test RMSE %.4f", test.bayesianRegression().rootMeanSquaredError());
        err.println(String.format(Locale.ROOT, "Pass %d: %s after %,d samples", pass, result, samplesSeen));
        err.flush();
    }

    @Override
    public void passCompleted(PassSummary summary) {
        clearBar();
        nextTenth = 1;
        passStart = -1;
        out.println(classification ? classificationLine(summary) : regressionLine(summary));
        out.flush();
        passCheck.apply(summary).ifPresent(warning -> {
            err.println("Warning: " + warning);
            err.flush();
        });
        if (metrics != null) {
            try {
                metrics.append(summary);
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to write the metrics file " + metrics.path() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Sets the check of each finished pass, whose warning goes to stderr after the pass's line. */
    void setPassCheck(java.util.function.Function<PassSummary, java.util.Optional<String>> check) {
        passCheck = java.util.Objects.requireNonNull(check, "check");
    }

    /** Removes a bar that is still on the screen, for example before an error message. */
    void clearBar() {
        if (lastBarLength > 0) {
            err.print("\r" + " ".repeat(lastBarLength) + "\r");
            err.flush();
            lastBarLength = 0;
        }
    }

    private void drawBar(BatchStatistics statistics, boolean passDone) {
        double progress = statistics.passProgress();
        int filled = (int) Math.round(progress * BAR_WIDTH);
        String bar = "Pass " + statistics.pass() + " [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d %%", (int) Math.floor(progress * 100)) + "  "
                + Math.round(statistics.samplesPerSecond()) + " samples/s  "
                + (passDone ? "evaluating..." : "ETA " + Formats.duration(remainingSeconds(statistics)));
        int padding = Math.max(0, lastBarLength - bar.length());
        err.print("\r" + bar + " ".repeat(padding));
        err.flush();
        lastBarLength = bar.length();
    }

    private static String progressLine(BatchStatistics statistics, boolean passDone) {
        return "Pass " + statistics.pass() + ": " + (int) Math.floor(statistics.passProgress() * 100) + " % ("
                + statistics.samplesInPass() + " of " + statistics.passSamples() + " samples, "
                + Math.round(statistics.samplesPerSecond()) + " samples/s, "
                + (passDone ? "evaluating" : "ETA " + Formats.duration(remainingSeconds(statistics))) + ")";
    }

    private static double remainingSeconds(BatchStatistics statistics) {
        double rate = statistics.samplesPerSecond();
        return rate > 0 ? (statistics.passSamples() - statistics.samplesInPass()) / rate : Double.NaN;
    }

    static String classificationLine(PassSummary summary) {
        Evaluation train = summary.train();
        Evaluation test = summary.test();
        return "Pass " + summary.pass() + ": " + Formats.fixed(summary.seconds(), 1) + " s"
                + ", train " + Formats.percent(train.bayesian().accuracy())
                + " (deterministic " + Formats.percent(train.deterministicAccuracy()) + ")"
                + ", test " + Formats.percent(test.bayesian().accuracy())
                + " (deterministic " + Formats.percent(test.deterministicAccuracy()) + ")"
                + ", test NLL " + Formats.fixed(test.bayesian().negativeLogLikelihood(), 4)
                + ", ECE " + Formats.fixed(test.bayesian().calibrationError(), 4)
                + ", clipped " + summary.clippedCount()
                + ", " + Math.round(summary.samplesPerSecond()) + " samples/s";
    }

    static String regressionLine(PassSummary summary) {
        Evaluation train = summary.train();
        Evaluation test = summary.test();
        return "Pass " + summary.pass() + ": " + Formats.fixed(summary.seconds(), 1) + " s"
                + ", train RMSE " + Formats.significant(train.bayesianRegression().rootMeanSquaredError(), 4)
                + ", test RMSE " + Formats.significant(test.bayesianRegression().rootMeanSquaredError(), 4)
                + " (deterministic " + Formats.significant(test.deterministicRootMeanSquaredError(), 4) + ")"
                + ", test log-likelihood " + Formats.significant(test.bayesianRegression().logLikelihood(), 4)
                + ", clipped " + summary.clippedCount()
                + ", " + Math.round(summary.samplesPerSecond()) + " samples/s";
    }
}
