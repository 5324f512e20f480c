package org.epsnn.views.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.Locale;

import org.epsnn.views.ChartTheme;
import org.epsnn.views.ChartView;
import org.epsnn.views.export.CsvWriter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A 1-D regression prediction: the predictive mean as a line, a band of two standard deviations
 * either side, and the training points. A Bayesian model should widen the band where training
 * data is missing.
 *
 * <p>Grid points with a NaN, infinite or negative value are skipped and counted in a note.
 */
public class RegressionBandView extends ChartView {

    /** Half-width of the band in predictive standard deviations. */
    public static final double BAND_STANDARD_DEVIATIONS = 2.0;

    private static final String MEAN_NAME = "predictive mean";
    private static final String BAND_NAME = "mean ± 2 standard deviations";
    private static final String POINTS_NAME = "training points";

    private final YIntervalSeriesCollection band = new YIntervalSeriesCollection();
    private final XYSeriesCollection points = new XYSeriesCollection();
    private final TextTitle note = new TextTitle("");
    private final JFreeChart chart;
    private double[] gridX = new double[0];
    private double[] mean = new double[0];
    private double[] standardDeviation = new double[0];
    private double[] pointX = new double[0];
    private double[] pointY = new double[0];

    /** Whether sample charts went to the copy warm-up; see {@link ChartView#warmUpCopy}. */
    private static final java.util.concurrent.atomic.AtomicBoolean SAMPLE_COPIED = new java.util.concurrent.atomic.AtomicBoolean();

    public RegressionBandView(String xLabel, String yLabel) {
        this(new ChartTheme(), xLabel, yLabel);
    }

    public RegressionBandView(ChartTheme theme, String xLabel, String yLabel) {
        super(theme);
        chart = theme.createBandChart(band, points, xLabel, yLabel);
        chart.getXYPlot().setNoDataMessage("no data");
        note.setPosition(RectangleEdge.TOP);
        note.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        note.setVisible(false);
        chart.addSubtitle(note);
        restyle();
        setChart(chart);
        if (!SAMPLE_COPIED.getAndSet(true)) {
            warmUpCopy(RegressionBandView::sampleChart);
        }
    }

    /** Builds a chart with a band and training points, for the copy warm-up. */
    static JFreeChart sampleChart() {
        RegressionBandView sample = new RegressionBandView(new ChartTheme(), "x", "y");
        sample.setPrediction(new double[] {0, 1}, new double[] {0, 1}, new double[] {1, 0.5});
        sample.setTrainingPoints(new double[] {0.5}, new double[] {0.5});
        return sample.chart();
    }

    /**
     * Shows the prediction on a grid of inputs.
     *
     * @param x grid inputs, in any order
     * @param predictiveMean predictive mean at each input
     * @param predictiveStandardDeviation predictive standard deviation at each input
     */
    public void setPrediction(double[] x, double[] predictiveMean, double[] predictiveStandardDeviation) {
        if (x.length != predictiveMean.length || x.length != predictiveStandardDeviation.length) {
            throw new IllegalArgumentException("Prediction arrays differ in length: " + x.length + " inputs, "
                    + predictiveMean.length + " means, " + predictiveStandardDeviation.length + " standard deviations");
        }
        gridX = x.clone();
        mean = predictiveMean.clone();
        standardDeviation = predictiveStandardDeviation.clone();

        YIntervalSeries series = new YIntervalSeries(MEAN_NAME, true, false);
        int skipped = 0;
        for (int i = 0; i < x.length; i++) {
            double spread = BAND_STANDARD_DEVIATIONS * predictiveStandardDeviation[i];
            if (!Double.isFinite(x[i]) || !Double.isFinite(predictiveMean[i]) || !(spread >= 0) || !Double.isFinite(spread)) {
                skipped++;
                continue;
            }
            series.add(x[i], predictiveMean[i], predictiveMean[i] - spread, predictiveMean[i] + spread);
        }

        chart.setNotify(false);
        band.removeAllSeries();
        if (series.getItemCount() > 0) {
            band.addSeries(series);
        }
        note.setText(skipped == 0 ? "" : String.format(Locale.ROOT,
                "skipped %d grid %s with NaN, infinite or negative values", skipped, skipped == 1 ? "point" : "points"));
        note.setVisible(skipped > 0);
        restyle();
        chart.setNotify(true);
    }

    /** Shows the training points; pairs with a NaN or infinite coordinate are not drawn. */
    public void setTrainingPoints(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Got " + x.length + " training inputs but " + y.length + " targets");
        }
        pointX = x.clone();
        pointY = y.clone();
        XYSeries series = new XYSeries(POINTS_NAME, false, true);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                series.add(x[i], y[i], false);
            }
        }
        chart.setNotify(false);
        points.removeAllSeries();
        if (series.getItemCount() > 0) {
            points.addSeries(series);
        }
        restyle();
        chart.setNotify(true);
    }

    /** Text of the note above the plot; empty when no grid point was skipped. */
    public String noteText() {
        return note.isVisible() ? note.getText() : "";
    }

    @Override
    protected void restyle() {
        if (chart == null) {
            return;
        }
        theme().apply(chart);
        XYPlot plot = chart.getXYPlot();
        Color meanColor = theme().seriesColor(0);
        Color pointColor = new Color(0x30, 0x30, 0x30);
        DeviationRenderer bandRenderer = (DeviationRenderer) plot.getRenderer(0);
        bandRenderer.setSeriesPaint(0, meanColor, false);
        bandRenderer.setSeriesFillPaint(0, meanColor, false);
        XYItemRenderer pointRenderer = plot.getRenderer(1);
        double radius = 2.5 * Math.sqrt(theme().effectiveScale());
        pointRenderer.setSeriesPaint(0, pointColor, false);
        pointRenderer.setSeriesShape(0, new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius), false);

        // Fixed items, because the band renderer shows only the mean line in the legend.
        LegendItemCollection legend = new LegendItemCollection();
        LegendItem meanItem = new LegendItem(MEAN_NAME, null, null, null, new Line2D.Double(-8, 0, 8, 0),
                new BasicStroke(theme().lineWidth()), meanColor);
        LegendItem bandItem = new LegendItem(BAND_NAME, null, null, null, new Rectangle2D.Double(-8, -5, 16, 10),
                ChartTheme.translucent(meanColor, 64));
        LegendItem pointItem = new LegendItem(POINTS_NAME, null, null, null,
                new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius), pointColor);
        for (LegendItem item : new LegendItem[] {meanItem, bandItem, pointItem}) {
            item.setLabelFont(theme().legendFont());
            item.setLabelPaint(ChartTheme.TEXT);
            legend.add(item);
        }
        plot.setFixedLegendItems(legend);
    }

    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        csv.header("series", "x", "y", "lower", "upper");
        for (int i = 0; i < gridX.length; i++) {
            double spread = BAND_STANDARD_DEVIATIONS * standardDeviation[i];
            csv.cell("predictive mean").cell(gridX[i]).cell(mean[i]).cell(mean[i] - spread).cell(mean[i] + spread).endRow();
        }
        for (int i = 0; i < pointX.length; i++) {
            csv.cell("training point").cell(pointX[i]).cell(pointY[i]).cell(Double.NaN).cell(Double.NaN).endRow();
        }
    }
}
