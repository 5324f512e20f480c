package org.epsnn.model.linalg;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Wraps {@link MatrixProducts} and records, per product shape, the number of calls, the
 * wall-clock nanoseconds spent inside them and their floating-point operations ({@code 2 m n k}).
 * Benchmarks pass it to a trainer in place of the plain products; training that does not ask for
 * it pays nothing. Not thread-safe: the engine calls {@code gemm} from one thread and splits the
 * work inside the wrapped products.
 */
public final class TimedProducts implements MatrixProducts {

    /**
     * The shape of a product as the caller asked for it.
     *
     * @param m rows of {@code op(A)} and {@code C}
     * @param n columns of {@code op(B)} and {@code C}
     * @param k the inner dimension
     */
    public record Shape(boolean transposeA, boolean transposeB, int m, int n, int k) {

        /** Floating-point operations of one product, {@code 2 m n k}. */
        public double flops() {
            return 2.0 * m * n * k;
        }

        /** Returns a description of the product with the shapes after transposition, e.g. "A^T 1500x100 * B 100x785". */
        public String text() {
            return (transposeA ? "A^T " : "A ") + m + "x" + k + " * " + (transposeB ? "B^T " : "B ") + k + "x" + n;
        }
    }

    /** Calls and time of one shape. */
    public static final class Tally {
        private long calls;
        private long nanos;

        public long calls() {
            return calls;
        }

        public long nanos() {
            return nanos;
        }
    }

    private final MatrixProducts products;
    private final Map<Shape, Tally> tallies = new LinkedHashMap<>();

    /** @param products the products that do the work */
    public TimedProducts(MatrixProducts products) {
        this.products = Objects.requireNonNull(products, "products");
    }

    @Override
    public String name() {
        return products.name();
    }

    @Override
    public void gemm(boolean transposeA, boolean transposeB, int m, int n, int k,
                     double alpha, double[] a, int offsetA, int lda,
                     double[] b, int offsetB, int ldb,
                     double beta, double[] c, int offsetC, int ldc) {
        long start = System.nanoTime();
        products.gemm(transposeA, transposeB, m, n, k, alpha, a, offsetA, lda, b, offsetB, ldb, beta, c, offsetC, ldc);
        long elapsed = System.nanoTime() - start;
        Tally tally = tallies.computeIfAbsent(new Shape(transposeA, transposeB, m, n, k), shape -> new Tally());
        tally.calls++;
        tally.nanos += elapsed;
    }

    /** Returns the shapes seen since the last {@link #reset()}, in the order of their first call; a live view. */
    public Map<Shape, Tally> tallies() {
        return java.util.Collections.unmodifiableMap(tallies);
    }

    /** Nanoseconds spent in products since the last {@link #reset()}. */
    public long nanos() {
        long total = 0;
        for (Tally tally : tallies.values()) {
            total += tally.nanos;
        }
        return total;
    }

    /** Floating-point operations of the products since the last {@link #reset()}. */
    public double flops() {
        double total = 0;
        for (Map.Entry<Shape, Tally> entry : tallies.entrySet()) {
            total += entry.getKey().flops() * entry.getValue().calls;
        }
        return total;
    }

    /** Forgets every recorded call. */
    public void reset() {
        tallies.clear();
    }
}
