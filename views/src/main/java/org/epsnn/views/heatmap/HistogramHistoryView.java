package org.epsnn.views.heatmap;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.epsnn.views.CanvasView;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.ColorMap;
import org.epsnn.views.chart.Histogram;
import org.epsnn.views.draw.ColorBar;
import org.epsnn.views.draw.Draw;
import org.epsnn.views.draw.PixelImages;
import org.epsnn.views.draw.PlotFrame;
import org.epsnn.views.draw.TextMeasure;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.export.CsvWriter;

/**
 * A heatmap of histograms over time, with one column per time step and one row per bin, coloured
 * by the fraction of that step's values in the bin. It draws one {@link HistogramHistory}: its
 * own, or one that {@link #show} puts on show, and the methods that change steps or range act on
 * that history. A note under the heatmap counts the values outside a fixed range and the NaN and
 * infinite values.
 */
public class HistogramHistoryView extends CanvasView {

    private static final ColorMap COLOR_MAP = ColorMap.BLUES;

    private final String valueLabel;
    private String timeLabel = "step";
    private HistogramHistory history;

    /**
     * Creates a view that shows a new empty history.
     *
     * @param valueLabel what the binned values are, for the y axis
     * @param binCount bins per step, at least 1
     * @param maxSteps steps kept, at least 1; older steps are dropped
     */
    public HistogramHistoryView(ChartTheme theme, String valueLabel, int binCount, int maxSteps) {
        super(theme);
        if (valueLabel == null || valueLabel.isBlank()) {
            throw new IllegalArgumentException("The value axis needs a label, got '" + valueLabel + "'");
        }
        this.valueLabel = valueLabel;
        history = new HistogramHistory(binCount, maxSteps);
        history.setOnChange(this::requestRepaint);
    }

    public HistogramHistoryView(String valueLabel, int binCount, int maxSteps) {
        this(new ChartTheme(), valueLabel, binCount, maxSteps);
    }

    /**
     * Shows {@code shown} in place of the history on show and repaints whenever it changes. The
     * history that was on show keeps its steps and no longer repaints this view.
     */
    public void show(HistogramHistory shown) {
        if (shown == null) {
            throw new IllegalArgumentException("The view needs a history to show, got null");
        }
        history.setOnChange(null);
        history = shown;
        history.setOnChange(this::requestRepaint);
        requestRepaint();
    }

    /** Returns the history on show. */
    public HistogramHistory history() {
        return history;
    }

    /** Sets the label of the time axis, "step" by default. */
    public void setTimeLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("The time axis needs a label, got '" + label + "'");
        }
        timeLabel = label;
        requestRepaint();
    }

    /** Fixes the range of the history on show; see {@link HistogramHistory#setValueRange}. */
    public void setValueRange(double low, double high) {
        history.setValueRange(low, high);
    }

    /** The binned range of the history on show, or null before it has one. */
    public ValueRange valueRange() {
        return history.valueRange();
    }

    /** Appends a step to the history on show; see {@link HistogramHistory#addStep}. */
    public void addStep(double time, double[] values) {
        history.addStep(time, values);
    }

    /** Appends a binned step to the history on show; see {@link HistogramHistory#addBinnedStep}. */
    public boolean addBinnedStep(double time, Histogram histogram) {
        return history.addBinnedStep(time, histogram);
    }

    public int binCount() {
        return history.binCount();
    }

    /** Removes every step of the history on show; see {@link HistogramHistory#clear}. */
    public void clear() {
        history.clear();
    }

    public int stepCount() {
        return history.stepCount();
    }

    /** Returns the steps of the history on show, oldest first. */
    public List<HistogramHistory.Step> steps() {
        return history.steps();
    }

    /** Returns the time of the newest step on show, or NaN when there is none. */
    public double lastTime() {
        return history.lastTime();
    }

    /** Replaces the steps of the history on show; see {@link HistogramHistory#restore}. */
    public void restore(ValueRange savedRange, List<HistogramHistory.Step> saved) {
        history.restore(savedRange, saved);
    }

    public int maxSteps() {
        return history.maxSteps();
    }

    /** Takes the history as it is now. Its steps are immutable, so the list copy is enough. */
    private Drawing drawing() {
        return new Drawing(history.steps(), history.valueRange(), timeLabel, valueLabel, history.binCount(), theme());
    }

    /** Note under the heatmap about values outside the range or non-finite; empty when there are none. */
    public String noteText() {
        return drawing().noteText();
    }

    @Override
    protected Picture picture() {
        return drawing();
    }

    /**
     * Returns the fraction at the top of the colour scale: the lower median over the steps of each
     * step's largest bin fraction. A step with every weight in one bin, as the prior gives, then
     * shows at the darkest colour instead of leaving every other step almost white.
     */
    static double colourTop(List<HistogramHistory.Step> steps) {
        double[] largest = new double[steps.size()];
        for (int i = 0; i < largest.length; i++) {
            Histogram histogram = steps.get(i).histogram();
            largest[i] = histogram.binnedCount() == 0 ? 0 : histogram.maxCount() / (double) histogram.binnedCount();
        }
        java.util.Arrays.sort(largest);
        double median = largest.length == 0 ? 0 : largest[(largest.length - 1) / 2];
        return median > 0 ? median : 1;
    }

    /** The history as it was when taken; reads nothing else, so that it can paint on the painting thread. */
    private record Drawing(List<HistogramHistory.Step> steps, ValueRange range, String timeLabel, String valueLabel, int binCount,
                           ChartTheme theme) implements Picture {

        /** Note under the heatmap about values outside the range or non-finite; empty when there are none. */
        public String noteText() {
            long clamped = 0;
            long nonFinite = 0;
            for (HistogramHistory.Step step : steps) {
                clamped += step.histogram().clampedCount();
                nonFinite += step.histogram().nonFiniteCount();
            }
            List<String> parts = new ArrayList<>();
            if (clamped > 0) {
                parts.add(String.format(Locale.ROOT, "%d values outside the range counted in the edge bins", clamped));
            }
            if (nonFinite > 0) {
                parts.add(String.format(Locale.ROOT, "%d NaN or infinite values ignored", nonFinite));
            }
            return String.join("; ", parts);
        }

        @Override
        public void paint(Graphics2D g, double width, double height) {
            if (steps.isEmpty() || range == null) {
                Draw.text(g, "no data", theme().axisLabelFont(), ChartTheme.MUTED_TEXT, width / 2, height / 2 - 8,
                        Draw.Align.CENTER);
                return;
            }

            double top = colourTop(steps);
            ValueRange colorRange = new ValueRange(0, top);
            boolean clipped = steps.stream().anyMatch(step -> fraction(step.histogram(), step.histogram().maxCount()) > top);

            String note = noteText();
            double noteHeight = note.isEmpty() ? 0 : TextMeasure.lineHeight(theme().noteFont()) + 4;
            String caption = clipped ? "fraction of the step's values (capped)" : "fraction of the step's values";
            double barWidth = ColorBar.width(theme(), colorRange, caption);
            Rectangle2D plotBounds = new Rectangle2D.Double(4, 4, Math.max(1, width - barWidth - 24),
                    Math.max(1, height - 8 - noteHeight));

            double firstTime = steps.get(0).time();
            double lastTime = steps.get(steps.size() - 1).time();
            // A single step (such as a reopened posterior) spans a tenth of its time, so that the
            // axis gets round ticks around it rather than ticks half a sample apart.
            double columnWidth = steps.size() > 1 ? (lastTime - firstTime) / (steps.size() - 1) : Math.max(1, Math.abs(firstTime) / 10);
            if (!(columnWidth > 0)) {
                columnWidth = 1;
            }
            ValueRange timeRange = new ValueRange(firstTime - columnWidth / 2, lastTime + columnWidth / 2);
            PlotFrame frame = PlotFrame.layout(plotBounds, timeRange, range, timeLabel, valueLabel, theme());

            int[] pixels = new int[steps.size() * binCount];
            for (int column = 0; column < steps.size(); column++) {
                Histogram histogram = steps.get(column).histogram();
                for (int bin = 0; bin < binCount; bin++) {
                    int row = binCount - 1 - bin;
                    double share = fraction(histogram, histogram.count(bin));
                    pixels[row * steps.size() + column] = COLOR_MAP.argb(colorRange.fraction(share));
                }
            }
            Rectangle2D area = frame.area();
            PixelImages.draw(g, pixels, steps.size(), binCount, area.getX(), area.getY(), area.getWidth(), area.getHeight());
            frame.drawAxes(g);

            Rectangle2D barBounds = new Rectangle2D.Double(area.getMaxX() + 16, area.getY(), barWidth, area.getHeight());
            ColorBar.draw(g, barBounds, COLOR_MAP, colorRange, caption, theme());
            if (!note.isEmpty()) {
                Draw.text(g, note, theme().noteFont(), ChartTheme.MUTED_TEXT, 4, height - noteHeight, Draw.Align.LEFT);
            }
        }

        private static double fraction(Histogram histogram, long count) {
            long total = histogram.binnedCount();
            return total == 0 ? 0 : count / (double) total;
        }
    }

    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        csv.header("time", "bin_low", "bin_high", "count");
        for (HistogramHistory.Step step : history.steps()) {
            Histogram histogram = step.histogram();
            for (int bin = 0; bin < histogram.binCount(); bin++) {
                csv.cell(step.time()).cell(histogram.binLow(bin)).cell(histogram.binHigh(bin))
                        .cell(histogram.count(bin)).endRow();
            }
        }
    }
}
