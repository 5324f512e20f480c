package org.epsnn.views.draw;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

import org.epsnn.views.ChartTheme;
import org.epsnn.views.ColorMap;

/**
 * A vertical colour bar: the colour map from low (bottom) to high (top), labels of the range ends
 * and of 0 for a diverging map, and a caption turned along the bar.
 */
public final class ColorBar {

    private static final double BAR_WIDTH = 14;
    private static final double GAP = 4;
    private static final int GRADIENT_STEPS = 128;

    private ColorBar() {
    }

    /** Width in pixels that a colour bar with these labels needs. */
    public static double width(ChartTheme theme, ValueRange range, String caption) {
        Font font = theme.tickLabelFont();
        double labels = Math.max(TextMeasure.width(font, NiceTicks.format(range.low())),
                TextMeasure.width(font, NiceTicks.format(range.high())));
        double captionWidth = caption.isEmpty() ? 0 : TextMeasure.lineHeight(theme.axisLabelFont()) + GAP;
        return BAR_WIDTH + GAP + labels + GAP + captionWidth;
    }

    /** Draws the bar at the left edge of {@code bounds}, filling its height minus room for the end labels. */
    public static void draw(Graphics2D g, Rectangle2D bounds, ColorMap map, ValueRange range, String caption,
                            ChartTheme theme) {
        Font font = theme.tickLabelFont();
        double lineHeight = TextMeasure.lineHeight(font);
        double top = bounds.getY() + lineHeight / 2;
        double height = Math.max(1, bounds.getHeight() - lineHeight);
        double left = bounds.getX();

        int[] gradient = new int[GRADIENT_STEPS];
        for (int i = 0; i < GRADIENT_STEPS; i++) {
            gradient[i] = map.argb(1 - (i + 0.5) / GRADIENT_STEPS);
        }
        PixelImages.draw(g, gradient, 1, GRADIENT_STEPS, left, top, BAR_WIDTH, height);
        g.setStroke(new BasicStroke(1f));
        g.setColor(ChartTheme.AXIS_LINE);
        g.draw(new Rectangle2D.Double(left, top, BAR_WIDTH, height));

        double labelX = left + BAR_WIDTH + GAP;
        double widest = label(g, font, range.high(), labelX, top, lineHeight);
        widest = Math.max(widest, label(g, font, range.low(), labelX, top + height, lineHeight));
        if (map.isDiverging() && range.contains(0)) {
            double zeroY = top + (1 - range.fraction(0)) * height;
            g.setColor(ChartTheme.AXIS_LINE);
            g.draw(new Line2D.Double(left, zeroY, left + BAR_WIDTH, zeroY));
            widest = Math.max(widest, label(g, font, 0, labelX, zeroY, lineHeight));
        }

        if (!caption.isEmpty()) {
            Font captionFont = theme.axisLabelFont();
            double captionX = labelX + widest + GAP + TextMeasure.lineHeight(captionFont) / 2;
            String fitted = TextMeasure.fit(captionFont, caption, height);
            Draw.verticalText(g, fitted, captionFont, ChartTheme.TEXT, captionX, top + height / 2);
        }
    }

    private static double label(Graphics2D g, Font font, double value, double x, double centerY, double lineHeight) {
        String text = NiceTicks.format(value);
        Draw.text(g, text, font, ChartTheme.TEXT, x, centerY - lineHeight / 2, Draw.Align.LEFT);
        return TextMeasure.width(font, text);
    }
}
