package org.epsnn.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AccuracyDropTest {

    private static PassSummary pass(int number, double testAccuracy) {
        Evaluation test = new Evaluation(new ClassificationMetrics(testAccuracy, 0.5, 0.1, 500), testAccuracy,
                RegressionMetrics.NONE, Double.NaN);
        return new PassSummary(number, 0.1, 0.01, 500L * number, 0.9, Evaluation.NONE, test, 0, 5000);
    }

    @Test
    void smallDatasetDropSuggestsDamping() {
        Optional<String> warning = AccuracyDrop.warning(0.972, 0.972, pass(2, 0.5), 1.0, 100, 500);

        assertThat(warning).contains("Pass 2: test accuracy fell from 97.2 % to 50.0 %. Try damping 0.5 or less, or a smaller batch:"
                + " each batch of 100 replaced 20 % of the sites of 500 samples at damping 1.");
    }

    @Test
    void largeDatasetDropSuggestsLowerDamping() {
        Optional<String> warning = AccuracyDrop.warning(0.95, 0.95, pass(3, 0.6), 1.0, 100, 60_000);

        assertThat(warning).contains("Pass 3: test accuracy fell from 95.0 % to 60.0 %. Try a lower damping than 1 or a damping schedule.");
    }

    @Test
    void smallDropOrFirstPassGivesNone() {
        assertThat(AccuracyDrop.warning(0.97, 0.97, pass(2, 0.80), 1.0, 100, 500)).as("fall of 17 points").isEmpty();
        assertThat(AccuracyDrop.warning(Double.NaN, Double.NaN, pass(2, 0.5), 1.0, 100, 500)).as("no earlier pass").isEmpty();
        assertThat(AccuracyDrop.warning(0.97, 0.97, pass(1, 0.5), 1.0, 100, 500)).as("first pass").isEmpty();
        assertThat(AccuracyDrop.warning(0.97, 0.5, pass(3, 0.5), 1.0, 100, 500)).as("pass after the fall").isEmpty();
    }

    @Test
    void checkReportsFallOnce() {
        AccuracyDrop drops = new AccuracyDrop();

        assertThat(drops.check(pass(1, 0.972), 1.0, 100, 500)).as("pass 1").isEmpty();
        assertThat(drops.check(pass(2, 0.5), 1.0, 100, 500)).as("pass 2").isPresent();
        assertThat(drops.check(pass(3, 0.5), 1.0, 100, 500)).as("pass 3").isEmpty();
    }

    @Test
    void regressionPassGivesNone() {
        PassSummary regression = new PassSummary(2, 0.1, 0.01, 1000, Double.NaN, Evaluation.NONE, Evaluation.NONE, 0, 5000);

        assertThat(AccuracyDrop.warning(0.97, 0.97, regression, 1.0, 100, 500)).isEmpty();
    }
}
