package org.epsnn.views.chart;

import java.util.List;

import org.jfree.data.xy.AbstractXYDataset;

/**
 * A copy of the points that a {@link DecimatedXYDataset} showed at one moment. It replaces that
 * dataset in the copy of a chart painted on the painting thread, and never changes.
 */
final class ShownPointsDataset extends AbstractXYDataset {

    private static final long serialVersionUID = 1L;

    private final List<String> names;
    private final double[][] x;
    private final double[][] y;

    ShownPointsDataset(List<String> names, double[][] x, double[][] y) {
        this.names = List.copyOf(names);
        this.x = x;
        this.y = y;
    }

    @Override
    public int getSeriesCount() {
        return names.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return names.get(series);
    }

    @Override
    public int getItemCount(int series) {
        return x[series].length;
    }

    @Override
    public Number getX(int series, int item) {
        return x[series][item];
    }

    @Override
    public Number getY(int series, int item) {
        return y[series][item];
    }

    @Override
    public double getXValue(int series, int item) {
        return x[series][item];
    }

    @Override
    public double getYValue(int series, int item) {
        return y[series][item];
    }
}
