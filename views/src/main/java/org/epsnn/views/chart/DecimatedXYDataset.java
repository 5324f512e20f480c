package org.epsnn.views.chart;

import java.util.ArrayList;
import java.util.List;

import org.jfree.data.xy.AbstractXYDataset;

/**
 * A JFreeChart dataset that reads its points straight from {@link DecimatedSeries}, so appending
 * copies nothing into the chart. Change events are sent only by {@link #fireChanged()}, which lets
 * the owner coalesce many appends into one redraw.
 */
final class DecimatedXYDataset extends AbstractXYDataset {

    private static final long serialVersionUID = 1L;

    private final List<String> names = new ArrayList<>();
    private final List<DecimatedSeries> series = new ArrayList<>();

    void add(String name, DecimatedSeries added) {
        names.add(name);
        series.add(added);
    }

    DecimatedSeries series(int index) {
        return series.get(index);
    }

    /**
     * Writes the points on show instead of the series, when a chart is copied for painting on
     * another thread (see {@code ChartView}).
     */
    private Object writeReplace() {
        double[][] x = new double[series.size()][];
        double[][] y = new double[series.size()][];
        for (int s = 0; s < series.size(); s++) {
            DecimatedSeries points = series.get(s);
            x[s] = new double[points.shownCount()];
            y[s] = new double[x[s].length];
            for (int i = 0; i < x[s].length; i++) {
                x[s][i] = points.shownX(i);
                y[s][i] = points.shownY(i);
            }
        }
        return new ShownPointsDataset(names, x, y);
    }

    /** Sends one change event to the plot, which then redraws. */
    void fireChanged() {
        fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
        return series.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int index) {
        return names.get(index);
    }

    @Override
    public int getItemCount(int index) {
        return series.get(index).shownCount();
    }

    @Override
    public Number getX(int index, int item) {
        return series.get(index).shownX(item);
    }

    @Override
    public Number getY(int index, int item) {
        return series.get(index).shownY(item);
    }

    @Override
    public double getXValue(int index, int item) {
        return series.get(index).shownX(item);
    }

    @Override
    public double getYValue(int index, int item) {
        return series.get(index).shownY(item);
    }
}
