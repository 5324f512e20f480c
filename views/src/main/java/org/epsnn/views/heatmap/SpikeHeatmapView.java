package org.epsnn.views.heatmap;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.epsnn.views.CanvasView;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.ColorMap;
import org.epsnn.views.draw.ColorBar;
import org.epsnn.views.draw.Draw;
import org.epsnn.views.draw.NiceTicks;
import org.epsnn.views.draw.PixelImages;
import org.epsnn.views.draw.TextMeasure;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.export.CsvWriter;

/**
 * The marginal spike probability of every neuron, one block per layer from left to right.
 *
 * <p>A layer is drawn as a heatmap reshaped to a near-square grid, or to the input image shape for
 * layer 0 when {@link #setInputShape} matches its size. A layer of at most {@value #MAX_BAR_NEURONS}
 * neurons is drawn as bars instead, which show the values more precisely. Each block is captioned
 * with its name, size and mean probability, for example "layer 1: 500 neurons, mean 0.21".
 * Probabilities outside [0, 1] are clamped for colouring; NaN is drawn grey and counted in the caption.
 */
public class SpikeHeatmapView extends CanvasView {

    /** Largest layer drawn as bars rather than as a heatmap. */
    public static final int MAX_BAR_NEURONS = 20;

    private static final ColorMap COLOR_MAP = ColorMap.BLUES;
    private static final String COLOR_BAR_LABEL = "spike probability";
    private static final double BLOCK_GAP = 18;
    /** Space between two rows of layer blocks. */
    private static final double ROW_GAP = 8;
    /** Lines that the size and mean part of a caption may wrap onto under the layer name. */
    private static final int MAX_DETAIL_LINES = 2;

    private final List<double[]> layers = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private int inputWidth;
    private int inputHeight;

    public SpikeHeatmapView() {
        this(new ChartTheme());
    }

    public SpikeHeatmapView(ChartTheme theme) {
        super(theme);
    }

    /** Shows the layers named "layer 0", "layer 1", and so on. */
    public void setLayers(List<double[]> probabilities) {
        List<String> defaultNames = new ArrayList<>();
        for (int l = 0; l < probabilities.size(); l++) {
            defaultNames.add("layer " + l);
        }
        setLayers(probabilities, defaultNames);
    }

    /**
     * Shows one block per layer.
     *
     * @param probabilities spike probability of every neuron, one array per layer; the arrays are copied
     * @param layerNames caption name of every layer, such as "input" or "layer 1"
     */
    public void setLayers(List<double[]> probabilities, List<String> layerNames) {
        if (probabilities.size() != layerNames.size()) {
            throw new IllegalArgumentException("Got " + layerNames.size() + " layer names for " + probabilities.size() + " layers");
        }
        layers.clear();
        for (double[] layer : probabilities) {
            layers.add(layer.clone());
        }
        names.clear();
        names.addAll(layerNames);
        requestRepaint();
    }

    /**
     * Draws layer 0 as a {@code width x height} image when its size is {@code width * height};
     * 0 and 0 reshape it like the other layers.
     */
    public void setInputShape(int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("Input shape must not be negative, got " + width + " x " + height);
        }
        inputWidth = width;
        inputHeight = height;
        requestRepaint();
    }

    public int layerCount() {
        return layers.size();
    }

    /** Takes the layers as they are now. The arrays were copied when set and are never written. */
    private Drawing drawing() {
        return new Drawing(List.copyOf(layers), List.copyOf(names), inputWidth, inputHeight, theme());
    }

    /** Caption of layer {@code index}, for example "layer 1: 500 neurons, mean 0.21". */
    public String caption(int index) {
        return drawing().caption(index);
    }

    /** Grid shape {@code {columns, rows}} of a heatmap block for layer {@code index}. */
    int[] gridShape(int index) {
        return drawing().gridShape(index);
    }

    /** Rows and columns of layer blocks, each {@code blockWidth} wide with a square of {@code blockSide}. */
    record Arrangement(int rows, int columns, double blockWidth, double blockSide) {
    }

    /** Places the layers on show in a view of {@code width} x {@code height} pixels. */
    Arrangement arrangement(double width, double height) {
        return drawing().arrangement(width, height);
    }

    @Override
    protected Picture picture() {
        return drawing();
    }

    /** The layers as they were when taken; reads nothing else, so that it can paint on the painting thread. */
    private record Drawing(List<double[]> layers, List<String> names, int inputWidth, int inputHeight, ChartTheme theme) implements Picture {

        /** Caption of layer {@code index}, for example "layer 1: 500 neurons, mean 0.21". */
        public String caption(int index) {
            double[] layer = layers.get(index);
            double sum = 0;
            int finite = 0;
            for (double value : layer) {
                if (Double.isFinite(value)) {
                    sum += value;
                    finite++;
                }
            }
            String mean = finite == 0 ? "no finite value" : String.format(Locale.ROOT, "mean %.2f", sum / finite);
            String size = layer.length == 1 ? "1 neuron" : layer.length + " neurons";
            String missing = finite < layer.length ? String.format(Locale.ROOT, ", %d NaN", layer.length - finite) : "";
            return names.get(index) + ": " + size + ", " + mean + missing;
        }

        /** Grid shape {@code {columns, rows}} of a heatmap block for layer {@code index}. */
        int[] gridShape(int index) {
            int size = layers.get(index).length;
            if (index == 0 && inputWidth > 0 && inputWidth * inputHeight == size) {
                return new int[] {inputWidth, inputHeight};
            }
            int columns = (int) Math.ceil(Math.sqrt(size));
            int rows = (size + columns - 1) / columns;
            return new int[] {columns, rows};
        }

        @Override
        public void paint(Graphics2D g, double width, double height) {
            if (layers.isEmpty()) {
                Draw.text(g, "no layers", theme().axisLabelFont(), ChartTheme.MUTED_TEXT, width / 2, height / 2 - 8,
                        Draw.Align.CENTER);
                return;
            }

            double barWidth = ColorBar.width(theme(), ValueRange.UNIT, COLOR_BAR_LABEL);
            Font captionFont = theme().captionFont();
            double lineHeight = TextMeasure.lineHeight(captionFont);
            double captionHeight = captionHeight();
            double top = 4;
            Arrangement arrangement = arrangement(width, height);
            double blockWidth = arrangement.blockWidth();
            double blockSide = arrangement.blockSide();

            for (int l = 0; l < layers.size(); l++) {
                int row = l / arrangement.columns();
                double left = 4 + (l % arrangement.columns()) * (blockWidth + BLOCK_GAP);
                double rowTop = top + row * (captionHeight + blockSide + ROW_GAP);
                paintCaption(g, l, captionFont, left, rowTop, blockWidth, lineHeight);
                Rectangle2D block = new Rectangle2D.Double(left + (blockWidth - blockSide) / 2, rowTop + captionHeight,
                        blockSide, blockSide);
                if (layers.get(l).length <= MAX_BAR_NEURONS) {
                    // Bars need not be square. In the last row they take the height their rows need, as far as the view has it.
                    double rowsHeight = layers.get(l).length * TextMeasure.lineHeight(theme().tickLabelFont()) * 1.4;
                    double room = row == arrangement.rows() - 1 ? height - block.getY() - 8 : blockSide;
                    double barsHeight = Math.max(blockSide, Math.min(room, rowsHeight));
                    paintBars(g, layers.get(l), new Rectangle2D.Double(block.getX(), block.getY(), blockSide, barsHeight));
                } else {
                    paintHeatmap(g, l, block);
                }
            }

            // The bar may run taller than the blocks, so that its caption fits along it.
            double captionLength = TextMeasure.width(theme().axisLabelFont(), COLOR_BAR_LABEL) + 2 * lineHeight;
            double barHeight = Math.max(blockSide, Math.min(height - top - 8, captionLength));
            double barTop = Math.max(top, Math.min(top + captionHeight, height - 8 - barHeight));
            Rectangle2D barBounds = new Rectangle2D.Double(width - barWidth - 4, barTop, barWidth, barHeight);
            ColorBar.draw(g, barBounds, COLOR_MAP, ValueRange.UNIT, COLOR_BAR_LABEL, theme());
        }

        /** Places the layers in a view of {@code width} x {@code height} pixels. */
        Arrangement arrangement(double width, double height) {
            double available = width - ColorBar.width(theme(), ValueRange.UNIT, COLOR_BAR_LABEL) - 16;
            // Bars take the height their rows need rather than a square, so layers that are all bars stay in one row.
            boolean squares = layers.stream().anyMatch(layer -> layer.length > MAX_BAR_NEURONS);
            return arrange(layers.size(), squares ? layers.size() : 1, available, height - 4, captionHeight());
        }

        /** Returns the height of a caption: the bold name and up to {@value #MAX_DETAIL_LINES} lines of details. */
        private double captionHeight() {
            return (1 + MAX_DETAIL_LINES) * TextMeasure.lineHeight(theme().captionFont()) + 6;
        }

        /**
         * Puts the layers in at most {@code maxRows} rows, in the rows and columns that draw their
         * blocks largest: one row when the view is wide, more when it is tall and narrow. A tie
         * keeps fewer rows. No layers count as one, so that the result is never null.
         */
        static Arrangement arrange(int count, int maxRows, double available, double height, double captionHeight) {
            count = Math.max(1, count);
            Arrangement best = null;
            for (int rows = 1; rows <= Math.min(count, Math.max(1, maxRows)); rows++) {
                int columns = (count + rows - 1) / rows;
                if ((rows - 1) * columns >= count) {
                    continue;
                }
                double blockWidth = (available - BLOCK_GAP * (columns - 1)) / columns;
                double side = Math.max(1, Math.min(blockWidth, (height - rows * (captionHeight + ROW_GAP)) / rows));
                if (best == null || side > best.blockSide() + 0.5) {
                    best = new Arrangement(rows, columns, blockWidth, side);
                }
            }
            return best;
        }

        /** Writes the layer name in bold, then its size and mean on up to {@value #MAX_DETAIL_LINES} lines. */
        private void paintCaption(Graphics2D g, int index, Font font, double left, double top, double width, double lineHeight) {
            String caption = caption(index);
            int split = caption.indexOf(": ");
            String name = caption.substring(0, split);
            String details = caption.substring(split + 2);
            double center = left + width / 2;
            Font nameFont = theme().boldCaptionFont();
            Draw.text(g, TextMeasure.fit(nameFont, name, width), nameFont, ChartTheme.TEXT, center, top, Draw.Align.CENTER);
            List<String> lines = TextMeasure.wrap(font, details, width, MAX_DETAIL_LINES);
            for (int line = 0; line < lines.size(); line++) {
                Draw.text(g, lines.get(line), font, ChartTheme.MUTED_TEXT, center, top + (line + 1) * lineHeight,
                        Draw.Align.CENTER);
            }
        }

        private void paintHeatmap(Graphics2D g, int index, Rectangle2D block) {
            double[] layer = layers.get(index);
            int[] shape = gridShape(index);
            int columns = shape[0];
            int rows = shape[1];
            int[] pixels = new int[columns * rows];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = i < layer.length ? COLOR_MAP.argb(layer[i]) : ChartTheme.BACKGROUND.getRGB();
            }
            double scale = Math.min(block.getWidth() / columns, block.getHeight() / rows);
            double drawnWidth = columns * scale;
            double drawnHeight = rows * scale;
            double x = block.getX() + (block.getWidth() - drawnWidth) / 2;
            double y = block.getY();
            PixelImages.draw(g, pixels, columns, rows, x, y, drawnWidth, drawnHeight);
            g.setStroke(new BasicStroke(1f));
            g.setColor(ChartTheme.GRID);
            g.draw(new Rectangle2D.Double(x - 0.5, y - 0.5, drawnWidth + 1, drawnHeight + 1));
        }

        /** Draws one horizontal bar per neuron: the index on the left, the value on the right. */
        private void paintBars(Graphics2D g, double[] layer, Rectangle2D block) {
            Font font = theme().tickLabelFont();
            double lineHeight = TextMeasure.lineHeight(font);
            double rowHeight = Math.min(block.getHeight() / layer.length, lineHeight * 1.8);
            double indexWidth = TextMeasure.width(font, Integer.toString(layer.length - 1)) + 6;
            double valueWidth = TextMeasure.width(font, "0.00") + 6;
            double barLeft = block.getX() + indexWidth;
            double barSpan = Math.max(1, block.getWidth() - indexWidth - valueWidth);
            // Rows lower than a line of text label every few rows only, so that the labels never overlap.
            int labelEvery = (int) Math.ceil(lineHeight / Math.max(1e-9, rowHeight));

            for (int i = 0; i < layer.length; i++) {
                double rowTop = block.getY() + i * rowHeight;
                double textTop = rowTop + (rowHeight - lineHeight) / 2;
                boolean labelled = i % labelEvery == 0;
                if (labelled) {
                    Draw.text(g, Integer.toString(i), font, ChartTheme.MUTED_TEXT, barLeft - 6, textTop, Draw.Align.RIGHT);
                }
                double value = layer[i];
                Rectangle2D track = new Rectangle2D.Double(barLeft, rowTop + rowHeight * 0.15, barSpan, rowHeight * 0.7);
                Draw.fill(g, track, new java.awt.Color(0xf2, 0xf2, 0xf2));
                if (Double.isNaN(value)) {
                    if (labelled) {
                        Draw.text(g, "NaN", font, ChartTheme.MUTED_TEXT, barLeft + barSpan + 4, textTop, Draw.Align.LEFT);
                    }
                    continue;
                }
                double clamped = Math.max(0, Math.min(1, value));
                Draw.fill(g, new Rectangle2D.Double(barLeft, track.getY(), barSpan * clamped, track.getHeight()),
                        COLOR_MAP.color(0.25 + 0.75 * clamped));
                if (labelled) {
                    Draw.text(g, NiceTicks.format(Math.round(value * 100) / 100.0), font, ChartTheme.TEXT,
                            barLeft + barSpan + 4, textTop, Draw.Align.LEFT);
                }
            }
        }
    }

    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        csv.header("layer", "name", "neuron", "spike_probability");
        for (int l = 0; l < layers.size(); l++) {
            double[] layer = layers.get(l);
            for (int i = 0; i < layer.length; i++) {
                csv.cell(l).cell(names.get(l)).cell(i).cell(layer[i]).endRow();
            }
        }
    }
}
