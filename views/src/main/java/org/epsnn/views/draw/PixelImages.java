package org.epsnn.views.draw;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Draws small pixel images (such as 28 x 28 receptive fields) enlarged with sharp pixel edges.
 *
 * <p>The image is scaled here, by nearest neighbour, to the pixel size it occupies, and then drawn
 * unscaled. Drawing it scaled instead would leave the interpolation to the target: the JavaFX
 * canvas, PNG and SVG viewers each smooth differently and blur the pixels.
 */
public final class PixelImages {

    private PixelImages() {
    }

    /**
     * Draws the {@code sourceWidth x sourceHeight} ARGB pixels (row-major, top row first) into the
     * rectangle at ({@code x}, {@code y}) of {@code width x height} pixels, rounded to whole pixels.
     */
    public static void draw(Graphics2D g, int[] argb, int sourceWidth, int sourceHeight,
                            double x, double y, double width, double height) {
        int left = (int) Math.round(x);
        int top = (int) Math.round(y);
        int targetWidth = (int) Math.round(x + width) - left;
        int targetHeight = (int) Math.round(y + height) - top;
        if (targetWidth <= 0 || targetHeight <= 0) {
            return;
        }
        g.drawImage(scaleNearest(argb, sourceWidth, sourceHeight, targetWidth, targetHeight), left, top, null);
    }

    /** Returns a {@code targetWidth x targetHeight} image whose every pixel copies its nearest source pixel. */
    public static BufferedImage scaleNearest(int[] argb, int sourceWidth, int sourceHeight,
                                             int targetWidth, int targetHeight) {
        Sheet sheet = new Sheet(targetWidth, targetHeight);
        sheet.put(argb, sourceWidth, sourceHeight, 0, 0, targetWidth, targetHeight);
        return sheet.image();
    }

    /**
     * A transparent image onto which many small images are placed, each enlarged by nearest
     * neighbour, so that a grid of hundreds of images is drawn as one image.
     */
    public static final class Sheet {

        private final BufferedImage image;
        private final int[] pixels;
        private final int width;
        private final int height;

        public Sheet(int width, int height) {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("Image sheet size must be positive, got " + width + " x " + height);
            }
            this.width = width;
            this.height = height;
            this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        }

        /**
         * Places the {@code sourceWidth x sourceHeight} ARGB pixels (row-major) into the rectangle at
         * ({@code left}, {@code top}) of {@code targetWidth x targetHeight} pixels; parts outside the
         * sheet are cut off.
         */
        public void put(int[] argb, int sourceWidth, int sourceHeight,
                        int left, int top, int targetWidth, int targetHeight) {
            if (argb.length < sourceWidth * sourceHeight) {
                throw new IllegalArgumentException("Image of " + sourceWidth + " x " + sourceHeight + " pixels needs "
                        + sourceWidth * sourceHeight + " values, got " + argb.length);
            }
            int firstColumn = Math.max(0, -left);
            int lastColumn = Math.min(targetWidth, width - left);
            int firstRow = Math.max(0, -top);
            int lastRow = Math.min(targetHeight, height - top);
            if (firstColumn >= lastColumn || firstRow >= lastRow) {
                return;
            }

            int[] sourceColumn = new int[targetWidth];
            for (int column = firstColumn; column < lastColumn; column++) {
                sourceColumn[column] = Math.min(sourceWidth - 1, (int) ((column + 0.5) * sourceWidth / targetWidth));
            }
            for (int row = firstRow; row < lastRow; row++) {
                int sourceRow = Math.min(sourceHeight - 1, (int) ((row + 0.5) * sourceHeight / targetHeight));
                int sourceOffset = sourceRow * sourceWidth;
                int targetOffset = (top + row) * width + left;
                for (int column = firstColumn; column < lastColumn; column++) {
                    pixels[targetOffset + column] = argb[sourceOffset + sourceColumn[column]];
                }
            }
        }

        public BufferedImage image() {
            return image;
        }
    }
}
