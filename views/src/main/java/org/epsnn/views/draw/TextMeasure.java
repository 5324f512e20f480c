package org.epsnn.views.draw;

import java.awt.Font;
import java.awt.font.FontRenderContext;

/**
 * Text sizes for layout, measured without a graphics context so that layouts (and the hit tests
 * that depend on them) are the same on screen and in exports.
 *
 * <p>NOTE: the screen draws text through JavaFX, whose glyph widths can differ from AWT's by a few
 * percent, so layouts keep a few pixels of slack around measured text.
 */
public final class TextMeasure {

    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    private TextMeasure() {
    }

    /** Advance width of {@code text} in pixels. */
    public static double width(Font font, String text) {
        return font.getStringBounds(text, CONTEXT).getWidth();
    }

    /** Height of one line of text in pixels, ascent plus descent plus leading. */
    public static double lineHeight(Font font) {
        return font.getLineMetrics("Mg", CONTEXT).getHeight();
    }

    /** Distance from the top of a line to its baseline in pixels. */
    public static double ascent(Font font) {
        return font.getLineMetrics("Mg", CONTEXT).getAscent();
    }

    /**
     * Returns {@code text}, or its longest prefix plus an ellipsis that fits in {@code maxWidth}
     * pixels; an empty string when not even the ellipsis fits.
     */
    public static String fit(Font font, String text, double maxWidth) {
        if (width(font, text) <= maxWidth) {
            return text;
        }
        String ellipsis = "…";
        for (int end = text.length() - 1; end > 0; end--) {
            String candidate = text.substring(0, end) + ellipsis;
            if (width(font, candidate) <= maxWidth) {
                return candidate;
            }
        }
        return width(font, ellipsis) <= maxWidth ? ellipsis : "";
    }
}
