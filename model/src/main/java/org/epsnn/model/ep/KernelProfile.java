package org.epsnn.model.ep;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Time spent in the fused first-layer kernel for binary or Bernoulli inputs, which forms the
 * site sums {@code A^T P} without a matrix product call. The trainer fills it only when a
 * benchmark sets one with {@link EpTrainer#setKernelProfile}.
 *
 * <p>The kernel runs on several threads, so its parts are recorded as thread time: the wall
 * time of the kernel splits into sums and the rest in proportion to
 * {@link #sumsThreadNanos()} and {@link #threadNanos()}.
 */
public final class KernelProfile {

    private final AtomicLong wallNanos = new AtomicLong();
    private final AtomicLong threadNanos = new AtomicLong();
    private final AtomicLong sumsThreadNanos = new AtomicLong();
    private final AtomicLong sumFlops = new AtomicLong();

    /** Wall-clock nanoseconds from the kernel's start to its end, summed over batches. */
    public long wallNanos() {
        return wallNanos.get();
    }

    /** Nanoseconds of the kernel's chunks, summed over the threads that ran them. */
    public long threadNanos() {
        return threadNanos.get();
    }

    /** Returns the part of {@link #threadNanos()} spent forming the batch sums. */
    public long sumsThreadNanos() {
        return sumsThreadNanos.get();
    }

    /**
     * Floating-point operations of the batch sums, counted as the matrix products they replace:
     * {@code 2 x 3 D_out x D_in x B} for binary inputs, {@code 2 x 6 D_out x D_in x B} for Bernoulli inputs.
     */
    public long sumFlops() {
        return sumFlops.get();
    }

    /** Returns the estimated wall-clock nanoseconds of the batch sums: the kernel's wall time times the sums' share of thread time. */
    public double sumsWallNanos() {
        long thread = threadNanos();
        return thread == 0 ? 0 : (double) wallNanos() * sumsThreadNanos() / thread;
    }

    /** Forgets everything recorded. */
    public void reset() {
        wallNanos.set(0);
        threadNanos.set(0);
        sumsThreadNanos.set(0);
        sumFlops.set(0);
    }

    void addWall(long nanos) {
        wallNanos.addAndGet(nanos);
    }

    void addChunk(long chunkNanos, long sumsNanos) {
        threadNanos.addAndGet(chunkNanos);
        sumsThreadNanos.addAndGet(sumsNanos);
    }

    void addSumFlops(long flops) {
        sumFlops.addAndGet(flops);
    }
}
