package org.epsnn.views.draw;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/** Small text and shape helpers shared by the canvas views. */
public final class Draw {

    /** Horizontal anchor of a text: the given x is its left end, centre or right end. */
    public enum Align {
        LEFT, CENTER, RIGHT
    }

    private Draw() {
    }

    /** Switches on antialiasing of shapes and text. */
    public static void antialias(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /**
     * Draws {@code text} with its top at {@code top} and its horizontal anchor at {@code x}.
     * Positioning by the top of the line keeps layouts free of baseline arithmetic.
     */
    public static void text(Graphics2D g, String text, Font font, Color color, double x, double top, Align align) {
        if (text.isEmpty()) {
            return;
        }
        double width = TextMeasure.width(font, text);
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - width / 2;
            case RIGHT -> x - width;
        };
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, (float) left, (float) (top + TextMeasure.ascent(font)));
    }

    /** Draws {@code text} turned a quarter anticlockwise, centred on ({@code centerX}, {@code centerY}). */
    public static void verticalText(Graphics2D g, String text, Font font, Color color, double centerX, double centerY) {
        AffineTransform saved = g.getTransform();
        g.translate(centerX, centerY);
        g.rotate(-Math.PI / 2);
        text(g, text, font, color, 0, -TextMeasure.lineHeight(font) / 2, Align.CENTER);
        g.setTransform(saved);
    }

    /** Fills {@code rectangle} with {@code color}. */
    public static void fill(Graphics2D g, Rectangle2D rectangle, Color color) {
        g.setColor(color);
        g.fill(rectangle);
    }
}
