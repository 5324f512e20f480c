package org.epsnn.views.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DigitPadViewTest {

    private DigitPadView pad;
    private final List<double[]> reported = new ArrayList<>();

    @Start
    void start(Stage stage) {
        pad = new DigitPadView();
        pad.setGridSize(28, 28);
        pad.setOnImageChanged(reported::add);
        stage.setScene(new Scene(pad, 300, 300));
        stage.show();
    }

    @Test
    void dragPaintsAlongPath(FxRobot robot) throws Exception {
        Point2D[] ends = onFx(() -> {
            Bounds bounds = pad.localToScreen(pad.getBoundsInLocal());
            return new Point2D[] {new Point2D(bounds.getMinX() + bounds.getWidth() * 0.2, bounds.getCenterY()),
                new Point2D(bounds.getMinX() + bounds.getWidth() * 0.8, bounds.getCenterY())};
        });

        robot.moveTo(ends[0]).press(MouseButton.PRIMARY).moveTo(ends[1]).release(MouseButton.PRIMARY);

        double[] image = onFx(pad::image);
        int inkedColumns = 0;
        for (int column = 0; column < 28; column++) {
            if (image[14 * 28 + column] >= 0.5 || image[13 * 28 + column] >= 0.5) {
                inkedColumns++;
            }
        }
        assertThat(inkedColumns).as("columns of the middle rows with ink of 0.5 or more").isGreaterThanOrEqualTo(14);
        assertThat(image[0]).as("corner").isZero();
        assertThat(reported).as("reported images").isNotEmpty();
    }

    @Test
    void rightButtonErases(FxRobot robot) throws Exception {
        double[] full = new double[28 * 28];
        Arrays.fill(full, 1.0);
        onFx(() -> pad.setImage(full));
        Point2D centre = onFx(() -> {
            Bounds bounds = pad.localToScreen(pad.getBoundsInLocal());
            return new Point2D(bounds.getCenterX(), bounds.getCenterY());
        });

        robot.moveTo(centre).press(MouseButton.SECONDARY).release(MouseButton.SECONDARY);

        double[] image = onFx(pad::image);
        assertThat(Arrays.stream(image).filter(value -> value == 0).count()).as("erased cells").isPositive();
        assertThat(image[0]).as("corner").isEqualTo(1.0);
    }

    @Test
    void setImageClampsAndReports() throws Exception {
        double[] values = new double[28 * 28];
        values[0] = 2.0;
        values[1] = -1.0;

        onFx(() -> pad.setImage(values));

        assertThat(pad.image()[0]).isEqualTo(1.0);
        assertThat(pad.image()[1]).isEqualTo(0.0);
        assertThat(reported.get(reported.size() - 1)[0]).isEqualTo(1.0);
    }

    @Test
    void setImageRejectsWrongSize() {
        assertThatThrownBy(() -> pad.setImage(new double[10]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pad of 28 x 28 needs 784 values, got 10");
    }
}
