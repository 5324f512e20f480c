package org.epsnn.views.heatmap;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.epsnn.views.draw.TextMeasure;

/**
 * Placement of equally sized images in a grid inside a rectangle: the column count that makes the
 * images largest, each cell's rectangle, and whether cell titles fit above the cells.
 */
public final class ImageGridLayout {

    /** Narrowest cell, in pixels, that gets a title above it; smaller cells show titles only as tooltips. */
    private static final double MIN_TITLED_CELL_WIDTH = 36;

    private final Rectangle2D[] cells;
    private final boolean titlesShown;
    private final double titleHeight;

    private ImageGridLayout(Rectangle2D[] cells, boolean titlesShown, double titleHeight) {
        this.cells = cells;
        this.titlesShown = titlesShown;
        this.titleHeight = titleHeight;
    }

    /**
     * Lays out {@code titles.size()} images of {@code imageWidth x imageHeight} pixels in
     * {@code area}, keeping their aspect ratio. Titles are shown when every one fits its cell.
     */
    public static ImageGridLayout of(Rectangle2D area, int imageWidth, int imageHeight, List<String> titles,
                                     Font titleFont) {
        int count = titles.size();
        // Whole pixels inside the area, so that rounding the grid's position cannot push it out.
        double innerLeft = Math.ceil(area.getX());
        double innerTop = Math.ceil(area.getY());
        Rectangle2D bounds = new Rectangle2D.Double(innerLeft, innerTop, Math.floor(area.getMaxX()) - innerLeft,
                Math.floor(area.getMaxY()) - innerTop);
        if (count == 0 || bounds.getWidth() < 1 || bounds.getHeight() < 1) {
            return new ImageGridLayout(new Rectangle2D[0], false, 0);
        }

        // The fit reserves the same whole-pixel title line that the placement below adds to every row.
        double titleLine = Math.ceil(TextMeasure.lineHeight(titleFont) + 2);
        double widestTitle = 0;
        for (String title : titles) {
            widestTitle = Math.max(widestTitle, TextMeasure.width(titleFont, title));
        }
        Fit withTitles = bestFit(bounds, imageWidth, imageHeight, count, titleLine);
        boolean titlesShown = withTitles.cellWidth >= Math.max(MIN_TITLED_CELL_WIDTH, widestTitle + 2);
        Fit fit = titlesShown ? withTitles : bestFit(bounds, imageWidth, imageHeight, count, 0);
        double titleHeight = titlesShown ? titleLine : 0;

        // Whole pixels for sizes and steps, so every gap in the grid is equally wide.
        int cellWidth = (int) Math.floor(fit.cellWidth);
        int cellHeight = (int) Math.floor(fit.cellHeight);
        int gap = (int) fit.gap;
        double gridWidth = fit.columns * cellWidth + (fit.columns - 1) * gap;
        double gridHeight = fit.rows * (cellHeight + titleHeight) + (fit.rows - 1) * gap;
        double left = bounds.getX() + Math.floor(Math.max(0, (bounds.getWidth() - gridWidth) / 2));
        double top = bounds.getY() + Math.floor(Math.max(0, (bounds.getHeight() - gridHeight) / 2));
        Rectangle2D[] cells = new Rectangle2D[count];
        for (int i = 0; i < count; i++) {
            int row = i / fit.columns;
            int column = i % fit.columns;
            double x = left + column * (cellWidth + gap);
            double y = top + row * (cellHeight + titleHeight + gap) + titleHeight;
            cells[i] = new Rectangle2D.Double(x, y, cellWidth, cellHeight);
        }
        return new ImageGridLayout(cells, titlesShown, titleHeight);
    }

    private record Fit(int columns, int rows, double cellWidth, double cellHeight, double gap) {
    }

    /** Tries every column count and keeps the one with the largest cells. */
    private static Fit bestFit(Rectangle2D bounds, int imageWidth, int imageHeight, int count, double titleHeight) {
        Fit best = null;
        for (int columns = 1; columns <= count; columns++) {
            int rows = (count + columns - 1) / columns;
            double gap = 2;
            double scale = Math.min((bounds.getWidth() - (columns - 1) * gap) / (columns * (double) imageWidth),
                    (bounds.getHeight() - (rows - 1) * gap - rows * titleHeight) / (rows * (double) imageHeight));
            if (scale * imageWidth >= 40) {
                // Big cells read better with more space between them.
                gap = 6;
                scale = Math.min((bounds.getWidth() - (columns - 1) * gap) / (columns * (double) imageWidth),
                        (bounds.getHeight() - (rows - 1) * gap - rows * titleHeight) / (rows * (double) imageHeight));
            }
            if (scale > 0 && (best == null || scale * imageWidth > best.cellWidth)) {
                best = new Fit(columns, rows, scale * imageWidth, scale * imageHeight, gap);
            }
        }
        return best != null ? best : new Fit(count, 1, 0, 0, 0);
    }

    public int cellCount() {
        return cells.length;
    }

    /** Rectangle of the image of cell {@code index}, without its title. */
    public Rectangle2D cell(int index) {
        return cells[index];
    }

    public boolean titlesShown() {
        return titlesShown;
    }

    /** Height of the title line above every cell, 0 when titles are not shown. */
    public double titleHeight() {
        return titleHeight;
    }

    /** Index of the cell whose image or title contains the point, or -1. */
    public int cellAt(double x, double y) {
        for (int i = 0; i < cells.length; i++) {
            Rectangle2D cell = cells[i];
            if (x >= cell.getMinX() && x < cell.getMaxX() && y >= cell.getMinY() - titleHeight && y < cell.getMaxY()) {
                return i;
            }
        }
        return -1;
    }
}
