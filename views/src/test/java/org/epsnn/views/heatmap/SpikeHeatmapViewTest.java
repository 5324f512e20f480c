package org.epsnn.views.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.epsnn.views.testing.ExportChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SpikeHeatmapViewTest {

    private SpikeHeatmapView view;

    @Start
    void start(Stage stage) {
        view = new SpikeHeatmapView();
        stage.setScene(new Scene(view, 800, 360));
        stage.show();
    }

    private static double[] constant(int size, double value) {
        double[] values = new double[size];
        java.util.Arrays.fill(values, value);
        return values;
    }

    @Test
    void captionGivesSizeAndMean() throws Exception {
        onFx(() -> view.setLayers(List.of(constant(784, 0.5), constant(500, 0.21)), List.of("input", "layer 1")));

        assertThat(view.caption(1)).isEqualTo("layer 1: 500 neurons, mean 0.21");
    }

    @Test
    void captionCountsNaN() throws Exception {
        onFx(() -> view.setLayers(List.of(new double[] {0.2, Double.NaN, 0.4})));

        assertThat(view.caption(0)).isEqualTo("layer 0: 3 neurons, mean 0.30, 1 NaN");
    }

    @Test
    void inputShapeReshapesFirstLayer() throws Exception {
        onFx(() -> {
            view.setInputShape(28, 28);
            view.setLayers(List.of(constant(784, 0.1), constant(784, 0.1)));
        });

        assertThat(view.gridShape(0)).containsExactly(28, 28);
        assertThat(view.gridShape(1)).containsExactly(28, 28);
    }

    @Test
    void hiddenLayerIsNearSquare() throws Exception {
        onFx(() -> view.setLayers(List.of(constant(500, 0.1))));

        assertThat(view.gridShape(0)).containsExactly(23, 22);
    }

    @Test
    void tallNarrowViewStacksLayersInRows() throws Exception {
        onFx(() -> view.setLayers(List.of(constant(784, 0.1), constant(500, 0.1), constant(10, 0.1))));

        // The Spikes tab beside the sample column: about 420 x 430 pixels for input, hidden and output.
        SpikeHeatmapView.Arrangement tall = view.arrangement(420, 430);
        SpikeHeatmapView.Arrangement low = view.arrangement(420, 200);

        assertThat(low.rows()).as("rows in a low view").isEqualTo(1);
        assertThat(tall.rows()).as("rows in a tall view").isEqualTo(2);
        assertThat(tall.columns()).isEqualTo(2);
        assertThat(tall.blockSide()).as("block side in two rows against the width of one block in one row")
                .isGreaterThan(1.2 * low.blockWidth());
    }

    @Test
    void wideViewKeepsOneRow() throws Exception {
        onFx(() -> view.setLayers(List.of(constant(784, 0.1), constant(500, 0.1), constant(10, 0.1))));

        SpikeHeatmapView.Arrangement wide = view.arrangement(1200, 430);

        assertThat(wide.rows()).isEqualTo(1);
        assertThat(wide.columns()).isEqualTo(3);
    }

    @Test
    void layersOfBarsKeepOneRow() throws Exception {
        onFx(() -> view.setLayers(List.of(constant(2, 0.5), constant(8, 0.5), constant(2, 0.5))));

        assertThat(view.arrangement(420, 430).rows()).isEqualTo(1);
    }

    @Test
    void exportsWriteValidFiles(@TempDir Path folder) throws Exception {
        onFx(() -> {
            view.setLayers(List.of(constant(100, 0.3), constant(10, 0.7)), List.of("input", "output"));
            view.exportPng(folder.resolve("spikes.png"));
            view.exportSvg(folder.resolve("spikes.svg"));
            view.exportCsv(folder.resolve("spikes.csv"));
        });

        ExportChecks.assertPng(folder.resolve("spikes.png"));
        ExportChecks.assertSvg(folder.resolve("spikes.svg"));
        List<String> lines = ExportChecks.assertCsv(folder.resolve("spikes.csv"), "layer,name,neuron,spike_probability");
        assertThat(lines).hasSize(111).contains("1,output,9,0.7");
        ExportChecks.assertOnlyFiles(folder, "spikes.png", "spikes.svg", "spikes.csv");
    }
}
