package org.epsnn.views.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.epsnn.model.data.Dataset;
import org.epsnn.views.CanvasView;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.ColorMap;
import org.epsnn.views.draw.Draw;
import org.epsnn.views.draw.Legend;
import org.epsnn.views.draw.NiceTicks;
import org.epsnn.views.draw.PixelImages;
import org.epsnn.views.draw.PlotFrame;
import org.epsnn.views.draw.Scatter;
import org.epsnn.views.draw.TextMeasure;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.export.CsvWriter;
import org.epsnn.views.heatmap.ImageGridLayout;

/**
 * A first look at a {@link Dataset}: a summary line (samples, features, classes or targets) above
 * a picture that suits the data. Image data shows its first {@value #MAX_IMAGES} samples with their
 * labels, 2-D classification data a scatter plot coloured by class, and 1-D regression data a
 * scatter plot of the input against the first target. Other data shows the summary only.
 *
 * <p>Scatter plots draw at most {@value #MAX_POINTS} samples, spread evenly over the dataset, and
 * the summary then gives both counts.
 */
public class DatasetPreviewView extends CanvasView {

    /** Samples shown for image data. */
    public static final int MAX_IMAGES = 36;
    /** Samples drawn in a scatter plot. */
    public static final int MAX_POINTS = 5000;

    /** The picture chosen for the dataset on show. */
    public enum Mode {
        NONE, IMAGES, SCATTER_2D, REGRESSION_1D, SUMMARY_ONLY
    }

    private static final int MAX_SUMMARY_LINES = 3;
    private static final Color REGRESSION_POINT = new Color(0x4e, 0x79, 0xa7);

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "no dataset");
    private Dataset dataset;
    private Mode mode = Mode.NONE;
    private int[] shownRows = new int[0];

    public DatasetPreviewView() {
        this(new ChartTheme());
    }

    public DatasetPreviewView(ChartTheme theme) {
        super(theme);
    }

    /** Shows {@code data}, or nothing for null. */
    public void setDataset(Dataset data) {
        dataset = data;
        mode = chooseMode(data);
        shownRows = chooseRows(data, mode);
        summary.set(data == null ? "no dataset" : summarize(data));
        requestRepaint();
    }

    /** One-line description, for example "two moons: 400 samples, 2 features, 2 classes (upper: 200, lower: 200)". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public String getSummary() {
        return summary.get();
    }

    public Mode mode() {
        return mode;
    }

    /** Number of samples in the picture. */
    public int shownSampleCount() {
        return shownRows.length;
    }

    private static Mode chooseMode(Dataset data) {
        if (data == null) {
            return Mode.NONE;
        }
        if (data.isImage() && data.rows() > 0) {
            return Mode.IMAGES;
        }
        if (data.task() == Dataset.Task.CLASSIFICATION && data.columns() == 2) {
            return Mode.SCATTER_2D;
        }
        if (data.task() == Dataset.Task.REGRESSION && data.columns() == 1) {
            return Mode.REGRESSION_1D;
        }
        return Mode.SUMMARY_ONLY;
    }

    private static int[] chooseRows(Dataset data, Mode mode) {
        int limit = switch (mode) {
            case IMAGES -> MAX_IMAGES;
            case SCATTER_2D, REGRESSION_1D -> MAX_POINTS;
            default -> 0;
        };
        int count = Math.min(limit, data == null ? 0 : data.rows());
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            // Images: the first samples. Scatter plots: samples spread evenly over the whole set.
            rows[i] = mode == Mode.IMAGES ? i : (int) ((long) i * data.rows() / count);
        }
        return rows;
    }

    private String summarize(Dataset data) {
        StringBuilder text = new StringBuilder();
        text.append(data.name()).append(": ").append(plural(data.rows(), "sample")).append(", ")
                .append(plural(data.columns(), "feature"));
        if (data.isImage()) {
            text.append(String.format(Locale.ROOT, " (%d x %d images)", data.imageWidth(), data.imageHeight()));
        }
        if (data.task() == Dataset.Task.CLASSIFICATION) {
            int[] counts = new int[data.classCount()];
            for (int label : data.labels()) {
                counts[label]++;
            }
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < counts.length; k++) {
                // A no-break space keeps each name with its count when the summary wraps.
                parts.add(data.classNames().get(k) + ":\u00a0" + counts[k]);
            }
            text.append(", ").append(plural(data.classCount(), "class")).append(" (").append(String.join(", ", parts)).append(')');
        } else {
            text.append(", ").append(plural(data.targetCount(), "target")).append(" (").append(String.join(", ", data.targetNames()))
                    .append(')');
            if (data.rows() > 0) {
                ValueRange range = ValueRange.ofFinite(firstTargets(data), ValueRange.UNIT);
                text.append(String.format(Locale.ROOT, ", %s from %s to %s", data.targetNames().get(0),
                        NiceTicks.format(range.low()), NiceTicks.format(range.high())));
            }
        }
        if ((mode == Mode.SCATTER_2D || mode == Mode.REGRESSION_1D) && shownRows.length < data.rows()) {
            text.append(String.format(Locale.ROOT, "; plot shows %d of %d samples", shownRows.length, data.rows()));
        }
        return text.toString();
    }

    private static String plural(int count, String noun) {
        if (count == 1) {
            return "1 " + noun;
        }
        return count + " " + (noun.endsWith("s") ? noun + "es" : noun + "s");
    }

    private static double[] firstTargets(Dataset data) {
        double[] values = new double[data.rows()];
        double[] targets = data.targets();
        for (int row = 0; row < data.rows(); row++) {
            values[row] = targets[row * data.targetCount()];
        }
        return values;
    }

    /** Takes the preview as it is now. The dataset is immutable, and the shown rows are replaced on change. */
    private Drawing drawing() {
        return new Drawing(dataset, mode, shownRows, summary.get(), theme());
    }

    @Override
    protected Picture picture() {
        return drawing();
    }

    /** The preview as it was when taken; reads nothing else, so that it can paint on the painting thread. */
    private record Drawing(Dataset dataset, Mode mode, int[] shownRows, String summary, ChartTheme theme) implements Picture {

        @Override
        public void paint(Graphics2D g, double width, double height) {
            Font font = theme().captionFont();
            double lineHeight = TextMeasure.lineHeight(font);
            List<String> summaryLines = TextMeasure.wrap(font, summary, width - 8, MAX_SUMMARY_LINES);
            for (int line = 0; line < summaryLines.size(); line++) {
                Draw.text(g, summaryLines.get(line), font, ChartTheme.TEXT, 4, 4 + line * lineHeight, Draw.Align.LEFT);
            }
            double summaryHeight = summaryLines.size() * lineHeight;
            Rectangle2D body = new Rectangle2D.Double(4, summaryHeight + 10, Math.max(1, width - 8),
                    Math.max(1, height - summaryHeight - 14));

            switch (mode) {
                case IMAGES -> paintImages(g, body);
                case SCATTER_2D -> paintClassScatter(g, body);
                case REGRESSION_1D -> paintRegressionScatter(g, body);
                case SUMMARY_ONLY -> Draw.text(g, "no picture for " + plural(dataset.columns(), "feature")
                        + " that are not images", theme().axisLabelFont(), ChartTheme.MUTED_TEXT,
                        body.getCenterX(), body.getCenterY() - lineHeight / 2, Draw.Align.CENTER);
                case NONE -> { }
            }
        }

        private String sampleTitle(int row) {
            if (dataset.task() == Dataset.Task.CLASSIFICATION) {
                return dataset.classNames().get(dataset.labels()[row]);
            }
            return "y = " + NiceTicks.format(dataset.targets()[row * dataset.targetCount()]);
        }

        private void paintImages(Graphics2D g, Rectangle2D body) {
            int imageWidth = dataset.imageWidth();
            int imageHeight = dataset.imageHeight();
            List<String> titles = new ArrayList<>();
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int row : shownRows) {
                titles.add(sampleTitle(row));
                for (int column = 0; column < dataset.columns(); column++) {
                    double value = dataset.feature(row, column);
                    if (Double.isFinite(value)) {
                        low = Math.min(low, value);
                        high = Math.max(high, value);
                    }
                }
            }
            ValueRange range = low > high ? ValueRange.UNIT : ValueRange.widenIfEmpty(low, high);

            ImageGridLayout layout = ImageGridLayout.of(body, imageWidth, imageHeight, titles, theme().noteFont());
            int[] pixels = new int[imageWidth * imageHeight];
            for (int i = 0; i < layout.cellCount(); i++) {
                int row = shownRows[i];
                for (int p = 0; p < pixels.length; p++) {
                    pixels[p] = ColorMap.GREYSCALE.argb(range.fraction(dataset.feature(row, p)));
                }
                Rectangle2D cell = layout.cell(i);
                PixelImages.draw(g, pixels, imageWidth, imageHeight, cell.getX(), cell.getY(), cell.getWidth(), cell.getHeight());
                g.setColor(ChartTheme.GRID);
                g.draw(new Rectangle2D.Double(cell.getX() - 0.5, cell.getY() - 0.5, cell.getWidth() + 1, cell.getHeight() + 1));
                if (layout.titlesShown()) {
                    Draw.text(g, titles.get(i), theme().noteFont(), ChartTheme.TEXT, cell.getCenterX(),
                            cell.getY() - layout.titleHeight(), Draw.Align.CENTER);
                }
            }
        }

        private void paintClassScatter(Graphics2D g, Rectangle2D body) {
            double[] x = column(0);
            double[] y = column(1);
            List<Legend.Item> items = new ArrayList<>();
            for (int k = 0; k < dataset.classCount(); k++) {
                items.add(new Legend.Item(dataset.classNames().get(k), theme().classColor(k)));
            }
            Font legendFont = theme().legendFont();
            double legendHeight = Legend.height(items, legendFont, body.getWidth());
            Rectangle2D plot = new Rectangle2D.Double(body.getX(), body.getY(), body.getWidth(),
                    Math.max(1, body.getHeight() - legendHeight - 6));
            PlotFrame frame = PlotFrame.layout(plot, padded(x), padded(y), featureName(0), featureName(1), theme());
            frame.drawAxes(g);
            int[] labels = dataset.labels();
            double radius = 3 * Math.sqrt(theme().effectiveScale());
            Scatter.draw(g, frame, x, y, i -> theme().classColor(labels[shownRows[i]]), radius, ChartTheme.TEXT);
            Legend.draw(g, items, legendFont, body.getX(), body.getMaxY() - legendHeight, body.getWidth());
        }

        private void paintRegressionScatter(Graphics2D g, Rectangle2D body) {
            double[] x = column(0);
            double[] y = new double[shownRows.length];
            for (int i = 0; i < shownRows.length; i++) {
                y[i] = dataset.targets()[shownRows[i] * dataset.targetCount()];
            }
            PlotFrame frame = PlotFrame.layout(body, padded(x), padded(y), featureName(0), dataset.targetNames().get(0), theme());
            frame.drawAxes(g);
            double radius = 3 * Math.sqrt(theme().effectiveScale());
            Scatter.draw(g, frame, x, y, i -> REGRESSION_POINT, radius, Color.WHITE);
        }

        private double[] column(int column) {
            double[] values = new double[shownRows.length];
            for (int i = 0; i < shownRows.length; i++) {
                values[i] = dataset.feature(shownRows[i], column);
            }
            return values;
        }

        private String featureName(int column) {
            return dataset.featureNames().isEmpty() ? "feature " + (column + 1) : dataset.featureNames().get(column);
        }

        /** Range of the finite values with 5% margin, so points on the edge stay inside the frame. */
        private static ValueRange padded(double[] values) {
            ValueRange range = ValueRange.ofFinite(values, ValueRange.UNIT);
            double margin = range.width() * 0.05;
            return new ValueRange(range.low() - margin, range.high() + margin);
        }
    }

    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        if (dataset == null) {
            csv.header("row");
            return;
        }
        csv.cell("row");
        for (int column = 0; column < dataset.columns(); column++) {
            csv.cell(dataset.featureNames().isEmpty() ? "feature_" + (column + 1) : dataset.featureNames().get(column));
        }
        if (dataset.task() == Dataset.Task.CLASSIFICATION) {
            csv.cell("label");
        } else {
            for (String target : dataset.targetNames()) {
                csv.cell(target);
            }
        }
        csv.endRow();

        int[] rows = mode == Mode.SUMMARY_ONLY ? chooseRows(dataset, Mode.IMAGES) : shownRows;
        for (int row : rows) {
            csv.cell(row);
            for (int column = 0; column < dataset.columns(); column++) {
                csv.cell(dataset.feature(row, column));
            }
            if (dataset.task() == Dataset.Task.CLASSIFICATION) {
                csv.cell(dataset.classNames().get(dataset.labels()[row]));
            } else {
                for (int t = 0; t < dataset.targetCount(); t++) {
                    csv.cell(dataset.targets()[row * dataset.targetCount() + t]);
                }
            }
            csv.endRow();
        }
    }
}
