package org.epsnn.views.chart;

import java.awt.BasicStroke;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.epsnn.views.ChartTheme;
import org.epsnn.views.ChartView;
import org.epsnn.views.export.CsvWriter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * A line chart of named metric series against a numeric x such as samples seen, seconds or
 * passes. It draws labelled vertical markers, for example at pass boundaries, and an optional
 * second y axis on the right, for example the negative log-likelihood beside the accuracy.
 *
 * <p>Each series keeps at most {@link #getMaxPointsPerSeries()} points, decimated so that spikes
 * survive (see {@link DecimatedSeries}); a note above the plot then gives the number of points shown.
 * CSV exports write every point received, up to {@link #getMaxLoggedPointsPerSeries()} per series,
 * and the points shown when a series received more.
 * Points with a NaN or infinite coordinate are skipped and counted in the same note. Appends are
 * cheap: they touch only the series, and the chart redraws once however many appends came before
 * it (see {@link org.epsnn.views.RasterView}).
 */
public class MetricChart extends ChartView {

    /** The y axis that a series is drawn against. */
    public enum YAxis {
        /** The left axis. */
        PRIMARY,
        /** The right axis; requires {@link #showSecondaryAxis(String)} first. */
        SECONDARY
    }

    /** Default maximum number of points kept per series. */
    public static final int DEFAULT_MAX_POINTS = 2000;
    /** Default maximum number of points per series that CSV exports write undecimated: 4 MB a series. */
    public static final int DEFAULT_MAX_LOGGED_POINTS = 250_000;

    private static final float[] SECONDARY_DASH = {6f, 4f};
    /** Width per drawn marker line when markers would crowd, in pixels. */
    private static final double PIXELS_PER_MARKER_LINE = 12;
    /** Width per marker label, in pixels: room for "pass 100" in the theme's note font. */
    private static final double PIXELS_PER_MARKER_LABEL = 70;

    /** Whether a sample chart went to the copy warm-up; see {@link ChartView#warmUpCopy}. */
    private static final java.util.concurrent.atomic.AtomicBoolean SAMPLE_COPIED = new java.util.concurrent.atomic.AtomicBoolean();

    private final DecimatedXYDataset primary = new DecimatedXYDataset();
    private final DecimatedXYDataset secondary = new DecimatedXYDataset();
    private final Map<String, DecimatedSeries> seriesByName = new LinkedHashMap<>();
    private final Map<String, PointLog> logByName = new LinkedHashMap<>();
    private int maxLoggedPointsPerSeries = DEFAULT_MAX_LOGGED_POINTS;
    private final List<ValueMarker> markers = new ArrayList<>();
    private final List<String> markerLabels = new ArrayList<>();
    /** The markers on the plot now: every marker while few, every k-th when they would crowd. */
    private final List<ValueMarker> shownMarkers = new ArrayList<>();
    /** Whether markers were added or cleared since they were last put on the plot. */
    private boolean markersChanged;
    /** View width the shown markers were thinned for. */
    private double markersWidth = -1;
    private final TextTitle note = new TextTitle("");
    private final JFreeChart chart;
    private int maxPointsPerSeries = DEFAULT_MAX_POINTS;
    private boolean changePending;

    public MetricChart(String xLabel, String yLabel) {
        this(new ChartTheme(), xLabel, yLabel);
    }

    public MetricChart(ChartTheme theme, String xLabel, String yLabel) {
        super(theme);
        chart = theme.createLineChart(primary, xLabel, yLabel);
        note.setPosition(RectangleEdge.TOP);
        note.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        note.setVisible(false);
        chart.addSubtitle(note);
        chart.getXYPlot().setNoDataMessage("no data yet");
        theme.apply(chart);
        setChart(chart);
        if (!SAMPLE_COPIED.getAndSet(true)) {
            warmUpCopy(MetricChart::sampleChart);
        }
    }

    /**
     * Builds a chart with every part a metric chart can have: points on both axes, a pass marker
     * and the note, for the copy warm-up.
     */
    static JFreeChart sampleChart() {
        MetricChart sample = new MetricChart(new ChartTheme(), "x", "y");
        sample.showSecondaryAxis("y2");
        sample.addSeries("left");
        sample.addSeries("right", YAxis.SECONDARY);
        sample.appendAll("left", new double[] {1, 2}, new double[] {0.5, Double.NaN});
        sample.append("right", 1, 0.5);
        sample.addMarker(1, "pass 1");
        sample.beforeRepaint();
        return sample.chart;
    }

    /**
     * Adds a right-hand y axis with {@code label}, for series added with {@link YAxis#SECONDARY};
     * a second call only changes the label.
     */
    public void showSecondaryAxis(String label) {
        XYPlot plot = chart.getXYPlot();
        if (plot.getRangeAxis(1) != null) {
            plot.getRangeAxis(1).setLabel(label);
            return;
        }
        NumberAxis axis = theme().createSecondaryAxis(label);
        plot.setRangeAxis(1, axis);
        plot.setDataset(1, secondary);
        plot.setRenderer(1, new LonePointRenderer());
        plot.mapDatasetToRangeAxis(1, 1);
        restyle();
    }

    /** Sets the label of the x axis, for a chart whose x can change meaning (passes or seconds). */
    public void setXLabel(String label) {
        chart.getXYPlot().getDomainAxis().setLabel(label);
    }

    /** Chooses whole-number ticks on the x axis, for counts such as passes, or ticks at any value. */
    public void setWholeNumberXTicks(boolean wholeNumbers) {
        NumberAxis axis = (NumberAxis) chart.getXYPlot().getDomainAxis();
        axis.setStandardTickUnits(wholeNumbers ? NumberAxis.createIntegerTickUnits() : NumberAxis.createStandardTickUnits());
    }

    /** Draws a marker at every point of the left-axis series, for curves with few points. */
    public void setPointsVisible(boolean visible) {
        ((XYLineAndShapeRenderer) chart.getXYPlot().getRenderer()).setDefaultShapesVisible(visible);
        chart.fireChartChanged();
    }

    /** Returns the label of the x axis. */
    public String xLabel() {
        return chart.getXYPlot().getDomainAxis().getLabel();
    }

    /** Adds an empty series named {@code name} on the left axis. */
    public void addSeries(String name) {
        addSeries(name, YAxis.PRIMARY);
    }

    /**
     * Adds an empty series named {@code name} on the given axis.
     *
     * @throws IllegalArgumentException when the name is blank or taken, or the secondary axis is not shown
     */
    public void addSeries(String name, YAxis axis) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Every series needs a name, got '" + name + "'");
        }
        if (seriesByName.containsKey(name)) {
            throw new IllegalArgumentException("Series '" + name + "' exists already; names must be unique");
        }
        if (axis == YAxis.SECONDARY && chart.getXYPlot().getRangeAxis(1) == null) {
            throw new IllegalArgumentException("Series '" + name + "' needs the secondary axis; call showSecondaryAxis(label) first");
        }
        DecimatedSeries series = new DecimatedSeries(maxPointsPerSeries);
        seriesByName.put(name, series);
        logByName.put(name, new PointLog(maxLoggedPointsPerSeries));
        (axis == YAxis.PRIMARY ? primary : secondary).add(name, series);
        restyle();
        markChanged();
    }

    /** Names of the series in the order they were added. */
    public List<String> seriesNames() {
        return List.copyOf(seriesByName.keySet());
    }

    /** Appends one point to series {@code name}; a NaN or infinite coordinate skips the point. */
    public void append(String name, double x, double y) {
        series(name).add(x, y);
        logByName.get(name).add(x, y);
        markChanged();
    }

    /** Appends {@code x.length} points to series {@code name}. */
    public void appendAll(String name, double[] x, double[] y) {
        series(name).addAll(x, y);
        PointLog log = logByName.get(name);
        for (int i = 0; i < x.length; i++) {
            log.add(x[i], y[i]);
        }
        markChanged();
    }

    /** Returns the points of series {@code name}, to read what the chart shows. */
    public DecimatedSeries series(String name) {
        DecimatedSeries series = seriesByName.get(name);
        if (series == null) {
            throw new IllegalArgumentException("Unknown series '" + name + "'; add it with addSeries first. Known series: "
                    + seriesByName.keySet());
        }
        return series;
    }

    /** Removes every point and marker; the series stay. */
    public void clear() {
        seriesByName.values().forEach(DecimatedSeries::clear);
        logByName.values().forEach(PointLog::clear);
        clearMarkers();
        markChanged();
    }

    /** Draws a vertical line at {@code x} with {@code label} at its top; an empty label draws no text. */
    public void addMarker(double x, String label) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("Marker '" + label + "' needs a finite x, got " + x);
        }
        ValueMarker marker = new ValueMarker(x, ChartTheme.AXIS_LINE, new BasicStroke(1f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
        marker.setLabel(label);
        // Labels sit left of the line, so the label of a marker at the right edge stays inside the plot.
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        marker.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
        marker.setLabelBackgroundColor(ChartTheme.translucent(ChartTheme.BACKGROUND, 200));
        theme().styleMarker(marker);
        markers.add(marker);
        markerLabels.add(label);
        markersChanged = true;
        requestRepaint();
    }

    /** Removes every marker. */
    public void clearMarkers() {
        markers.clear();
        markerLabels.clear();
        showMarkers();
        chart.fireChartChanged();
    }

    /**
     * Puts the markers on the plot, thinned so that they stay readable: with more markers than
     * fit, only every k-th is drawn, and only every m-th drawn one keeps its label (about one
     * label per {@value #PIXELS_PER_MARKER_LABEL} pixels of width).
     */
    private void showMarkers() {
        markersChanged = false;
        markersWidth = viewWidth();
        XYPlot plot = chart.getXYPlot();
        for (ValueMarker marker : shownMarkers) {
            plot.removeDomainMarker(0, marker, Layer.FOREGROUND, false);
        }
        shownMarkers.clear();
        int count = markers.size();
        double width = viewWidth() > 0 ? viewWidth() : DEFAULT_EXPORT_WIDTH;
        int maxLines = Math.max(1, (int) (width / PIXELS_PER_MARKER_LINE));
        int maxLabels = Math.max(1, (int) (width / PIXELS_PER_MARKER_LABEL));
        int lineStep = Math.max(1, (count + maxLines - 1) / maxLines);
        int labelStep = Math.max(1, (count + maxLabels - 1) / maxLabels);
        labelStep = (labelStep + lineStep - 1) / lineStep * lineStep;
        for (int i = 0; i < count; i++) {
            if ((i + 1) % lineStep != 0) {
                continue;
            }
            ValueMarker marker = markers.get(i);
            marker.setLabel((i + 1) % labelStep == 0 ? markerLabels.get(i) : "");
            plot.addDomainMarker(0, marker, Layer.FOREGROUND, false);
            shownMarkers.add(marker);
        }
    }

    /** X positions of the markers, in the order they were added. */
    public List<Double> markerPositions() {
        return markers.stream().map(ValueMarker::getValue).toList();
    }

    public int getMaxPointsPerSeries() {
        return maxPointsPerSeries;
    }

    /** Sets the point limit of series added after this call; existing series keep theirs. */
    public void setMaxPointsPerSeries(int maxPoints) {
        if (maxPoints < DecimatedSeries.MIN_POINTS) {
            throw new IllegalArgumentException("Points per series must be at least " + DecimatedSeries.MIN_POINTS
                    + ", got " + maxPoints);
        }
        this.maxPointsPerSeries = maxPoints;
    }

    /** Text of the note above the plot; empty when every point is shown and none was skipped. */
    public String noteText() {
        return note.isVisible() ? note.getText() : "";
    }

    private void markChanged() {
        changePending = true;
        requestRepaint();
    }

    @Override
    protected void beforeRepaint() {
        // Thinning again only after a change keeps repaints of a long run from re-adding every marker.
        if (markersChanged || viewWidth() != markersWidth) {
            showMarkers();
        }
        if (changePending) {
            changePending = false;
            updateNote();
            primary.fireChanged();
            secondary.fireChanged();
        }
    }

    private void updateNote() {
        long shown = 0;
        long received = 0;
        long skipped = 0;
        boolean decimated = false;
        for (DecimatedSeries series : seriesByName.values()) {
            shown += series.shownCount();
            received += series.receivedCount();
            skipped += series.skippedCount();
            decimated |= series.isDecimated();
        }

        List<String> parts = new ArrayList<>();
        if (decimated) {
            parts.add(String.format(Locale.ROOT, "decimated: showing %d of %d points", shown, received));
        }
        if (skipped > 0) {
            parts.add(String.format(Locale.ROOT, "skipped %d NaN or infinite %s", skipped, skipped == 1 ? "point" : "points"));
        }
        note.setText(String.join("; ", parts));
        note.setVisible(!parts.isEmpty());
    }

    @Override
    protected void restyle() {
        super.restyle();
        XYPlot plot = chart.getXYPlot();
        if (plot.getRenderer(1) != null) {
            for (int s = 0; s < secondary.getSeriesCount(); s++) {
                plot.getRenderer(1).setSeriesStroke(s, new BasicStroke(theme().lineWidth(),
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, SECONDARY_DASH, 0f), false);
            }
        }
        chart.fireChartChanged();
    }

    /** Returns the number of points per series that CSV exports write undecimated. */
    public int getMaxLoggedPointsPerSeries() {
        return maxLoggedPointsPerSeries;
    }

    /** Sets the number of points per series that CSV exports write undecimated, for series added later. */
    public void setMaxLoggedPointsPerSeries(int maxPoints) {
        if (maxPoints < 0) {
            throw new IllegalArgumentException("Logged points per series must not be negative, got " + maxPoints);
        }
        this.maxLoggedPointsPerSeries = maxPoints;
    }

    /** Tells whether a CSV export writes every finite point received, which is true unless a series outgrew its log. */
    public boolean exportsEveryPoint() {
        return logByName.values().stream().allMatch(PointLog::complete);
    }

    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        csv.header("series", "axis", "x", "y");
        writeSeries(csv, primary, "primary");
        writeSeries(csv, secondary, "secondary");
    }

    private void writeSeries(CsvWriter csv, DecimatedXYDataset dataset, String axis) throws IOException {
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            String name = dataset.getSeriesKey(s).toString();
            double[][] points = exportedPoints(name);
            for (int i = 0; i < points[0].length; i++) {
                csv.cell(name).cell(axis).cell(points[0][i]).cell(points[1][i]).endRow();
            }
        }
    }

    /**
     * Returns the points of series {@code name} that exports write, as {x, y}: every finite point
     * received while the series' log is complete, else the points shown.
     */
    public double[][] exportedPoints(String name) {
        DecimatedSeries series = series(name);
        PointLog log = logByName.get(name);
        boolean logged = log.complete();
        int count = logged ? log.size() : series.shownCount();
        double[] x = new double[count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = logged ? log.x(i) : series.shownX(i);
            y[i] = logged ? log.y(i) : series.shownY(i);
        }
        return new double[][] {x, y};
    }
}
