package org.epsnn.model.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates images of the digits 0 to 9 drawn from stroke paths, so that image training works
 * without a download and without system fonts.
 *
 * <p>Each digit is a fixed set of polylines and elliptic arcs in a unit square (x to the right,
 * y downwards). For every sample the paths are bent by a smooth random warp, then rotated, scaled
 * (separately in x and y) and shifted at random, and drawn with a random stroke thickness and
 * anti-aliased edges onto a square grid. Gaussian pixel noise is added and every pixel is clipped
 * to {@code [0, 1]}. The random numbers come from {@link Random} and the trigonometry from
 * {@link StrictMath}, so a seed gives the same images on every JVM.
 */
public final class StrokeDigits {

    /** Class names of the generated dataset. */
    public static final List<String> CLASS_NAMES = IdxReader.DIGIT_CLASS_NAMES;

    /** Share of the grid width that the unit square of a glyph covers before scaling. */
    private static final double GLYPH_EXTENT = 0.75;
    /** Line segments per full turn of an arc. */
    private static final int SEGMENTS_PER_TURN = 24;

    private static final List<List<double[]>> GLYPHS = List.of(
            glyph(arc(0.5, 0.5, 0.3, 0.42, 0, 360)),
            glyph(path(0.32, 0.25, 0.52, 0.08, 0.52, 0.92)),
            glyph(join(arc(0.5, 0.3, 0.26, 0.22, 190, 400), path(0.22, 0.92, 0.8, 0.92))),
            glyph(arc(0.48, 0.29, 0.24, 0.2, 200, 450), arc(0.48, 0.7, 0.27, 0.22, 270, 520)),
            glyph(path(0.66, 0.92, 0.66, 0.08, 0.18, 0.66, 0.84, 0.66)),
            glyph(join(path(0.76, 0.08, 0.32, 0.08, 0.28, 0.46), arc(0.5, 0.66, 0.27, 0.26, 225, 500))),
            glyph(path(0.7, 0.1, 0.5, 0.22, 0.34, 0.42, 0.27, 0.66), arc(0.5, 0.68, 0.23, 0.22, 0, 360)),
            glyph(path(0.2, 0.08, 0.8, 0.08, 0.42, 0.92)),
            glyph(arc(0.5, 0.28, 0.2, 0.19, 0, 360), arc(0.5, 0.7, 0.25, 0.21, 0, 360)),
            glyph(arc(0.5, 0.32, 0.23, 0.22, 0, 360), path(0.73, 0.32, 0.7, 0.6, 0.6, 0.92)));

    private StrokeDigits() {
    }

    /**
     * Settings of the random variation between samples. Lengths are in units of the grid width.
     *
     * @param size width and height of the images in pixels, at least 8
     * @param maxRotationDegrees maximum rotation either way
     * @param minScale minimum scale of the glyph
     * @param maxScale maximum scale of the glyph
     * @param maxAspectChange maximum relative stretch of x against y: x is scaled by {@code 1 + a}
     *     and y by {@code 1 - a}, with {@code a} uniform in {@code [-maxAspectChange, maxAspectChange]}
     * @param maxShift maximum shift of the glyph centre along each axis
     * @param maxWarp maximum amplitude of the smooth sinusoidal bend of the strokes
     * @param minThickness minimum stroke thickness
     * @param maxThickness maximum stroke thickness
     * @param pixelNoise standard deviation of the Gaussian noise added to each pixel
     */
    public record Options(int size, double maxRotationDegrees, double minScale, double maxScale,
                          double maxAspectChange, double maxShift, double maxWarp, double minThickness,
                          double maxThickness, double pixelNoise) {

        public Options {
            if (size < 8) {
                throw new IllegalArgumentException("Image size must be at least 8 pixels, got " + size);
            }
            requireRange("rotation", 0, maxRotationDegrees, 180);
            requireRange("minimum scale", 0.1, minScale, maxScale);
            requireRange("maximum scale", minScale, maxScale, 2);
            requireRange("aspect change", 0, maxAspectChange, 0.5);
            requireRange("shift", 0, maxShift, 0.5);
            requireRange("warp", 0, maxWarp, 0.2);
            requireRange("minimum thickness", 0.01, minThickness, maxThickness);
            requireRange("maximum thickness", minThickness, maxThickness, 0.5);
            requireRange("pixel noise", 0, pixelNoise, 1);
        }

        /**
         * Returns the defaults: 14 x 14 pixels, up to 12 degrees of rotation, scale 0.85 to 1.1
         * and aspect change up to 0.1. Shift, warp and thickness are up to 0.06, up to 0.03 and
         * 0.08 to 0.14 of the grid width, and the pixel noise is 0.1.
         */
        public static Options defaults() {
            return new Options(14, 12, 0.85, 1.1, 0.1, 0.06, 0.03, 0.08, 0.14, 0.1);
        }

        public Options withSize(int newSize) {
            return new Options(newSize, maxRotationDegrees, minScale, maxScale, maxAspectChange, maxShift, maxWarp,
                    minThickness, maxThickness, pixelNoise);
        }

        public Options withPixelNoise(double newPixelNoise) {
            return new Options(size, maxRotationDegrees, minScale, maxScale, maxAspectChange, maxShift, maxWarp,
                    minThickness, maxThickness, newPixelNoise);
        }

        private static void requireRange(String name, double min, double value, double max) {
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException("Stroke digit " + name + " must be between " + min + " and " + max
                        + ", got " + value);
            }
        }
    }

    /**
     * Generates {@code samples} digit images, the ten classes balanced (sizes differ by at most
     * one) and the rows shuffled. Pixels are in {@code [0, 1]} and the dataset is marked as
     * {@code size x size} images.
     */
    public static Dataset generate(int samples, Options options, long seed) {
        Generators.checkArguments(samples, CLASS_NAMES.size(), options.pixelNoise());
        Random random = new Random(seed);
        int size = options.size();
        int pixels = size * size;
        double[] features = new double[samples * pixels];
        int[] labels = new int[samples];
        double[] image = new double[pixels];
        for (int i = 0; i < samples; i++) {
            int digit = i % CLASS_NAMES.size();
            List<double[]> strokes = jitter(GLYPHS.get(digit), options, random);
            double thickness = uniform(random, options.minThickness(), options.maxThickness());
            rasterise(strokes, thickness, size, image);
            for (int pixel = 0; pixel < pixels; pixel++) {
                double noisy = image[pixel] + options.pixelNoise() * random.nextGaussian();
                features[i * pixels + pixel] = Math.min(1.0, Math.max(0.0, noisy));
            }
            labels[i] = digit;
        }

        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        Splits.shuffle(order, random);
        return Dataset.classification("strokes", samples, pixels, features, labels, CLASS_NAMES)
                .image(size, size)
                .build()
                .select("strokes", order);
    }

    /**
     * Returns the image of a digit as drawn without any variation or noise, with the mean
     * default thickness: the template that the samples vary around.
     */
    static double[] renderTemplate(int digit, int size) {
        Options defaults = Options.defaults();
        double thickness = (defaults.minThickness() + defaults.maxThickness()) / 2;
        List<double[]> strokes = new ArrayList<>();
        for (double[] stroke : GLYPHS.get(digit)) {
            double[] placed = new double[stroke.length];
            for (int k = 0; k < stroke.length; k++) {
                placed[k] = 0.5 + (stroke[k] - 0.5) * GLYPH_EXTENT;
            }
            strokes.add(placed);
        }
        double[] image = new double[size * size];
        rasterise(strokes, thickness, size, image);
        return image;
    }

    /** Warps and transforms the strokes of a glyph into grid coordinates, where {@code [0, 1]} spans the grid. */
    private static List<double[]> jitter(List<double[]> glyph, Options options, Random random) {
        double rotation = Math.toRadians(uniform(random, -options.maxRotationDegrees(), options.maxRotationDegrees()));
        double scale = uniform(random, options.minScale(), options.maxScale()) * GLYPH_EXTENT;
        double aspect = uniform(random, -options.maxAspectChange(), options.maxAspectChange());
        double scaleX = scale * (1 + aspect);
        double scaleY = scale * (1 - aspect);
        double shiftX = uniform(random, -options.maxShift(), options.maxShift());
        double shiftY = uniform(random, -options.maxShift(), options.maxShift());
        double warpX = uniform(random, -options.maxWarp(), options.maxWarp());
        double warpY = uniform(random, -options.maxWarp(), options.maxWarp());
        double phaseX = uniform(random, 0, 2 * Math.PI);
        double phaseY = uniform(random, 0, 2 * Math.PI);
        double cos = StrictMath.cos(rotation);
        double sin = StrictMath.sin(rotation);

        List<double[]> strokes = new ArrayList<>(glyph.size());
        for (double[] stroke : glyph) {
            double[] placed = new double[stroke.length];
            for (int k = 0; k < stroke.length; k += 2) {
                // A bend of one period across the square, x displaced as a function of y and vice versa.
                double u = stroke[k] + warpX * StrictMath.sin(2 * Math.PI * stroke[k + 1] + phaseX) - 0.5;
                double v = stroke[k + 1] + warpY * StrictMath.sin(2 * Math.PI * stroke[k] + phaseY) - 0.5;
                u *= scaleX;
                v *= scaleY;
                placed[k] = 0.5 + shiftX + cos * u - sin * v;
                placed[k + 1] = 0.5 + shiftY + sin * u + cos * v;
            }
            strokes.add(placed);
        }
        return strokes;
    }

    /**
     * Draws polylines of the given thickness onto a {@code size x size} image, overwriting it. A
     * pixel is 1 when its centre lies within half the thickness of a stroke, and falls off
     * linearly to 0 over one pixel width beyond that, which anti-aliases the edges.
     */
    private static void rasterise(List<double[]> strokes, double thickness, int size, double[] image) {
        double pixelWidth = 1.0 / size;
        double halfThickness = thickness / 2;
        for (int row = 0; row < size; row++) {
            double y = (row + 0.5) * pixelWidth;
            for (int column = 0; column < size; column++) {
                double x = (column + 0.5) * pixelWidth;
                double distance = distanceToStrokes(strokes, x, y);
                double intensity = (halfThickness + pixelWidth / 2 - distance) / pixelWidth;
                image[row * size + column] = Math.min(1.0, Math.max(0.0, intensity));
            }
        }
    }

    private static double distanceToStrokes(List<double[]> strokes, double x, double y) {
        double minSquared = Double.POSITIVE_INFINITY;
        for (double[] stroke : strokes) {
            for (int k = 0; k + 3 < stroke.length; k += 2) {
                minSquared = Math.min(minSquared,
                        squaredDistanceToSegment(x, y, stroke[k], stroke[k + 1], stroke[k + 2], stroke[k + 3]));
            }
        }
        return Math.sqrt(minSquared);
    }

    private static double squaredDistanceToSegment(double x, double y, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((x - x0) * dx + (y - y0) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        double ex = x0 + t * dx - x;
        double ey = y0 + t * dy - y;
        return ex * ex + ey * ey;
    }

    private static double uniform(Random random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** Number of glyph templates, one per digit. */
    static int glyphCount() {
        return GLYPHS.size();
    }

    private static List<double[]> glyph(double[]... strokes) {
        return List.of(strokes);
    }

    /** Returns a polyline through the given points {@code x0, y0, x1, y1, ...}. */
    private static double[] path(double... points) {
        return points.clone();
    }

    /**
     * Returns an elliptic arc around {@code (centreX, centreY)} as a polyline, from angle
     * {@code startDegrees} to {@code endDegrees}. Because y points down, growing angles run
     * clockwise on screen: -90 is the top, 0 the right, 90 the bottom.
     */
    private static double[] arc(double centreX, double centreY, double radiusX, double radiusY,
                                double startDegrees, double endDegrees) {
        int segments = Math.max(2, (int) Math.ceil(Math.abs(endDegrees - startDegrees) / 360 * SEGMENTS_PER_TURN));
        double[] points = new double[2 * (segments + 1)];
        for (int k = 0; k <= segments; k++) {
            double angle = Math.toRadians(startDegrees + (endDegrees - startDegrees) * k / segments);
            points[2 * k] = centreX + radiusX * StrictMath.cos(angle);
            points[2 * k + 1] = centreY + radiusY * StrictMath.sin(angle);
        }
        return points;
    }

    /** Joins polylines into one, each starting where the previous one ends. */
    private static double[] join(double[]... parts) {
        int length = 0;
        for (double[] part : parts) {
            length += part.length;
        }
        double[] joined = new double[length];
        int offset = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, joined, offset, part.length);
            offset += part.length;
        }
        return joined;
    }
}
