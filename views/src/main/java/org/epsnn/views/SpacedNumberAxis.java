package org.epsnn.views;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A number axis whose automatic ticks on a vertical axis stand at least
 * {@value #MIN_SPACING_LINES} label heights apart. JFreeChart picks the smallest tick unit whose
 * labels do not overlap, which on a tall plot of a narrow range (test accuracy between 0.974 and
 * 0.980) wrote 33 labels, one under the other.
 */
final class SpacedNumberAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;
    /** Smallest distance between two ticks of a vertical axis, in heights of a tick label. */
    static final double MIN_SPACING_LINES = 3;

    SpacedNumberAxis(String label) {
        super(label);
    }

    @Override
    protected void selectVerticalAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectVerticalAutoTickUnit(g2, dataArea, edge);
        double minimum = MIN_SPACING_LINES * g2.getFontMetrics(getTickLabelFont()).getHeight();
        TickUnitSource units = getStandardTickUnits();
        TickUnit unit = getTickUnit();
        while (lengthToJava2D(unit.getSize(), dataArea, edge) < minimum) {
            TickUnit larger = units.getLargerTickUnit(unit);
            if (larger.getSize() <= unit.getSize()) {
                break;
            }
            unit = larger;
        }
        if (unit instanceof NumberTickUnit number) {
            setTickUnit(number, false, false);
        }
    }
}
