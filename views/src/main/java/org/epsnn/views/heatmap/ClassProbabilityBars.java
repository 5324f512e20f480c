package org.epsnn.views.heatmap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.epsnn.views.CanvasView;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.draw.Draw;
import org.epsnn.views.draw.TextMeasure;
import org.epsnn.views.export.CsvWriter;

/**
 * Horizontal bars of class probabilities, one per class with its name and value, the most
 * probable class (the argmax) highlighted. Optionally marks the true class of the sample.
 *
 * <p>Bars span [0, 1]; values outside are clamped for drawing but written as given. NaN values
 * draw no bar and never count as the argmax.
 */
public class ClassProbabilityBars extends CanvasView {

    private static final Color TRACK = new Color(0xf0, 0xf0, 0xf0);
    private static final double MAX_ROW_HEIGHT = 30;

    private double[] probabilities = new double[0];
    private List<String> classNames = List.of();
    private int trueClass = -1;

    public ClassProbabilityBars() {
        this(new ChartTheme());
    }

    public ClassProbabilityBars(ChartTheme theme) {
        super(theme);
        setPrefSize(320, 300);
    }

    /** Shows one bar per class; {@code values} and {@code names} have one entry per class. */
    public void setProbabilities(double[] values, List<String> names) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException("Got " + values.length + " probabilities for " + names.size() + " class names");
        }
        probabilities = values.clone();
        classNames = List.copyOf(names);
        if (trueClass >= values.length) {
            trueClass = -1;
        }
        requestRepaint();
    }

    /** Marks class {@code index} as the sample's true class, or no class for -1. */
    public void setTrueClass(int index) {
        if (index < -1 || index >= probabilities.length) {
            throw new IllegalArgumentException("True class " + index + " is outside the " + probabilities.length + " classes");
        }
        trueClass = index;
        requestRepaint();
    }

    /** Takes the bars as they are now. The probabilities are replaced on change, never written in place. */
    private Drawing drawing() {
        return new Drawing(probabilities, classNames, trueClass, theme());
    }

    /** Index of the largest non-NaN probability, the first on ties; -1 when there is none. */
    public int argmax() {
        return drawing().argmax();
    }

    @Override
    protected Picture picture() {
        return drawing();
    }

    /** The bars as they were when taken; reads nothing else, so that it can paint on the painting thread. */
    private record Drawing(double[] probabilities, List<String> classNames, int trueClass, ChartTheme theme) implements Picture {

        /** Index of the largest non-NaN probability, the first on ties; -1 when there is none. */
        public int argmax() {
            int best = -1;
            for (int k = 0; k < probabilities.length; k++) {
                if (!Double.isNaN(probabilities[k]) && (best < 0 || probabilities[k] > probabilities[best])) {
                    best = k;
                }
            }
            return best;
        }

        @Override
        public void paint(Graphics2D g, double width, double height) {
            if (probabilities.length == 0) {
                Draw.text(g, "no prediction", theme().axisLabelFont(), ChartTheme.MUTED_TEXT, width / 2, height / 2 - 8,
                        Draw.Align.CENTER);
                return;
            }

            Font font = theme().captionFont();
            Font boldFont = theme().boldCaptionFont();
            double lineHeight = TextMeasure.lineHeight(font);
            double widestName = 0;
            for (int k = 0; k < classNames.size(); k++) {
                widestName = Math.max(widestName, TextMeasure.width(boldFont, label(k)));
            }
            // Room for the widest name plus slack for JavaFX glyphs that run wider than AWT measures them.
            double nameWidth = Math.min(widestName * 1.1 + 12, width * 0.4);
            // A name too wide for its column gets a second line, so rows may grow to hold two.
            double maxRowHeight = MAX_ROW_HEIGHT * theme().effectiveScale();
            if (widestName > nameWidth - 8) {
                maxRowHeight = Math.max(maxRowHeight, 2.4 * lineHeight);
            }
            double rowHeight = Math.min(maxRowHeight, (height - 8) / probabilities.length);
            double valueWidth = TextMeasure.width(boldFont, "0.000") + 8;
            double barLeft = 4 + nameWidth;
            double barSpan = Math.max(1, width - barLeft - valueWidth - 4);
            int best = argmax();

            for (int k = 0; k < probabilities.length; k++) {
                double rowTop = 4 + k * rowHeight;
                double textTop = rowTop + (rowHeight - lineHeight) / 2;
                boolean highlighted = k == best;
                Font rowFont = highlighted ? boldFont : font;
                Color textColor = highlighted ? ChartTheme.ACCENT : ChartTheme.TEXT;
                // A name too wide for its column takes two lines when the row is tall enough, as for two classes.
                List<String> lines = TextMeasure.width(rowFont, label(k)) > nameWidth - 8 && rowHeight >= 2 * lineHeight
                        ? TextMeasure.wrap(rowFont, label(k), nameWidth - 8, 2)
                        : List.of(TextMeasure.fit(rowFont, label(k), nameWidth - 8));
                double linesTop = rowTop + (rowHeight - lines.size() * lineHeight) / 2;
                for (int line = 0; line < lines.size(); line++) {
                    Draw.text(g, lines.get(line), rowFont, textColor, barLeft - 8, linesTop + line * lineHeight, Draw.Align.RIGHT);
                }

                Rectangle2D track = new Rectangle2D.Double(barLeft, rowTop + rowHeight * 0.18, barSpan, rowHeight * 0.64);
                Draw.fill(g, track, TRACK);
                double value = probabilities[k];
                if (Double.isNaN(value)) {
                    Draw.text(g, "NaN", font, ChartTheme.MUTED_TEXT, barLeft + barSpan + 6, textTop, Draw.Align.LEFT);
                    continue;
                }
                double clamped = Math.max(0, Math.min(1, value));
                Draw.fill(g, new Rectangle2D.Double(barLeft, track.getY(), barSpan * clamped, track.getHeight()),
                        highlighted ? ChartTheme.ACCENT : ChartTheme.NEUTRAL);
                Draw.text(g, String.format(Locale.ROOT, "%.3f", value), rowFont, textColor, barLeft + barSpan + 6, textTop,
                        Draw.Align.LEFT);
            }

            g.setStroke(new BasicStroke(1f));
            g.setColor(ChartTheme.AXIS_LINE);
            g.draw(new Line2D.Double(barLeft, 4, barLeft, 4 + rowHeight * probabilities.length));
        }

        private String label(int index) {
            return index == trueClass ? classNames.get(index) + " (true)" : classNames.get(index);
        }
    }

    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        csv.header("class", "probability", "argmax", "true_class");
        int best = argmax();
        for (int k = 0; k < probabilities.length; k++) {
            csv.cell(classNames.get(k)).cell(probabilities[k]).cell(Boolean.toString(k == best))
                    .cell(Boolean.toString(k == trueClass)).endRow();
        }
    }
}
