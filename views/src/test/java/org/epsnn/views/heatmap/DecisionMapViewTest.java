package org.epsnn.views.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.testing.ExportChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DecisionMapViewTest {

    private DecisionMapView view;

    /** A 1 x 2 grid: a certain class-0 cell, then an undecided cell. */
    private static final double[] PROBABILITIES = {1.0, 0.0, 0.5, 0.5};

    @Start
    void start(Stage stage) {
        view = new DecisionMapView();
        stage.setScene(new Scene(view, 760, 380));
        stage.show();
    }

    @Test
    void entropySpansZeroToLogTwo() throws Exception {
        onFx(() -> view.setPrediction(new ValueRange(0, 2), new ValueRange(0, 1), 1, 2, 2, PROBABILITIES));

        assertThat(view.entropy(0, 0)).isEqualTo(0.0);
        assertThat(view.entropy(0, 1)).isCloseTo(Math.log(2), within(1e-12));
    }

    @Test
    void certainCellTakesClassColour() throws Exception {
        onFx(() -> view.setPrediction(new ValueRange(0, 2), new ValueRange(0, 1), 1, 2, 2, PROBABILITIES));

        Color expected = view.theme().classColor(0);
        assertThat(view.cellColor(0, 0) & 0xffffff).isEqualTo(expected.getRGB() & 0xffffff);
    }

    @Test
    void undecidedCellFadesTowardsWhite() throws Exception {
        onFx(() -> view.setPrediction(new ValueRange(0, 2), new ValueRange(0, 1), 1, 2, 2, PROBABILITIES));

        Color undecided = new Color(view.cellColor(0, 1));
        Color certain = new Color(view.cellColor(0, 0));
        int undecidedBrightness = undecided.getRed() + undecided.getGreen() + undecided.getBlue();
        int certainBrightness = certain.getRed() + certain.getGreen() + certain.getBlue();
        assertThat(undecidedBrightness).isGreaterThan(certainBrightness);
    }

    @Test
    void rejectsWrongProbabilityCount() {
        assertThatThrownBy(() -> view.setPrediction(new ValueRange(0, 1), new ValueRange(0, 1), 2, 2, 3, new double[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 12 probabilities, got 5");
    }

    @Test
    void csvHasCellsAndPoints(@TempDir Path folder) throws Exception {
        Path csv = folder.resolve("map.csv");

        onFx(() -> {
            view.setPrediction(new ValueRange(0, 2), new ValueRange(0, 1), 1, 2, 2, PROBABILITIES);
            view.setClassNames(List.of("red", "blue"));
            view.setPoints(new double[] {0.5}, new double[] {0.5}, new int[] {1});
            view.exportCsv(csv);
        });

        List<String> lines = ExportChecks.assertCsv(csv, "kind,x,y,class,p_red,p_blue,entropy");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).isEqualTo("cell,0.5,0.5,,1.0,0.0,0.0");
        assertThat(lines.get(3)).isEqualTo("point,0.5,0.5,blue,,,");
    }
}
