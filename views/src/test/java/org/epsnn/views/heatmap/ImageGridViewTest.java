package org.epsnn.views.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

import org.epsnn.views.ColorMap;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.testing.ExportChecks;
import org.epsnn.views.testing.FxTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ImageGridViewTest {

    private ImageGridView view;

    @Start
    void start(Stage stage) {
        view = new ImageGridView();
        stage.setScene(new Scene(view, 640, 420));
        stage.show();
    }

    /** Returns {@code count} images of 4 x 3 pixels whose values are {@code image * 0.1 - pixel * 0.05}. */
    private static double[][] images(int count) {
        double[][] images = new double[count][13];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 13; p++) {
                images[i][p] = i * 0.1 - p * 0.05;
            }
        }
        return images;
    }

    @Test
    void clickOnCellReportsIndex(FxRobot robot) throws Exception {
        List<Integer> clicked = new ArrayList<>();
        onFx(() -> {
            view.setImages(images(6), 4, 3, i -> "neuron " + (10 + i));
            view.setOnCellClicked(clicked::add);
        });
        Rectangle2D cell = FxTesting.onFx(() -> view.cellBounds(4));
        Point2D onScreen = FxTesting.onFx(() -> view.localToScreen(cell.getCenterX(), cell.getCenterY()));

        robot.clickOn(onScreen);

        assertThat(clicked).containsExactly(4);
    }

    @Test
    void clickBetweenCellsReportsNothing(FxRobot robot) throws Exception {
        List<Integer> clicked = new ArrayList<>();
        onFx(() -> {
            view.setImages(images(2), 4, 3, i -> "neuron " + i);
            view.setOnCellClicked(clicked::add);
        });
        Point2D corner = FxTesting.onFx(() -> view.localToScreen(1, 1));

        robot.clickOn(corner);

        assertThat(clicked).isEmpty();
    }

    @Test
    void divergingRangeIsCentredAtZero() throws Exception {
        onFx(() -> view.setImages(new double[][] {{-0.2, 0.5}}, 2, 1, List.of("neuron 0")));

        ValueRange range = FxTesting.onFx(view::valueRange);
        assertThat(range.low()).isEqualTo(-0.5);
        assertThat(range.high()).isEqualTo(0.5);
    }

    @Test
    void sequentialRangeSpansValues() throws Exception {
        onFx(() -> {
            view.setColorMap(ColorMap.VIRIDIS);
            view.setImages(new double[][] {{0.1, 0.4}}, 2, 1, List.of("neuron 0"));
        });

        ValueRange range = FxTesting.onFx(view::valueRange);
        assertThat(range.low()).isEqualTo(0.1);
        assertThat(range.high()).isEqualTo(0.4);
    }

    @Test
    void extraValuesAfterImageAreIgnored() throws Exception {
        double[][] withBias = {{0.1, 0.2, 0.3, 0.4, 99}};

        onFx(() -> view.setImages(withBias, 2, 2, List.of("neuron 0")));

        assertThat(FxTesting.onFx(view::valueRange).high()).isEqualTo(0.4);
    }

    @Test
    void rejectsImageShorterThanShape() {
        assertThatThrownBy(() -> view.setImages(new double[][] {{1, 2, 3}}, 2, 2, List.of("neuron 5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neuron 5")
                .hasMessageContaining("3 values");
    }

    @Test
    void contextMenuExportWritesChosenFile(@TempDir Path folder) throws Exception {
        Path chosen = folder.resolve("fields.png");
        onFx(() -> {
            view.setImages(images(3), 4, 3, i -> "neuron " + i);
            view.exportActions().setFileChooser(extension -> Optional.of(folder.resolve("fields." + extension)));
        });
        MenuItem pngItem = view.contextMenu().getItems().stream()
                .filter(item -> "export-png".equals(item.getId())).findFirst().orElseThrow();

        onFx(pngItem::fire);

        ExportChecks.assertPng(chosen);
        ExportChecks.assertOnlyFiles(folder, "fields.png");
    }

    @Test
    void pngHasSizeSeenBeforeDialog(@TempDir Path folder) throws Exception {
        Path chosen = folder.resolve("fields.png");
        double width = onFx(() -> {
            view.setImages(images(3), 4, 3, i -> "neuron " + i);
            // Stands in for a save dialog that shrinks the window, as under some window managers.
            view.exportActions().setFileChooser(extension -> {
                view.resize(300, view.getHeight());
                view.layout();
                return Optional.of(chosen);
            });
            return view.getWidth();
        });

        onFx(() -> view.exportActions().export(org.epsnn.views.export.ExportFormat.PNG));

        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(chosen.toFile());
        assertThat(image.getWidth()).as("PNG width").isEqualTo((int) Math.round(width));
        assertThat(onFx(() -> view.getWidth())).as("view width after the dialog").isLessThan(width);
    }

    @Test
    void exportsWriteValidFiles(@TempDir Path folder) throws Exception {
        onFx(() -> {
            view.setImages(images(3), 4, 3, i -> "neuron " + i);
            view.exportPng(folder.resolve("grid.png"));
            view.exportSvg(folder.resolve("grid.svg"));
            view.exportCsv(folder.resolve("grid.csv"));
        });

        ExportChecks.assertPng(folder.resolve("grid.png"));
        ExportChecks.assertSvg(folder.resolve("grid.svg"));
        List<String> lines = ExportChecks.assertCsv(folder.resolve("grid.csv"),
                "cell,title,pixel_0_0,pixel_0_1,pixel_0_2,pixel_0_3,pixel_1_0,pixel_1_1,pixel_1_2,pixel_1_3,"
                        + "pixel_2_0,pixel_2_1,pixel_2_2,pixel_2_3");
        assertThat(lines).hasSize(4);
        ExportChecks.assertOnlyFiles(folder, "grid.png", "grid.svg", "grid.csv");
    }
}
