package org.epsnn.app.workbench;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.epsnn.model.training.PassSummary;

/**
 * The curves of the accuracy and firing charts as the plots hold them, so that a reopened project
 * shows how its posterior was trained. Arrays are copies and must not be modified.
 *
 * @param series the named curves of the accuracy chart, each as x (samples seen) and y values
 * @param passMarkers the samples seen at the end of each pass, with their labels
 * @param passes the results of each pass of the posterior, in order
 * @param firing the mean spike probability of each layer against samples seen, one curve a layer
 */
public record MetricHistory(List<Series> series, List<Marker> passMarkers, List<PassSummary> passes, List<Series> firing) {

    /** No curves, no markers and no passes. */
    public static final MetricHistory EMPTY = new MetricHistory(List.of(), List.of(), List.of(), List.of());

    public MetricHistory {
        series = List.copyOf(series);
        passMarkers = List.copyOf(passMarkers);
        passes = List.copyOf(passes);
        firing = List.copyOf(firing);
    }

    /** Accuracy curves, markers and pass results without firing curves. */
    public MetricHistory(List<Series> series, List<Marker> passMarkers, List<PassSummary> passes) {
        this(series, passMarkers, passes, List.of());
    }

    /** Curves and markers without pass results. */
    public MetricHistory(List<Series> series, List<Marker> passMarkers) {
        this(series, passMarkers, List.of());
    }

    /** One curve: a y value at each x value. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("Series '" + name + "' has " + x.length + " x values and " + y.length + " y values");
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Series that && name.equals(that.name) && Arrays.equals(x, that.x) && Arrays.equals(y, that.y);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + 17 * Arrays.hashCode(x) + Arrays.hashCode(y);
        }

        @Override
        public String toString() {
            return "Series[" + name + ", " + x.length + " points]";
        }
    }

    /** A vertical marker on the x axis, such as the end of a pass. */
    public record Marker(double x, String label) {
    }

    public boolean isEmpty() {
        return series.stream().allMatch(curve -> curve.x().length == 0) && passMarkers.isEmpty() && passes.isEmpty()
                && firing.stream().allMatch(curve -> curve.x().length == 0);
    }
}
