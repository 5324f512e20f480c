package org.epsnn.model.data;

import java.util.SplittableRandom;

/**
 * Inputs moved off the training distribution, to check that predictive uncertainty rises there:
 * images rotated about their centre, images with inverted grey levels, and uniform noise.
 *
 * <p>Every function expects grey levels in {@code [0, 1]}, as the IDX reader and the stroke-digit
 * generator produce them, and returns new arrays; the inputs are never modified.
 */
public final class ShiftedInputs {

    private ShiftedInputs() {
    }

    /**
     * Rotates a {@code height x width} row-major image counter-clockwise by {@code degrees} about
     * its centre, with bilinear interpolation; pixels that come from outside the image are 0.
     * Multiples of 90 degrees on a square image move every pixel exactly onto another pixel.
     */
    public static double[] rotate(double[] image, int width, int height, double degrees) {
        checkImage(image, width, height);
        double radians = Math.toRadians(degrees);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double centreX = (width - 1) / 2.0;
        double centreY = (height - 1) / 2.0;
        double[] rotated = new double[image.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Inverse map: the source of output pixel (x, y), with y pointing down on screen.
                double dx = x - centreX;
                double dy = y - centreY;
                double sourceX = centreX + cos * dx - sin * dy;
                double sourceY = centreY + sin * dx + cos * dy;
                rotated[y * width + x] = bilinear(image, width, height, sourceX, sourceY);
            }
        }
        return rotated;
    }

    private static double bilinear(double[] image, int width, int height, double x, double y) {
        // Snap values within rounding error of a pixel centre, so that 90-degree turns stay exact.
        double roundedX = Math.rint(x);
        double roundedY = Math.rint(y);
        if (Math.abs(x - roundedX) < 1e-9) {
            x = roundedX;
        }
        if (Math.abs(y - roundedY) < 1e-9) {
            y = roundedY;
        }
        int left = (int) Math.floor(x);
        int top = (int) Math.floor(y);
        double fractionX = x - left;
        double fractionY = y - top;
        double value = 0;
        for (int j = 0; j <= 1; j++) {
            for (int i = 0; i <= 1; i++) {
                double weight = (i == 0 ? 1 - fractionX : fractionX) * (j == 0 ? 1 - fractionY : fractionY);
                int column = left + i;
                int row = top + j;
                if (weight > 0 && column >= 0 && column < width && row >= 0 && row < height) {
                    value += weight * image[row * width + column];
                }
            }
        }
        return value;
    }

    /** Returns {@code 1 - v} for every grey level {@code v}: white strokes on black become black on white. */
    public static double[] invert(double[] values) {
        double[] inverted = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            inverted[i] = 1.0 - values[i];
        }
        return inverted;
    }

    /** Returns {@code count} values drawn uniformly from {@code [0, 1)}. */
    public static double[] uniformNoise(int count, SplittableRandom random) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextDouble();
        }
        return values;
    }

    /** Returns a copy of an image dataset with every image rotated by {@code degrees}; labels stay. */
    public static Dataset rotated(Dataset images, double degrees) {
        requireImages(images);
        int width = images.imageWidth();
        int height = images.imageHeight();
        int pixels = width * height;
        double[] features = new double[images.features().length];
        for (int r = 0; r < images.rows(); r++) {
            double[] image = java.util.Arrays.copyOfRange(images.features(), r * pixels, (r + 1) * pixels);
            System.arraycopy(rotate(image, width, height, degrees), 0, features, r * pixels, pixels);
        }
        return images.withFeatures(features);
    }

    /** Returns a copy of a dataset with every feature inverted; labels stay. */
    public static Dataset inverted(Dataset data) {
        return data.withFeatures(invert(data.features()));
    }

    /** Returns a copy of a dataset whose features are uniform noise from {@code seed}; labels stay but mean nothing. */
    public static Dataset noise(Dataset data, long seed) {
        return data.withFeatures(uniformNoise(data.features().length, new SplittableRandom(seed)));
    }

    private static void checkImage(double[] image, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Image size must be positive, got " + width + " x " + height);
        }
        if (image.length != width * height) {
            throw new IllegalArgumentException("Image of " + width + " x " + height + " needs " + width * height
                    + " values, got " + image.length);
        }
    }

    private static void requireImages(Dataset data) {
        if (!data.isImage()) {
            throw new IllegalArgumentException("Dataset '" + data.name() + "' is not an image dataset, so it cannot be rotated");
        }
    }
}
