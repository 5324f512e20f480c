package org.epsnn.views.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.epsnn.views.testing.ExportChecks;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HistogramChartTest {

    private HistogramChart chart;

    @Start
    void start(Stage stage) {
        chart = new HistogramChart("weight mean");
        stage.setScene(new Scene(chart, 600, 400));
        stage.show();
    }

    private IntervalXYDataset dataset() {
        return (IntervalXYDataset) chart.chart().getXYPlot().getDataset();
    }

    @Test
    void identicalValuesShowOneBar() throws Exception {
        onFx(() -> chart.setValues("weights", new double[] {0.5, 0.5, 0.5}));

        int nonEmpty = 0;
        for (int item = 0; item < dataset().getItemCount(0); item++) {
            if (dataset().getYValue(0, item) > 0) {
                nonEmpty++;
            }
        }
        assertThat(nonEmpty).isEqualTo(1);
    }

    @Test
    void preparedHistogramsMatchSetValues() throws Exception {
        double[] first = {0, 1, 1, 2, 5, Double.NaN};
        double[] second = {1, 2};
        HistogramChart.Prepared prepared = HistogramChart.prepare(List.of("all", "moved"), List.of(first, second), 40);

        onFx(() -> chart.setValues("all", first, "moved", second));
        List<Histogram> direct = chart.histograms();
        String directNote = chart.noteText();
        onFx(() -> chart.show(prepared));

        assertThat(chart.histograms()).hasSize(2);
        for (int h = 0; h < 2; h++) {
            assertThat(chart.histograms().get(h).range()).as("range of histogram %d", h).isEqualTo(direct.get(h).range());
            for (int bin = 0; bin < 40; bin++) {
                assertThat(chart.histograms().get(h).count(bin)).as("histogram %d bin %d", h, bin).isEqualTo(direct.get(h).count(bin));
            }
        }
        assertThat(chart.noteText()).isEqualTo(directNote);
        assertThat(dataset().getSeriesCount()).isEqualTo(2);
    }

    @Test
    void preparedWithOtherBinCountIsRebinned() throws Exception {
        HistogramChart.Prepared prepared = HistogramChart.prepare(List.of("weights"), List.of(new double[] {0, 1, 2, 3}), 40);

        onFx(() -> {
            chart.setBinCount(8);
            chart.show(prepared);
        });

        assertThat(chart.histograms().get(0).binCount()).isEqualTo(8);
    }

    @Test
    void emptyInputShowsNoData() throws Exception {
        onFx(() -> chart.setValues("weights", new double[0]));

        assertThat(dataset().getSeriesCount()).isZero();
        assertThat(chart.chart().getXYPlot().getNoDataMessage()).isEqualTo("no data");
    }

    @Test
    void nanValuesAreNoted() throws Exception {
        onFx(() -> chart.setValues("weights", new double[] {1, Double.NaN, 2, Double.NaN}));

        assertThat(chart.noteText()).isEqualTo("2 NaN or infinite values ignored");
        assertThat(chart.histograms().get(0).binnedCount()).isEqualTo(2);
    }

    @Test
    void secondHistogramOnItsOwnAxis() throws Exception {
        double[] all = new double[10_000];
        for (int i = 0; i < all.length; i++) {
            all[i] = i % 100 / 100.0;
        }
        onFx(() -> {
            chart.setSecondCountAxis("count of the weights moved most");
            chart.setValues("layer 1", all, "moved most", new double[] {0.2, 0.3, 0.3});
        });
        org.jfree.chart.plot.XYPlot plot = chart.chart().getXYPlot();

        assertThat(dataset().getSeriesCount()).as("series on the shared axis").isEqualTo(1);
        assertThat(plot.getDataset(1).getSeriesKey(0).toString()).as("series on the second axis").isEqualTo("moved most");
        assertThat(plot.getRangeAxis(1).getLabel()).as("second axis label").isEqualTo("count of the weights moved most");
        chart.chart().createBufferedImage(600, 400);
        assertThat(plot.getRangeAxis(1).getUpperBound()).as("second axis top").isLessThan(10);
        assertThat(plot.getRangeAxis().getUpperBound()).as("first axis top").isGreaterThan(200);
    }

    @Test
    void overlaidHistogramsShareBins() throws Exception {
        onFx(() -> chart.setValues("before", new double[] {0, 1, 2}, "after", new double[] {5, 6}));

        List<Histogram> histograms = chart.histograms();
        assertThat(dataset().getSeriesCount()).isEqualTo(2);
        assertThat(dataset().getSeriesKey(1).toString()).isEqualTo("after");
        assertThat(histograms.get(0).range()).isEqualTo(histograms.get(1).range());
        assertThat(histograms.get(0).range().low()).isEqualTo(0);
        assertThat(histograms.get(0).range().high()).isEqualTo(6);
    }

    @Test
    void binCountChangeRebinsValues() throws Exception {
        onFx(() -> {
            chart.setValues("weights", new double[] {0, 1, 2, 3});
            chart.setBinCount(2);
        });

        assertThat(dataset().getItemCount(0)).isEqualTo(2);
        assertThat(dataset().getYValue(0, 0)).isEqualTo(2);
    }

    @Test
    void rejectsSameNameTwice() {
        assertThatThrownBy(() -> chart.setValues("a", new double[] {1}, "a", new double[] {2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a' twice");
    }

    @Test
    void csvListsBinsAndCounts(@TempDir Path folder) throws Exception {
        Path csv = folder.resolve("histogram.csv");

        onFx(() -> {
            chart.setBinCount(2);
            chart.setValues("before", new double[] {0, 1}, "after", new double[] {1, 2});
            chart.exportCsv(csv);
        });

        List<String> lines = ExportChecks.assertCsv(csv, "bin_low,bin_high,before,after");
        assertThat(lines).containsExactly("bin_low,bin_high,before,after", "0.0,1.0,1,0", "1.0,2.0,1,2");
    }

    @Test
    void copySamplesHaveDataAndAxes() throws Exception {
        org.jfree.chart.JFreeChart shared = org.epsnn.views.testing.CopySamples.builtOffFxThread(() -> HistogramChart.sampleChart(false));
        org.jfree.chart.JFreeChart twoAxes = org.epsnn.views.testing.CopySamples.builtOffFxThread(() -> HistogramChart.sampleChart(true));

        assertThat(shared.getXYPlot().getDataset(0).getSeriesCount()).as("histograms on the shared axis").isEqualTo(2);
        assertThat(shared.getXYPlot().getDataset(0).getItemCount(0)).as("bins of the first histogram").isPositive();
        assertThat(twoAxes.getXYPlot().getRangeAxis(1)).as("second count axis").isNotNull();
    }
}
