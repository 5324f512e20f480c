package org.epsnn.views.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * A line renderer that also draws the shape of a series with a single point, which a line alone
 * would leave invisible (a test curve after its first evaluation, for example).
 */
public class LonePointRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;

    /** Whether the series of the item being drawn has only that item. */
    private transient boolean lonePoint;

    /** Draws lines without shapes, except for a series of one point. */
    public LonePointRenderer() {
        super(true, false);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                         int item, CrosshairState crosshairState, int pass) {
        lonePoint = dataset.getItemCount(series) == 1;
        super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
    }

    @Override
    public boolean getItemShapeVisible(int series, int item) {
        return lonePoint || super.getItemShapeVisible(series, item);
    }
}
