package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.epsnn.app.workbench.WindowTestSupport.load;
import static org.epsnn.app.workbench.WindowTestSupport.onFx;
import static org.epsnn.app.workbench.WindowTestSupport.train;
import static org.epsnn.app.workbench.WindowTestSupport.waitUntil;

import java.util.Arrays;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.epsnn.app.workbench.WorkbenchController.RunState;
import org.epsnn.views.uncertainty.DigitPadView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Draws on the digit pad with the mouse, as a user would, and checks what the network predicts. */
@ExtendWith(ApplicationExtension.class)
class DigitPadTest {

    private WorkbenchController controller;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        controller = new WorkbenchController();
        window = WindowTestSupport.show(stage, controller);
    }

    @Stop
    void stop() {
        controller.stop();
    }

    @Test
    void strokeChangesProbabilities(FxRobot robot) throws Exception {
        load(window, controller, "strokes");
        train(controller, 1);
        robot.clickOn("Digit pad");
        waitUntil("the empty pad is predicted", () -> padProbabilities().length == 10);
        double[] before = padProbabilities();
        assertThat(onFx(() -> robot.lookup("#pad-note").queryAs(javafx.scene.control.Label.class).getText()))
                .as("note under the empty pad").isEqualTo(DigitPadPanel.BLANK_PAD_NOTE);

        drawVerticalStroke(robot);

        waitUntil("the stroke is predicted", () -> !Arrays.equals(padProbabilities(), before));
        assertThat(onFx(() -> robot.lookup("#pad-note").queryAs(javafx.scene.control.Label.class).getText()))
                .as("note after a stroke").isEmpty();
        double[] after = padProbabilities();
        assertThat(Arrays.stream(after).sum()).as("sum of the class probabilities").isCloseTo(1.0, within(1e-9));
        assertThat(Arrays.stream(after).min().orElseThrow()).as("smallest class probability").isGreaterThanOrEqualTo(0.0);
        assertThat(onFx(() -> Arrays.stream(pad().image()).sum())).as("ink on the pad").isGreaterThan(5.0);
    }

    @Test
    void padPredictsWhileTraining(FxRobot robot) throws Exception {
        load(window, controller, "strokes");
        onFx(() -> {
            controller.editSettings(settings -> settings.withPasses(50));
            controller.start();
            return null;
        });
        robot.clickOn("Digit pad");
        waitUntil("a snapshot is predicted", () -> padProbabilities().length == 10);
        double[] before = padProbabilities();

        drawVerticalStroke(robot);

        waitUntil("the stroke is predicted", () -> !Arrays.equals(padProbabilities(), before));
        assertThat(onFx(() -> controller.runStateProperty().get())).as("run state after the prediction").isEqualTo(RunState.RUNNING);
        assertThat(Arrays.stream(padProbabilities()).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void clearEmptiesPad(FxRobot robot) throws Exception {
        load(window, controller, "strokes");
        robot.clickOn("Digit pad");
        drawVerticalStroke(robot);
        assertThat(onFx(() -> Arrays.stream(pad().image()).sum())).as("ink before Clear").isPositive();

        robot.clickOn("#pad-clear");

        assertThat(onFx(() -> Arrays.stream(pad().image()).sum())).as("ink after Clear").isZero();
    }

    @Test
    void randomTestImageFillsPad(FxRobot robot) throws Exception {
        load(window, controller, "strokes");
        robot.clickOn("Digit pad");

        robot.clickOn("#pad-random");

        double[] image = onFx(() -> pad().image());
        assertThat(image).as("pad image").hasSize(14 * 14);
        assertThat(Arrays.stream(image).sum()).as("ink of the test image").isPositive();
        int row = findTestRow(image);
        assertThat(row).as("row of the test set equal to the pad image").isNotNegative();
    }

    /** Drags the mouse down the middle of the pad, from a quarter to three quarters of its height. */
    private void drawVerticalStroke(FxRobot robot) throws Exception {
        Point2D[] ends = onFx(() -> {
            DigitPadView pad = pad();
            Bounds bounds = pad.localToScreen(pad.getBoundsInLocal());
            return new Point2D[] {new Point2D(bounds.getCenterX(), bounds.getMinY() + bounds.getHeight() * 0.25),
                new Point2D(bounds.getCenterX(), bounds.getMinY() + bounds.getHeight() * 0.75)};
        });
        robot.moveTo(ends[0]).press(MouseButton.PRIMARY);
        for (int step = 1; step <= 10; step++) {
            double fraction = step / 10.0;
            robot.moveTo(new Point2D(ends[0].getX(), ends[0].getY() + fraction * (ends[1].getY() - ends[0].getY())));
        }
        robot.release(MouseButton.PRIMARY);
    }

    private int findTestRow(double[] image) throws Exception {
        return onFx(() -> {
            var test = controller.dataProperty().get().test();
            for (int row = 0; row < test.rows(); row++) {
                double[] candidate = Arrays.copyOfRange(test.features(), row * test.columns(), (row + 1) * test.columns());
                double[] clamped = Arrays.stream(candidate).map(v -> Math.max(0, Math.min(1, v))).toArray();
                if (Arrays.equals(clamped, image)) {
                    return row;
                }
            }
            return -1;
        });
    }

    private DigitPadView pad() {
        return window.plots().padPanel().pad();
    }

    private double[] padProbabilities() throws Exception {
        return onFx(() -> window.plots().padPanel().shownProbabilities());
    }
}
