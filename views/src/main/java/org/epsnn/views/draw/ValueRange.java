package org.epsnn.views.draw;

/**
 * A closed interval {@code [low, high]} of values shown by a colour map or an axis, with
 * {@code low < high} so that a division by its width is always safe.
 */
public record ValueRange(double low, double high) {

    public ValueRange {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new IllegalArgumentException("A value range needs finite low < high, got [" + low + ", " + high + "]");
        }
    }

    /** The unit interval, for probabilities. */
    public static final ValueRange UNIT = new ValueRange(0, 1);

    /**
     * Returns the smallest range that contains every finite value, widened around the value when
     * all finite values are equal, or {@code fallback} when there is no finite value.
     */
    public static ValueRange ofFinite(double[] values, ValueRange fallback) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (Double.isFinite(value)) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        if (low > high) {
            return fallback;
        }
        return widenIfEmpty(low, high);
    }

    /**
     * Returns {@code [-a, a]} where {@code a} is the largest finite absolute value, so that 0 sits at
     * the centre of a diverging colour map; {@code [-1, 1]} when every value is 0 or non-finite.
     */
    public static ValueRange symmetricOfFinite(double[] values) {
        double largest = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                largest = Math.max(largest, Math.abs(value));
            }
        }
        return largest > 0 ? new ValueRange(-largest, largest) : new ValueRange(-1, 1);
    }

    /**
     * Returns {@code [low, high]}, or an interval around {@code low} when both are equal: half a
     * unit either side of 0, otherwise 5% of the value's magnitude.
     */
    public static ValueRange widenIfEmpty(double low, double high) {
        if (low < high) {
            return new ValueRange(low, high);
        }
        double halfWidth = low == 0 ? 0.5 : Math.abs(low) * 0.05;
        return new ValueRange(low - halfWidth, low + halfWidth);
    }

    public double width() {
        return high - low;
    }

    /** Position of {@code value} in the range: 0 at {@code low}, 1 at {@code high}, not clamped. */
    public double fraction(double value) {
        return (value - low) / (high - low);
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
