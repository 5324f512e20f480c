package org.epsnn.views.chart;

import java.util.Arrays;

/**
 * A series of (x, y) points in arrival order that keeps at most {@code maxPoints} of them in
 * memory, so that a metric logged for hours costs a fixed amount.
 *
 * <p>Until the limit is reached every point is kept. After that the points are grouped into
 * buckets of consecutive arrivals, and each bucket keeps only its minimum and its maximum (in
 * arrival order), so a single spike survives any amount of decimation. When the buckets fill the
 * limit again, neighbouring buckets merge and the bucket size doubles. Every bucket except the
 * last one, which is still filling, covers the same number of points, so old and new parts of
 * the series are equally dense. Points with a NaN or infinite coordinate are skipped and counted.
 */
public final class DecimatedSeries {

    /** Smallest allowed limit: two buckets of a minimum and a maximum each. */
    public static final int MIN_POINTS = 4;

    private final int maxPoints;
    private int bucketSize = 1;
    private int bucketCount;
    private int[] counts;
    private long[] minOrder;
    private double[] minX;
    private double[] minY;
    private long[] maxOrder;
    private double[] maxX;
    private double[] maxY;
    private long received;
    private long skipped;

    private boolean shownValid;
    private int shownCount;
    private double[] shownX = new double[0];
    private double[] shownY = new double[0];

    /** Creates an empty series that shows at most {@code maxPoints} points, at least {@value #MIN_POINTS}. */
    public DecimatedSeries(int maxPoints) {
        if (maxPoints < MIN_POINTS) {
            throw new IllegalArgumentException("A decimated series needs room for at least " + MIN_POINTS
                    + " points, got " + maxPoints);
        }
        this.maxPoints = maxPoints;
        int initialCapacity = Math.min(maxPoints, 64);
        counts = new int[initialCapacity];
        minOrder = new long[initialCapacity];
        minX = new double[initialCapacity];
        minY = new double[initialCapacity];
        maxOrder = new long[initialCapacity];
        maxX = new double[initialCapacity];
        maxY = new double[initialCapacity];
    }

    /** Appends one point; a point with a NaN or infinite coordinate is only counted as skipped. */
    public void add(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            skipped++;
            return;
        }
        long order = received++;
        shownValid = false;

        int last = bucketCount - 1;
        if (last >= 0 && counts[last] < bucketSize) {
            counts[last]++;
            if (y < minY[last]) {
                setMin(last, order, x, y);
            }
            if (y > maxY[last]) {
                setMax(last, order, x, y);
            }
            return;
        }

        if (bucketCount == bucketCapacity()) {
            mergeBuckets();
        }
        ensureArrayCapacity(bucketCount + 1);
        int bucket = bucketCount++;
        counts[bucket] = 1;
        setMin(bucket, order, x, y);
        setMax(bucket, order, x, y);
    }

    /** Appends {@code x.length} points. */
    public void addAll(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Got " + x.length + " x values but " + y.length + " y values");
        }
        for (int i = 0; i < x.length; i++) {
            add(x[i], y[i]);
        }
    }

    /** Removes every point and resets the counters. */
    public void clear() {
        bucketSize = 1;
        bucketCount = 0;
        received = 0;
        skipped = 0;
        shownValid = false;
    }

    /** Largest number of points this series shows. */
    public int maxPoints() {
        return maxPoints;
    }

    /** Number of finite points appended since creation or the last {@link #clear()}. */
    public long receivedCount() {
        return received;
    }

    /** Number of points skipped because a coordinate was NaN or infinite. */
    public long skippedCount() {
        return skipped;
    }

    /** Returns whether some received points are no longer shown. */
    public boolean isDecimated() {
        return shownCount() < received;
    }

    /** Number of points shown, at most {@link #maxPoints()}. */
    public int shownCount() {
        updateShown();
        return shownCount;
    }

    /** X of shown point {@code index}, in arrival order. */
    public double shownX(int index) {
        updateShown();
        return shownX[index];
    }

    /** Y of shown point {@code index}, in arrival order. */
    public double shownY(int index) {
        updateShown();
        return shownY[index];
    }

    /** Number of buckets the series can hold before they merge: every shown point costs one slot. */
    private int bucketCapacity() {
        return bucketSize == 1 ? maxPoints : maxPoints / 2;
    }

    /**
     * Merges neighbouring buckets. Single points merge into buckets of 4, because a bucket keeps
     * two points and only a factor of 4 halves the count. After that each merge doubles the bucket size.
     */
    private void mergeBuckets() {
        int factor = bucketSize == 1 ? 4 : 2;
        int merged = 0;
        for (int start = 0; start < bucketCount; start += factor) {
            int end = Math.min(bucketCount, start + factor);
            int count = 0;
            int minBucket = start;
            int maxBucket = start;
            for (int b = start; b < end; b++) {
                count += counts[b];
                if (minY[b] < minY[minBucket]) {
                    minBucket = b;
                }
                if (maxY[b] > maxY[maxBucket]) {
                    maxBucket = b;
                }
            }
            counts[merged] = count;
            setMin(merged, minOrder[minBucket], minX[minBucket], minY[minBucket]);
            setMax(merged, maxOrder[maxBucket], maxX[maxBucket], maxY[maxBucket]);
            merged++;
        }
        bucketCount = merged;
        bucketSize *= factor;
    }

    private void setMin(int bucket, long order, double x, double y) {
        minOrder[bucket] = order;
        minX[bucket] = x;
        minY[bucket] = y;
    }

    private void setMax(int bucket, long order, double x, double y) {
        maxOrder[bucket] = order;
        maxX[bucket] = x;
        maxY[bucket] = y;
    }

    private void ensureArrayCapacity(int needed) {
        if (needed <= counts.length) {
            return;
        }
        int capacity = Math.min(maxPoints, Math.max(needed, counts.length * 2));
        counts = Arrays.copyOf(counts, capacity);
        minOrder = Arrays.copyOf(minOrder, capacity);
        minX = Arrays.copyOf(minX, capacity);
        minY = Arrays.copyOf(minY, capacity);
        maxOrder = Arrays.copyOf(maxOrder, capacity);
        maxX = Arrays.copyOf(maxX, capacity);
        maxY = Arrays.copyOf(maxY, capacity);
    }

    private void updateShown() {
        if (shownValid) {
            return;
        }
        if (shownX.length < 2 * bucketCount) {
            shownX = new double[Math.min(maxPoints, Math.max(2 * bucketCount, 2 * shownX.length))];
            shownY = new double[shownX.length];
        }
        int count = 0;
        for (int b = 0; b < bucketCount; b++) {
            if (minOrder[b] == maxOrder[b]) {
                shownX[count] = minX[b];
                shownY[count++] = minY[b];
            } else if (minOrder[b] < maxOrder[b]) {
                shownX[count] = minX[b];
                shownY[count++] = minY[b];
                shownX[count] = maxX[b];
                shownY[count++] = maxY[b];
            } else {
                shownX[count] = maxX[b];
                shownY[count++] = maxY[b];
                shownX[count] = minX[b];
                shownY[count++] = minY[b];
            }
        }
        shownCount = count;
        shownValid = true;
    }
}
