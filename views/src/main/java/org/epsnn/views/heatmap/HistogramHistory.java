package org.epsnn.views.heatmap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.epsnn.views.chart.Histogram;
import org.epsnn.views.draw.ValueRange;

/**
 * Histograms of a set of values over time, one step per time, as a {@link HistogramHistoryView}
 * draws them. Only the last {@code maxSteps} steps are kept, so a history keeps at most
 * {@code maxSteps x binCount} counts however long it runs.
 *
 * <p>All steps share one value range, so that rows line up. The range is fixed by
 * {@link #setValueRange} or else taken from the first step with finite values, with 10% margin on
 * each side. It widens when a later step's values fall outside it, and the kept steps are then
 * re-binned on the wider range: each bin's count moves to the new bin that contains its centre.
 * Values outside a fixed range count in the edge bins. NaN and infinite values are left out and
 * counted in each step's histogram.
 *
 * <p>Not thread-safe: a history shown in a view is changed on the FX thread only.
 */
public final class HistogramHistory {

    private static final double MARGIN_FRACTION = 0.1;
    /** Extra width, as a share of the new width, added on a side where the range had to grow. */
    private static final double WIDENING_FRACTION = 0.25;

    private final int binCount;
    private final int maxSteps;
    private final Deque<Step> steps = new ArrayDeque<>();
    private ValueRange range;
    private boolean rangeFixed;
    private Runnable onChange = () -> { };

    /** One column of the history: the histogram of the values at {@code time}. */
    public record Step(double time, Histogram histogram) {
    }

    /**
     * Creates an empty history.
     *
     * @param binCount bins per step, at least 1
     * @param maxSteps steps kept, at least 1; older steps are dropped
     */
    public HistogramHistory(int binCount, int maxSteps) {
        if (binCount < 1) {
            throw new IllegalArgumentException("A histogram history needs at least 1 bin, got " + binCount);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("A histogram history must keep at least 1 step, got " + maxSteps);
        }
        this.binCount = binCount;
        this.maxSteps = maxSteps;
    }

    /**
     * Sets the one listener that runs after every change, such as the repaint of the view that
     * shows this history; null removes it.
     */
    void setOnChange(Runnable listener) {
        onChange = listener == null ? () -> { } : listener;
    }

    /** Fixes the binned range to [{@code low}, {@code high}] and removes the steps binned on another range. */
    public void setValueRange(double low, double high) {
        range = new ValueRange(low, high);
        rangeFixed = true;
        steps.clear();
        onChange.run();
    }

    /** Returns the binned range, or null before a range was set or a step with finite values arrived. */
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
     * Bins {@code values} as {@link #addStep(double, double[])} would with the history's current
     * range ({@code currentRange}, null before the first step), on any thread, so that the FX
     * thread only appends the result with {@link #addBinnedStep}.
     */
    public static Histogram binStep(double[] values, int binCount, ValueRange currentRange) {
        ValueRange range = rangeFor(values, currentRange);
        return Histogram.of(values, binCount, range == null ? ValueRange.UNIT : range);
    }

    /**
     * Appends a step binned by {@link #binStep} and returns true. A step binned on a range wider
     * than the history's widens the history. Returns false and changes nothing when the bin count
     * differs or the step's range is neither the history's nor wider, as after a fixed range was
     * set or another step widened the history in between.
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

    public int maxSteps() {
        return maxSteps;
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

    /** Moves the history to {@code wider} and re-bins the steps it keeps (see {@link Histogram#rebin}). */
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
        onChange.run();
    }

    /** Removes every step; a range taken from data is forgotten, a fixed one kept. */
    public void clear() {
        steps.clear();
        if (!rangeFixed) {
            range = null;
        }
        onChange.run();
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
     * reopened project, and keeps the newest {@code maxSteps} of them. A fixed range stays fixed:
     * the steps are then re-binned onto it.
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
        onChange.run();
    }
}
