package org.epsnn.model.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimedProductsTest {

    @Test
    void countsCallsAndFlopsPerShape() {
        TimedProducts timed = new TimedProducts(new EjmlProducts(false));
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {1, 0, 0, 1, 1, 1};
        double[] c = new double[4];

        timed.multiply(false, false, 2, 2, 3, a, b, c);
        timed.multiply(false, false, 2, 2, 3, a, b, c);
        timed.multiply(true, false, 3, 3, 2, a, a, new double[9]);

        TimedProducts.Shape shape = new TimedProducts.Shape(false, false, 2, 2, 3);
        assertThat(timed.tallies()).hasSize(2);
        assertThat(timed.tallies().get(shape).calls()).isEqualTo(2);
        assertThat(timed.flops()).isEqualTo(2 * 2 * 2 * 2 * 3 + 2 * 3 * 3 * 2);
        assertThat(timed.nanos()).isPositive();
    }

    @Test
    void passesProductThrough() {
        TimedProducts timed = new TimedProducts(new EjmlProducts(false));
        double[] c = new double[4];

        timed.multiply(false, false, 2, 2, 3, new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 0, 0, 1, 1, 1}, c);

        assertThat(c).containsExactly(4, 5, 10, 11);
    }

    @Test
    void resetForgetsCalls() {
        TimedProducts timed = new TimedProducts(new EjmlProducts(false));
        timed.multiply(false, false, 1, 1, 1, new double[] {2}, new double[] {3}, new double[1]);

        timed.reset();

        assertThat(timed.tallies()).isEmpty();
        assertThat(timed.flops()).isZero();
    }
}
