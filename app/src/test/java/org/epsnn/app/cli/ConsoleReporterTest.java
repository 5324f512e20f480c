package org.epsnn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.epsnn.model.training.BatchStatistics;
import org.epsnn.model.training.ClassificationMetrics;
import org.epsnn.model.training.Evaluation;
import org.epsnn.model.training.RegressionMetrics;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {

    private static final long MILLISECOND = 1_000_000L;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    private ConsoleReporter reporter(boolean terminal) {
        return new ConsoleReporter(new PrintWriter(out), new PrintWriter(err), terminal, true, null, clock::get);
    }

    private static BatchStatistics batch(int done, int total) {
        return new BatchStatistics(1, done / 10, total / 10, 10, done, done, total, -0.5, 0.9, new double[] {0},
                0, done / 1000.0, 1000);
    }

    @Test
    void plainLinesAtEveryTenthOfPass() {
        ConsoleReporter reporter = reporter(false);

        // 100 batches 20 ms apart: the pass lasts 2 s, so every tenth after the first second prints.
        for (int done = 10; done <= 1000; done += 10) {
            clock.addAndGet(20 * MILLISECOND);
            reporter.batchCompleted(batch(done, 1000));
        }

        assertThat(err.toString().lines()).hasSize(6);
        assertThat(err.toString().lines().findFirst()).hasValue("Pass 1: 51 % (510 of 1000 samples, 1000 samples/s, ETA 0:00)");
        assertThat(err.toString()).contains("Pass 1: 60 % (600 of 1000 samples, 1000 samples/s, ETA 0:00)")
                .contains("Pass 1: 100 % (1000 of 1000 samples, 1000 samples/s, evaluating)")
                .doesNotContain("\r");
    }

    @Test
    void evaluationInsidePassIsPrinted() {
        ConsoleReporter reporter = reporter(false);
        Evaluation test = new Evaluation(new ClassificationMetrics(0.9321, 0.25, 0.02, 1000), 0.91, RegressionMetrics.NONE, Double.NaN);

        reporter.batchCompleted(batch(500, 1000));
        reporter.evaluated(500, 1, 0.9, test);
        reporter.batchCompleted(batch(1000, 1000));
        reporter.evaluated(1000, 1, 0.9, test);

        assertThat(err.toString().lines().filter(line -> line.contains("test"))).containsExactly("Pass 1: test 93.21 % after 500 samples");
    }

    @Test
    void shortPassPrintsNoPlainProgress() {
        ConsoleReporter reporter = reporter(false);

        for (int done = 10; done <= 1000; done += 10) {
            clock.addAndGet(MILLISECOND);
            reporter.batchCompleted(batch(done, 1000));
        }

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void terminalBarRedrawsThrottled() {
        ConsoleReporter reporter = reporter(true);

        // 99 batches 2 ms apart span 0.2 s: the bar is drawn for the first batch and 0.1 s later.
        for (int done = 10; done < 1000; done += 10) {
            clock.addAndGet(2 * MILLISECOND);
            reporter.batchCompleted(batch(done, 1000));
        }

        assertThat(err.toString().chars().filter(character -> character == '\r').count()).isEqualTo(2);
        assertThat(err.toString()).contains("Pass 1 [").contains("ETA 0:00");
    }

    @Test
    void terminalBarAlwaysShowsEndOfPass() {
        ConsoleReporter reporter = reporter(true);

        reporter.batchCompleted(batch(990, 1000));
        reporter.batchCompleted(batch(1000, 1000));

        assertThat(err.toString()).contains("100 %").contains("evaluating...");
    }

    @Test
    void clearBarErasesDrawnBar() {
        ConsoleReporter reporter = reporter(true);
        reporter.batchCompleted(batch(500, 1000));

        reporter.clearBar();

        assertThat(err.toString()).endsWith("\r");
        assertThat(out.toString()).isEmpty();
    }
}
