package org.epsnn.model.training;

import java.util.Arrays;

/**
 * The settings of an EP training run. Build with {@link #defaults()} and the {@code with...}
 * methods; every value is checked when set, and messages name the setting and the value.
 *
 * @param firstBatchSize batch size {@code B1} of the first pass (assumed density filtering);
 *     small, because sites computed from one cavity overshoot when many are added at once
 * @param batchSize batch size {@code B} of later passes (stochastic EP)
 * @param passes number of passes over the training data
 * @param damping damping of later passes in (0, 1]; NaN means {@code min(1, 100 / B)}
 * @param dampingSchedule damping of later passes 2, 3, ... in order, the last value repeating;
 *     empty means the constant {@code damping}
 * @param adaptiveDamping whether each neuron's site change is scaled by how much its samples agree
 * @param seed seed of the shuffling (and, when the network is created by the caller, of its prior)
 * @param threads threads for the matrix products and element-wise loops
 * @param warmupSamples samples of the first pass taken at {@code firstBatchSize} before switching
 *     to {@code batchSize}; negative means the whole first pass
 * @param evaluationInterval evaluate on the test data every this many batches; 0 means only after each pass
 * @param trainEvaluationSamples training samples evaluated after each pass (a seeded subset);
 *     0 skips it, negative evaluates all
 */
public record TrainingSettings(int firstBatchSize, int batchSize, int passes, double damping,
                               double[] dampingSchedule, boolean adaptiveDamping, long seed, int threads,
                               int warmupSamples, int evaluationInterval, int trainEvaluationSamples) {

    public TrainingSettings {
        check(firstBatchSize >= 1, "First-pass batch size must be at least 1, got " + firstBatchSize);
        check(batchSize >= 1, "Batch size must be at least 1, got " + batchSize);
        check(passes >= 0, "Number of passes must be 0 or more, got " + passes);
        check(Double.isNaN(damping) || (damping > 0 && damping <= 1), "Damping must lie in (0, 1], got " + damping);
        dampingSchedule = dampingSchedule == null ? new double[0] : dampingSchedule.clone();
        for (int i = 0; i < dampingSchedule.length; i++) {
            double value = dampingSchedule[i];
            check(value > 0 && value <= 1, "Damping schedule entry " + (i + 1) + " must lie in (0, 1], got " + value);
        }
        check(threads >= 1, "Thread count must be at least 1, got " + threads);
        check(evaluationInterval >= 0, "Evaluation interval must be 0 or more batches, got " + evaluationInterval);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Plain EP: first pass at batch 10, later passes at batch 100, one pass, seed 1, one thread. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(10, 100, 1, Double.NaN, new double[0], false, 1L, 1, -1, 0, 10_000);
    }

    public TrainingSettings withFirstBatchSize(int value) {
        return new TrainingSettings(value, batchSize, passes, damping, dampingSchedule, adaptiveDamping, seed, threads,
                warmupSamples, evaluationInterval, trainEvaluationSamples);
    }

    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(firstBatchSize, value, passes, damping, dampingSchedule, adaptiveDamping, seed, threads,
                warmupSamples, evaluationInterval, trainEvaluationSamples);
    }

    public TrainingSettings withPasses(int value) {
        return new TrainingSettings(firstBatchSize, batchSize, value, damping, dampingSchedule, adaptiveDamping, seed, threads,
                warmupSamples, evaluationInterval, trainEvaluationSamples);
    }

    public TrainingSettings withDamping(double value) {
        return new TrainingSettings(firstBatchSize, batchSize, passes, value, dampingSchedule, adaptiveDamping, seed, threads,
                warmupSamples, evaluationInterval, trainEvaluationSamples);
    }

    public TrainingSettings withDampingSchedule(double[] value) {
        return new TrainingSettings(firstBatchSize, batchSize, passes, damping, value, adaptiveDamping, seed, threads,
                warmupSamples, evaluationInterval, trainEvaluationSamples);
    }

    public TrainingSettings withAdaptiveDamping(boolean value) {
        return new TrainingSettings(firstBatchSize, batchSize, passes, damping, dampingSchedule, value, seed, threads,
                warmupSamples, evaluationInterval, trainEvaluationSamples);
    }

    public TrainingSettings withSeed(long value) {
        return new TrainingSettings(firstBatchSize, batchSize, passes, damping, dampingSchedule, adaptiveDamping, value, threads,
                warmupSamples, evaluationInterval, trainEvaluationSamples);
    }

    public TrainingSettings withThreads(int value) {
        return new TrainingSettings(firstBatchSize, batchSize, passes, damping, dampingSchedule, adaptiveDamping, seed, value,
                warmupSamples, evaluationInterval, trainEvaluationSamples);
    }

    public TrainingSettings withWarmupSamples(int value) {
        return new TrainingSettings(firstBatchSize, batchSize, passes, damping, dampingSchedule, adaptiveDamping, seed, threads,
                value, evaluationInterval, trainEvaluationSamples);
    }

    public TrainingSettings withEvaluationInterval(int value) {
        return new TrainingSettings(firstBatchSize, batchSize, passes, damping, dampingSchedule, adaptiveDamping, seed, threads,
                warmupSamples, value, trainEvaluationSamples);
    }

    public TrainingSettings withTrainEvaluationSamples(int value) {
        return new TrainingSettings(firstBatchSize, batchSize, passes, damping, dampingSchedule, adaptiveDamping, seed, threads,
                warmupSamples, evaluationInterval, value);
    }

    /**
     * The damping of later pass {@code pass} (2 or more): the schedule's entry for it, the last
     * entry beyond the schedule's end, or the constant damping, whose NaN default is {@code min(1, 100 / B)}.
     */
    public double dampingForPass(int pass) {
        if (dampingSchedule.length > 0) {
            return dampingSchedule[Math.min(Math.max(pass - 2, 0), dampingSchedule.length - 1)];
        }
        return Double.isNaN(damping) ? Math.min(1.0, 100.0 / batchSize) : damping;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingSettings that
                && firstBatchSize == that.firstBatchSize && batchSize == that.batchSize && passes == that.passes
                && Double.compare(damping, that.damping) == 0 && Arrays.equals(dampingSchedule, that.dampingSchedule)
                && adaptiveDamping == that.adaptiveDamping && seed == that.seed && threads == that.threads
                && warmupSamples == that.warmupSamples && evaluationInterval == that.evaluationInterval
                && trainEvaluationSamples == that.trainEvaluationSamples;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new long[] {firstBatchSize, batchSize, passes, Double.doubleToLongBits(damping),
            Arrays.hashCode(dampingSchedule), adaptiveDamping ? 1 : 0, seed, threads, warmupSamples, evaluationInterval,
            trainEvaluationSamples});
    }

    @Override
    public String toString() {
        return "first batch " + firstBatchSize + ", batch " + batchSize + ", passes " + passes
                + ", damping " + (dampingSchedule.length > 0 ? Arrays.toString(dampingSchedule) : Double.isNaN(damping) ? "min(1, 100/B)" : damping)
                + (adaptiveDamping ? ", adaptive damping" : "") + ", seed " + seed + ", threads " + threads
                + (warmupSamples >= 0 ? ", first-pass warm-up " + warmupSamples + " samples" : "");
    }
}
