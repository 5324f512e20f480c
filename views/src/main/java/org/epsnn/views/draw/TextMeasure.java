package org.epsnn.views.draw;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Text sizes for layout, measured without a graphics context so that layouts (and the hit tests
 * that depend on them) are the same on screen and in exports.
 *
 * <p>Layouts keep a few percent of slack around measured text, so that a caption also fits where
 * a font is substituted, for example in an SVG opened on another machine.
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

    /** Share of a width that fitted text may use, the slack for fonts that run wider than the one measured. */
    private static final double FIT_SHARE = 0.94;

    /**
     * Returns {@code text}, or its longest prefix plus an ellipsis that fits in {@code maxWidth}
     * pixels (minus a few percent of slack); an empty string when not even the ellipsis fits.
     */
    public static String fit(Font font, String text, double maxWidth) {
        maxWidth *= FIT_SHARE;
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

    /**
     * Breaks {@code text} at spaces into at most {@code maxLines} lines that fit {@code maxWidth}
     * pixels; the last line ends with an ellipsis when text is left over.
     */
    public static List<String> wrap(Font font, String text, double maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty() && lines.size() < maxLines - 1) {
            if (width(font, rest) <= maxWidth * FIT_SHARE) {
                break;
            }
            int breakAt = -1;
            for (int space = rest.indexOf(' '); space > 0; space = rest.indexOf(' ', space + 1)) {
                if (width(font, rest.substring(0, space)) > maxWidth * FIT_SHARE) {
                    break;
                }
                breakAt = space;
            }
            if (breakAt < 0) {
                break;
            }
            lines.add(rest.substring(0, breakAt));
            rest = rest.substring(breakAt + 1).strip();
        }
        if (!rest.isEmpty()) {
            lines.add(fit(font, rest, maxWidth));
        }
        return lines;
    }
}
