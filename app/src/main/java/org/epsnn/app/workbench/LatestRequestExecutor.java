package org.epsnn.app.workbench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs requests one at a time on a background thread, where a request that arrives while another
 * runs replaces any request still waiting: only the latest waiting request runs next. Results
 * reach the FX thread through one {@link Platform#runLater} per finished request.
 *
 * @param <Q> the request, immutable or never modified after submission
 * @param <R> the result
 */
final class LatestRequestExecutor<Q, R> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LatestRequestExecutor.class);

    private final String name;
    private final ExecutorService executor;
    private final AtomicReference<Q> waiting = new AtomicReference<>();
    private final Function<Q, R> work;
    private final Consumer<R> onResult;
    private final Consumer<Throwable> onFailure;

    /**
     * @param name the thread's name, also used in log lines
     * @param work runs on the background thread
     * @param onResult runs on the FX thread with each result
     * @param onFailure runs on the FX thread with the error of a failed request
     */
    LatestRequestExecutor(String name, Function<Q, R> work, Consumer<R> onResult, Consumer<Throwable> onFailure) {
        this.name = name;
        this.work = work;
        this.onResult = onResult;
        this.onFailure = onFailure;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues {@code request}, replacing a request that has not started yet. Safe from any thread. */
    void submit(Q request) {
        waiting.set(request);
        executor.execute(this::runLatest);
    }

    private void runLatest() {
        Q request = waiting.getAndSet(null);
        if (request == null) {
            // A later submission's task already took it.
            return;
        }
        try {
            R result = work.apply(request);
            Platform.runLater(() -> onResult.accept(result));
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", name, e.getMessage(), e);
            Platform.runLater(() -> onFailure.accept(e));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
