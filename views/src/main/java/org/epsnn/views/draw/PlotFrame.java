package org.epsnn.views.draw;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

import org.epsnn.views.ChartTheme;

/**
 * The axes of a canvas plot: the data area inside an outer rectangle after room for tick labels
 * and axis labels, the mapping between data and pixels, and the drawing of both axes.
 */
public final class PlotFrame {

    private static final double TICK_LENGTH = 4;
    private static final double GAP = 4;
    private static final int TARGET_TICKS = 6;

    private final Rectangle2D area;
    private final ValueRange xRange;
    private final ValueRange yRange;
    private final String xLabel;
    private final String yLabel;
    private final NiceTicks xTicks;
    private final NiceTicks yTicks;
    private final Font tickFont;
    private final Font labelFont;

    private PlotFrame(Rectangle2D area, ValueRange xRange, ValueRange yRange, String xLabel, String yLabel,
                      NiceTicks xTicks, NiceTicks yTicks, Font tickFont, Font labelFont) {
        this.area = area;
        this.xRange = xRange;
        this.yRange = yRange;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xTicks = xTicks;
        this.yTicks = yTicks;
        this.tickFont = tickFont;
        this.labelFont = labelFont;
    }

    /** Lays out axes for the given ranges and labels inside {@code outer}. */
    public static PlotFrame layout(Rectangle2D outer, ValueRange xRange, ValueRange yRange,
                                   String xLabel, String yLabel, ChartTheme theme) {
        Font tickFont = theme.tickLabelFont();
        Font labelFont = theme.axisLabelFont();
        double tickLine = TextMeasure.lineHeight(tickFont);
        double labelLine = TextMeasure.lineHeight(labelFont);
        double top = tickLine / 2 + 2;
        double bottom = TICK_LENGTH + GAP + tickLine + GAP + labelLine;
        int yTarget = (int) Math.max(2, Math.min(TARGET_TICKS, (outer.getHeight() - top - bottom) / (2.5 * tickLine)));
        NiceTicks yTicks = NiceTicks.of(yRange, yTarget);

        double widestYTick = 0;
        for (double value : yTicks.values()) {
            widestYTick = Math.max(widestYTick, TextMeasure.width(tickFont, yTicks.label(value)));
        }
        double left = labelLine + GAP + widestYTick + GAP + TICK_LENGTH;
        NiceTicks xTicks = fittingXTicks(xRange, tickFont, outer.getWidth() - left);
        double right = xTicks.values().isEmpty() ? GAP
                : TextMeasure.width(tickFont, xTicks.label(xTicks.values().get(xTicks.values().size() - 1))) / 2 + GAP;

        Rectangle2D area = new Rectangle2D.Double(outer.getX() + left, outer.getY() + top,
                Math.max(1, outer.getWidth() - left - right), Math.max(1, outer.getHeight() - top - bottom));
        return new PlotFrame(area, xRange, yRange, xLabel, yLabel, xTicks, yTicks, tickFont, labelFont);
    }

    /** Chooses the most x ticks, up to the target, whose labels fit side by side with room between them. */
    private static NiceTicks fittingXTicks(ValueRange range, Font font, double width) {
        NiceTicks ticks = NiceTicks.of(range, TARGET_TICKS);
        for (int target = TARGET_TICKS; target >= 2; target--) {
            ticks = NiceTicks.of(range, target);
            double needed = 0;
            for (double value : ticks.values()) {
                needed += TextMeasure.width(font, ticks.label(value)) + 3 * GAP;
            }
            if (needed <= width) {
                return ticks;
            }
        }
        return ticks;
    }

    /** The data area in pixels. */
    public Rectangle2D area() {
        return area;
    }

    public ValueRange xRange() {
        return xRange;
    }

    public ValueRange yRange() {
        return yRange;
    }

    public double pixelX(double x) {
        return area.getX() + xRange.fraction(x) * area.getWidth();
    }

    /** Pixel row of {@code y}; larger values are higher up. */
    public double pixelY(double y) {
        return area.getMaxY() - yRange.fraction(y) * area.getHeight();
    }

    /** Draws the frame, ticks, tick labels and axis labels. */
    public void drawAxes(Graphics2D g) {
        g.setStroke(new BasicStroke(1f));
        g.setColor(ChartTheme.AXIS_LINE);
        g.draw(area);

        double tickTop = area.getMaxY() + TICK_LENGTH + GAP;
        for (double value : xTicks.values()) {
            double x = pixelX(value);
            g.setColor(ChartTheme.AXIS_LINE);
            g.draw(new Line2D.Double(x, area.getMaxY(), x, area.getMaxY() + TICK_LENGTH));
            Draw.text(g, xTicks.label(value), tickFont, ChartTheme.TEXT, x, tickTop, Draw.Align.CENTER);
        }
        double labelTop = tickTop + TextMeasure.lineHeight(tickFont) + GAP;
        Draw.text(g, xLabel, labelFont, ChartTheme.TEXT, area.getCenterX(), labelTop, Draw.Align.CENTER);

        double tickRight = area.getX() - TICK_LENGTH - GAP;
        double widestTick = 0;
        for (double value : yTicks.values()) {
            double y = pixelY(value);
            g.setColor(ChartTheme.AXIS_LINE);
            g.draw(new Line2D.Double(area.getX() - TICK_LENGTH, y, area.getX(), y));
            String label = yTicks.label(value);
            widestTick = Math.max(widestTick, TextMeasure.width(tickFont, label));
            Draw.text(g, label, tickFont, ChartTheme.TEXT, tickRight, y - TextMeasure.lineHeight(tickFont) / 2,
                    Draw.Align.RIGHT);
        }
        double labelCenterX = tickRight - widestTick - GAP - TextMeasure.lineHeight(labelFont) / 2;
        Draw.verticalText(g, yLabel, labelFont, ChartTheme.TEXT, labelCenterX, area.getCenterY());
    }
}
