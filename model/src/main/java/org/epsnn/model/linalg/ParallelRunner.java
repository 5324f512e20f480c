package org.epsnn.model.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits loops over index ranges across a fixed number of threads; the calling thread takes the
 * first chunk, so one thread means plain sequential execution with no pool at all.
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

    /** Runs {@code body} over {@code [0, count)} split into {@link #threads()} chunks. */
    public void forEachChunk(int count, RangeBody body) {
        forEachChunk(count, threads, body);
    }

    /**
     * Runs {@code body} over {@code [0, count)} split into at most {@code parts} contiguous chunks
     * and waits for all of them. An exception thrown by any chunk is rethrown here.
     */
    public void forEachChunk(int count, int parts, RangeBody body) {
        int chunks = Math.max(1, Math.min(Math.min(parts, threads), count));
        if (chunks == 1 || pool == null) {
            body.run(0, count);
            return;
        }

        List<Future<?>> futures = new ArrayList<>(chunks - 1);
        for (int chunk = 1; chunk < chunks; chunk++) {
            int from = (int) ((long) count * chunk / chunks);
            int to = (int) ((long) count * (chunk + 1) / chunks);
            futures.add(pool.submit(() -> body.run(from, to)));
        }
        body.run(0, (int) ((long) count / chunks));

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

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
