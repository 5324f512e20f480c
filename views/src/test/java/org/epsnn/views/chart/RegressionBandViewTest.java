package org.epsnn.views.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.nio.file.Path;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.epsnn.views.testing.ExportChecks;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class RegressionBandViewTest {

    private RegressionBandView view;

    @Start
    void start(Stage stage) {
        view = new RegressionBandView("x", "y");
        stage.setScene(new Scene(view, 600, 400));
        stage.show();
    }

    @Test
    void bandSpansTwoStandardDeviations() throws Exception {
        onFx(() -> view.setPrediction(new double[] {0, 1}, new double[] {1, 2}, new double[] {0.5, 0.25}));

        IntervalXYDataset band = (IntervalXYDataset) view.chart().getXYPlot().getDataset(0);
        assertThat(band.getStartYValue(0, 0)).isEqualTo(0.0);
        assertThat(band.getEndYValue(0, 0)).isEqualTo(2.0);
        assertThat(band.getStartYValue(0, 1)).isEqualTo(1.5);
    }

    @Test
    void invalidGridPointsAreSkipped() throws Exception {
        onFx(() -> view.setPrediction(new double[] {0, 1, 2}, new double[] {1, Double.NaN, 2}, new double[] {0.1, 0.1, -1}));

        assertThat(view.chart().getXYPlot().getDataset(0).getItemCount(0)).isEqualTo(1);
        assertThat(view.noteText()).isEqualTo("skipped 2 grid points with NaN, infinite or negative values");
    }

    @Test
    void legendNamesMeanBandAndPoints() throws Exception {
        onFx(() -> view.setTrainingPoints(new double[] {0.5}, new double[] {1.5}));

        XYPlot plot = view.chart().getXYPlot();
        assertThat(plot.getLegendItems().getItemCount()).isEqualTo(3);
        assertThat(plot.getLegendItems().get(1).getLabel()).isEqualTo("mean ± 2 standard deviations");
    }

    @Test
    void exportsWriteValidFiles(@TempDir Path folder) throws Exception {
        onFx(() -> {
            view.setPrediction(new double[] {0, 1}, new double[] {1, 2}, new double[] {0.5, 0.25});
            view.setTrainingPoints(new double[] {0.5}, new double[] {1.5});
            view.exportPng(folder.resolve("band.png"));
            view.exportSvg(folder.resolve("band.svg"));
            view.exportCsv(folder.resolve("band.csv"));
        });

        ExportChecks.assertPng(folder.resolve("band.png"));
        ExportChecks.assertSvg(folder.resolve("band.svg"));
        assertThat(ExportChecks.assertCsv(folder.resolve("band.csv"), "series,x,y,lower,upper"))
                .contains("predictive mean,0.0,1.0,0.0,2.0", "training point,0.5,1.5,,");
        ExportChecks.assertOnlyFiles(folder, "band.png", "band.svg", "band.csv");
    }

    @Test
    void copySampleHasBandAndPoints() throws Exception {
        org.jfree.chart.JFreeChart sample = org.epsnn.views.testing.CopySamples.builtOffFxThread(RegressionBandView::sampleChart);

        int items = 0;
        for (int d = 0; d < sample.getXYPlot().getDatasetCount(); d++) {
            var dataset = sample.getXYPlot().getDataset(d);
            for (int series = 0; dataset != null && series < dataset.getSeriesCount(); series++) {
                items += dataset.getItemCount(series);
            }
        }
        assertThat(items).as("band and point items").isPositive();
    }
}
