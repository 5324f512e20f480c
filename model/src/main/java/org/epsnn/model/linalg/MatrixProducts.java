package org.epsnn.model.linalg;

/**
 * The general matrix product the engine needs, on dense row-major {@code double} arrays:
 * {@code C = alpha op(A) op(B) + beta C} with {@code op(X)} either {@code X} or its transpose.
 *
 * <p>Shapes are given after {@code op}: {@code op(A)} is {@code m x k}, {@code op(B)} is
 * {@code k x n} and {@code C} is {@code m x n}. Each array is read from its offset with the given
 * leading dimension (the length of a stored row). {@code A} and {@code B} are not modified;
 * {@code C} is overwritten and must not alias {@code A} or {@code B}.
 */
public interface MatrixProducts {

    /**
     * Computes {@code C = alpha op(A) op(B) + beta C}.
     *
     * @param transposeA whether {@code op(A)} is the transpose of the stored {@code A}
     * @param transposeB whether {@code op(B)} is the transpose of the stored {@code B}
     * @param m rows of {@code op(A)} and of {@code C}
     * @param n columns of {@code op(B)} and of {@code C}
     * @param k columns of {@code op(A)}, rows of {@code op(B)}
     */
    void gemm(boolean transposeA, boolean transposeB, int m, int n, int k,
              double alpha, double[] a, int offsetA, int lda,
              double[] b, int offsetB, int ldb,
              double beta, double[] c, int offsetC, int ldc);

    /** Computes {@code C = op(A) op(B)} on whole arrays stored without padding. */
    default void multiply(boolean transposeA, boolean transposeB, int m, int n, int k,
                          double[] a, double[] b, double[] c) {
        int lda = transposeA ? m : k;
        int ldb = transposeB ? k : n;
        gemm(transposeA, transposeB, m, n, k, 1.0, a, 0, lda, b, 0, ldb, 0.0, c, 0, n);
    }

    /** A short description of the implementation, for logs and benchmarks. */
    String name();

    /** Checks that an array holds a stored matrix of the given shape; messages name both shapes. */
    static void checkShape(String label, double[] array, int offset, int rows, int columns, int leadingDimension) {
        if (leadingDimension < columns) {
            throw new IllegalArgumentException(label + ": leading dimension " + leadingDimension
                    + " is smaller than its " + columns + " columns");
        }
        long needed = rows == 0 ? 0 : (long) offset + (long) (rows - 1) * leadingDimension + columns;
        if (needed > array.length) {
            throw new IllegalArgumentException(label + ": a " + rows + " x " + columns + " matrix at offset " + offset
                    + " with leading dimension " + leadingDimension + " needs " + needed
                    + " values, the array has " + array.length);
        }
    }
}
