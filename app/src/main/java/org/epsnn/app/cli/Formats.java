package org.epsnn.app.cli;

import java.util.Locale;

/** Number and duration formats of the console output, the same under every default locale. */
final class Formats {

    private Formats() {
    }

    /** Formats a fraction as a percentage with two decimals, "n/a" for NaN. */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }

    /** Formats a value with the given number of significant digits, "n/a" for NaN. */
    static String significant(double value, int digits) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + digits + "g", value);
    }

    /** Formats a value with the given number of decimals, "n/a" for NaN. */
    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * Formats training seconds with three decimals below 1 s, two below 10 s and one from then on
     * (0.012, 4.21, 35.2), so that passes of milliseconds do not all read 0.0.
     */
    static String seconds(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double size = Math.abs(value);
        if (size < 1) {
            return fixed(value, 3);
        }
        return fixed(value, size < 10 ? 2 : 1);
    }

    /** Formats seconds as {@code m:ss}, or {@code h:mm:ss} from one hour on; "?" when unknown. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long total = Math.round(seconds);
        long hours = total / 3600;
        long minutes = total / 60 % 60;
        long rest = total % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}
