package org.epsnn.views.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.epsnn.model.training.ReliabilityDiagram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ReliabilityDiagramViewTest {

    private ReliabilityDiagramView view;

    @Start
    void start(Stage stage) {
        view = new ReliabilityDiagramView();
        stage.setScene(new Scene(view, 420, 360));
        stage.show();
    }

    @Test
    void csvHasOneRowPerBin(@TempDir Path folder) throws Exception {
        ReliabilityDiagram diagram = ReliabilityDiagram.of(new double[] {0.9, 0.1, 0.3, 0.7}, 2, new int[] {0, 1}, 2, 5);
        Path csv = folder.resolve("reliability.csv");

        onFx(() -> {
            view.setDiagram(diagram, "(n = 2)");
            view.exportCsv(csv);
        });

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("bin_low,bin_high,samples,mean_confidence,accuracy");
        assertThat(lines.get(5)).startsWith("0.8,1.0,1,0.9,1.0");
    }

    @Test
    void pngExportOfEmptyViewWorks(@TempDir Path folder) throws Exception {
        Path png = folder.resolve("empty.png");

        onFx(() -> view.exportPng(png));

        assertThat(Files.size(png)).isPositive();
    }
}
