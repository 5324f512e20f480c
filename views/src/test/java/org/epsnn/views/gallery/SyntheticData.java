package org.epsnn.views.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.epsnn.model.data.Dataset;

/** Seeded synthetic data that looks like what a training run produces, for the gallery. */
final class SyntheticData {

    static final int SIDE = 28;
    static final int PIXELS = SIDE * SIDE;

    private final Random random;

    SyntheticData(long seed) {
        random = new Random(seed);
    }

    double gaussian() {
        return random.nextGaussian();
    }

    double uniform() {
        return random.nextDouble();
    }

    /**
     * Returns {@code count} receptive fields of 28 x 28 weights plus a bias: an oriented stripe
     * pattern under a Gaussian envelope at a random place, as first-layer weights often look.
     */
    double[][] receptiveFields(int count) {
        double[][] fields = new double[count][PIXELS + 1];
        for (int n = 0; n < count; n++) {
            double centerX = 6 + 16 * uniform();
            double centerY = 6 + 16 * uniform();
            double angle = Math.PI * uniform();
            double wavelength = 5 + 6 * uniform();
            double width = 3 + 4 * uniform();
            double amplitude = 0.4 + 0.6 * uniform();
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    double dx = x - centerX;
                    double dy = y - centerY;
                    double along = dx * Math.cos(angle) + dy * Math.sin(angle);
                    double envelope = Math.exp(-(dx * dx + dy * dy) / (2 * width * width));
                    fields[n][y * SIDE + x] = amplitude * envelope * Math.cos(2 * Math.PI * along / wavelength)
                            + 0.03 * gaussian();
                }
            }
            fields[n][PIXELS] = 0.1 * gaussian();
        }
        return fields;
    }

    /** Returns posterior standard deviations that shrink where a field has large weights, as data pins them down. */
    double[][] standardDeviations(double[][] fields) {
        double[][] spreads = new double[fields.length][PIXELS];
        for (int n = 0; n < fields.length; n++) {
            for (int p = 0; p < PIXELS; p++) {
                spreads[n][p] = 0.05 + 0.6 * Math.exp(-4 * Math.abs(fields[n][p])) + 0.02 * uniform();
            }
        }
        return spreads;
    }

    /** Returns a 28 x 28 image of a digit-like stroke: a ring for 0, a bar for 1, jittered. */
    double[] strokeImage(int label) {
        double[] image = new double[PIXELS];
        double shift = 1.5 * gaussian();
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double dx = x - 14 - shift;
                double dy = y - 14;
                double ink;
                switch (label % 4) {
                    case 0 -> ink = Math.exp(-Math.pow(Math.hypot(dx / 0.8, dy) - 8, 2) / 3);
                    case 1 -> ink = Math.exp(-dx * dx / 3) * (Math.abs(dy) < 10 ? 1 : 0);
                    case 2 -> ink = Math.exp(-Math.pow(dy - 0.9 * dx, 2) / 4) * (Math.abs(dx) < 8 ? 1 : 0)
                            + Math.exp(-Math.pow(dy - 9, 2) / 3) * (Math.abs(dx) < 8 ? 1 : 0);
                    default -> ink = Math.exp(-Math.pow(dx + 0.5 * dy, 2) / 3) * (Math.abs(dy) < 10 ? 1 : 0)
                            + Math.exp(-Math.pow(dy - 2, 2) / 3) * (Math.abs(dx) < 7 ? 1 : 0);
                }
                image[y * SIDE + x] = Math.min(1, Math.max(0, ink + 0.05 * gaussian()));
            }
        }
        return image;
    }

    /** Returns a stroke-digit dataset of {@code rows} 28 x 28 images in four classes. */
    Dataset strokeDigits(int rows) {
        double[] features = new double[rows * PIXELS];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            labels[row] = random.nextInt(4);
            System.arraycopy(strokeImage(labels[row]), 0, features, row * PIXELS, PIXELS);
        }
        return Dataset.classification("stroke digits", rows, PIXELS, features, labels, List.of("0", "1", "2", "7"))
                .image(SIDE, SIDE).build();
    }

    /** Returns the two-moons dataset with Gaussian noise of the given standard deviation. */
    Dataset twoMoons(int rows, double noise) {
        double[] features = new double[rows * 2];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            int label = row % 2;
            double angle = Math.PI * uniform();
            double x = label == 0 ? Math.cos(angle) : 1 - Math.cos(angle);
            double y = label == 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
            features[2 * row] = x + noise * gaussian();
            features[2 * row + 1] = y + noise * gaussian();
            labels[row] = label;
        }
        return Dataset.classification("two moons", rows, 2, features, labels, List.of("upper moon", "lower moon"))
                .featureNames(List.of("x1", "x2")).build();
    }

    /** Returns 1-D regression data from {@code sin(3x)} with no inputs in (-0.3, 0.5). */
    Dataset regressionWithGap(int rows) {
        double[] x = new double[rows];
        double[] y = new double[rows];
        for (int row = 0; row < rows; row++) {
            double input;
            do {
                input = -1.5 + 3 * uniform();
            } while (input > -0.3 && input < 0.5);
            x[row] = input;
            y[row] = Math.sin(3 * input) + 0.15 * gaussian();
        }
        return Dataset.regression("sine with a gap", rows, 1, x, y, List.of("y")).featureNames(List.of("x")).build();
    }

    /** Returns class probabilities over a grid for two moons from a smooth made-up boundary, row 0 at the bottom. */
    static double[] moonProbabilities(int rows, int columns, double xLow, double xHigh, double yLow, double yHigh) {
        double[] probabilities = new double[rows * columns * 2];
        for (int row = 0; row < rows; row++) {
            double y = yLow + (row + 0.5) * (yHigh - yLow) / rows;
            for (int column = 0; column < columns; column++) {
                double x = xLow + (column + 0.5) * (xHigh - xLow) / columns;
                double boundary = 0.25 - 0.6 * Math.sin(2.2 * (x - 0.5));
                double distanceFromData = Math.hypot(x - 0.5, (y - 0.25) * 1.6);
                double sharpness = 6 * Math.exp(-Math.max(0, distanceFromData - 1.3));
                double upper = 1 / (1 + Math.exp(-sharpness * (y - boundary)));
                int offset = (row * columns + column) * 2;
                probabilities[offset] = upper;
                probabilities[offset + 1] = 1 - upper;
            }
        }
        return probabilities;
    }

    /** Returns spike probabilities of a layer: a Beta-like spread with the given mean. */
    double[] spikeProbabilities(int size, double mean) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            double logit = Math.log(mean / (1 - mean)) + 1.6 * gaussian();
            values[i] = 1 / (1 + Math.exp(-logit));
        }
        return values;
    }

    /** Returns a list of {@code count} weights drawn from Normal(mean, standardDeviation). */
    double[] normal(int count, double mean, double standardDeviation) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = mean + standardDeviation * gaussian();
        }
        return values;
    }

    static List<String> digitNames() {
        List<String> names = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            names.add("digit " + digit);
        }
        return names;
    }
}
