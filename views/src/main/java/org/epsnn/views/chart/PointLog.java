package org.epsnn.views.chart;

import java.util.Arrays;

/**
 * Every finite point appended to a chart series, in arrival order, up to a limit. The chart draws
 * its decimated copy, and CSV exports read this log, so that an export contains every point the
 * chart received rather than the points left after decimation.
 */
final class PointLog {

    private final int limit;
    private double[] x = new double[64];
    private double[] y = new double[64];
    private int size;
    private boolean overflowed;

    /** Creates an empty log that keeps at most {@code limit} points. */
    PointLog(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("Point log limit must not be negative, got " + limit);
        }
        this.limit = limit;
    }

    /** Appends a point unless a coordinate is NaN or infinite. Past the limit the log stops growing and is incomplete. */
    void add(double pointX, double pointY) {
        if (!Double.isFinite(pointX) || !Double.isFinite(pointY) || overflowed) {
            return;
        }
        if (size == limit) {
            // A log missing its newest points would read as a complete one, so it is dropped.
            overflowed = true;
            x = new double[0];
            y = new double[0];
            size = 0;
            return;
        }
        if (size == x.length) {
            int capacity = (int) Math.min(limit, 2L * x.length);
            x = Arrays.copyOf(x, capacity);
            y = Arrays.copyOf(y, capacity);
        }
        x[size] = pointX;
        y[size] = pointY;
        size++;
    }

    void clear() {
        x = new double[64];
        y = new double[64];
        size = 0;
        overflowed = false;
    }

    /** Tells whether the log contains every finite point appended since the last clear. */
    boolean complete() {
        return !overflowed;
    }

    int size() {
        return size;
    }

    double x(int index) {
        return x[index];
    }

    double y(int index) {
        return y[index];
    }
}
