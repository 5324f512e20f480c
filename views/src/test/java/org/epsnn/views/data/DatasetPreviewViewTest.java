package org.epsnn.views.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.epsnn.model.data.Dataset;
import org.epsnn.views.testing.ExportChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DatasetPreviewViewTest {

    private DatasetPreviewView view;

    @Start
    void start(Stage stage) {
        view = new DatasetPreviewView();
        stage.setScene(new Scene(view, 640, 480));
        stage.show();
    }

    private static Dataset moons() {
        double[] features = {0, 0, 1, 1, 2, 0.5, -1, 0.2};
        return Dataset.classification("two moons", 4, 2, features, new int[] {0, 1, 1, 0}, List.of("upper", "lower")).build();
    }

    private static Dataset digits(int rows) {
        double[] features = new double[rows * 16];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            labels[row] = row % 3;
            features[row * 16 + row % 16] = 1;
        }
        return Dataset.classification("digits", rows, 16, features, labels, List.of("0", "1", "2")).image(4, 4).build();
    }

    @Test
    void twoFeatureClassesGiveScatter() throws Exception {
        onFx(() -> view.setDataset(moons()));

        assertThat(view.mode()).isEqualTo(DatasetPreviewView.Mode.SCATTER_2D);
        assertThat(view.getSummary()).isEqualTo("two moons: 4 samples, 2 features, 2 classes (upper:\u00a02, lower:\u00a02)");
    }

    @Test
    void imagesShowFirstThirtySix() throws Exception {
        onFx(() -> view.setDataset(digits(50)));

        assertThat(view.mode()).isEqualTo(DatasetPreviewView.Mode.IMAGES);
        assertThat(view.shownSampleCount()).isEqualTo(36);
        assertThat(view.getSummary()).startsWith("digits: 50 samples, 16 features (4 x 4 images), 3 classes");
    }

    @Test
    void oneInputRegressionGivesScatter() throws Exception {
        Dataset gap = Dataset.regression("gap", 3, 1, new double[] {-1, 0, 2}, new double[] {0.5, -2, 3}, List.of("y"))
                .build();

        onFx(() -> view.setDataset(gap));

        assertThat(view.mode()).isEqualTo(DatasetPreviewView.Mode.REGRESSION_1D);
        assertThat(view.getSummary()).isEqualTo("gap: 3 samples, 1 feature, 1 target (y), y from -2 to 3");
    }

    @Test
    void wideTableShowsSummaryOnly() throws Exception {
        Dataset wide = Dataset.classification("wide", 1, 5, new double[5], new int[] {0}, List.of("a", "b")).build();

        onFx(() -> view.setDataset(wide));

        assertThat(view.mode()).isEqualTo(DatasetPreviewView.Mode.SUMMARY_ONLY);
    }

    @Test
    void csvListsShownSamples(@TempDir Path folder) throws Exception {
        Path csv = folder.resolve("preview.csv");

        onFx(() -> {
            view.setDataset(moons());
            view.exportCsv(csv);
        });

        assertThat(ExportChecks.assertCsv(csv, "row,feature_1,feature_2,label"))
                .containsExactly("row,feature_1,feature_2,label", "0,0.0,0.0,upper", "1,1.0,1.0,lower",
                        "2,2.0,0.5,lower", "3,-1.0,0.2,upper");
    }

    @Test
    void imageExportsAreValid(@TempDir Path folder) throws Exception {
        onFx(() -> {
            view.setDataset(digits(8));
            view.exportPng(folder.resolve("digits.png"));
            view.exportSvg(folder.resolve("digits.svg"));
        });

        ExportChecks.assertPng(folder.resolve("digits.png"));
        ExportChecks.assertSvg(folder.resolve("digits.svg"));
        ExportChecks.assertOnlyFiles(folder, "digits.png", "digits.svg");
    }
}
