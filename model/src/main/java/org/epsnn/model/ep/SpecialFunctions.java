package org.epsnn.model.ep;

/**
 * The Gaussian functions the EP updates need, accurate in both tails.
 *
 * <p>Everything is built on the scaled complementary error function
 * {@code erfcx(x) = exp(x^2) erfc(x)}, which stays of order {@code 1 / (x sqrt(pi))} where
 * {@code erfc} itself underflows. On {@code [0, 50)} it is evaluated from piecewise Chebyshev
 * interpolants (degree {@value #CHEBYSHEV_DEGREE} on intervals of width {@value #INTERVAL_WIDTH})
 * whose coefficients are computed once, at class loading, from a power series ({@code x < 2}) and
 * the Laplace continued fraction ({@code x >= 2}). Beyond 50 its asymptotic series serves.
 * Relative accuracy is about {@code 1e-13} over the whole line, checked against 50-digit
 * references in the tests.
 *
 * <p>Edge cases: {@link #normalCdf(double)} returns exactly 0 below about -38.5 and 1 above
 * about 8.3; use {@link #logNormalCdf(double)} and {@link #inverseMillsRatio(double)} there, which
 * stay finite and accurate from -40 to 40 and beyond.
 */
public final class SpecialFunctions {

    /** {@code 1 / sqrt(2 pi)}. */
    public static final double INV_SQRT_2PI = 0.3989422804014327;
    /** {@code sqrt(2 / pi)}. */
    public static final double SQRT_2_OVER_PI = 0.7978845608028654;
    /** {@code 1 / sqrt(2)}. */
    public static final double INV_SQRT2 = 0.7071067811865476;
    /** {@code 2 / sqrt(pi)}. */
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    /** {@code 1 / sqrt(pi)}. */
    private static final double INV_SQRT_PI = 0.5641895835477563;

    private static final int CHEBYSHEV_DEGREE = 20;
    private static final double INTERVAL_WIDTH = 0.5;
    private static final double TABLE_END = 50.0;
    private static final int INTERVALS = (int) (TABLE_END / INTERVAL_WIDTH);
    /** Chebyshev coefficients of erfcx on each interval, {@code INTERVALS x (CHEBYSHEV_DEGREE + 1)}. */
    private static final double[] COEFFICIENTS = buildTable();

    /** Below this, {@code exp(x^2)} overflows and {@code erfcx(x)} is infinite. */
    private static final double ERFCX_OVERFLOW = -26.6;

    private SpecialFunctions() {
    }

    /** The standard normal density {@code phi(z)}. */
    public static double normalPdf(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** The standard normal distribution function {@code Phi(z)}; 0 below about -38.5, 1 above about 8.3. */
    public static double normalCdf(double z) {
        double x = -z * INV_SQRT2;
        if (x >= 0) {
            // Left tail: Phi(z) = erfcx(x) exp(-x^2) / 2 keeps full relative accuracy.
            return 0.5 * erfcxNonNegative(x) * Math.exp(-x * x);
        }
        return 1.0 - 0.5 * erfcxNonNegative(-x) * Math.exp(-x * x);
    }

    /** {@code log Phi(z)}, finite for every finite {@code z}. */
    public static double logNormalCdf(double z) {
        double x = -z * INV_SQRT2;
        if (x >= 0) {
            return Math.log(0.5 * erfcxNonNegative(x)) - x * x;
        }
        return Math.log1p(-0.5 * erfcxNonNegative(-x) * Math.exp(-x * x));
    }

    /**
     * The inverse Mills ratio {@code R(z) = phi(z) / Phi(z) = sqrt(2 / pi) / erfcx(-z / sqrt 2)},
     * computed without dividing two underflowing numbers. It tends to {@code -z} as
     * {@code z -> -infinity} and to 0 as {@code z -> +infinity}.
     */
    public static double inverseMillsRatio(double z) {
        return SQRT_2_OVER_PI / erfcx(-z * INV_SQRT2);
    }

    /** The scaled complementary error function {@code exp(x^2) erfc(x)}; infinite below about -26.6. */
    public static double erfcx(double x) {
        if (x >= 0) {
            return erfcxNonNegative(x);
        }
        if (x < ERFCX_OVERFLOW) {
            return Double.POSITIVE_INFINITY;
        }
        // erfc(-x) = 2 - erfc(x)
        return 2.0 * Math.exp(x * x) - erfcxNonNegative(-x);
    }

    /** The complementary error function {@code erfc(x)}. */
    public static double erfc(double x) {
        if (x >= 0) {
            return erfcxNonNegative(x) * Math.exp(-x * x);
        }
        return 2.0 - erfcxNonNegative(-x) * Math.exp(-x * x);
    }

    private static double erfcxNonNegative(double x) {
        if (x >= TABLE_END) {
            return erfcxAsymptotic(x);
        }
        if (!(x >= 0)) {
            return Double.NaN;
        }
        int interval = (int) (x / INTERVAL_WIDTH);
        double start = interval * INTERVAL_WIDTH;
        // Map the interval onto [-1, 1] and sum the Chebyshev series by Clenshaw's recurrence.
        double t = 2.0 * (x - start) / INTERVAL_WIDTH - 1.0;
        int offset = interval * (CHEBYSHEV_DEGREE + 1);
        double next = 0;
        double current = 0;
        for (int k = CHEBYSHEV_DEGREE; k >= 1; k--) {
            double previous = current;
            current = 2.0 * t * current - next + COEFFICIENTS[offset + k];
            next = previous;
        }
        return t * current - next + COEFFICIENTS[offset];
    }

    /**
     * {@code erfcx(x)} from the power series {@code erf(x) = 2/sqrt(pi) exp(-x^2) sum (2x^2)^n x / (2n+1)!!},
     * whose terms are all positive; the subtraction from {@code exp(x^2)} loses about
     * {@code log10(exp(x^2) / erfcx(x))} digits, under 3 for {@code x < 2}.
     */
    static double erfcxSeries(double x) {
        double term = x;
        double sum = x;
        for (int n = 1; n < 500 && term > 1e-18 * sum; n++) {
            term *= 2.0 * x * x / (2 * n + 1);
            sum += term;
        }
        return Math.exp(x * x) - TWO_OVER_SQRT_PI * sum;
    }

    /**
     * {@code erfcx(x)} for {@code x > 0} from the Laplace continued fraction
     * {@code erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))},
     * evaluated by the modified Lentz method.
     */
    static double erfcxContinuedFraction(double x, double tolerance) {
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 100_000; k++) {
            double a = 0.5 * k;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < tolerance) {
                break;
            }
        }
        return INV_SQRT_PI / f;
    }

    /**
     * {@code erfcx(x)} from its asymptotic series
     * {@code 1/(x sqrt(pi)) (1 - 1/(2x^2) + 3/(4x^4) - 15/(8x^6) + 105/(16x^8) - 945/(32x^10))};
     * for {@code x >= 50} the first omitted term is below {@code 1e-18} relative.
     */
    private static double erfcxAsymptotic(double x) {
        double inverseSquare = 1.0 / (x * x);
        double series = 1.0 + inverseSquare * (-0.5 + inverseSquare * (0.75 + inverseSquare
                * (-1.875 + inverseSquare * (6.5625 + inverseSquare * -29.53125))));
        return INV_SQRT_PI / x * series;
    }

    /** Accurate but slow erfcx for the table nodes. */
    private static double erfcxReference(double x) {
        return x < 2.0 ? erfcxSeries(x) : erfcxContinuedFraction(x, 1e-17);
    }

    private static double[] buildTable() {
        int terms = CHEBYSHEV_DEGREE + 1;
        double[] table = new double[INTERVALS * terms];
        double[] values = new double[terms];
        for (int interval = 0; interval < INTERVALS; interval++) {
            double start = interval * INTERVAL_WIDTH;
            for (int node = 0; node < terms; node++) {
                double t = Math.cos(Math.PI * (node + 0.5) / terms);
                values[node] = erfcxReference(start + 0.5 * (t + 1.0) * INTERVAL_WIDTH);
            }
            for (int k = 0; k < terms; k++) {
                double sum = 0;
                for (int node = 0; node < terms; node++) {
                    sum += values[node] * Math.cos(Math.PI * k * (node + 0.5) / terms);
                }
                table[interval * terms + k] = (k == 0 ? 1.0 : 2.0) * sum / terms;
            }
        }
        return table;
    }
}
