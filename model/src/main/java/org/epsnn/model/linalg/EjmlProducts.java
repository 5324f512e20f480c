package org.epsnn.model.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * Matrix products through EJML's row-major dense operations, single- or multi-threaded. Kept to
 * compare with {@link BlasProducts} on the engine's shapes; EJML needs whole, unpadded matrices,
 * so this class copies an operand whose offset or leading dimension does not fit.
 */
public final class EjmlProducts implements MatrixProducts {

    private final boolean concurrent;

    /** @param concurrent whether to use EJML's multi-threaded operations */
    public EjmlProducts(boolean concurrent) {
        this.concurrent = concurrent;
    }

    @Override
    public String name() {
        return concurrent ? "EJML multi-threaded" : "EJML";
    }

    @Override
    public void gemm(boolean transposeA, boolean transposeB, int m, int n, int k,
                     double alpha, double[] a, int offsetA, int lda,
                     double[] b, int offsetB, int ldb,
                     double beta, double[] c, int offsetC, int ldc) {
        DMatrixRMaj left = wrap(a, offsetA, transposeA ? k : m, transposeA ? m : k, lda);
        DMatrixRMaj right = wrap(b, offsetB, transposeB ? n : k, transposeB ? k : n, ldb);
        DMatrixRMaj product = new DMatrixRMaj(m, n);

        if (!transposeA && !transposeB) {
            if (concurrent) {
                CommonOps_MT_DDRM.mult(left, right, product);
            } else {
                CommonOps_DDRM.mult(left, right, product);
            }
        } else if (transposeA && !transposeB) {
            if (concurrent) {
                CommonOps_MT_DDRM.multTransA(left, right, product);
            } else {
                CommonOps_DDRM.multTransA(left, right, product);
            }
        } else if (!transposeA) {
            if (concurrent) {
                CommonOps_MT_DDRM.multTransB(left, right, product);
            } else {
                CommonOps_DDRM.multTransB(left, right, product);
            }
        } else if (concurrent) {
            CommonOps_MT_DDRM.multTransAB(left, right, product);
        } else {
            CommonOps_DDRM.multTransAB(left, right, product);
        }

        double[] values = product.data;
        for (int row = 0; row < m; row++) {
            int target = offsetC + row * ldc;
            int source = row * n;
            for (int column = 0; column < n; column++) {
                c[target + column] = alpha * values[source + column] + (beta == 0 ? 0 : beta * c[target + column]);
            }
        }
    }

    private static DMatrixRMaj wrap(double[] array, int offset, int rows, int columns, int leadingDimension) {
        MatrixProducts.checkShape("operand", array, offset, rows, columns, leadingDimension);
        if (offset == 0 && leadingDimension == columns && array.length == rows * columns) {
            return DMatrixRMaj.wrap(rows, columns, array);
        }
        DMatrixRMaj copy = new DMatrixRMaj(rows, columns);
        for (int row = 0; row < rows; row++) {
            System.arraycopy(array, offset + row * leadingDimension, copy.data, row * columns, columns);
        }
        return copy;
    }
}
