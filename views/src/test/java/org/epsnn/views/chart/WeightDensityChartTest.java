package org.epsnn.views.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.epsnn.views.testing.ExportChecks;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WeightDensityChartTest {

    private WeightDensityChart chart;

    @Start
    void start(Stage stage) {
        chart = new WeightDensityChart();
        stage.setScene(new Scene(chart, 600, 400));
        stage.show();
    }

    @Test
    void gaussianCurvePeaksAtMean() throws Exception {
        onFx(() -> chart.showGaussian(new double[] {0.5, -1}, new double[] {0.04, 1}, new int[] {0}));

        XYDataset curves = chart.chart().getXYPlot().getDataset();
        int peak = 0;
        for (int item = 1; item < curves.getItemCount(0); item++) {
            if (curves.getYValue(0, item) > curves.getYValue(0, peak)) {
                peak = item;
            }
        }
        assertThat(curves.getSeriesKey(0).toString()).isEqualTo("weight 0");
        assertThat(curves.getXValue(0, peak)).isCloseTo(0.5, within(1e-9));
        assertThat(curves.getYValue(0, peak)).isCloseTo(1 / (0.2 * Math.sqrt(2 * Math.PI)), within(1e-9));
    }

    @Test
    void zeroVarianceIsSkippedAndNoted() throws Exception {
        onFx(() -> chart.showGaussian(new double[] {0, 1}, new double[] {0, 1}, new int[] {0, 1}, i -> "input " + i));

        assertThat(chart.chart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(1);
        assertThat(chart.noteText()).isEqualTo("skipped, no density: input 0");
    }

    @Test
    void discreteStackedUsesStackedBars() throws Exception {
        double[][] probabilities = {{0.2, 0.3, 0.5}, {0.6, 0.3, 0.1}};

        onFx(() -> chart.showDiscrete(new double[] {-1, 0, 1}, probabilities, new int[] {0, 1},
                WeightDensityChart.BarLayout.STACKED));

        CategoryPlot plot = chart.chart().getCategoryPlot();
        assertThat(plot.getRenderer()).isInstanceOf(StackedBarRenderer.class);
        List<String> levels = new ArrayList<>();
        for (int row = 0; row < plot.getDataset().getRowCount(); row++) {
            levels.add(plot.getDataset().getRowKey(row).toString());
        }
        assertThat(levels).containsExactly("level -1", "level 0", "level +1");
        assertThat(plot.getDataset().getValue("level +1", "weight 0").doubleValue()).isEqualTo(0.5);
    }

    @Test
    void discreteGroupedUsesPlainBars() throws Exception {
        onFx(() -> chart.showDiscrete(new double[] {-1, 1}, new double[][] {{0.5, 0.5}}, new int[] {0},
                WeightDensityChart.BarLayout.GROUPED));

        assertThat(chart.chart().getCategoryPlot().getRenderer()).isNotInstanceOf(StackedBarRenderer.class);
    }

    @Test
    void rejectsNegativeProbability() {
        assertThatThrownBy(() -> chart.showDiscrete(new double[] {-1, 1}, new double[][] {{-0.1, 1.1}}, new int[] {0},
                WeightDensityChart.BarLayout.STACKED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Weight 0")
                .hasMessageContaining("-0.1");
    }

    @Test
    void rejectsSelectionOutsideWeights() {
        assertThatThrownBy(() -> chart.showGaussian(new double[] {0}, new double[] {1}, new int[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Selected weight 3");
    }

    @Test
    void csvListsDiscreteProbabilities(@TempDir Path folder) throws Exception {
        Path csv = folder.resolve("weights.csv");

        onFx(() -> {
            chart.showDiscrete(new double[] {-1, 1}, new double[][] {{0.25, 0.75}}, new int[] {0},
                    WeightDensityChart.BarLayout.STACKED);
            chart.exportCsv(csv);
        });

        assertThat(ExportChecks.assertCsv(csv, "weight,level,probability"))
                .containsExactly("weight,level,probability", "weight 0,-1.0,0.25", "weight 0,1.0,0.75");
    }

    @Test
    void copySamplesHaveCurvesAndBars() throws Exception {
        org.jfree.chart.JFreeChart curves = org.epsnn.views.testing.CopySamples.builtOffFxThread(() -> WeightDensityChart.sampleChart(null));
        org.jfree.chart.JFreeChart stacked = org.epsnn.views.testing.CopySamples.builtOffFxThread(
                () -> WeightDensityChart.sampleChart(WeightDensityChart.BarLayout.STACKED));

        assertThat(curves.getXYPlot().getDataset().getSeriesCount()).as("density curves").isEqualTo(2);
        assertThat(stacked.getCategoryPlot().getDataset().getColumnCount()).as("weights with level bars").isEqualTo(2);
    }
}
