package org.epsnn.views;

/**
 * Colour maps for heatmaps and images, each a 256-entry lookup table interpolated linearly in
 * sRGB between a few control colours.
 */
public enum ColorMap {
    /** White for the lowest value to black for the highest, like ink on paper. */
    GREYSCALE(0xffffff, 0x000000),
    /** White to dark blue: a light sequential map for probabilities in [0, 1]. */
    BLUES(0xf7fbff, 0xc6dbef, 0x6baed6, 0x2171b5, 0x08306b),
    /** White to dark purple: a light sequential map for uncertainties such as entropy. */
    PURPLES(0xfcfbfd, 0xdadaeb, 0x9e9ac8, 0x6a51a3, 0x3f007d),
    /** Viridis, perceptually uniform from dark purple to yellow: for spreads such as standard deviations. */
    VIRIDIS(0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725),
    /** Blue for negative through white at the centre to red for positive: for signed values centred at 0. */
    BLUE_WHITE_RED(0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xf7f7f7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f);

    private static final int TABLE_SIZE = 256;

    private final int[] table = new int[TABLE_SIZE];

    ColorMap(int... controlColors) {
        for (int i = 0; i < TABLE_SIZE; i++) {
            double position = i / (double) (TABLE_SIZE - 1) * (controlColors.length - 1);
            int lower = Math.min((int) position, controlColors.length - 2);
            double fraction = position - lower;
            table[i] = 0xff000000 | mix(controlColors[lower], controlColors[lower + 1], fraction);
        }
    }

    /** Returns whether the map is meant for values centred at 0, with the neutral colour in the middle. */
    public boolean isDiverging() {
        return this == BLUE_WHITE_RED;
    }

    /**
     * Returns the opaque ARGB colour at {@code fraction} of the map: 0 is the low end and 1 the
     * high end. Values outside [0, 1] are clamped; NaN returns {@link ChartTheme#MISSING}.
     */
    public int argb(double fraction) {
        if (Double.isNaN(fraction)) {
            return ChartTheme.MISSING.getRGB();
        }
        int index = (int) Math.round(Math.max(0, Math.min(1, fraction)) * (TABLE_SIZE - 1));
        return table[index];
    }

    /** Returns the colour of {@code value} when the map spans {@code [low, high]}. */
    public int argb(double value, double low, double high) {
        return argb(high > low ? (value - low) / (high - low) : 0.5);
    }

    /** Returns the same colour as {@link #argb(double)} as an AWT colour. */
    public java.awt.Color color(double fraction) {
        return new java.awt.Color(argb(fraction), true);
    }

    private static int mix(int from, int to, double fraction) {
        int red = channel(from >> 16, to >> 16, fraction);
        int green = channel(from >> 8, to >> 8, fraction);
        int blue = channel(from, to, fraction);
        return red << 16 | green << 8 | blue;
    }

    private static int channel(int from, int to, double fraction) {
        int a = from & 0xff;
        int b = to & 0xff;
        return (int) Math.round(a + (b - a) * fraction);
    }
}
