package org.epsnn.views.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.epsnn.views.testing.ExportChecks;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MetricChartTest {

    private MetricChart chart;

    @Start
    void start(Stage stage) {
        chart = new MetricChart("samples seen", "accuracy");
        stage.setScene(new Scene(chart, 640, 400));
        stage.show();
    }

    @Test
    void dragZoomsAndResetRestores(FxRobot robot) throws Exception {
        onFx(() -> {
            chart.addSeries("train");
            chart.appendAll("train", new double[] {0, 100}, new double[] {0, 1});
        });
        WaitForAsyncUtils.waitForFxEvents();
        XYPlot plot = chart.chart().getXYPlot();
        double fullWidth = plot.getDomainAxis().getRange().getLength();

        javafx.geometry.Bounds bounds = chart.localToScreen(chart.getBoundsInLocal());
        double centreX = bounds.getMinX() + bounds.getWidth() / 2;
        double centreY = bounds.getMinY() + bounds.getHeight() / 2;
        robot.drag(centreX - 60, centreY - 40, MouseButton.PRIMARY).dropTo(new javafx.geometry.Point2D(centreX + 60, centreY + 40));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(plot.getDomainAxis().getRange().getLength()).as("x range after the drag").isLessThan(fullWidth / 2);
        assertThat(plot.getDomainAxis().isAutoRange()).as("x axis automatic after the drag").isFalse();
        onFx(chart::resetZoom);
        assertThat(plot.getDomainAxis().isAutoRange()).as("x axis automatic after reset").isTrue();
        assertThat(plot.getDomainAxis().getRange().getLength()).as("x range after reset").isGreaterThanOrEqualTo(fullWidth);
    }

    @Test
    void manyMarkersAreThinned() throws Exception {
        onFx(() -> {
            chart.addSeries("train");
            chart.append("train", 0, 0.5);
            for (int pass = 1; pass <= 300; pass++) {
                chart.append("train", pass, 0.5);
                chart.addMarker(pass, "pass " + pass);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();

        var drawn = chart.chart().getXYPlot().getDomainMarkers(0, org.jfree.chart.ui.Layer.FOREGROUND);
        long labelled = drawn.stream().filter(marker -> !((org.jfree.chart.plot.Marker) marker).getLabel().isEmpty()).count();
        assertThat(chart.markerPositions()).as("markers kept").hasSize(300);
        assertThat(drawn.size()).as("marker lines drawn").isBetween(10, 60);
        assertThat(labelled).as("marker labels drawn").isBetween(2L, 10L);
    }

    @Test
    void nanPointsAreSkippedAndNoted() throws Exception {
        onFx(() -> {
            chart.addSeries("train");
            chart.appendAll("train", new double[] {0, 1, 2, 3}, new double[] {0.5, Double.NaN, 0.7, Double.POSITIVE_INFINITY});
        });

        assertThat(chart.series("train").shownCount()).isEqualTo(2);
        assertThat(chart.noteText()).isEqualTo("skipped 2 NaN or infinite points");
    }

    @Test
    void noteReportsDecimation() throws Exception {
        onFx(() -> {
            chart.setMaxPointsPerSeries(100);
            chart.addSeries("train");
            for (int i = 0; i < 1000; i++) {
                chart.append("train", i, Math.sin(i));
            }
        });

        int shown = chart.series("train").shownCount();
        assertThat(chart.noteText()).isEqualTo(String.format(Locale.ROOT, "decimated: showing %d of 1000 points", shown));
    }

    @Test
    void secondarySeriesUseRightAxis() throws Exception {
        onFx(() -> {
            chart.showSecondaryAxis("negative log-likelihood");
            chart.addSeries("accuracy");
            chart.addSeries("NLL", MetricChart.YAxis.SECONDARY);
            chart.append("NLL", 1, 0.3);
        });

        XYPlot plot = chart.chart().getXYPlot();
        assertThat(plot.getRangeAxis(1).getLabel()).isEqualTo("negative log-likelihood");
        assertThat(plot.getDataset(1).getSeriesKey(0).toString()).isEqualTo("NLL");
        assertThat(plot.getRangeAxisIndex(plot.getRangeAxisForDataset(1))).isEqualTo(1);
    }

    @Test
    void secondarySeriesNeedsAxis() {
        assertThatThrownBy(() -> chart.addSeries("NLL", MetricChart.YAxis.SECONDARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("showSecondaryAxis");
    }

    @Test
    void appendToUnknownSeriesNamesKnownOnes() throws Exception {
        onFx(() -> chart.addSeries("train"));

        assertThatThrownBy(() -> chart.append("test", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'test'")
                .hasMessageContaining("[train]");
    }

    @Test
    void markersAreListed() throws Exception {
        onFx(() -> {
            chart.addMarker(60_000, "pass 1");
            chart.addMarker(120_000, "pass 2");
        });

        assertThat(chart.markerPositions()).containsExactly(60_000.0, 120_000.0);
    }

    @Test
    void exportsWriteValidFilesWithoutTemporaries(@TempDir Path folder) throws Exception {
        onFx(() -> {
            chart.addSeries("train");
            chart.appendAll("train", new double[] {0, 1, 2}, new double[] {0.1, 0.5, 0.9});
        });
        Path png = folder.resolve("chart.png");
        Path svg = folder.resolve("chart.svg");
        Path csv = folder.resolve("chart.csv");

        onFx(() -> {
            chart.exportPng(png);
            chart.exportSvg(svg);
            chart.exportCsv(csv);
        });

        ExportChecks.assertPng(png);
        ExportChecks.assertSvg(svg);
        List<String> lines = ExportChecks.assertCsv(csv, "series,axis,x,y");
        assertThat(lines).contains("train,primary,1.0,0.5");
        ExportChecks.assertOnlyFiles(folder, "chart.png", "chart.svg", "chart.csv");
    }

    @Test
    void csvOfDecimatedSeriesHasEveryPoint(@TempDir Path folder) throws Exception {
        int count = 3 * MetricChart.DEFAULT_MAX_POINTS;
        double[] x = new double[count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = i;
            y[i] = (i % 7) / 10.0;
        }
        y[10] = Double.NaN;
        onFx(() -> {
            chart.addSeries("train");
            chart.appendAll("train", x, y);
            chart.append("train", count, 0.25);
        });
        Path csv = folder.resolve("chart.csv");

        onFx(() -> chart.exportCsv(csv));

        assertThat(onFx(() -> chart.series("train").isDecimated())).as("series drawn decimated").isTrue();
        assertThat(onFx(chart::exportsEveryPoint)).as("export holds every point").isTrue();
        List<String> lines = ExportChecks.assertCsv(csv, "series,axis,x,y");
        assertThat(lines).as("header and one row per finite point").hasSize(1 + count);
        assertThat(lines).contains("train,primary,9.0,0.2", "train,primary,11.0,0.4", "train,primary," + count + ".0,0.25");
        assertThat(lines).noneMatch(line -> line.startsWith("train,primary,10.0,"));
    }

    @Test
    void csvPastLogLimitHasShownPoints(@TempDir Path folder) throws Exception {
        onFx(() -> {
            chart.setMaxLoggedPointsPerSeries(100);
            chart.addSeries("train");
            for (int i = 0; i < 101; i++) {
                chart.append("train", i, i / 200.0);
            }
        });
        Path csv = folder.resolve("chart.csv");

        onFx(() -> chart.exportCsv(csv));

        assertThat(onFx(chart::exportsEveryPoint)).as("export holds every point").isFalse();
        List<String> lines = ExportChecks.assertCsv(csv, "series,axis,x,y");
        assertThat(lines).as("header and the points shown").hasSize(1 + onFx(() -> chart.series("train").shownCount()));
        assertThat(lines).contains("train,primary,100.0,0.5");
    }

    @Test
    void copySampleHasEveryPart() throws Exception {
        XYPlot plot = org.epsnn.views.testing.CopySamples.builtOffFxThread(MetricChart::sampleChart).getXYPlot();

        assertThat(plot.getRangeAxis(1)).as("second axis").isNotNull();
        assertThat(plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).as("pass markers").hasSize(1);
        assertThat(plot.getDataset(0).getItemCount(0)).as("points on the left axis, the NaN left out").isEqualTo(1);
        assertThat(plot.getDataset(1).getItemCount(0)).as("points on the right axis").isEqualTo(1);
    }
}
