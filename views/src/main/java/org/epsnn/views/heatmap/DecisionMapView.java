package org.epsnn.views.heatmap;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.epsnn.views.CanvasView;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.ColorMap;
import org.epsnn.views.draw.ColorBar;
import org.epsnn.views.draw.Draw;
import org.epsnn.views.draw.Legend;
import org.epsnn.views.draw.PixelImages;
import org.epsnn.views.draw.PlotFrame;
import org.epsnn.views.draw.Scatter;
import org.epsnn.views.draw.TextMeasure;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.export.CsvWriter;

/**
 * Predicted classes over a 2-D input plane: every grid cell takes the class colours weighted by
 * their predicted probabilities, faded towards white where the prediction is unsure. Optionally a
 * second map beside it shows the predictive uncertainty (the entropy of the class probabilities).
 * The training points are scattered on top in their class colours.
 */
public class DecisionMapView extends CanvasView {

    private static final ColorMap UNCERTAINTY_MAP = ColorMap.PURPLES;
    private static final String UNCERTAINTY_LABEL = "predictive entropy (nats)";
    /** Share of the class colour kept at the least confident cells, so boundaries stay visible. */
    private static final double MIN_STRENGTH = 0.12;
    private static final double PANEL_GAP = 24;
    /**
     * Largest ratio of the two axes' ranges for which a map keeps equal units on both axes. A map
     * of features with very different ranges fills its panel instead of becoming a thin strip.
     */
    private static final double MAX_EQUAL_SCALE_RATIO = 4;

    private ValueRange xRange = new ValueRange(-1, 1);
    private ValueRange yRange = new ValueRange(-1, 1);
    private int rows;
    private int columns;
    private int classCount;
    private double[] probabilities = new double[0];
    private double[] pointX = new double[0];
    private double[] pointY = new double[0];
    private int[] pointClasses = new int[0];
    private List<String> classNames = List.of();
    private String xLabel = "x1";
    private String yLabel = "x2";
    private boolean showUncertainty = true;

    public DecisionMapView() {
        this(new ChartTheme());
    }

    public DecisionMapView(ChartTheme theme) {
        super(theme);
        setPrefSize(760, 380);
    }

    /**
     * Shows predicted class probabilities on a grid over the plane.
     *
     * @param xRange inputs covered by the grid's columns; cell {@code c} spans
     *     {@code [low + c * w, low + (c + 1) * w]} with {@code w = width / columns}
     * @param yRange inputs covered by the grid's rows; row 0 is at the bottom, {@code y = yRange.low()}
     * @param probabilities row-major {@code rows x columns x classCount}
     */
    public void setPrediction(ValueRange xRange, ValueRange yRange, int rows, int columns, int classCount,
                              double[] probabilities) {
        if (rows < 1 || columns < 1 || classCount < 2) {
            throw new IllegalArgumentException("A decision map needs at least 1 x 1 cells and 2 classes, got "
                    + rows + " x " + columns + " cells and " + classCount + " classes");
        }
        if (probabilities.length != rows * columns * classCount) {
            throw new IllegalArgumentException("Decision map of " + rows + " x " + columns + " cells and " + classCount
                    + " classes needs " + rows * columns * classCount + " probabilities, got " + probabilities.length);
        }
        this.xRange = xRange;
        this.yRange = yRange;
        this.rows = rows;
        this.columns = columns;
        this.classCount = classCount;
        this.probabilities = probabilities.clone();
        requestRepaint();
    }

    /** Scatters the data points on top; {@code classes[i]} picks the colour of point {@code i}. */
    public void setPoints(double[] x, double[] y, int[] classes) {
        if (x.length != y.length || x.length != classes.length) {
            throw new IllegalArgumentException("Point arrays differ in length: " + x.length + " x, " + y.length + " y, "
                    + classes.length + " classes");
        }
        pointX = x.clone();
        pointY = y.clone();
        pointClasses = classes.clone();
        requestRepaint();
    }

    /** Names the classes in the legend; without names they are called "class 0", "class 1", and so on. */
    public void setClassNames(List<String> names) {
        classNames = List.copyOf(names);
        requestRepaint();
    }

    /** Labels the two input axes, "x1" and "x2" by default. */
    public void setAxisLabels(String horizontal, String vertical) {
        xLabel = horizontal;
        yLabel = vertical;
        requestRepaint();
    }

    /** Shows or hides the second map of predictive entropy. */
    public void setShowUncertainty(boolean show) {
        showUncertainty = show;
        requestRepaint();
    }

    public boolean isShowUncertainty() {
        return showUncertainty;
    }

    /** Takes the maps as they are now. The arrays are replaced on change, never written in place. */
    private Drawing drawing() {
        return new Drawing(xRange, yRange, rows, columns, classCount, probabilities, pointX, pointY, pointClasses,
                classNames, xLabel, yLabel, showUncertainty, theme());
    }

    /** Entropy {@code -sum p log p} in nats of the class probabilities of cell ({@code row}, {@code column}). */
    public double entropy(int row, int column) {
        return drawing().entropy(row, column);
    }

    /** Colour of a cell, see {@link Drawing#cellColor}. */
    int cellColor(int row, int column) {
        return drawing().cellColor(row, column);
    }

    @Override
    protected Picture picture() {
        return drawing();
    }

    /** The maps as they were when taken; reads nothing else, so that it can paint on the painting thread. */
    private record Drawing(ValueRange xRange, ValueRange yRange, int rows, int columns, int classCount,
                           double[] probabilities, double[] pointX, double[] pointY, int[] pointClasses,
                           List<String> classNames, String xLabel, String yLabel, boolean showUncertainty, ChartTheme theme) implements Picture {

        /** Entropy {@code -sum p log p} in nats of the class probabilities of cell ({@code row}, {@code column}). */
        public double entropy(int row, int column) {
            int offset = (row * columns + column) * classCount;
            double entropy = 0;
            for (int k = 0; k < classCount; k++) {
                double p = probabilities[offset + k];
                if (p > 0) {
                    entropy -= p * Math.log(p);
                }
            }
            return entropy;
        }

        /**
         * Colour of a cell: the probability-weighted mix of class colours, faded towards white as the
         * largest probability falls towards chance level {@code 1 / classCount}.
         */
        int cellColor(int row, int column) {
            int offset = (row * columns + column) * classCount;
            double red = 0;
            double green = 0;
            double blue = 0;
            double total = 0;
            double largest = 0;
            for (int k = 0; k < classCount; k++) {
                double p = probabilities[offset + k];
                if (!(p >= 0) || !Double.isFinite(p)) {
                    continue;
                }
                Color color = theme().classColor(k);
                red += p * color.getRed();
                green += p * color.getGreen();
                blue += p * color.getBlue();
                total += p;
                largest = Math.max(largest, p);
            }
            if (total <= 0) {
                return ChartTheme.MISSING.getRGB();
            }
            double chance = 1.0 / classCount;
            double confidence = Math.max(0, Math.min(1, (largest / total - chance) / (1 - chance)));
            double strength = MIN_STRENGTH + (1 - MIN_STRENGTH) * confidence;
            int r = (int) Math.round(255 + strength * (red / total - 255));
            int gr = (int) Math.round(255 + strength * (green / total - 255));
            int b = (int) Math.round(255 + strength * (blue / total - 255));
            return 0xff000000 | r << 16 | gr << 8 | b;
        }

        private List<Legend.Item> legendItems() {
            int count = Math.max(classCount, maxPointClass() + 1);
            List<Legend.Item> items = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                items.add(new Legend.Item(className(k), theme().classColor(k)));
            }
            return items;
        }

        private int maxPointClass() {
            int max = -1;
            for (int k : pointClasses) {
                max = Math.max(max, k);
            }
            return max;
        }

        @Override
        public void paint(Graphics2D g, double width, double height) {
            if (classCount == 0 && pointX.length == 0) {
                Draw.text(g, "no prediction", theme().axisLabelFont(), ChartTheme.MUTED_TEXT, width / 2, height / 2 - 8,
                        Draw.Align.CENTER);
                return;
            }

            Font legendFont = theme().legendFont();
            List<Legend.Item> items = legendItems();
            double legendHeight = Legend.height(items, legendFont, width - 8);
            double titleHeight = TextMeasure.lineHeight(theme().boldCaptionFont()) + 4;
            double panelTop = 4 + titleHeight;
            double panelHeight = Math.max(1, height - panelTop - legendHeight - 10);
            boolean twoPanels = showUncertainty && classCount > 0;
            double barWidth = twoPanels ? ColorBar.width(theme(), uncertaintyRange(), UNCERTAINTY_LABEL) : 0;

            Placed classPlaced;
            Rectangle2D uncertaintyPanel = null;
            if (twoPanels) {
                // Side by side or one above the other, whichever draws the larger maps: maps with
                // equal units on both axes and a wide range fill a tall view better stacked.
                double sideWidth = (width - 8 - PANEL_GAP - barWidth - 12) / 2;
                Placed side = frameIn(new Rectangle2D.Double(4, panelTop, sideWidth, panelHeight));
                double stackedWidth = width - 8 - barWidth - 12;
                double stackedHeight = Math.max(1, (panelHeight - titleHeight - PANEL_GAP) / 2);
                Placed stacked = frameIn(new Rectangle2D.Double(4, panelTop, stackedWidth, stackedHeight));
                if (mapArea(stacked) > mapArea(side)) {
                    classPlaced = stacked;
                    uncertaintyPanel = new Rectangle2D.Double(4, panelTop + stackedHeight + PANEL_GAP + titleHeight, stackedWidth,
                            stackedHeight);
                } else {
                    classPlaced = side;
                    uncertaintyPanel = new Rectangle2D.Double(4 + sideWidth + PANEL_GAP, panelTop, sideWidth, panelHeight);
                }
            } else {
                classPlaced = frameIn(new Rectangle2D.Double(4, panelTop, width - 8, panelHeight));
            }

            PlotFrame classFrame = classPlaced.frame();
            Font titleFont = theme().boldCaptionFont();
            Draw.text(g, TextMeasure.fit(titleFont, "predicted class", classPlaced.panel().getWidth()), titleFont, ChartTheme.TEXT,
                    classFrame.area().getCenterX(), classPlaced.panel().getY() - titleHeight, Draw.Align.CENTER);
            if (classCount > 0) {
                paintGrid(g, classFrame, this::cellColor);
            }
            classFrame.drawAxes(g);
            paintPoints(g, classFrame);
            double mapsBottom = classPlaced.panel().getMaxY();

            if (uncertaintyPanel != null) {
                Placed uncertaintyPlaced = frameIn(uncertaintyPanel);
                PlotFrame uncertaintyFrame = uncertaintyPlaced.frame();
                Draw.text(g, TextMeasure.fit(titleFont, "predictive uncertainty", uncertaintyPanel.getWidth()), titleFont,
                        ChartTheme.TEXT, uncertaintyFrame.area().getCenterX(), uncertaintyPlaced.panel().getY() - titleHeight,
                        Draw.Align.CENTER);
                ValueRange entropyRange = uncertaintyRange();
                paintGrid(g, uncertaintyFrame, (row, column) -> UNCERTAINTY_MAP.argb(entropyRange.fraction(entropy(row, column))));
                uncertaintyFrame.drawAxes(g);
                paintPoints(g, uncertaintyFrame);
                Rectangle2D area = uncertaintyFrame.area();
                ColorBar.draw(g, new Rectangle2D.Double(area.getMaxX() + 12, area.getY(), barWidth, area.getHeight()),
                        UNCERTAINTY_MAP, entropyRange, UNCERTAINTY_LABEL, theme());
                mapsBottom = Math.max(mapsBottom, uncertaintyPlaced.panel().getMaxY());
            }

            // Right below the maps, which may sit higher than the bottom of the view when they keep equal units.
            Legend.draw(g, items, legendFont, 4, mapsBottom + 6, width - 8);
        }

        private static double mapArea(Placed placed) {
            return placed.frame().area().getWidth() * placed.frame().area().getHeight();
        }

        /**
         * Lays out a map's axes in {@code panel}. When the two ranges are of similar size, the panel
         * shrinks around its centre until one unit is as long on both axes, so that a square cluster
         * of points looks square however the window is shaped.
         */
        private Placed frameIn(Rectangle2D panel) {
            PlotFrame frame = PlotFrame.layout(panel, xRange, yRange, xLabel, yLabel, theme());
            double ratio = xRange.width() / yRange.width();
            if (!(ratio <= MAX_EQUAL_SCALE_RATIO && ratio >= 1 / MAX_EQUAL_SCALE_RATIO)) {
                return new Placed(panel, frame);
            }
            // Twice: the shrunk panel may take other ticks, which move the plot area a little.
            for (int round = 0; round < 2; round++) {
                Rectangle2D area = frame.area();
                double scale = Math.min(area.getWidth() / xRange.width(), area.getHeight() / yRange.width());
                double spareWidth = area.getWidth() - scale * xRange.width();
                double spareHeight = area.getHeight() - scale * yRange.width();
                if (spareWidth < 1 && spareHeight < 1) {
                    break;
                }
                Rectangle2D shrunk = new Rectangle2D.Double(panel.getX() + spareWidth / 2,
                        panel.getY() + spareHeight / 2, panel.getWidth() - spareWidth, panel.getHeight() - spareHeight);
                frame = PlotFrame.layout(shrunk, xRange, yRange, xLabel, yLabel, theme());
                panel = shrunk;
            }
            return new Placed(panel, frame);
        }

        /** A map's axes and the panel they were laid out in, whose top the map's title sits on. */
        private record Placed(Rectangle2D panel, PlotFrame frame) {
        }

        /** Entropy ranges from 0 (certain) to {@code log K} (uniform over K classes). */
        private ValueRange uncertaintyRange() {
            return new ValueRange(0, Math.log(Math.max(2, classCount)));
        }

        private interface CellColor {
            int argb(int row, int column);
        }

        private void paintGrid(Graphics2D g, PlotFrame frame, CellColor color) {
            int[] pixels = new int[rows * columns];
            for (int row = 0; row < rows; row++) {
                int imageRow = rows - 1 - row;
                for (int column = 0; column < columns; column++) {
                    pixels[imageRow * columns + column] = color.argb(row, column);
                }
            }
            Rectangle2D area = frame.area();
            PixelImages.draw(g, pixels, columns, rows, area.getX(), area.getY(), area.getWidth(), area.getHeight());
        }

        private void paintPoints(Graphics2D g, PlotFrame frame) {
            double radius = 3.2 * Math.sqrt(theme().effectiveScale());
            Scatter.draw(g, frame, pointX, pointY, i -> theme().classColor(pointClasses[i]), radius, ChartTheme.TEXT);
        }

        private String className(int index) {
            return index >= 0 && index < classNames.size() ? classNames.get(index) : "class " + index;
        }
    }

    /**
     * Writes one row per grid cell (kind "cell": centre, class probabilities, entropy) and one per
     * data point (kind "point": coordinates and class).
     */
    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        Drawing drawing = drawing();
        csv.cell("kind").cell("x").cell("y").cell("class");
        for (int k = 0; k < classCount; k++) {
            csv.cell("p_" + drawing.className(k));
        }
        csv.cell("entropy").endRow();

        double cellWidth = xRange.width() / Math.max(1, columns);
        double cellHeight = yRange.width() / Math.max(1, rows);
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                csv.cell("cell").cell(xRange.low() + (column + 0.5) * cellWidth)
                        .cell(yRange.low() + (row + 0.5) * cellHeight).cell("");
                int offset = (row * columns + column) * classCount;
                for (int k = 0; k < classCount; k++) {
                    csv.cell(probabilities[offset + k]);
                }
                csv.cell(drawing.entropy(row, column)).endRow();
            }
        }
        for (int i = 0; i < pointX.length; i++) {
            csv.cell("point").cell(pointX[i]).cell(pointY[i]).cell(drawing.className(pointClasses[i]));
            for (int k = 0; k <= classCount; k++) {
                csv.cell("");
            }
            csv.endRow();
        }
    }
}
