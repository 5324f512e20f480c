package org.epsnn.views.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions at round numbers (1, 2 or 5 times a power of ten) for an axis, and their labels.
 */
public final class NiceTicks {

    private final double step;
    private final List<Double> values;

    private NiceTicks(double step, List<Double> values) {
        this.step = step;
        this.values = values;
    }

    /** Chooses about {@code targetCount} round ticks inside {@code range}, ends included when round. */
    public static NiceTicks of(ValueRange range, int targetCount) {
        double rawStep = range.width() / Math.max(1, targetCount);
        int exponent = (int) Math.floor(Math.log10(rawStep));
        double magnitude = Math.pow(10, exponent);
        double normalised = rawStep / magnitude;
        int factor = 10;
        if (normalised < 1.5) {
            factor = 1;
        } else if (normalised < 3.5) {
            factor = 2;
        } else if (normalised < 7.5) {
            factor = 5;
        }
        double step = factor * magnitude;

        // Ticks are whole multiples of factor * 10^exponent. For negative exponents dividing by the
        // exact integer 10^-exponent gives 0.6, where multiplying by 0.1 would give 0.6000000000000001.
        double divisor = exponent < 0 ? Math.pow(10, -exponent) : 1;
        double unit = exponent < 0 ? factor : step;
        List<Double> values = new ArrayList<>();
        long first = (long) Math.ceil(range.low() / step - 1e-9);
        long last = (long) Math.floor(range.high() / step + 1e-9);
        for (long index = first; index <= last; index++) {
            values.add(index * unit / divisor);
        }
        return new NiceTicks(step, values);
    }

    public List<Double> values() {
        return values;
    }

    public double step() {
        return step;
    }

    /** Formats {@code value} with as many decimals as the step needs, '.' as decimal separator. */
    public String label(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e6 || magnitude < 1e-4) {
            return String.format(Locale.ROOT, "%.2g", value);
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Formats a single value, such as a range end, with three significant digits. */
    public static String format(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e5 || magnitude < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        String text = String.format(Locale.ROOT, "%.3g", value);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text;
    }
}
