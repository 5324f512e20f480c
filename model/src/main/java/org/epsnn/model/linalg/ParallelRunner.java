package org.epsnn.model.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits loops over index ranges across a fixed number of threads. The calling thread works too,
 * so one thread means plain sequential execution with no pool at all.
 *
 * <p>Close the runner to stop its worker threads. Worker threads are daemons, so a forgotten
 * runner does not keep the JVM alive.
 */
public final class ParallelRunner implements AutoCloseable {

    /** A loop body over the half-open index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private static final AtomicInteger POOL_COUNT = new AtomicInteger();
    /** Pieces per thread of {@link #forEachChunk}: enough to even out a thread held back for a while. */
    static final int PIECES_PER_THREAD = 4;

    private final int threads;
    private final ExecutorService pool;

    /** @param threads at least 1 */
    public ParallelRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Thread count must be at least 1, got " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            int poolNumber = POOL_COUNT.incrementAndGet();
            AtomicInteger workerCount = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads - 1, task -> {
                Thread thread = new Thread(task, "ep-worker-" + poolNumber + "-" + workerCount.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** A runner with one thread per available processor. */
    public static ParallelRunner forAvailableProcessors() {
        return new ParallelRunner(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code body} over {@code [0, count)} split across {@link #threads()} threads. */
    public void forEachChunk(int count, RangeBody body) {
        forEachChunk(count, threads, body);
    }

    /**
     * Runs {@code body} over {@code [0, count)} on at most {@code parts} threads and waits for all
     * of them. An exception thrown by any piece is rethrown here. See
     * {@link #forEachPiece(int, int, int, RangeBody)}; this takes {@value #PIECES_PER_THREAD} pieces
     * per thread.
     */
    public void forEachChunk(int count, int parts, RangeBody body) {
        forEachPiece(count, parts, PIECES_PER_THREAD, body);
    }

    /**
     * Runs {@code body} over {@code [0, count)} cut into {@code piecesPerThread} contiguous pieces
     * for each of at most {@code parts} threads; the threads take the next free piece until none is
     * left. A thread that the operating system holds back, for example while the window draws,
     * then leaves its share to the others instead of making them wait at the end. The piece
     * boundaries depend only on {@code count}, the thread count and {@code piecesPerThread}, so a
     * body whose result per index does not depend on which thread runs it gives the same result
     * in every run.
     */
    public void forEachPiece(int count, int parts, int piecesPerThread, RangeBody body) {
        int chunks = Math.max(1, Math.min(Math.min(parts, threads), count));
        if (chunks == 1 || pool == null) {
            body.run(0, count);
            return;
        }
        int pieces = Math.min(count, chunks * Math.max(1, piecesPerThread));
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int piece = next.getAndIncrement(); piece < pieces; piece = next.getAndIncrement()) {
                body.run((int) ((long) count * piece / pieces), (int) ((long) count * (piece + 1) / pieces));
            }
        };

        List<Future<?>> futures = new ArrayList<>(chunks - 1);
        for (int chunk = 1; chunk < chunks; chunk++) {
            futures.add(pool.submit(worker));
        }
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            // Hand out no more pieces, let the workers finish theirs, then report this failure.
            next.set(pieces);
            awaitQuietly(futures);
            throw e;
        }

        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a parallel chunk", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static void awaitQuietly(List<Future<?>> futures) {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // The caller's own failure is the one reported.
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
