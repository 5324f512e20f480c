package org.epsnn.views.heatmap;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * by the fraction of that step's values in the bin. Only the last {@code maxSteps} steps are kept.
 *
 * <p>All steps share one value range, so that rows line up. The range is fixed by
 * {@link #setValueRange} or else taken from the first step with finite values, with 10% margin on
 * each side. It widens when a later step's values fall outside it, and the kept steps are then
 * re-binned on the wider range: each bin's count moves to the new bin that contains its centre.
 * Values outside a fixed range count in the edge bins and in a note. NaN and infinite values are
 * left out and also counted in the note.
 */
public class HistogramHistoryView extends CanvasView {

    private static final double MARGIN_FRACTION = 0.1;
    /** Extra width, as a share of the new width, added on a side where the range had to grow. */
    private static final double WIDENING_FRACTION = 0.25;
    private static final ColorMap COLOR_MAP = ColorMap.BLUES;

    private final String valueLabel;
    private String timeLabel = "step";
    private final int binCount;
    private final int maxSteps;
    private final Deque<Step> steps = new ArrayDeque<>();
    private ValueRange range;
    private boolean rangeFixed;

    /** One column of the history: the histogram of the values at {@code time}. */
    public record Step(double time, Histogram histogram) {
    }

    /**
     * Creates an empty history.
     *
     * @param valueLabel what the binned values are, for the y axis
     * @param binCount bins per step, at least 1
     * @param maxSteps steps kept, at least 1; older steps are dropped
     */
    public HistogramHistoryView(ChartTheme theme, String valueLabel, int binCount, int maxSteps) {
        super(theme);
        if (binCount < 1) {
            throw new IllegalArgumentException("A histogram history needs at least 1 bin, got " + binCount);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("A histogram history must keep at least 1 step, got " + maxSteps);
        }
        if (valueLabel == null || valueLabel.isBlank()) {
            throw new IllegalArgumentException("The value axis needs a label, got '" + valueLabel + "'");
        }
        this.valueLabel = valueLabel;
        this.binCount = binCount;
        this.maxSteps = maxSteps;
    }

    public HistogramHistoryView(String valueLabel, int binCount, int maxSteps) {
        this(new ChartTheme(), valueLabel, binCount, maxSteps);
    }

    /** Sets the label of the time axis, "step" by default. */
    public void setTimeLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("The time axis needs a label, got '" + label + "'");
        }
        timeLabel = label;
        requestRepaint();
    }

    /** Fixes the binned range to [{@code low}, {@code high}] and removes the steps binned on another range. */
    public void setValueRange(double low, double high) {
        range = new ValueRange(low, high);
        rangeFixed = true;
        steps.clear();
        requestRepaint();
    }

    /** The binned range, or null before a range was set or a step with finite values arrived. */
    public ValueRange valueRange() {
        return range;
    }

    /**
     * Bins {@code values} as the step at {@code time} and appends it, dropping the oldest step
     * when {@code maxSteps} are kept. Times should increase in equal steps, because every column
     * is drawn equally wide.
     */
    public void addStep(double time, double[] values) {
        requireFiniteTime(time);
        ValueRange target = rangeFixed ? range : rangeFor(values, range);
        if (target != null && !target.equals(range)) {
            widenTo(target);
        }
        Histogram histogram = Histogram.of(values, binCount, range == null ? ValueRange.UNIT : range);
        appendStep(time, histogram);
    }

    /**
     * Bins {@code values} as {@link #addStep(double, double[])} would with the view's current
     * range ({@code currentRange}, null before the first step), on any thread, so that the FX
     * thread only appends the result with {@link #addBinnedStep}.
     */
    public static Histogram binStep(double[] values, int binCount, ValueRange currentRange) {
        ValueRange range = rangeFor(values, currentRange);
        return Histogram.of(values, binCount, range == null ? ValueRange.UNIT : range);
    }

    /**
     * Appends a step binned by {@link #binStep} and returns true. A step binned on a range wider
     * than the view's widens the view. Returns false and changes nothing when the bin count
     * differs or the step's range is neither the view's nor wider, as after a fixed range was set
     * or another step widened the view in between.
     */
    public boolean addBinnedStep(double time, Histogram histogram) {
        requireFiniteTime(time);
        ValueRange binned = histogram.range();
        boolean widening = !rangeFixed && range != null && binned.low() <= range.low() && binned.high() >= range.high();
        if (histogram.binCount() != binCount || range != null && !range.equals(binned) && !widening) {
            return false;
        }
        if (widening && !range.equals(binned)) {
            widenTo(binned);
        } else if (range == null && !ValueRange.UNIT.equals(binned)) {
            range = binned;
        }
        appendStep(time, histogram);
        return true;
    }

    public int binCount() {
        return binCount;
    }

    /**
     * Returns the range to bin a new step on: {@code current} when it contains every finite value,
     * otherwise {@code current} widened to contain them. For the first step it is the values' own
     * range with the margin.
     * Posterior means spread as training goes on, so a range taken from the first step alone would
     * count most later values in the edge bins.
     */
    private static ValueRange rangeFor(double[] values, ValueRange current) {
        ValueRange finite = ValueRange.ofFinite(values, null);
        if (current == null || finite == null) {
            return current != null ? current : rangeOf(values);
        }
        if (finite.low() >= current.low() && finite.high() <= current.high()) {
            return current;
        }
        // Grow by a quarter more on each side that was short, so that a slowly spreading posterior
        // re-bins the kept steps a few times rather than at every step.
        double low = Math.min(current.low(), finite.low());
        double high = Math.max(current.high(), finite.high());
        double growth = WIDENING_FRACTION * (high - low);
        return new ValueRange(finite.low() < current.low() ? low - growth : low,
                finite.high() > current.high() ? high + growth : high);
    }

    /** Moves the view to {@code wider} and re-bins the steps it keeps (see {@link Histogram#rebin}). */
    private void widenTo(ValueRange wider) {
        range = wider;
        List<Step> rebinned = new ArrayList<>();
        for (Step step : steps) {
            rebinned.add(new Step(step.time(), step.histogram().rebin(wider, binCount)));
        }
        steps.clear();
        steps.addAll(rebinned);
    }

    /** Range of the finite values widened by the margin on each side, or null when none is finite. */
    private static ValueRange rangeOf(double[] values) {
        ValueRange finite = ValueRange.ofFinite(values, null);
        if (finite == null) {
            return null;
        }
        double margin = finite.width() * MARGIN_FRACTION;
        return new ValueRange(finite.low() - margin, finite.high() + margin);
    }

    private static void requireFiniteTime(double time) {
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException("Histogram step time must be finite, got " + time);
        }
    }

    private void appendStep(double time, Histogram histogram) {
        steps.addLast(new Step(time, histogram));
        while (steps.size() > maxSteps) {
            steps.removeFirst();
        }
        requestRepaint();
    }

    /** Removes every step; a range taken from data is forgotten, a fixed one kept. */
    public void clear() {
        steps.clear();
        if (!rangeFixed) {
            range = null;
        }
        requestRepaint();
    }

    public int stepCount() {
        return steps.size();
    }

    /** Returns the steps kept, oldest first. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Returns the time of the newest step, or NaN when there is none. */
    public double lastTime() {
        return steps.isEmpty() ? Double.NaN : steps.getLast().time();
    }

    /**
     * Replaces the history with saved steps binned on {@code savedRange}, such as those of a
     * reopened project. A fixed range stays fixed: the steps are then re-binned onto it.
     *
     * @throws IllegalArgumentException when a step has another bin count or range, or times do not increase
     */
    public void restore(ValueRange savedRange, List<Step> saved) {
        double previous = Double.NEGATIVE_INFINITY;
        for (Step step : saved) {
            requireFiniteTime(step.time());
            if (step.histogram().binCount() != binCount || !step.histogram().range().equals(savedRange)) {
                throw new IllegalArgumentException("A saved step at " + step.time() + " has " + step.histogram().binCount()
                        + " bins over " + step.histogram().range() + ", expected " + binCount + " over " + savedRange);
            }
            if (!(step.time() > previous)) {
                throw new IllegalArgumentException("Saved step times must increase, got " + step.time() + " after " + previous);
            }
            previous = step.time();
        }
        steps.clear();
        if (!rangeFixed) {
            range = saved.isEmpty() ? null : savedRange;
        }
        List<Step> newest = saved.subList(Math.max(0, saved.size() - maxSteps), saved.size());
        for (Step step : newest) {
            steps.addLast(rangeFixed && !range.equals(savedRange)
                    ? new Step(step.time(), step.histogram().rebin(range, binCount)) : step);
        }
        requestRepaint();
    }

    public int maxSteps() {
        return maxSteps;
    }

    /** Takes the history as it is now. Its steps are immutable, so the list copy is enough. */
    private Drawing drawing() {
        return new Drawing(List.copyOf(steps), range, timeLabel, valueLabel, binCount, theme());
    }

    /** Note under the heatmap about values outside the range or non-finite; empty when there are none. */
    public String noteText() {
        return drawing().noteText();
    }

    @Override
    protected Picture picture() {
        return drawing();
    }

    /** The history as it was when taken; reads nothing else, so that it can paint on the painting thread. */
    private record Drawing(List<Step> steps, ValueRange range, String timeLabel, String valueLabel, int binCount,
                           ChartTheme theme) implements Picture {

        /** Note under the heatmap about values outside the range or non-finite; empty when there are none. */
        public String noteText() {
            long clamped = 0;
            long nonFinite = 0;
            for (Step step : steps) {
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

            double maxFraction = 0;
            for (Step step : steps) {
                maxFraction = Math.max(maxFraction, fraction(step.histogram(), step.histogram().maxCount()));
            }
            ValueRange colorRange = new ValueRange(0, maxFraction > 0 ? maxFraction : 1);

            String note = noteText();
            double noteHeight = note.isEmpty() ? 0 : TextMeasure.lineHeight(theme().noteFont()) + 4;
            String caption = "fraction of the step's values";
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
        for (Step step : steps) {
            Histogram histogram = step.histogram();
            for (int bin = 0; bin < histogram.binCount(); bin++) {
                csv.cell(step.time()).cell(histogram.binLow(bin)).cell(histogram.binHigh(bin))
                        .cell(histogram.count(bin)).endRow();
            }
        }
    }
}
