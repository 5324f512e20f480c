package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.epsnn.app.workbench.WorkbenchController.RunState;
import org.epsnn.views.chart.DecimatedSeries;
import org.epsnn.views.chart.MetricChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compares EP with the gradient baseline in the window on the built-in stroke digits, as a user
 * does: the Compare button trains EP (when nothing was trained yet) and then the baseline, and
 * the comparison chart shows both curves against passes or seconds.
 */
@ExtendWith(ApplicationExtension.class)
class CompareChartTest {

    /** Maximum wait for data to load or both trainers to finish; 2 passes take a few seconds. */
    private static final long TIMEOUT_SECONDS = 120;
    private static final int PASSES = 2;

    private WorkbenchController controller;
    private MainWindow window;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        controller = new WorkbenchController();
        window = new MainWindow(stage, controller);
        // Monocle's headless screen is 1280 x 800; a larger window overflows its frame buffer.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        stage.show();
    }

    @Stop
    void stop() {
        controller.stop();
        controller.cancelComparison();
    }

    @Test
    void statusFitsTheNarrowPane() throws Exception {
        onFx(() -> {
            window.plots().showComparison();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.Label status = onFx(() -> (javafx.scene.control.Label) window.plots().tabs().getScene().lookup("#compareStatus"));
        String drawn = onFx(() -> ((javafx.scene.text.Text) status.lookup(".text")).getText());
        assertThat(onFx(status::getText)).as("status").startsWith("Train with EP");
        // The skin writes the text it shows into one Text node, with line breaks but no ellipsis.
        assertThat(drawn.replace('\n', ' ').replaceAll(" +", " ").strip()).as("text on screen").isEqualTo(onFx(status::getText));
    }

    @Test
    void compareButtonChartsBothTrainers(FxRobot robot) throws Exception {
        loadStrokes();

        robot.clickOn("#compare");
        waitUntilComparisonEnded();

        MetricChart chart = onFx(() -> window.plots().comparison().chart());
        DecimatedSeries ep = chart.series(ComparisonPane.EP_SERIES);
        DecimatedSeries baseline = chart.series(ComparisonPane.BASELINE_SERIES);
        assertThat(onFx(ep::shownCount)).as("EP points").isEqualTo(PASSES);
        assertThat(onFx(baseline::shownCount)).as("baseline points").isEqualTo(PASSES);
        assertThat(onFx(() -> baseline.shownX(PASSES - 1))).as("last baseline pass").isEqualTo(PASSES);
        assertThat(onFx(() -> baseline.shownY(PASSES - 1))).as("baseline test accuracy").isGreaterThan(0.5);
        assertThat(onFx(() -> ep.shownY(PASSES - 1))).as("EP test accuracy").isGreaterThan(0.5);
        assertThat(onFx(() -> window.plots().tabs().getSelectionModel().getSelectedItem().getText()))
                .isEqualTo("EP vs gradient");
    }

    @Test
    void secondComparisonTrainsAfterNewData(FxRobot robot) throws Exception {
        loadStrokes();
        robot.clickOn("#compare");
        waitUntilComparisonEnded();

        onFx(() -> {
            window.loadBuiltIn("moons");
            return null;
        });
        waitUntil("moons are loaded", () -> controller.runStateProperty().get() == RunState.IDLE
                && controller.dataChoiceProperty().get() instanceof DataChoice.BuiltIn builtIn && builtIn.name().equals("moons"));
        robot.clickOn("#compare");
        waitUntilComparisonEnded();

        assertThat(onFx(() -> controller.comparison().statusProperty().get())).as("comparison status")
                .isEqualTo("Gradient baseline finished: " + PASSES + " passes.");
    }

    @Test
    void finishedComparisonMarksProjectModified(FxRobot robot) throws Exception {
        loadStrokes();
        robot.clickOn("#compare");
        waitUntilComparisonEnded();
        onFx(() -> {
            window.files().saveTo(folder.resolve("compared.epsnn"), () -> { });
            return null;
        });
        waitUntil("the project is saved", () -> !window.files().document().isModified());

        // The click clears the old baseline at once, so the wait below ends with the new one.
        robot.clickOn("#compare");
        waitUntilComparisonEnded();

        assertThat(onFx(() -> window.files().document().isModified())).as("modified after a new baseline").isTrue();
    }

    @Test
    void secondsToggleMovesPointsToSeconds(FxRobot robot) throws Exception {
        loadStrokes();
        robot.clickOn("#compare");
        waitUntilComparisonEnded();

        robot.clickOn("#compareSecondsAxis");

        MetricChart chart = onFx(() -> window.plots().comparison().chart());
        List<CurvePoint> epCurve = onFx(() -> List.copyOf(controller.comparison().epCurve()));
        List<CurvePoint> baselineCurve = onFx(() -> controller.comparison().baselineCurveProperty().get());
        assertThat(onFx(chart::xLabel)).isEqualTo(ComparisonPane.SECONDS_LABEL);
        assertThat(onFx(() -> chart.series(ComparisonPane.EP_SERIES).shownX(PASSES - 1)))
                .isEqualTo(epCurve.get(PASSES - 1).seconds());
        assertThat(onFx(() -> chart.series(ComparisonPane.BASELINE_SERIES).shownX(PASSES - 1)))
                .isEqualTo(baselineCurve.get(PASSES - 1).seconds());
        assertThat(baselineCurve.get(PASSES - 1).seconds()).as("cumulative seconds grow")
                .isGreaterThan(baselineCurve.get(0).seconds());
    }

    @Test
    void comparisonChartExportsBothSeriesAsCsv(FxRobot robot) throws Exception {
        loadStrokes();
        robot.clickOn("#compare");
        waitUntilComparisonEnded();
        Path csv = folder.resolve("compare.csv");

        onFx(() -> {
            window.plots().comparison().chart().exportCsv(csv);
            return null;
        });

        // Both series names contain a comma, so the CSV quotes them.
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 2 * PASSES);
        assertThat(lines.stream().filter(line -> line.startsWith("\"" + ComparisonPane.EP_SERIES + "\","))).hasSize(PASSES);
        assertThat(lines.stream().filter(line -> line.startsWith("\"" + ComparisonPane.BASELINE_SERIES + "\","))).hasSize(PASSES);
    }

    @Test
    void compareButtonDisabledDuringEpRun(FxRobot robot) throws Exception {
        loadStrokes();

        onFx(() -> {
            controller.start();
            return null;
        });

        assertThat(onFx(() -> robot.lookup("#compare").queryButton().isDisabled())).isTrue();
    }

    private void loadStrokes() throws Exception {
        onFx(() -> {
            window.loadBuiltIn("strokes");
            return null;
        });
        waitUntil("strokes are loaded", () -> controller.runStateProperty().get() == RunState.IDLE
                && controller.dataChoiceProperty().get() instanceof DataChoice.BuiltIn builtIn
                && builtIn.name().equals("strokes"));
        String problem = onFx(() -> controller.editSettings(settings -> settings.withPasses(PASSES)));
        assertThat(problem).isNull();
    }

    private void waitUntilComparisonEnded() throws Exception {
        waitUntil("EP and the baseline finished", () -> controller.runStateProperty().get() == RunState.IDLE
                && !controller.comparison().runningProperty().get()
                && controller.comparison().baselineCurveProperty().get().size() == PASSES);
    }

    private static void waitUntil(String description, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + TIMEOUT_SECONDS + " s waiting until " + description, e);
        }
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        try {
            return WaitForAsyncUtils.asyncFx(query).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
