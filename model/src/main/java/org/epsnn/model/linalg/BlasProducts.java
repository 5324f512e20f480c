package org.epsnn.model.linalg;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Objects;

/**
 * Matrix products through {@code dev.ludovic.netlib:blas}, which calls the system's native BLAS
 * (for example OpenBLAS) when one is installed and otherwise a Java implementation on the Vector
 * API ({@code --add-modules jdk.incubator.vector}) or, without it, plain Java.
 *
 * <p>BLAS is column-major; a row-major {@code C = op(A) op(B)} is the column-major
 * {@code C^T = op(B)^T op(A)^T}, so the call swaps the operands and keeps the transpose flags.
 * Non-native implementations are single-threaded: this class splits the larger output dimension
 * over a {@link ParallelRunner} so that every core works.
 *
 * <p>NOTE: netlib-java 3.0.3 checks each operand as if its last stored row were a full leading
 * dimension long ({@code offset + storedRows * ld <= length}), stricter than BLAS itself. An
 * operand that starts at an offset inside a row therefore needs one row of slack at the end of
 * its array; the engine's buffers have it. A split whose chunks would fail that check runs unsplit.
 */
public final class BlasProducts implements MatrixProducts {

    /** Below this many multiply-adds a product runs on the calling thread. */
    private static final long PARALLEL_MINIMUM_WORK = 2_000_000L;
    /** Pieces per thread of a split product: fewer than elsewhere, as thin products run slower. */
    private static final int BLAS_PIECES_PER_THREAD = 2;

    private final BLAS blas;
    private final ParallelRunner runner;
    private final boolean splitWork;

    /**
     * @param runner threads to split products over; ignored when the BLAS is native, because
     *     native BLAS libraries run their own threads
     */
    public BlasProducts(ParallelRunner runner) {
        this.blas = BLAS.getInstance();
        this.runner = Objects.requireNonNull(runner, "runner");
        this.splitWork = !isNative() && runner.threads() > 1;
    }

    /** Whether the BLAS in use is a native library rather than Java code. */
    public boolean isNative() {
        return blas.getClass().getName().contains("JNI");
    }

    /** The class name of the BLAS implementation that was loaded. */
    public String implementation() {
        return blas.getClass().getSimpleName();
    }

    @Override
    public String name() {
        return "netlib " + implementation() + (splitWork ? " x" + runner.threads() + " threads" : "");
    }

    @Override
    public void gemm(boolean transposeA, boolean transposeB, int m, int n, int k,
                     double alpha, double[] a, int offsetA, int lda,
                     double[] b, int offsetB, int ldb,
                     double beta, double[] c, int offsetC, int ldc) {
        MatrixProducts.checkShape("A", a, offsetA, transposeA ? k : m, transposeA ? m : k, lda);
        MatrixProducts.checkShape("B", b, offsetB, transposeB ? n : k, transposeB ? k : n, ldb);
        MatrixProducts.checkShape("C", c, offsetC, m, n, ldc);
        if (m == 0 || n == 0) {
            return;
        }

        long work = (long) m * n * k;
        if (!splitWork || work < PARALLEL_MINIMUM_WORK) {
            call(transposeA, transposeB, m, n, k, alpha, a, offsetA, lda, b, offsetB, ldb, beta, c, offsetC, ldc);
            return;
        }

        int parts = runner.threads();
        boolean splitRows = m >= n;
        if (splitRows && transposeA && !fitsNetlibCheck(a, offsetA + m - 1, k, lda)
                || !splitRows && !transposeB && !fitsNetlibCheck(b, offsetB + n - 1, k, ldb)) {
            call(transposeA, transposeB, m, n, k, alpha, a, offsetA, lda, b, offsetB, ldb, beta, c, offsetC, ldc);
            return;
        }
        if (splitRows) {
            // Split the rows of C, which are rows of op(A).
            runner.forEachPiece(m, parts, BLAS_PIECES_PER_THREAD, (from, to) -> call(transposeA, transposeB, to - from, n, k, alpha,
                    a, offsetA + (transposeA ? from : from * lda), lda, b, offsetB, ldb,
                    beta, c, offsetC + from * ldc, ldc));
        } else {
            // Split the columns of C, which are columns of op(B).
            runner.forEachPiece(n, parts, BLAS_PIECES_PER_THREAD, (from, to) -> call(transposeA, transposeB, m, to - from, k, alpha,
                    a, offsetA, lda, b, offsetB + (transposeB ? from * ldb : from), ldb,
                    beta, c, offsetC + from, ldc));
        }
    }

    /** Whether netlib-java's bounds check accepts an operand of {@code storedRows} rows at {@code offset}. */
    private static boolean fitsNetlibCheck(double[] array, int offset, int storedRows, int leadingDimension) {
        return (long) offset + (long) storedRows * leadingDimension <= array.length;
    }

    private void call(boolean transposeA, boolean transposeB, int m, int n, int k,
                      double alpha, double[] a, int offsetA, int lda,
                      double[] b, int offsetB, int ldb,
                      double beta, double[] c, int offsetC, int ldc) {
        blas.dgemm(transposeB ? "T" : "N", transposeA ? "T" : "N", n, m, k,
                alpha, b, offsetB, ldb, a, offsetA, lda, beta, c, offsetC, ldc);
    }
}
