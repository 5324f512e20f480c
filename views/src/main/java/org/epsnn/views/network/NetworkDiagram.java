package org.epsnn.views.network;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.views.CanvasView;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.draw.Draw;
import org.epsnn.views.draw.NiceTicks;
import org.epsnn.views.draw.TextMeasure;
import org.epsnn.views.export.CsvWriter;

/**
 * The drawing of a {@link NetworkSpec} inside {@link NetworkEditorView}: one column of neurons per
 * layer, left to right, with the input layer as column 0.
 */
final class NetworkDiagram extends CanvasView {

    /** Largest layer whose neurons are all drawn; bigger layers show a sample inside a block. */
    static final int MAX_DRAWN_NEURONS = 16;
    /** Neurons drawn at the top and at the bottom of a large layer's block. */
    private static final int SAMPLE_TOP = 4;
    private static final int SAMPLE_BOTTOM = 2;
    private static final double MAX_RADIUS = 13;
    /** Most lines one caption entry may wrap onto before it is cut with an ellipsis. */
    private static final int MAX_LINES_PER_ENTRY = 2;
    private static final Color INPUT_FILL = new Color(0xd9, 0xd9, 0xd9);
    private static final Color EDGE = new Color(0x9a, 0xa5, 0xb1, 70);
    private static final Color SELECTION_FILL = new Color(0xd6, 0x27, 0x28, 28);
    private static final Color BLOCK_FILL = new Color(0xf4, 0xf6, 0xf8);

    private static final String NAME_MARK = "\t";

    private NetworkSpec network;
    private int selectedIndex = -1;

    NetworkDiagram(ChartTheme theme) {
        super(theme);
        setPrefSize(640, 360);
    }

    void setNetwork(NetworkSpec network) {
        this.network = network;
        requestRepaint();
    }

    void setSelectedIndex(int index) {
        selectedIndex = index;
        requestRepaint();
    }

    /** Takes the diagram as it is now. The network spec is immutable. */
    Drawing drawing() {
        return new Drawing(network, selectedIndex, theme());
    }

    /** Number of columns: the input layer and every layer with weights. */
    int columnCount() {
        return drawing().columnCount();
    }

    /** Returns the caption entries of column {@code index}. */
    List<String> caption(int index) {
        return drawing().caption(index);
    }

    /** Computes every column's geometry for a {@code width x height} drawing. */
    List<Column> computeLayout(double width, double height) {
        return drawing().computeLayout(width, height);
    }

    @Override
    protected Picture picture() {
        return drawing();
    }

    /** The geometry of one column. */
    record Column(double centerX, Rectangle2D bounds, List<Point2D> neurons, double radius,
                  Rectangle2D block, double captionTop, List<String> captionLines) {
    }

    /** Index of the column whose area contains the point, or -1. */
    int columnAt(double x, double y) {
        List<Column> columns = computeLayout(canvasWidth(), canvasHeight());
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).bounds().contains(x, y)) {
                return c;
            }
        }
        return -1;
    }

    /** Centre of column {@code index}'s neurons on screen, for tests and tooltips. */
    Point2D columnCenter(int index) {
        Column column = computeLayout(canvasWidth(), canvasHeight()).get(index);
        Point2D first = column.neurons().get(0);
        Point2D last = column.neurons().get(column.neurons().size() - 1);
        return new Point2D.Double(column.centerX(), (first.getY() + last.getY()) / 2);
    }

    /** Short neuron model label that fits under a column, for example "sigmoid, T=0.5". */
    static String neuronLabel(NeuronModel neuron) {
        return switch (neuron.kind()) {
            case HEAVISIDE -> "heaviside";
            case SIGMOID -> "sigmoid, T=" + NiceTicks.format(neuron.temperature());
            case LINEAR -> "linear";
        };
    }

    /** Short weight prior label that fits under a column, for example "Gaussian, var 1". */
    static String weightLabel(WeightPrior prior) {
        return switch (prior.kind()) {
            // A no-break space keeps "var" and its value on one line when the caption wraps.
            case GAUSSIAN -> "Gaussian, var\u00a0" + NiceTicks.format(prior.variance());
            case BINARY -> "binary weights";
            case TERNARY -> {
                double[] probabilities = prior.levelProbabilities();
                yield Math.abs(probabilities[1] - probabilities[0]) < 1e-12
                        ? "ternary weights" : "ternary, p0=" + NiceTicks.format(probabilities[1]);
            }
            case DISCRETE -> prior.levelCount() + "-level weights";
        };
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** Draws three dots in a vertical line: the neurons left out of a large layer. */
    private static void paintEllipsis(Graphics2D g, double x, double y, double radius) {
        g.setColor(ChartTheme.MUTED_TEXT);
        double dot = Math.max(1.5, radius * 0.22);
        for (int i = -1; i <= 1; i++) {
            double dotY = y + i * radius * 0.7;
            g.fill(new Ellipse2D.Double(x - dot, dotY - dot, 2 * dot, 2 * dot));
        }
    }

    /**
     * The diagram of {@code network} with column {@code selectedIndex} selected (-1 for none):
     * the layout and the painting, which read nothing else, so that they can run on the painting
     * thread.
     */
    record Drawing(NetworkSpec network, int selectedIndex, ChartTheme theme) implements Picture {

        /** Number of columns: the input layer and every layer with weights. */
        int columnCount() {
            return network == null ? 0 : network.depth() + 1;
        }

        /** Neuron count of column {@code index}: the input size for column 0, else the layer size. */
        int columnSize(int index) {
            return index == 0 ? network.inputSize() : network.layer(index - 1).size();
        }

        /** Computes every column's geometry for a {@code width x height} drawing. */
        List<Column> computeLayout(double width, double height) {
            List<Column> columns = new ArrayList<>();
            int count = columnCount();
            if (count == 0) {
                return columns;
            }
            Font font = theme().captionFont();
            double lineHeight = TextMeasure.lineHeight(font);
            double columnWidth = (width - 8) / count;
            List<List<String>> captions = new ArrayList<>();
            int captionLineCount = 0;
            for (int c = 0; c < count; c++) {
                List<String> lines = wrappedCaption(c, columnWidth - 6);
                captions.add(lines);
                captionLineCount = Math.max(captionLineCount, lines.size());
            }
            double captionHeight = captionLineCount * lineHeight + 8;
            double neuronTop = 12;
            double neuronBottom = Math.max(neuronTop + 20, height - captionHeight - 8);
            double available = neuronBottom - neuronTop;
            double radius = Math.max(3, Math.min(MAX_RADIUS, Math.min(columnWidth * 0.16, available / (MAX_DRAWN_NEURONS * 2.6))));

            for (int c = 0; c < count; c++) {
                double centerX = 4 + (c + 0.5) * columnWidth;
                int size = columnSize(c);
                List<Point2D> neurons = new ArrayList<>();
                Rectangle2D block = null;
                double spacing = radius * 2.6;
                double middle = (neuronTop + neuronBottom) / 2;
                if (size <= MAX_DRAWN_NEURONS) {
                    double first = middle - (size - 1) * spacing / 2;
                    for (int i = 0; i < size; i++) {
                        neurons.add(new Point2D.Double(centerX, first + i * spacing));
                    }
                } else {
                    // Sampled neurons, a gap for the ellipsis, and room for the count at the top of the block.
                    int slots = SAMPLE_TOP + SAMPLE_BOTTOM + 2;
                    double countHeight = lineHeight + 6;
                    double blockHeight = countHeight + slots * spacing;
                    double blockTop = middle - blockHeight / 2;
                    double first = blockTop + countHeight + spacing / 2;
                    for (int i = 0; i < SAMPLE_TOP; i++) {
                        neurons.add(new Point2D.Double(centerX, first + i * spacing));
                    }
                    for (int i = 0; i < SAMPLE_BOTTOM; i++) {
                        neurons.add(new Point2D.Double(centerX, first + (SAMPLE_TOP + 2 + i) * spacing));
                    }
                    double blockWidth = Math.max(4 * radius, TextMeasure.width(theme().boldCaptionFont(), Integer.toString(size)) + 12);
                    block = new Rectangle2D.Double(centerX - blockWidth / 2, blockTop, blockWidth, blockHeight);
                }
                double captionTop = neuronBottom + 8;
                Rectangle2D bounds = new Rectangle2D.Double(centerX - columnWidth / 2 + 2, 2, columnWidth - 4,
                        captionTop + captionHeight - 2);
                columns.add(new Column(centerX, bounds, neurons, radius, block, captionTop, captions.get(c)));
            }
            return columns;
        }

        /**
         * Returns the caption of column {@code index} broken into lines that fit {@code maxWidth}; the
         * name is the first line, marked by a leading tab so that painting can set it in bold.
         */
        private List<String> wrappedCaption(int index, double maxWidth) {
            List<String> lines = new ArrayList<>();
            List<String> entries = caption(index);
            for (int entry = 0; entry < entries.size(); entry++) {
                Font font = entry == 0 ? theme().boldCaptionFont() : theme().captionFont();
                for (String line : TextMeasure.wrap(font, entries.get(entry), maxWidth, MAX_LINES_PER_ENTRY)) {
                    lines.add(entry == 0 ? NAME_MARK + line : line);
                }
            }
            return lines;
        }

        /** Returns the caption entries of column {@code index}: name and size, and for layers the neuron model, weights and bias. */
        List<String> caption(int index) {
            if (index == 0) {
                return List.of("input", plural(network.inputSize(), "feature"));
            }
            LayerSpec layer = network.layer(index - 1);
            String name = index == network.depth() ? "layer " + index + " (output)" : "layer " + index;
            String bias = layer.bias() ? "bias" : "no bias";
            if (layer.temper() != 1.0) {
                bias += ", tempered " + NiceTicks.format(layer.temper());
            }
            return List.of(name, plural(layer.size(), "neuron"), neuronLabel(layer.neuron()), weightLabel(layer.prior()), bias);
        }

        @Override
        public void paint(Graphics2D g, double width, double height) {
            if (network == null) {
                Draw.text(g, "no network", theme().axisLabelFont(), ChartTheme.MUTED_TEXT, width / 2, height / 2 - 8,
                        Draw.Align.CENTER);
                return;
            }
            List<Column> columns = computeLayout(width, height);

            if (selectedIndex >= 0 && selectedIndex < columns.size()) {
                Rectangle2D bounds = columns.get(selectedIndex).bounds();
                g.setColor(SELECTION_FILL);
                g.fill(new RoundRectangle2D.Double(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight(), 12, 12));
                g.setColor(ChartTheme.ACCENT);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(new RoundRectangle2D.Double(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight(), 12, 12));
            }

            paintEdges(g, columns);
            for (int c = 0; c < columns.size(); c++) {
                paintColumn(g, c, columns.get(c));
            }
        }

        private void paintEdges(Graphics2D g, List<Column> columns) {
            g.setColor(EDGE);
            g.setStroke(new BasicStroke(0.8f));
            for (int c = 0; c + 1 < columns.size(); c++) {
                Column from = columns.get(c);
                Column to = columns.get(c + 1);
                for (Point2D source : from.neurons()) {
                    for (Point2D target : to.neurons()) {
                        g.draw(new Line2D.Double(source.getX() + from.radius(), source.getY(),
                                target.getX() - to.radius(), target.getY()));
                    }
                }
            }
        }

        private void paintColumn(Graphics2D g, int index, Column column) {
            double radius = column.radius();
            if (column.block() != null) {
                Rectangle2D block = column.block();
                RoundRectangle2D shape = new RoundRectangle2D.Double(block.getX(), block.getY(), block.getWidth(),
                        block.getHeight(), 10, 10);
                g.setColor(BLOCK_FILL);
                g.fill(shape);
                g.setColor(ChartTheme.AXIS_LINE);
                g.setStroke(new BasicStroke(1f));
                g.draw(shape);
                Draw.text(g, Integer.toString(columnSize(index)), theme().boldCaptionFont(), ChartTheme.TEXT,
                        column.centerX(), block.getY() + 3, Draw.Align.CENTER);
                Point2D lastTop = column.neurons().get(SAMPLE_TOP - 1);
                Point2D firstBottom = column.neurons().get(SAMPLE_TOP);
                paintEllipsis(g, column.centerX(), (lastTop.getY() + firstBottom.getY()) / 2, radius);
            }

            Color fill = index == 0 ? INPUT_FILL : neuronColor(network.layer(index - 1).neuron());
            g.setStroke(new BasicStroke(1.2f));
            for (Point2D neuron : column.neurons()) {
                Ellipse2D circle = new Ellipse2D.Double(neuron.getX() - radius, neuron.getY() - radius, 2 * radius, 2 * radius);
                g.setColor(fill);
                g.fill(circle);
                g.setColor(ChartTheme.TEXT);
                g.draw(circle);
            }

            Font font = theme().captionFont();
            double lineHeight = TextMeasure.lineHeight(font);
            List<String> lines = column.captionLines();
            for (int line = 0; line < lines.size(); line++) {
                String text = lines.get(line);
                boolean name = text.startsWith(NAME_MARK);
                Draw.text(g, name ? text.substring(NAME_MARK.length()) : text, name ? theme().boldCaptionFont() : font,
                        name ? ChartTheme.TEXT : ChartTheme.MUTED_TEXT, column.centerX(),
                        column.captionTop() + line * lineHeight, Draw.Align.CENTER);
            }
        }

        private Color neuronColor(NeuronModel neuron) {
            return switch (neuron.kind()) {
                case HEAVISIDE -> theme().seriesColor(0);
                case SIGMOID -> theme().seriesColor(1);
                case LINEAR -> theme().seriesColor(4);
            };
        }
    }

    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        csv.header("index", "name", "size", "neuron", "weight_prior", "bias");
        if (network == null) {
            return;
        }
        csv.cell(0).cell("input").cell(network.inputSize()).cell("").cell("").cell("").endRow();
        for (int l = 1; l <= network.depth(); l++) {
            LayerSpec layer = network.layer(l - 1);
            csv.cell(l).cell(caption(l).get(0)).cell(layer.size()).cell(layer.neuron().toString())
                    .cell(layer.prior().toString()).cell(Boolean.toString(layer.bias())).endRow();
        }
    }
}
