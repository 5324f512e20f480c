package org.epsnn.views.draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.List;

import org.epsnn.views.ChartTheme;

/** A legend of coloured dots with names, laid out in rows that wrap at a given width. */
public final class Legend {

    private static final double DOT = 10;
    private static final double GAP = 6;
    private static final double ITEM_GAP = 16;

    private Legend() {
    }

    /** One legend entry. */
    public record Item(String name, Color color) {
    }

    /** Height in pixels that the legend needs at {@code maxWidth}. */
    public static double height(List<Item> items, Font font, double maxWidth) {
        return rows(items, font, maxWidth) * lineHeight(font);
    }

    /** Draws the items left to right from ({@code left}, {@code top}), wrapping at {@code maxWidth}. */
    public static void draw(Graphics2D g, List<Item> items, Font font, double left, double top, double maxWidth) {
        double x = left;
        double y = top;
        double line = lineHeight(font);
        for (Item item : items) {
            double itemWidth = itemWidth(item, font);
            if (x > left && x + itemWidth > left + maxWidth) {
                x = left;
                y += line;
            }
            double dotTop = y + (line - DOT) / 2;
            Ellipse2D dot = new Ellipse2D.Double(x, dotTop, DOT, DOT);
            g.setColor(item.color());
            g.fill(dot);
            g.setStroke(new BasicStroke(1f));
            g.setColor(ChartTheme.TEXT);
            g.draw(dot);
            Draw.text(g, item.name(), font, ChartTheme.TEXT, x + DOT + GAP, y + (line - TextMeasure.lineHeight(font)) / 2,
                    Draw.Align.LEFT);
            x += itemWidth + ITEM_GAP;
        }
    }

    private static int rows(List<Item> items, Font font, double maxWidth) {
        if (items.isEmpty()) {
            return 0;
        }
        int rows = 1;
        double x = 0;
        for (Item item : items) {
            double itemWidth = itemWidth(item, font);
            if (x > 0 && x + itemWidth > maxWidth) {
                rows++;
                x = 0;
            }
            x += itemWidth + ITEM_GAP;
        }
        return rows;
    }

    private static double itemWidth(Item item, Font font) {
        return DOT + GAP + TextMeasure.width(font, item.name());
    }

    private static double lineHeight(Font font) {
        return Math.max(DOT, TextMeasure.lineHeight(font)) + 4;
    }
}
