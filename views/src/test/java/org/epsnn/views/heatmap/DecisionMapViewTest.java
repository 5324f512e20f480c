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
    void squareRangesDrawSquareMap(@TempDir Path folder) throws Exception {
        int[] box = classZeroBox(folder, new ValueRange(-1, 1), new ValueRange(-1, 1));

        assertThat(box[0]).as("map width against height %d", box[1]).isCloseTo(box[1], within(3));
    }

    @Test
    void unequalRangesFillPanel(@TempDir Path folder) throws Exception {
        int[] box = classZeroBox(folder, new ValueRange(0, 100), new ValueRange(0, 1));

        assertThat(box[0]).as("map width against height %d", box[1]).isGreaterThan(2 * box[1]);
    }

    @Test
    void wideMapsStackInTallView(@TempDir Path folder) throws Exception {
        double[] certain = new double[4 * 4 * 2];
        for (int cell = 0; cell < 16; cell++) {
            certain[2 * cell] = 1;
        }
        onFx(() -> {
            view.setShowUncertainty(true);
            view.setPrediction(new ValueRange(0, 4), new ValueRange(0, 1), 4, 4, 2, certain);
        });
        Path file = folder.resolve("tall.png");
        onFx(() -> view.exportPng(file, 760, 760));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
        int colour = view.theme().classColor(0).getRGB() & 0xffffff;
        int widest = 0;
        for (int py = 0; py < image.getHeight(); py++) {
            int row = py;
            widest = Math.max(widest, longestRun(image.getWidth(), i -> (image.getRGB(i, row) & 0xffffff) == colour)[1]);
        }

        // Side by side, each map would get less than half the width.
        assertThat(widest).as("widest run of the class map").isGreaterThan(760 / 2);
    }

    /**
     * Draws a map that is class 0 everywhere into a 760 x 380 image. Returns the longest run of
     * class-0 pixels across the middle row, and the longest down the column through its middle.
     */
    private int[] classZeroBox(Path folder, ValueRange x, ValueRange y) throws Exception {
        double[] certain = new double[4 * 4 * 2];
        for (int cell = 0; cell < 16; cell++) {
            certain[2 * cell] = 1;
        }
        onFx(() -> {
            view.setShowUncertainty(false);
            view.setPrediction(x, y, 4, 4, 2, certain);
        });
        Path file = folder.resolve("map.png");
        onFx(() -> view.exportPng(file, 760, 380));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
        int colour = view.theme().classColor(0).getRGB() & 0xffffff;
        int[] across = longestRun(image.getWidth(), i -> (image.getRGB(i, image.getHeight() / 2) & 0xffffff) == colour);
        int middle = across[0] + across[1] / 2;
        int[] down = longestRun(image.getHeight(), i -> (image.getRGB(middle, i) & 0xffffff) == colour);
        return new int[] {across[1], down[1]};
    }

    /** Start and length of the longest run of indices below {@code count} that match. */
    private static int[] longestRun(int count, java.util.function.IntPredicate matches) {
        int bestStart = 0;
        int bestLength = 0;
        int start = -1;
        for (int i = 0; i <= count; i++) {
            if (i < count && matches.test(i)) {
                start = start < 0 ? i : start;
            } else if (start >= 0) {
                if (i - start > bestLength) {
                    bestStart = start;
                    bestLength = i - start;
                }
                start = -1;
            }
        }
        return new int[] {bestStart, bestLength};
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
