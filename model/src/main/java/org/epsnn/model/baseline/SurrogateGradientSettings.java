package org.epsnn.model.baseline;

import java.util.Locale;

/**
 * The settings of a surrogate-gradient run. Build with {@link #defaults()} and the
 * {@code with...} methods; every value is checked when set, and messages name the setting and the
 * value.
 *
 * @param learningRate Adam step size, positive
 * @param slope steepness {@code k} of the surrogate sigmoid {@code s(k u)} whose derivative
 *     replaces the Heaviside step's derivative, positive
 * @param batchSize samples per gradient step
 * @param passes number of passes over the training data
 * @param seed seed of the weight initialisation and of the sample order
 * @param threads threads for the matrix products
 * @param beta1 Adam decay rate of the first moment, in [0, 1)
 * @param beta2 Adam decay rate of the second moment, in [0, 1)
 * @param epsilon Adam term added to the root of the second moment, positive
 */
public record SurrogateGradientSettings(double learningRate, double slope, int batchSize, int passes, long seed,
                                        int threads, double beta1, double beta2, double epsilon) {

    /** Default Adam step size. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    /** Default surrogate slope. */
    public static final double DEFAULT_SLOPE = 5.0;

    public SurrogateGradientSettings {
        check(learningRate > 0 && Double.isFinite(learningRate), "Learning rate must be positive and finite, got " + learningRate);
        check(slope > 0 && Double.isFinite(slope), "Surrogate slope must be positive and finite, got " + slope);
        check(batchSize >= 1, "Batch size must be at least 1, got " + batchSize);
        check(passes >= 0, "Number of passes must be 0 or more, got " + passes);
        check(threads >= 1, "Thread count must be at least 1, got " + threads);
        check(beta1 >= 0 && beta1 < 1, "Adam beta1 must lie in [0, 1), got " + beta1);
        check(beta2 >= 0 && beta2 < 1, "Adam beta2 must lie in [0, 1), got " + beta2);
        check(epsilon > 0 && Double.isFinite(epsilon), "Adam epsilon must be positive and finite, got " + epsilon);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Returns learning rate 1e-3, slope 5, batch 100, one pass, seed 1, one thread, and the usual
     * Adam decay rates and epsilon (0.9, 0.999, 1e-8).
     */
    public static SurrogateGradientSettings defaults() {
        return new SurrogateGradientSettings(DEFAULT_LEARNING_RATE, DEFAULT_SLOPE, 100, 1, 1L, 1, 0.9, 0.999, 1e-8);
    }

    public SurrogateGradientSettings withLearningRate(double value) {
        return new SurrogateGradientSettings(value, slope, batchSize, passes, seed, threads, beta1, beta2, epsilon);
    }

    public SurrogateGradientSettings withSlope(double value) {
        return new SurrogateGradientSettings(learningRate, value, batchSize, passes, seed, threads, beta1, beta2, epsilon);
    }

    public SurrogateGradientSettings withBatchSize(int value) {
        return new SurrogateGradientSettings(learningRate, slope, value, passes, seed, threads, beta1, beta2, epsilon);
    }

    public SurrogateGradientSettings withPasses(int value) {
        return new SurrogateGradientSettings(learningRate, slope, batchSize, value, seed, threads, beta1, beta2, epsilon);
    }

    public SurrogateGradientSettings withSeed(long value) {
        return new SurrogateGradientSettings(learningRate, slope, batchSize, passes, value, threads, beta1, beta2, epsilon);
    }

    public SurrogateGradientSettings withThreads(int value) {
        return new SurrogateGradientSettings(learningRate, slope, batchSize, passes, seed, value, beta1, beta2, epsilon);
    }

    public SurrogateGradientSettings withAdam(double newBeta1, double newBeta2, double newEpsilon) {
        return new SurrogateGradientSettings(learningRate, slope, batchSize, passes, seed, threads, newBeta1, newBeta2, newEpsilon);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Adam learning rate %s (beta1 %s, beta2 %s, epsilon %s), surrogate slope %s,"
                + " batch %d, %d passes, seed %d, %d threads", learningRate, beta1, beta2, epsilon, slope, batchSize,
                passes, seed, threads);
    }
}
