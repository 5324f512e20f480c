package org.epsnn.views.chart;

import org.epsnn.views.draw.ValueRange;

/**
 * Counts of values in equally wide bins over a range. Values that are NaN or infinite are not
 * binned but counted apart. Finite values outside the range go to the nearest edge bin and are
 * counted as clamped.
 */
public final class Histogram {

    private final ValueRange range;
    private final long[] counts;
    private final long nonFiniteCount;
    private final long clampedCount;
    private final long binnedCount;

    private Histogram(ValueRange range, long[] counts, long nonFiniteCount, long clampedCount, long binnedCount) {
        this.range = range;
        this.counts = counts;
        this.nonFiniteCount = nonFiniteCount;
        this.clampedCount = clampedCount;
        this.binnedCount = binnedCount;
    }

    /**
     * Rebuilds a histogram from its counts, as a saved one was written.
     *
     * @param counts one count per bin, none negative; copied
     * @throws IllegalArgumentException when there is no bin or a count is negative
     */
    public static Histogram ofCounts(ValueRange range, long[] counts, long nonFiniteCount, long clampedCount) {
        if (counts.length < 1) {
            throw new IllegalArgumentException("A histogram needs at least 1 bin, got none");
        }
        long binned = 0;
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("Histogram counts must not be negative, got " + count);
            }
            binned += count;
        }
        if (nonFiniteCount < 0 || clampedCount < 0 || clampedCount > binned) {
            throw new IllegalArgumentException("Histogram has " + nonFiniteCount + " non-finite and " + clampedCount
                    + " clamped values for " + binned + " binned ones");
        }
        return new Histogram(range, counts.clone(), nonFiniteCount, clampedCount, binned);
    }

    /**
     * Bins {@code values} over the range of their finite values. When all finite values are equal
     * the range is widened around them (see {@link ValueRange#widenIfEmpty}), so they fill one bin.
     */
    public static Histogram of(double[] values, int binCount) {
        return of(values, binCount, ValueRange.ofFinite(values, ValueRange.UNIT));
    }

    /** Bins {@code values} over {@code range} into {@code binCount} bins, at least 1. */
    public static Histogram of(double[] values, int binCount, ValueRange range) {
        if (binCount < 1) {
            throw new IllegalArgumentException("A histogram needs at least 1 bin, got " + binCount);
        }
        long[] counts = new long[binCount];
        long nonFinite = 0;
        long clamped = 0;
        double scale = binCount / range.width();
        for (double value : values) {
            if (!Double.isFinite(value)) {
                nonFinite++;
                continue;
            }
            if (!range.contains(value)) {
                clamped++;
            }
            int bin = (int) Math.floor((value - range.low()) * scale);
            counts[Math.max(0, Math.min(binCount - 1, bin))]++;
        }
        return new Histogram(range, counts, nonFinite, clamped, values.length - nonFinite);
    }

    /**
     * Moves the counts onto {@code binCount} bins over {@code newRange}: each bin's count goes to
     * the new bin that contains its centre. This is exact when every old bin lies inside one new
     * bin, as with a wider range and no more bins. Otherwise a count may land one bin off.
     */
    public Histogram rebin(ValueRange newRange, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("A histogram needs at least 1 bin, got " + binCount);
        }
        long[] moved = new long[binCount];
        long clamped = clampedCount;
        double scale = binCount / newRange.width();
        for (int bin = 0; bin < counts.length; bin++) {
            if (counts[bin] == 0) {
                continue;
            }
            double centre = (binLow(bin) + binHigh(bin)) / 2;
            if (!newRange.contains(centre)) {
                clamped += counts[bin];
            }
            int target = (int) Math.floor((centre - newRange.low()) * scale);
            moved[Math.max(0, Math.min(binCount - 1, target))] += counts[bin];
        }
        return new Histogram(newRange, moved, nonFiniteCount, clamped, binnedCount);
    }

    public ValueRange range() {
        return range;
    }

    public int binCount() {
        return counts.length;
    }

    public long count(int bin) {
        return counts[bin];
    }

    /** Lower edge of {@code bin}. */
    public double binLow(int bin) {
        return range.low() + range.width() * bin / counts.length;
    }

    /** Upper edge of {@code bin}; the last bin includes it. */
    public double binHigh(int bin) {
        return bin == counts.length - 1 ? range.high() : binLow(bin + 1);
    }

    /** Number of NaN or infinite values that were left out. */
    public long nonFiniteCount() {
        return nonFiniteCount;
    }

    /** Number of finite values outside the range, counted in an edge bin. */
    public long clampedCount() {
        return clampedCount;
    }

    /** Number of values in the bins. */
    public long binnedCount() {
        return binnedCount;
    }

    /** Largest count of any bin, 0 for no values. */
    public long maxCount() {
        long max = 0;
        for (long count : counts) {
            max = Math.max(max, count);
        }
        return max;
    }
}
