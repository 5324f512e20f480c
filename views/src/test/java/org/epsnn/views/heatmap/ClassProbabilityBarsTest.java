package org.epsnn.views.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
class ClassProbabilityBarsTest {

    private ClassProbabilityBars bars;

    @Start
    void start(Stage stage) {
        bars = new ClassProbabilityBars();
        stage.setScene(new Scene(bars, 320, 300));
        stage.show();
    }

    @Test
    void argmaxIgnoresNaN() throws Exception {
        onFx(() -> bars.setProbabilities(new double[] {0.2, Double.NaN, 0.7, 0.1}, List.of("0", "1", "2", "3")));

        assertThat(bars.argmax()).isEqualTo(2);
    }

    @Test
    void argmaxOfAllNaNIsNone() throws Exception {
        onFx(() -> bars.setProbabilities(new double[] {Double.NaN, Double.NaN}, List.of("a", "b")));

        assertThat(bars.argmax()).isEqualTo(-1);
    }

    @Test
    void rejectsMismatchedNames() {
        assertThatThrownBy(() -> bars.setProbabilities(new double[] {0.5, 0.5}, List.of("only one")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 probabilities for 1 class names");
    }

    @Test
    void longNameTakesTwoLinesInATallRow(@TempDir Path folder) throws Exception {
        Path svg = folder.resolve("bars.svg");

        onFx(() -> {
            bars.setProbabilities(new double[] {0.3, 0.7}, List.of("same sign", "opposite sign"));
            bars.setTrueClass(1);
            bars.exportSvg(svg);
        });

        String document = java.nio.file.Files.readString(svg);
        assertThat(document).as("the true class's name, broken after 'sign'").contains(">opposite sign</text>", ">(true)</text>");
    }

    @Test
    void csvMarksArgmaxAndTrueClass(@TempDir Path folder) throws Exception {
        Path csv = folder.resolve("bars.csv");

        onFx(() -> {
            bars.setProbabilities(new double[] {0.1, 0.9}, List.of("cat", "dog"));
            bars.setTrueClass(0);
            bars.exportCsv(csv);
        });

        assertThat(ExportChecks.assertCsv(csv, "class,probability,argmax,true_class"))
                .containsExactly("class,probability,argmax,true_class", "cat,0.1,false,true", "dog,0.9,true,false");
    }
}
