package org.epsnn.views.chart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.epsnn.views.ChartTheme;
import org.epsnn.views.ChartView;
import org.epsnn.views.draw.NiceTicks;
import org.epsnn.views.export.CsvWriter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The posterior of selected incoming weights of one neuron.
 *
 * <p>For Gaussian weights it draws the density curve of each selected weight from its mean and
 * variance. For discrete weights it draws, per selected weight, the probability of every level as
 * stacked or grouped bars. Weights whose parameters cannot make a density (a NaN mean, a variance
 * that is not positive and finite) are skipped and named in a note.
 */
public class WeightDensityChart extends ChartView {

    /** Layout of the level probability bars of one weight. */
    public enum BarLayout {
        /** One bar per weight, split by level; each bar reaches the weight's total probability. */
        STACKED,
        /** One bar per level, side by side for each weight. */
        GROUPED
    }

    /** Points on each density curve. */
    private static final int CURVE_POINTS = 241;
    /** Half-width of each curve's x span in standard deviations; the density beyond is below 0.0003 of its peak. */
    private static final double CURVE_HALF_WIDTH = 4.0;

    private final DefaultCategoryDataset bars = new DefaultCategoryDataset();
    private final JFreeChart curveChart;
    private final JFreeChart stackedChart;
    private final JFreeChart groupedChart;
    private final TextTitle curveNote = note();
    private final List<CsvRow> csvRows = new ArrayList<>();
    private String[] csvHeader = {"weight", "mean", "variance"};

    /** One exported row: a weight name and two numbers, (mean, variance) or (level, probability). */
    private record CsvRow(String weight, double first, double second) {
    }

    /** Whether sample charts went to the copy warm-up; see {@link ChartView#warmUpCopy}. */
    private static final java.util.concurrent.atomic.AtomicBoolean SAMPLE_COPIED = new java.util.concurrent.atomic.AtomicBoolean();

    public WeightDensityChart() {
        this(new ChartTheme());
    }

    public WeightDensityChart(ChartTheme theme) {
        super(theme);
        curveChart = theme.createDensityChart(new XYSeriesCollection(), "weight value");
        curveChart.getXYPlot().setNoDataMessage("no weights selected");
        curveChart.addSubtitle(curveNote);
        stackedChart = theme.createBarChart(bars, "weight", "probability", true);
        groupedChart = theme.createBarChart(bars, "weight", "probability", false);
        for (JFreeChart chart : List.of(curveChart, stackedChart, groupedChart)) {
            chart.getPlot().setNoDataMessage("no weights selected");
            theme.apply(chart);
        }
        setChart(curveChart);
        if (!SAMPLE_COPIED.getAndSet(true)) {
            warmUpCopy(() -> sampleChart(null));
            warmUpCopy(() -> sampleChart(BarLayout.STACKED));
            warmUpCopy(() -> sampleChart(BarLayout.GROUPED));
        }
    }

    /** Builds a chart of two weights' densities (null) or level bars, for the copy warm-up. */
    static JFreeChart sampleChart(BarLayout layout) {
        WeightDensityChart sample = new WeightDensityChart(new ChartTheme());
        if (layout == null) {
            sample.showGaussian(new double[] {0, 1}, new double[] {1, 0.5}, new int[] {0, 1});
        } else {
            sample.showDiscrete(new double[] {-1, 1}, new double[][] {{0.5, 0.5}, {0.2, 0.8}}, new int[] {0, 1}, layout);
        }
        return sample.chart();
    }

    private static TextTitle note() {
        TextTitle note = new TextTitle("");
        note.setPosition(RectangleEdge.TOP);
        note.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        note.setVisible(false);
        return note;
    }

    /** Draws Gaussian densities of the selected weights, each named "weight i". */
    public void showGaussian(double[] means, double[] variances, int[] selected) {
        showGaussian(means, variances, selected, index -> "weight " + index);
    }

    /**
     * Draws the Gaussian density of each selected weight.
     *
     * @param means posterior mean of every incoming weight
     * @param variances posterior variance of every incoming weight, same length as {@code means}
     * @param selected indices of the weights to draw
     * @param names legend name of a weight index, for example "pixel (3, 14)" or "bias"
     */
    public void showGaussian(double[] means, double[] variances, int[] selected, IntFunction<String> names) {
        if (means.length != variances.length) {
            throw new IllegalArgumentException("Got " + means.length + " weight means but " + variances.length + " variances");
        }
        checkIndices(selected, means.length);

        curveChart.setNotify(false);
        // A new collection, filled before the plot listens to it, so that the axes scan the
        // curves once rather than once for every curve added.
        XYSeriesCollection curves = new XYSeriesCollection();
        csvRows.clear();
        csvHeader = new String[] {"weight", "mean", "variance"};
        List<String> skipped = new ArrayList<>();
        for (int index : selected) {
            String name = names.apply(index);
            double mean = means[index];
            double variance = variances[index];
            csvRows.add(new CsvRow(name, mean, variance));
            if (!Double.isFinite(mean) || !(variance > 0) || !Double.isFinite(variance)) {
                skipped.add(name);
                continue;
            }
            curves.addSeries(densityCurve(name, mean, Math.sqrt(variance)));
        }
        curveChart.getXYPlot().setDataset(curves);
        curveNote.setText(skipped.isEmpty() ? "" : "skipped, no density: " + String.join(", ", skipped));
        curveNote.setVisible(!skipped.isEmpty());
        theme().apply(curveChart);
        curveChart.setNotify(true);
        setChart(curveChart);
    }

    private static XYSeries densityCurve(String name, double mean, double standardDeviation) {
        XYSeries series = new XYSeries(name, false, true);
        double normalisation = 1.0 / (standardDeviation * Math.sqrt(2 * Math.PI));
        for (int i = 0; i < CURVE_POINTS; i++) {
            double z = -CURVE_HALF_WIDTH + 2 * CURVE_HALF_WIDTH * i / (CURVE_POINTS - 1);
            series.add(mean + z * standardDeviation, normalisation * Math.exp(-0.5 * z * z), false);
        }
        return series;
    }

    /** Draws the level probabilities of the selected weights, each named "weight i". */
    public void showDiscrete(double[] levels, double[][] probabilities, int[] selected, BarLayout layout) {
        showDiscrete(levels, probabilities, selected, layout, index -> "weight " + index);
    }

    /**
     * Draws the level probabilities of each selected weight as bars.
     *
     * @param levels the values a weight can take, for example {-1, 0, 1}
     * @param probabilities {@code weights x levels}: row {@code i} contains the probabilities of weight {@code i}
     * @param selected indices of the weights to draw
     * @param layout stacked or grouped bars
     * @param names category name of a weight index
     * @throws IllegalArgumentException when a selected row has the wrong length or a negative or non-finite entry
     */
    public void showDiscrete(double[] levels, double[][] probabilities, int[] selected, BarLayout layout,
                             IntFunction<String> names) {
        checkIndices(selected, probabilities.length);
        for (int index : selected) {
            double[] row = probabilities[index];
            if (row.length != levels.length) {
                throw new IllegalArgumentException("Weight " + index + " has " + row.length + " level probabilities for "
                        + levels.length + " levels");
            }
            for (int k = 0; k < row.length; k++) {
                if (!(row[k] >= 0) || !Double.isFinite(row[k])) {
                    throw new IllegalArgumentException("Weight " + index + ": probability of level " + levels[k]
                            + " must be finite and not negative, got " + row[k]);
                }
            }
        }

        JFreeChart chart = layout == BarLayout.STACKED ? stackedChart : groupedChart;
        chart.setNotify(false);
        bars.clear();
        csvRows.clear();
        csvHeader = new String[] {"weight", "level", "probability"};
        for (int index : selected) {
            String name = names.apply(index);
            for (int k = 0; k < levels.length; k++) {
                bars.addValue(probabilities[index][k], levelName(levels[k]), name);
                csvRows.add(new CsvRow(name, levels[k], probabilities[index][k]));
            }
        }
        theme().apply(chart);
        chart.setNotify(true);
        setChart(chart);
    }

    private static String levelName(double level) {
        String text = NiceTicks.format(level);
        return String.format(Locale.ROOT, "level %s", level > 0 ? "+" + text : text);
    }

    private static void checkIndices(int[] selected, int count) {
        for (int index : selected) {
            if (index < 0 || index >= count) {
                throw new IllegalArgumentException("Selected weight " + index + " is outside the " + count + " weights");
            }
        }
    }

    /** Text of the note above the density plot; empty when every selected weight was drawn. */
    public String noteText() {
        return chart() == curveChart && curveNote.isVisible() ? curveNote.getText() : "";
    }

    @Override
    protected void restyle() {
        super.restyle();
        for (JFreeChart chart : List.of(curveChart, stackedChart, groupedChart)) {
            if (chart != chart()) {
                theme().apply(chart);
            }
        }
    }

    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        csv.header(csvHeader);
        for (CsvRow row : csvRows) {
            csv.cell(row.weight()).cell(row.first()).cell(row.second()).endRow();
        }
    }
}
