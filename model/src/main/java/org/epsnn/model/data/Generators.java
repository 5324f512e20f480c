package org.epsnn.model.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small synthetic datasets generated from a seed: 2-D classification problems, a 1-D regression
 * with a gap in its inputs, and stroke-drawn digit images.
 *
 * <p>Every generator is deterministic: the same arguments give the same dataset on every JVM,
 * because the random numbers come from {@link Random}, whose algorithm its specification fixes,
 * and the trigonometry from {@link StrictMath}. Classes are balanced (their sizes differ by at
 * most one, except in {@link #xor}) and the rows are shuffled. The {@code noise} argument is the
 * standard deviation of Gaussian noise added to each coordinate, in the units of the features
 * (or of the target, for regression).
 */
public final class Generators {

    /** Lower end of the input gap of {@link #gap1d}: no sample has {@code GAP_START < x < GAP_END}. */
    public static final double GAP_START = -1.0;
    /** Upper end of the input gap of {@link #gap1d}. */
    public static final double GAP_END = 1.0;
    /** Outer ends of the input range of {@link #gap1d}: {@code x} lies in {@code [-4, -1] U [1, 4]}. */
    public static final double INPUT_LIMIT = 4.0;

    private static final List<String> PLANE_FEATURES = List.of("x1", "x2");

    private Generators() {
    }

    /**
     * Generates two interleaved half circles: the upper moon {@code (cos t, sin t)} and the lower
     * moon {@code (1 - cos t, 0.5 - sin t)}, with {@code t} uniform in {@code [0, pi]}.
     */
    public static Dataset twoMoons(int samples, double noise, long seed) {
        checkArguments(samples, 2, noise);
        Random random = new Random(seed);
        double[] features = new double[samples * 2];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            int label = i % 2;
            double t = Math.PI * random.nextDouble();
            double x = label == 0 ? StrictMath.cos(t) : 1 - StrictMath.cos(t);
            double y = label == 0 ? StrictMath.sin(t) : 0.5 - StrictMath.sin(t);
            features[2 * i] = x + noise * random.nextGaussian();
            features[2 * i + 1] = y + noise * random.nextGaussian();
            labels[i] = label;
        }
        return shuffled("moons", features, labels, List.of("upper", "lower"), random);
    }

    /** Generates two concentric circles: the outer of radius 1 and the inner of radius 0.5. */
    public static Dataset circles(int samples, double noise, long seed) {
        checkArguments(samples, 2, noise);
        Random random = new Random(seed);
        double[] features = new double[samples * 2];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            int label = i % 2;
            double radius = label == 0 ? 1.0 : 0.5;
            double angle = 2 * Math.PI * random.nextDouble();
            features[2 * i] = radius * StrictMath.cos(angle) + noise * random.nextGaussian();
            features[2 * i + 1] = radius * StrictMath.sin(angle) + noise * random.nextGaussian();
            labels[i] = label;
        }
        return shuffled("circles", features, labels, List.of("outer", "inner"), random);
    }

    /**
     * Generates the XOR problem: four Gaussian clusters of standard deviation {@code noise} centred
     * at {@code (+-1, +-1)}. The label is the sign of the product of the sample's own coordinates
     * (class "same sign" when {@code x1 * x2 > 0}), so a sample that noise moves across an axis
     * changes class and the classes stay separable. Their sizes are therefore only about equal.
     */
    public static Dataset xor(int samples, double noise, long seed) {
        checkArguments(samples, 2, noise);
        Random random = new Random(seed);
        double[] features = new double[samples * 2];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            int quadrant = i % 4;
            double centreX = quadrant == 0 || quadrant == 3 ? 1.0 : -1.0;
            double centreY = quadrant < 2 ? 1.0 : -1.0;
            double x = centreX + noise * random.nextGaussian();
            double y = centreY + noise * random.nextGaussian();
            features[2 * i] = x;
            features[2 * i + 1] = y;
            labels[i] = x * y > 0 ? 0 : 1;
        }
        return shuffled("xor", features, labels, List.of("same sign", "opposite sign"), random);
    }

    /**
     * Generates two interleaved spiral arms, the second the first turned by 180 degrees. Along an
     * arm the angle grows from {@code pi / 4} by one and a half turns while the radius grows in
     * proportion to it, up to 1.
     */
    public static Dataset spirals(int samples, double noise, long seed) {
        checkArguments(samples, 2, noise);
        Random random = new Random(seed);
        double startAngle = Math.PI / 4;
        double endAngle = startAngle + 3 * Math.PI;
        double[] features = new double[samples * 2];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            int label = i % 2;
            double angle = startAngle + (endAngle - startAngle) * random.nextDouble();
            double radius = angle / endAngle;
            double turned = angle + label * Math.PI;
            features[2 * i] = radius * StrictMath.cos(turned) + noise * random.nextGaussian();
            features[2 * i + 1] = radius * StrictMath.sin(turned) + noise * random.nextGaussian();
            labels[i] = label;
        }
        return shuffled("spirals", features, labels, List.of("first arm", "second arm"), random);
    }

    /**
     * Generates {@code classes} isotropic Gaussian blobs of standard deviation {@code noise}, their
     * centres evenly spaced on a circle of radius 3 around the origin.
     */
    public static Dataset blobs(int samples, int classes, double noise, long seed) {
        if (classes < 2) {
            throw new IllegalArgumentException("Blobs need at least 2 classes, got " + classes);
        }
        checkArguments(samples, classes, noise);
        Random random = new Random(seed);
        double[] features = new double[samples * 2];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            int label = i % classes;
            double angle = 2 * Math.PI * label / classes;
            features[2 * i] = 3 * StrictMath.cos(angle) + noise * random.nextGaussian();
            features[2 * i + 1] = 3 * StrictMath.sin(angle) + noise * random.nextGaussian();
            labels[i] = label;
        }
        List<String> classNames = new ArrayList<>();
        for (int label = 0; label < classes; label++) {
            classNames.add(String.valueOf(label));
        }
        return shuffled("blobs", features, labels, classNames, random);
    }

    /**
     * Generates a 1-D regression with a gap: {@code x} uniform in {@code [-4, -1] U [1, 4]}, half
     * the samples on each side, and {@code y = sin(x) + noise * N(0, 1)}. No input falls inside
     * {@code (-1, 1)}, where a Bayesian model should widen its predictive band.
     */
    public static Dataset gap1d(int samples, double noise, long seed) {
        checkArguments(samples, 2, noise);
        Random random = new Random(seed);
        double[] inputs = new double[samples];
        double[] targets = new double[samples];
        for (int i = 0; i < samples; i++) {
            double distance = GAP_END + (INPUT_LIMIT - GAP_END) * random.nextDouble();
            double x = i % 2 == 0 ? -distance : distance;
            inputs[i] = x;
            targets[i] = StrictMath.sin(x) + noise * random.nextGaussian();
        }
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        Splits.shuffle(order, random);
        double[] shuffledInputs = new double[samples];
        double[] shuffledTargets = new double[samples];
        for (int i = 0; i < samples; i++) {
            shuffledInputs[i] = inputs[order[i]];
            shuffledTargets[i] = targets[order[i]];
        }
        return Dataset.regression("gap1d", samples, 1, shuffledInputs, shuffledTargets, List.of("y"))
                .featureNames(List.of("x"))
                .build();
    }

    /**
     * Generates stroke-drawn digits 0 to 9 on a {@code size x size} grid, with the default jitter
     * of {@link StrokeDigits.Options} and Gaussian pixel noise of standard deviation {@code noise}.
     */
    public static Dataset strokeDigits(int samples, int size, double noise, long seed) {
        StrokeDigits.Options options = StrokeDigits.Options.defaults().withSize(size).withPixelNoise(noise);
        return StrokeDigits.generate(samples, options, seed);
    }

    static void checkArguments(int samples, int classes, double noise) {
        if (samples < classes) {
            throw new IllegalArgumentException("Sample count must be at least " + classes + ", one per class, got "
                    + samples);
        }
        if (!(noise >= 0.0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("Noise must be a finite standard deviation of 0 or more, got " + noise);
        }
    }

    /** Builds a classification dataset of 2-D points with the rows in random order. */
    private static Dataset shuffled(String name, double[] features, int[] labels, List<String> classNames,
                                    Random random) {
        int[] order = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Splits.shuffle(order, random);
        return Dataset.classification(name, labels.length, 2, features, labels, classNames)
                .featureNames(PLANE_FEATURES)
                .build()
                .select(name, order);
    }
}
