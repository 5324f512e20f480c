package org.epsnn.views.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.epsnn.views.testing.ExportChecks;
import org.epsnn.views.chart.Histogram;
import org.epsnn.views.draw.ValueRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HistogramHistoryViewTest {

    private HistogramHistoryView view;

    @Start
    void start(Stage stage) {
        view = new HistogramHistoryView("weight mean", 4, 3);
        stage.setScene(new Scene(view, 600, 360));
        stage.show();
    }

    @Test
    void keepsOnlyLastSteps() throws Exception {
        onFx(() -> {
            for (int step = 0; step < 10; step++) {
                view.addStep(step, new double[] {0, 1, 2});
            }
        });

        assertThat(view.stepCount()).isEqualTo(3);
    }

    @Test
    void restoreKeepsSavedStepsAndRange() throws Exception {
        ValueRange range = new ValueRange(-2, 2);
        List<HistogramHistory.Step> saved = List.of(
                new HistogramHistory.Step(100, Histogram.ofCounts(range, new long[] {1, 2, 3, 4}, 0, 0)),
                new HistogramHistory.Step(200, Histogram.ofCounts(range, new long[] {0, 5, 5, 0}, 1, 2)),
                new HistogramHistory.Step(300, Histogram.ofCounts(range, new long[] {2, 2, 2, 4}, 0, 0)),
                new HistogramHistory.Step(400, Histogram.ofCounts(range, new long[] {0, 0, 9, 1}, 0, 0)));

        onFx(() -> view.restore(range, saved));

        assertThat(view.valueRange()).as("range").isEqualTo(range);
        assertThat(view.steps()).as("the newest 3 of 4 steps").containsExactlyElementsOf(saved.subList(1, 4));
        assertThat(view.lastTime()).as("last time").isEqualTo(400);
        assertThat(view.steps().get(0).histogram().clampedCount()).as("clamped count of the oldest kept step").isEqualTo(2);
    }

    @Test
    void restoreRejectsStepsOnAnotherRange() throws Exception {
        ValueRange range = new ValueRange(-2, 2);
        List<HistogramHistory.Step> mixed = List.of(
                new HistogramHistory.Step(100, Histogram.ofCounts(range, new long[] {1, 2, 3, 4}, 0, 0)),
                new HistogramHistory.Step(200, Histogram.ofCounts(new ValueRange(-3, 3), new long[] {1, 2, 3, 4}, 0, 0)));
        onFx(() -> view.addStep(0, new double[] {0, 1}));

        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> onFx(() -> view.restore(range, mixed)));

        assertThat(error).as("error").hasStackTraceContaining("expected 4 over");
        assertThat(view.stepCount()).as("steps kept").isEqualTo(1);
    }

    @Test
    void showSwitchesHistoryAndKeepsBoth() throws Exception {
        HistogramHistory other = new HistogramHistory(4, 3);
        HistogramHistory first = onFx(() -> {
            view.addStep(0, new double[] {0, 1});
            HistogramHistory own = view.history();
            view.show(other);
            view.addStep(5, new double[] {2, 3});
            view.addStep(6, new double[] {2, 3});
            return own;
        });

        assertThat(view.stepCount()).as("steps on show after switching").isEqualTo(2);
        assertThat(first.stepCount()).as("steps of the history shown before").isEqualTo(1);
        onFx(() -> view.show(first));
        assertThat(view.lastTime()).as("last time after switching back").isEqualTo(0);
    }

    @Test
    void rangeComesFromFirstStepWithMargin() throws Exception {
        onFx(() -> view.addStep(0, new double[] {0, 10}));

        assertThat(view.valueRange().low()).isEqualTo(-1.0);
        assertThat(view.valueRange().high()).isEqualTo(11.0);
    }

    @Test
    void binnedStepTakesFirstRange() throws Exception {
        Histogram first = HistogramHistory.binStep(new double[] {0, 10}, 4, null);

        assertThat(onFx(() -> view.addBinnedStep(0, first))).as("first binned step accepted").isTrue();
        assertThat(view.valueRange()).isEqualTo(first.range());
        assertThat(view.stepCount()).isEqualTo(1);
    }

    @Test
    void binnedStepOnOtherRangeIsRejected() throws Exception {
        onFx(() -> view.addStep(0, new double[] {0, 10}));
        Histogram elsewhere = HistogramHistory.binStep(new double[] {3, 4}, 4, null);
        Histogram matching = HistogramHistory.binStep(new double[] {3, 4}, 4, view.valueRange());

        assertThat(onFx(() -> view.addBinnedStep(1, elsewhere))).as("step binned on a narrower range").isFalse();
        assertThat(view.stepCount()).as("steps after the rejected one").isEqualTo(1);
        assertThat(onFx(() -> view.addBinnedStep(1, matching))).as("step binned on the view's range").isTrue();
        assertThat(view.stepCount()).as("steps after the matching one").isEqualTo(2);
    }

    @Test
    void spreadingStepWidensRangeAndKeepsCounts() throws Exception {
        onFx(() -> view.addStep(0, new double[] {0, 1, 2, 3}));
        ValueRange first = view.valueRange();
        Histogram wider = HistogramHistory.binStep(new double[] {-30, 0, 1, 40}, 4, first);

        assertThat(onFx(() -> view.addBinnedStep(1, wider))).as("step binned on a wider range").isTrue();
        assertThat(view.valueRange().low()).as("low end after widening").isLessThanOrEqualTo(-30);
        assertThat(view.valueRange().high()).as("high end after widening").isGreaterThanOrEqualTo(40);
        assertThat(view.noteText()).as("note after widening").isEmpty();
        onFx(() -> view.addStep(2, new double[] {-100, 5}));
        assertThat(view.valueRange().low()).as("low end after a step on the FX thread").isLessThanOrEqualTo(-100);
        assertThat(view.stepCount()).isEqualTo(3);
        assertThat(view.noteText()).as("note after the third step").isEmpty();
    }

    @Test
    void valuesOutsideRangeAreNoted() throws Exception {
        onFx(() -> {
            view.setValueRange(0, 1);
            view.addStep(0, new double[] {0.5, 3, Double.NaN});
        });

        assertThat(view.noteText())
                .isEqualTo("1 values outside the range counted in the edge bins; 1 NaN or infinite values ignored");
    }

    @Test
    void csvListsCountsPerStep(@TempDir Path folder) throws Exception {
        Path csv = folder.resolve("history.csv");

        onFx(() -> {
            view.setValueRange(0, 4);
            view.addStep(1, new double[] {0.5, 3.5});
            view.addStep(2, new double[] {1.5});
            view.exportCsv(csv);
        });

        List<String> lines = ExportChecks.assertCsv(csv, "time,bin_low,bin_high,count");
        assertThat(lines).hasSize(9).contains("1.0,0.0,1.0,1", "1.0,3.0,4.0,1", "2.0,1.0,2.0,1");
    }

    @Test
    void colourScaleIgnoresOneBinPrior() {
        ValueRange range = new ValueRange(-2, 2);
        List<HistogramHistory.Step> steps = List.of(
                new HistogramHistory.Step(0, Histogram.ofCounts(range, new long[] {0, 10, 0, 0}, 0, 0)),
                new HistogramHistory.Step(10, Histogram.ofCounts(range, new long[] {2, 3, 3, 2}, 0, 0)),
                new HistogramHistory.Step(20, Histogram.ofCounts(range, new long[] {1, 4, 4, 1}, 0, 0)));

        assertThat(HistogramHistoryView.colourTop(steps)).as("lower median of 1.0, 0.3 and 0.4").isEqualTo(0.4);
        assertThat(HistogramHistoryView.colourTop(steps.subList(0, 2))).as("lower median of 1.0 and 0.3").isEqualTo(0.3);
        assertThat(HistogramHistoryView.colourTop(List.of())).as("no steps").isEqualTo(1.0);
    }
}
