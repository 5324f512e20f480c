package org.epsnn.views.chart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.epsnn.views.ChartTheme;
import org.epsnn.views.ChartView;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.export.CsvWriter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * A histogram of an array of values with a chosen number of bins, or two overlaid histograms on
 * shared bins (for example before and after a pass) with a legend.
 *
 * <p>All-identical values make one visible bar, an empty input shows "no data", and NaN or
 * infinite values are left out and counted in a note above the plot. The view copies the values,
 * so that it can re-bin them when the bin count changes.
 */
public class HistogramChart extends ChartView {

    /** Bins used until {@link #setBinCount(int)} is called. */
    public static final int DEFAULT_BIN_COUNT = 40;
    /** Largest allowed bin count. */
    public static final int MAX_BIN_COUNT = 10_000;

    /** Whether sample charts went to the copy warm-up; see {@link ChartView#warmUpCopy}. */
    private static final java.util.concurrent.atomic.AtomicBoolean SAMPLE_COPIED = new java.util.concurrent.atomic.AtomicBoolean();

    private final XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
    private final TextTitle note = new TextTitle("");
    private final JFreeChart chart;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private final List<Histogram> histograms = new ArrayList<>();
    private int binCount = DEFAULT_BIN_COUNT;
    /** Label of the second histogram's own count axis, or null when both share one. */
    private String secondCountLabel;

    public HistogramChart(String valueLabel) {
        this(new ChartTheme(), valueLabel);
    }

    public HistogramChart(ChartTheme theme, String valueLabel) {
        super(theme);
        chart = theme.createHistogramChart(dataset, valueLabel, "count");
        chart.getXYPlot().setNoDataMessage("no data");
        note.setPosition(RectangleEdge.TOP);
        note.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        note.setVisible(false);
        chart.addSubtitle(note);
        theme.apply(chart);
        setChart(chart);
        if (!SAMPLE_COPIED.getAndSet(true)) {
            warmUpCopy(() -> sampleChart(false));
            warmUpCopy(() -> sampleChart(true));
        }
    }

    /**
     * Builds a chart with data, the note and, when {@code secondAxis}, two count axes, for the copy
     * warm-up. Without it, the first copy of a data item's class inspects that class on the FX
     * thread when the Weights tab first shows during a run.
     */
    static JFreeChart sampleChart(boolean secondAxis) {
        HistogramChart sample = new HistogramChart(new ChartTheme(), "x");
        sample.setValues("first", new double[] {0, 1, 2, Double.NaN}, "second", new double[] {1, 2});
        if (secondAxis) {
            sample.setSecondCountAxis("second count");
        }
        return sample.chart();
    }

    /** Shows one histogram of {@code data}, named {@code name} in the legend. */
    public void setValues(String name, double[] data) {
        requireName(name);
        update(List.of(name), List.of(Arrays.copyOf(data, data.length)));
    }

    /** Shows two overlaid histograms on shared bins, each named in the legend. */
    public void setValues(String firstName, double[] first, String secondName, double[] second) {
        requireName(firstName);
        requireName(secondName);
        if (firstName.equals(secondName)) {
            throw new IllegalArgumentException("Overlaid histograms need different names, got '" + firstName + "' twice");
        }
        update(List.of(firstName, secondName), List.of(Arrays.copyOf(first, first.length),
                Arrays.copyOf(second, second.length)));
    }

    /**
     * Histograms binned away from the FX thread by {@link #prepare}, for {@link #show(Prepared)}.
     * The value arrays are kept without a copy, for re-binning when the bin count changes, so the
     * caller must not change them afterwards.
     */
    public static final class Prepared {
        private final List<String> names;
        private final List<double[]> values;
        private final List<Histogram> histograms;
        private final int binCount;

        private Prepared(List<String> names, List<double[]> values, List<Histogram> histograms, int binCount) {
            this.names = names;
            this.values = values;
            this.histograms = histograms;
            this.binCount = binCount;
        }

        public List<Histogram> histograms() {
            return histograms;
        }
    }

    /**
     * Bins one array, or two arrays on shared bins, as {@link #setValues} would, on any thread.
     *
     * @param names one legend name per array, different from each other
     * @param arrays the values, not copied and not to be changed afterwards
     */
    public static Prepared prepare(List<String> names, List<double[]> arrays, int binCount) {
        if (names.size() != arrays.size() || names.isEmpty() || names.size() > 2) {
            throw new IllegalArgumentException("Give one or two arrays with one name each, got " + names.size()
                    + " names and " + arrays.size() + " arrays");
        }
        names.forEach(HistogramChart::requireName);
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw new IllegalArgumentException("Overlaid histograms need different names, got '" + names.get(0) + "' twice");
        }
        if (binCount < 1 || binCount > MAX_BIN_COUNT) {
            throw new IllegalArgumentException("Bin count must be between 1 and " + MAX_BIN_COUNT + ", got " + binCount);
        }
        return new Prepared(List.copyOf(names), List.copyOf(arrays), bin(arrays, binCount), binCount);
    }

    /**
     * Shows histograms from {@link #prepare}. When the bin count changed since they were binned,
     * they are binned again here.
     */
    public void show(Prepared prepared) {
        if (prepared.binCount != binCount) {
            update(prepared.names, prepared.values);
            return;
        }
        apply(prepared.names, prepared.values, prepared.histograms);
    }

    /** Removes the histograms; the chart shows "no data". */
    public void clear() {
        update(List.of(), List.of());
    }

    /**
     * Puts the second of two histograms on a count axis of its own, on the right, labelled
     * {@code label}; null (the default) shares one axis. A subset of the values, such as the
     * weights a step moved most, can be a thousand times fewer than all of them and would not show
     * on a shared axis.
     */
    public void setSecondCountAxis(String label) {
        if (label != null && label.isBlank()) {
            throw new IllegalArgumentException("The second count axis needs a label, got '" + label + "'");
        }
        secondCountLabel = label;
        update(List.copyOf(names), List.copyOf(values));
    }

    public int getBinCount() {
        return binCount;
    }

    /** Sets the number of bins, from 1 to {@value #MAX_BIN_COUNT}, and re-bins the values shown. */
    public void setBinCount(int count) {
        if (count < 1 || count > MAX_BIN_COUNT) {
            throw new IllegalArgumentException("Bin count must be between 1 and " + MAX_BIN_COUNT + ", got " + count);
        }
        binCount = count;
        update(List.copyOf(names), List.copyOf(values));
    }

    /** The histograms on show, in legend order; empty when there is no data. */
    public List<Histogram> histograms() {
        return List.copyOf(histograms);
    }

    /** Text of the note above the plot; empty when no value was left out. */
    public String noteText() {
        return note.isVisible() ? note.getText() : "";
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Every histogram needs a name for the legend, got '" + name + "'");
        }
    }

    private void update(List<String> newNames, List<double[]> newValues) {
        apply(newNames, newValues, bin(newValues, binCount));
    }

    /** Bins every array on the shared range of all of them. */
    private static List<Histogram> bin(List<double[]> arrays, int bins) {
        ValueRange range = sharedRange(arrays);
        List<Histogram> binned = new ArrayList<>();
        for (double[] data : arrays) {
            binned.add(Histogram.of(data, bins, range));
        }
        return binned;
    }

    private void apply(List<String> newNames, List<double[]> newValues, List<Histogram> newHistograms) {
        names.clear();
        names.addAll(newNames);
        values.clear();
        values.addAll(newValues);
        histograms.clear();
        histograms.addAll(newHistograms);
        boolean anyFinite = false;
        for (Histogram histogram : histograms) {
            anyFinite |= histogram.binnedCount() > 0;
        }

        chart.setNotify(false);
        dataset.removeAllSeries();
        XYPlot plot = chart.getXYPlot();
        plot.setDataset(1, null);
        plot.setRangeAxis(1, null);
        plot.setRenderer(1, null);
        if (anyFinite) {
            dataset.addSeries(toSeries(names.get(0), histograms.get(0)));
            if (histograms.size() == 2 && secondCountLabel == null) {
                dataset.addSeries(toSeries(names.get(1), histograms.get(1)));
            } else if (histograms.size() == 2) {
                XYIntervalSeriesCollection overlay = new XYIntervalSeriesCollection();
                overlay.addSeries(toSeries(names.get(1), histograms.get(1)));
                plot.setDataset(1, overlay);
                plot.setRangeAxis(1, theme().createSecondaryAxis(secondCountLabel));
                plot.mapDatasetToRangeAxis(1, 1);
                XYBarRenderer bars = new XYBarRenderer();
                bars.setBarPainter(new StandardXYBarPainter());
                bars.setShadowVisible(false);
                bars.setDrawBarOutline(false);
                plot.setRenderer(1, bars);
            }
        }
        updateNote();
        theme().apply(chart);
        chart.setNotify(true);
    }

    /** Range of the finite values of all arrays together, so overlaid histograms share their bins. */
    private static ValueRange sharedRange(List<double[]> arrays) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] data : arrays) {
            for (double value : data) {
                if (Double.isFinite(value)) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        return low > high ? ValueRange.UNIT : ValueRange.widenIfEmpty(low, high);
    }

    private static XYIntervalSeries toSeries(String name, Histogram histogram) {
        XYIntervalSeries series = new XYIntervalSeries(name);
        for (int bin = 0; bin < histogram.binCount(); bin++) {
            double low = histogram.binLow(bin);
            double high = histogram.binHigh(bin);
            double count = histogram.count(bin);
            series.add((low + high) / 2, low, high, count, 0, count);
        }
        return series;
    }

    private void updateNote() {
        List<String> parts = new ArrayList<>();
        for (int h = 0; h < histograms.size(); h++) {
            long ignored = histograms.get(h).nonFiniteCount();
            if (ignored > 0) {
                String prefix = histograms.size() > 1 ? names.get(h) + ": " : "";
                parts.add(String.format(Locale.ROOT, "%s%d NaN or infinite %s ignored", prefix, ignored,
                        ignored == 1 ? "value" : "values"));
            }
        }
        note.setText(String.join("; ", parts));
        note.setVisible(!parts.isEmpty());
    }

    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        csv.cell("bin_low").cell("bin_high");
        for (String name : names) {
            csv.cell(name);
        }
        csv.endRow();
        if (histograms.isEmpty()) {
            return;
        }
        Histogram first = histograms.get(0);
        for (int bin = 0; bin < first.binCount(); bin++) {
            csv.cell(first.binLow(bin)).cell(first.binHigh(bin));
            for (Histogram histogram : histograms) {
                csv.cell(histogram.count(bin));
            }
            csv.endRow();
        }
    }
}
