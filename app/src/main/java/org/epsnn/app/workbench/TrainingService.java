package org.epsnn.app.workbench;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.EpTrainer;
import org.epsnn.model.training.BatchStatistics;
import org.epsnn.model.training.NumericalGuardException;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs EP training in the background. Each start trains the given network for the given passes;
 * progress reaches the FX thread only through the {@link LiveFeed}, which the window drains a few
 * times a second; the service's own progress property stays unused. Cancelling the task cancels the {@link RunControl}, so the run stops after its current
 * batch and keeps the posterior of that batch.
 */
public final class TrainingService extends Service<TrainingService.Outcome> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);

    /** How a run ended. */
    public enum Ending {
        COMPLETED, CANCELLED, STOPPED_BY_GUARD
    }

    /** The result of a run: how it ended, why (for a guard stop) and the passes it completed. */
    public record Outcome(Ending ending, String message, List<PassSummary> passes) {
    }

    /**
     * Everything one run needs, fixed when it starts.
     *
     * @param network gives the network to train. It is called once on the training thread, so
     *     drawing a new network's prior does not hold the FX thread.
     * @param networkReady receives that network on the FX thread before any progress of the run
     */
    public record Request(Supplier<EpNetwork> network, Consumer<EpNetwork> networkReady, TrainingData data,
                          TrainingSettings settings, LiveFeed feed, RunControl control, int[] snapshotRows,
                          double[] probePoints) {
        public Request {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(networkReady, "networkReady");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(control, "control");
        }
    }

    /**
     * Networks with at most this many weights (the window's limit for large networks) also keep a
     * history snapshot at every {@value #HISTORY_STEPS_PER_PASS}th of a pass, so their histories
     * follow training progress rather than the clock. A snapshot copies the moments of every
     * weight, so larger networks keep only the time-based ones inside a pass, which the window's
     * refresh budget spaces.
     */
    static final long SMALL_NETWORK_WEIGHTS = 100_000L;
    /** History snapshots per pass of a small network, the one at the pass's end included. */
    static final int HISTORY_STEPS_PER_PASS = 8;

    private Request request;

    /** Sets what the next start runs; call on the FX thread while the service is not running. */
    public void setRequest(Request next) {
        this.request = Objects.requireNonNull(next, "request");
    }

    public Request request() {
        return request;
    }

    @Override
    protected Task<Outcome> createTask() {
        Request run = Objects.requireNonNull(request, "No training request set");
        return new Task<>() {
            @Override
            protected Outcome call() throws Exception {
                EpNetwork network = run.network().get();
                Platform.runLater(() -> run.networkReady().accept(network));
                TrainingListener progress = new TrainingListener() {
                    @Override
                    public void runStarted(TrainingSettings settings, int trainSamples, int testSamples) {
                        run.feed().runStarted(settings, trainSamples, testSamples);
                    }

                    /** Number of samples between two history snapshots inside a pass, or 0 when the network is too large for them. */
                    private final long historyStride = network.spec().weightCount() <= SMALL_NETWORK_WEIGHTS
                            ? Math.max(1, run.data().train().rows() / HISTORY_STEPS_PER_PASS) : 0;
                    private long nextHistorySamples = network.samplesSeen() + historyStride;

                    @Override
                    public void batchCompleted(BatchStatistics statistics) {
                        // Only the feed: Task.updateProgress would post a task to the FX thread after
                        // almost every batch of 10 samples, for a progress property that nothing reads.
                        run.feed().batchCompleted(statistics);
                        if (historyStride > 0 && statistics.samplesSeen() >= nextHistorySamples
                                && statistics.batch() < statistics.batchesInPass()) {
                            // The trainer takes requested snapshots right after this call.
                            historyDue = true;
                            run.control().requestSnapshot();
                        }
                        while (historyStride > 0 && nextHistorySamples <= statistics.samplesSeen()) {
                            nextHistorySamples += historyStride;
                        }
                    }

                    @Override
                    public void evaluated(long samplesSeen, int pass, double runningTrainAccuracy,
                                          org.epsnn.model.training.Evaluation test) {
                        run.feed().evaluated(samplesSeen, pass, runningTrainAccuracy, test);
                    }

                    /** Whether the next snapshot was requested for the histories, at a pass's end or at a stride. */
                    private boolean historyDue;

                    @Override
                    public void passCompleted(PassSummary summary) {
                        run.feed().passCompleted(summary);
                        // The trainer takes requested snapshots right after this call, so each pass ends with one.
                        historyDue = true;
                        run.control().requestSnapshot();
                    }

                    @Override
                    public void snapshotTaken(org.epsnn.model.training.TrainingSnapshot snapshot) {
                        if (historyDue) {
                            historyDue = false;
                            run.feed().historySnapshotTaken(snapshot);
                        } else {
                            run.feed().snapshotTaken(snapshot);
                        }
                    }
                };

                try (EpTrainer trainer = new EpTrainer(network, run.data().train(), run.settings())) {
                    if (run.snapshotRows() != null && run.snapshotRows().length > 0) {
                        trainer.setSnapshotSamples(run.data().test(), run.snapshotRows());
                    }
                    if (run.probePoints() != null && run.probePoints().length > 0) {
                        trainer.setProbePoints(run.probePoints());
                    }
                    if (run.control().isPaused() || network.samplesSeen() == 0) {
                        // A run that starts with a single step shows what that step changed, so it needs the
                        // posterior before it. A run from the prior starts the weight and firing histories with it.
                        run.feed().runStartSnapshotTaken(trainer.snapshot());
                    }
                    run.control().requestSnapshot();
                    List<PassSummary> passes = trainer.train(run.data().test(), progress, run.control());
                    // A final snapshot, so the plots show the posterior the run ended with.
                    run.feed().snapshotTaken(trainer.snapshot());
                    Ending ending = run.control().isCancelled() ? Ending.CANCELLED : Ending.COMPLETED;
                    return new Outcome(ending, ending == Ending.CANCELLED ? "Training stopped." : "Training finished.", passes);
                } catch (NumericalGuardException e) {
                    LOG.warn("Training stopped by a numerical guard: {}", e.getMessage());
                    return new Outcome(Ending.STOPPED_BY_GUARD, e.getMessage(), List.of());
                }
            }

            @Override
            protected void cancelled() {
                run.control().cancel();
            }
        };
    }
}
