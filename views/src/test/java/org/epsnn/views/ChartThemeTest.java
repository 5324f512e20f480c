package org.epsnn.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ChartThemeTest {

    @Test
    void viewsListeningForChangesReadNewScale() {
        ChartTheme theme = new ChartTheme();
        List<Double> seen = new ArrayList<>();
        // Views restyle from an invalidation listener, which JavaFX calls before change listeners.
        theme.presentationScaleProperty().addListener(observable -> seen.add(theme.effectiveScale()));

        theme.setPresentationScale(1.6);
        theme.setPresentationScale(1.0);

        assertThat(seen).as("scale read by the listener after each change").containsExactly(1.6, 1.0);
    }

    @Test
    void narrowRangeOnTallPlotKeepsTicksApart() {
        XYSeries accuracy = new XYSeries("test accuracy");
        double[] values = {0.9768, 0.9741, 0.9797, 0.9745, 0.9802};
        for (int pass = 0; pass < values.length; pass++) {
            accuracy.add(pass + 1, values[pass]);
        }
        JFreeChart chart = new ChartTheme().createLineChart(new XYSeriesCollection(accuracy), "passes", "test accuracy");
        BufferedImage image = new BufferedImage(640, 760, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo(null);
        chart.draw(g, new Rectangle2D.Double(0, 0, 640, 760), null, info);
        g.dispose();

        NumberAxis axis = (NumberAxis) chart.getXYPlot().getRangeAxis();
        double ticks = axis.getRange().getLength() / axis.getTickUnit().getSize();
        double plotHeight = info.getPlotInfo().getDataArea().getHeight();
        // JFreeChart's own choice here was 0.0002: 33 labels 21 px apart.
        assertThat(plotHeight / ticks).as("pixels between ticks of a %.0f px high plot", plotHeight).isGreaterThanOrEqualTo(36);
        assertThat(ticks).as("ticks on the accuracy axis").isBetween(4.0, 16.0);
    }
}
