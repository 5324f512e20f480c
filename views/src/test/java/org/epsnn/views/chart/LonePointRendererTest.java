package org.epsnn.views.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.epsnn.views.ChartTheme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class LonePointRendererTest {

    @Test
    void singlePointSeriesIsDrawn() {
        assertThat(seriesPixels(1, true)).as("pixels of a one-point series").isGreaterThan(10);
        assertThat(seriesPixels(1, false)).as("pixels of a one-point series with lines only").isZero();
    }

    @Test
    void longerSeriesKeepsLinesWithoutShapes() {
        XYSeriesCollection data = new XYSeriesCollection(series(2));
        LonePointRenderer renderer = new LonePointRenderer();
        JFreeChart chart = new ChartTheme().createLineChart(data, "samples seen", "accuracy");
        chart.getXYPlot().setRenderer(renderer);

        chart.createBufferedImage(400, 300);

        assertThat(renderer.getItemShapeVisible(0, 0)).as("shape of a point in a two-point series").isFalse();
    }

    @Test
    void singleValueAxisHasReadableRange() {
        ChartTheme theme = new ChartTheme();
        JFreeChart chart = theme.createLineChart(new XYSeriesCollection(series(1)), "samples seen", "accuracy");
        chart.createBufferedImage(400, 300);

        NumberAxis axis = (NumberAxis) chart.getXYPlot().getRangeAxis();

        assertThat(axis.getRange().getLength()).as("range around a single value").isGreaterThan(0.99e-3);
    }

    private static int seriesPixels(int points, boolean lone) {
        ChartTheme theme = new ChartTheme();
        JFreeChart chart = theme.createLineChart(new XYSeriesCollection(series(points)), "samples seen", "accuracy");
        theme.apply(chart);
        // The legend draws a sample line in the series' colour, which must not count.
        chart.removeLegend();
        if (!lone) {
            chart.getXYPlot().setRenderer(new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false));
            theme.apply(chart);
        }
        Color paint = (Color) ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) chart.getXYPlot().getRenderer()).lookupSeriesPaint(0);
        BufferedImage image = chart.createBufferedImage(400, 300);
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (paint.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static XYSeries series(int points) {
        XYSeries series = new XYSeries("test, Bayesian");
        for (int i = 0; i < points; i++) {
            series.add(1000.0 * (i + 1), 0.9579 + 0.001 * i);
        }
        return series;
    }
}
