package org.epsnn.views.heatmap;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.util.Duration;

import org.epsnn.views.CanvasView;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.ColorMap;
import org.epsnn.views.draw.ColorBar;
import org.epsnn.views.draw.Draw;
import org.epsnn.views.draw.PixelImages;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.export.CsvWriter;

/**
 * A grid of small images with one colour map and one value range for all of them, such as the
 * 28 x 28 receptive fields of selected hidden neurons. Posterior means suit the diverging
 * blue-white-red map centred at 0, posterior standard deviations a sequential map.
 *
 * <p>Each cell has a title (for example "neuron 17"), drawn above the cell when all titles fit and
 * otherwise shown as a tooltip. A colour bar on the right labels the value range. Clicking a cell
 * reports its index in the given list to {@link #onCellClickedProperty()}.
 */
public class ImageGridView extends CanvasView {

    private static final double COLOR_BAR_GAP = 14;

    private final ObjectProperty<IntConsumer> onCellClicked = new SimpleObjectProperty<>(this, "onCellClicked");
    private final Tooltip tooltip = new Tooltip();
    private boolean tooltipInstalled;
    private double[][] images = new double[0][];
    private int imageWidth = 1;
    private int imageHeight = 1;
    private List<String> titles = List.of();
    private ColorMap colorMap = ColorMap.BLUE_WHITE_RED;
    private ValueRange fixedRange;
    private String colorBarLabel = "";
    private int highlighted = -1;

    /** Colours of every image, computed once per data or colour change and reused by repaints and resizes. */
    private int[][] colored;
    private ValueRange coloredRange;

    public ImageGridView() {
        this(new ChartTheme());
    }

    public ImageGridView(ChartTheme theme) {
        super(theme);
        tooltip.setShowDelay(Duration.millis(300));
        setOnMouseClicked(event -> {
            if (event.getButton() != MouseButton.PRIMARY) {
                return;
            }
            int index = cellIndexAt(event.getX() - getInsets().getLeft(), event.getY() - getInsets().getTop());
            IntConsumer handler = onCellClicked.get();
            if (index >= 0 && handler != null) {
                handler.accept(index);
            }
        });
        setOnMouseMoved(event -> {
            int index = cellIndexAt(event.getX() - getInsets().getLeft(), event.getY() - getInsets().getTop());
            if (index >= 0) {
                tooltip.setText(titles.get(index));
                if (!tooltipInstalled) {
                    Tooltip.install(this, tooltip);
                    tooltipInstalled = true;
                }
            } else if (tooltipInstalled) {
                Tooltip.uninstall(this, tooltip);
                tooltipInstalled = false;
            }
        });
    }

    /** Handler of a click on a cell, given the cell's index in the list passed to {@code setImages}. */
    public ObjectProperty<IntConsumer> onCellClickedProperty() {
        return onCellClicked;
    }

    public void setOnCellClicked(IntConsumer handler) {
        onCellClicked.set(handler);
    }

    /**
     * Shows {@code images.length} images of {@code width x height} pixels.
     *
     * @param images one row-major array per image, top row first; entries after the first
     *     {@code width * height} (such as a bias weight) are ignored
     * @param titles one title per image
     */
    public void setImages(double[][] images, int width, int height, List<String> titles) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Image size must be positive, got " + width + " x " + height);
        }
        if (titles.size() != images.length) {
            throw new IllegalArgumentException("Got " + titles.size() + " titles for " + images.length + " images");
        }
        for (int i = 0; i < images.length; i++) {
            if (images[i].length < width * height) {
                throw new IllegalArgumentException("Image " + i + " (" + titles.get(i) + ") has " + images[i].length
                        + " values, fewer than " + width + " x " + height);
            }
        }
        this.images = images.clone();
        this.imageWidth = width;
        this.imageHeight = height;
        this.titles = List.copyOf(titles);
        if (highlighted >= images.length) {
            highlighted = -1;
        }
        invalidateColors();
    }

    /** Shows images titled by {@code title}, for example {@code i -> "neuron " + i}. */
    public void setImages(double[][] images, int width, int height, IntFunction<String> title) {
        List<String> generated = new ArrayList<>(images.length);
        for (int i = 0; i < images.length; i++) {
            generated.add(title.apply(i));
        }
        setImages(images, width, height, generated);
    }

    /** Sets the colour map: {@link ColorMap#BLUE_WHITE_RED} by default, centred at 0 unless a range is fixed. */
    public void setColorMap(ColorMap map) {
        colorMap = Objects.requireNonNull(map, "map");
        invalidateColors();
    }

    public ColorMap getColorMap() {
        return colorMap;
    }

    /**
     * Fixes the value range of the colour map, or with null returns to the automatic range: the
     * finite values' range, symmetric around 0 for a diverging map.
     */
    public void setValueRange(ValueRange range) {
        fixedRange = range;
        invalidateColors();
    }

    /** Sets the caption of the colour bar, for example "posterior mean"; empty for none. */
    public void setColorBarLabel(String label) {
        colorBarLabel = label == null ? "" : label;
        requestRepaint();
    }

    /** Outlines cell {@code index} in the accent colour, or no cell for -1. */
    public void setHighlightedCell(int index) {
        if (index < -1 || index >= images.length) {
            throw new IllegalArgumentException("Highlighted cell " + index + " is outside the " + images.length + " images");
        }
        highlighted = index;
        requestRepaint();
    }

    public int imageCount() {
        return images.length;
    }

    /** Returns the value range that the colours show, colouring the images first when needed. */
    public ValueRange valueRange() {
        updateColors();
        return coloredRange;
    }

    /** Index of the cell at the point (in this view's coordinates inside its insets), or -1. */
    public int cellIndexAt(double x, double y) {
        return computeLayout(canvasWidth(), canvasHeight()).cellAt(x, y);
    }

    /** Rectangle of cell {@code index}'s image on screen, inside this view's insets. */
    public Rectangle2D cellBounds(int index) {
        return computeLayout(canvasWidth(), canvasHeight()).cell(index);
    }

    private void invalidateColors() {
        colored = null;
        requestRepaint();
    }

    private void updateColors() {
        if (colored != null) {
            return;
        }
        int pixelCount = imageWidth * imageHeight;
        coloredRange = fixedRange != null ? fixedRange : automaticRange(pixelCount);
        colored = new int[images.length][pixelCount];
        for (int i = 0; i < images.length; i++) {
            double[] image = images[i];
            int[] pixels = colored[i];
            for (int p = 0; p < pixelCount; p++) {
                pixels[p] = colorMap.argb(coloredRange.fraction(image[p]));
            }
        }
    }

    private ValueRange automaticRange(int pixelCount) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] image : images) {
            for (int p = 0; p < pixelCount; p++) {
                if (Double.isFinite(image[p])) {
                    low = Math.min(low, image[p]);
                    high = Math.max(high, image[p]);
                }
            }
        }
        if (low > high) {
            return colorMap.isDiverging() ? new ValueRange(-1, 1) : ValueRange.UNIT;
        }
        if (colorMap.isDiverging()) {
            double largest = Math.max(Math.abs(low), Math.abs(high));
            return largest > 0 ? new ValueRange(-largest, largest) : new ValueRange(-1, 1);
        }
        return ValueRange.widenIfEmpty(low, high);
    }

    /** Takes the grid as it is now, computing its colours first when a change cleared them. */
    private Drawing drawing() {
        updateColors();
        return new Drawing(colored, imageWidth, imageHeight, titles, colorMap, coloredRange, colorBarLabel, highlighted,
                theme());
    }

    private ImageGridLayout computeLayout(double width, double height) {
        return drawing().layout(width, height);
    }

    @Override
    protected Picture picture() {
        return drawing();
    }

    /**
     * The grid's coloured images, titles, colour bar and highlight; reads nothing else, so that it
     * can paint on the painting thread.
     */
    private record Drawing(int[][] colored, int imageWidth, int imageHeight, List<String> titles, ColorMap colorMap,
                           ValueRange range, String colorBarLabel, int highlighted, ChartTheme theme) implements Picture {

        double colorBarWidth() {
            return ColorBar.width(theme, range, colorBarLabel);
        }

        ImageGridLayout layout(double width, double height) {
            double barWidth = colorBarWidth();
            Rectangle2D gridBounds = new Rectangle2D.Double(4, 4, Math.max(0, width - barWidth - COLOR_BAR_GAP - 8),
                    Math.max(0, height - 8));
            return ImageGridLayout.of(gridBounds, imageWidth, imageHeight, titles, theme.noteFont());
        }

        @Override
        public void paint(Graphics2D g, double width, double height) {
            if (colored.length == 0) {
                Draw.text(g, "no images", theme.axisLabelFont(), ChartTheme.MUTED_TEXT, width / 2, height / 2 - 8,
                        Draw.Align.CENTER);
                return;
            }
            ImageGridLayout layout = layout(width, height);
            paintCells(g, layout);
            if (layout.titlesShown()) {
                Font font = theme.noteFont();
                for (int i = 0; i < layout.cellCount(); i++) {
                    Rectangle2D cell = layout.cell(i);
                    Draw.text(g, titles.get(i), font, ChartTheme.TEXT, cell.getCenterX(), cell.getY() - layout.titleHeight(),
                            Draw.Align.CENTER);
                }
            }
            if (highlighted >= 0 && highlighted < layout.cellCount()) {
                Rectangle2D cell = layout.cell(highlighted);
                g.setColor(ChartTheme.ACCENT);
                g.setStroke(new BasicStroke(2f));
                g.draw(new Rectangle2D.Double(cell.getX() - 1.5, cell.getY() - 1.5, cell.getWidth() + 3, cell.getHeight() + 3));
            }

            // The colour bar sits right of the grid, which is centred in its area and may not fill it.
            double gridRight = 0;
            for (int i = 0; i < layout.cellCount(); i++) {
                gridRight = Math.max(gridRight, layout.cell(i).getMaxX());
            }
            double barWidth = colorBarWidth();
            double barHeight = Math.min(height - 16, Math.max(120, height * 0.6));
            double barLeft = Math.min(width - barWidth - 4, gridRight + COLOR_BAR_GAP);
            Rectangle2D barBounds = new Rectangle2D.Double(barLeft, (height - barHeight) / 2, barWidth, barHeight);
            ColorBar.draw(g, barBounds, colorMap, range, colorBarLabel, theme);
        }

        /** Draws every cell into one sheet image covering the grid, so hundreds of cells cost one image draw. */
        private void paintCells(Graphics2D g, ImageGridLayout layout) {
            if (layout.cellCount() == 0) {
                return;
            }
            Rectangle2D bounds = layout.cell(0);
            for (int i = 1; i < layout.cellCount(); i++) {
                bounds = bounds.createUnion(layout.cell(i));
            }
            int left = (int) bounds.getX();
            int top = (int) bounds.getY();
            int sheetWidth = (int) Math.ceil(bounds.getMaxX()) - left;
            int sheetHeight = (int) Math.ceil(bounds.getMaxY()) - top;
            if (sheetWidth < 1 || sheetHeight < 1) {
                return;
            }
            PixelImages.Sheet sheet = new PixelImages.Sheet(sheetWidth, sheetHeight);
            for (int i = 0; i < layout.cellCount(); i++) {
                Rectangle2D cell = layout.cell(i);
                sheet.put(colored[i], imageWidth, imageHeight, (int) cell.getX() - left, (int) cell.getY() - top,
                        (int) cell.getWidth(), (int) cell.getHeight());
            }
            g.drawImage(sheet.image(), left, top, null);

            g.setStroke(new BasicStroke(1f));
            g.setColor(ChartTheme.GRID);
            for (int i = 0; i < layout.cellCount(); i++) {
                Rectangle2D cell = layout.cell(i);
                if (cell.getWidth() >= 24) {
                    g.draw(new Rectangle2D.Double(cell.getX() - 0.5, cell.getY() - 0.5, cell.getWidth() + 1, cell.getHeight() + 1));
                }
            }
        }
    }

    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        csv.cell("cell").cell("title");
        for (int p = 0; p < imageWidth * imageHeight; p++) {
            csv.cell("pixel_" + p / imageWidth + "_" + p % imageWidth);
        }
        csv.endRow();
        for (int i = 0; i < images.length; i++) {
            csv.cell(i).cell(titles.get(i));
            for (int p = 0; p < imageWidth * imageHeight; p++) {
                csv.cell(images[i][p]);
            }
            csv.endRow();
        }
    }
}
