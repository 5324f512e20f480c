package org.epsnn.app.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.epsnn.model.training.BatchStatistics;
import org.epsnn.model.training.Evaluation;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSnapshot;

/**
 * The hand-over from the training thread to the FX thread. The training thread writes the latest
 * batch statistics and snapshot into single slots (a newer value replaces an unread one) and
 * appends evaluations and pass summaries to bounded queues; the FX thread drains everything at a
 * fixed rate. However fast training runs, the FX event queue receives nothing.
 */
public final class LiveFeed implements TrainingListener {

    /** Queued events kept at most; older ones are dropped when the FX thread falls behind. */
    static final int MAX_QUEUED = 10_000;

    /** A periodic or end-of-pass evaluation on the test data. */
    public record EvaluationPoint(long samplesSeen, int pass, double runningTrainAccuracy, Evaluation test) {
    }

    /**
     * The result of a drain: the newest statistics and snapshot (or null), the snapshot taken
     * before a run's first batch when the run started stepping (or null), the queued events, and
     * the snapshots kept for the weight and firing histories (see {@link #historySnapshotTaken}),
     * oldest first. The newest snapshot is never older than the last of them.
     */
    public record Drained(BatchStatistics latestBatch, List<BatchStatistics> batches, TrainingSnapshot snapshot,
                          TrainingSnapshot startSnapshot, List<EvaluationPoint> evaluations, List<PassSummary> passes,
                          List<TrainingSnapshot> historySnapshots) {
        /** A drain with no history snapshots. */
        public Drained(BatchStatistics latestBatch, List<BatchStatistics> batches, TrainingSnapshot snapshot,
                       TrainingSnapshot startSnapshot, List<EvaluationPoint> evaluations, List<PassSummary> passes) {
            this(latestBatch, batches, snapshot, startSnapshot, evaluations, passes, List.of());
        }

        public boolean isEmpty() {
            return latestBatch == null && snapshot == null && startSnapshot == null && evaluations.isEmpty() && passes.isEmpty()
                    && historySnapshots.isEmpty();
        }
    }

    /** History snapshots kept at most between two drains; the oldest go first. */
    static final int MAX_HISTORY_SNAPSHOTS = 100;

    private final AtomicReference<BatchStatistics> latestBatch = new AtomicReference<>();
    private final AtomicReference<TrainingSnapshot> latestSnapshot = new AtomicReference<>();
    private final AtomicReference<TrainingSnapshot> startSnapshot = new AtomicReference<>();
    private final ConcurrentLinkedQueue<BatchStatistics> batches = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<EvaluationPoint> evaluations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<PassSummary> passes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<TrainingSnapshot> historySnapshots = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedBatches = new AtomicInteger();
    private final int batchStride;

    /** @param batchStride keep every this many batches' statistics for the running curves (the latest is always kept) */
    public LiveFeed(int batchStride) {
        this.batchStride = Math.max(1, batchStride);
    }

    @Override
    public void batchCompleted(BatchStatistics statistics) {
        latestBatch.set(statistics);
        if (statistics.batch() % batchStride == 0 || statistics.batch() == statistics.batchesInPass()) {
            if (queuedBatches.incrementAndGet() > MAX_QUEUED) {
                batches.poll();
                queuedBatches.decrementAndGet();
            }
            batches.add(statistics);
        }
    }

    @Override
    public void evaluated(long samplesSeen, int pass, double runningTrainAccuracy, Evaluation test) {
        if (evaluations.size() < MAX_QUEUED) {
            evaluations.add(new EvaluationPoint(samplesSeen, pass, runningTrainAccuracy, test));
        }
    }

    @Override
    public void passCompleted(PassSummary summary) {
        passes.add(summary);
    }

    @Override
    public void snapshotTaken(TrainingSnapshot snapshot) {
        latestSnapshot.set(snapshot);
    }

    /**
     * Publishes a posterior that the weight and firing histories keep: the one at the end of each
     * pass, and for small networks those at each eighth of a pass. Unlike the snapshots taken on
     * request, which replace each other, each one reaches the FX thread, so that the histories of
     * a run whose passes end faster than the plots refresh still get their steps.
     */
    public void historySnapshotTaken(TrainingSnapshot snapshot) {
        if (historySnapshots.size() >= MAX_HISTORY_SNAPSHOTS) {
            historySnapshots.poll();
        }
        // The latest slot first: a drain that finds this snapshot in the queue then also finds it, or a newer one, there.
        latestSnapshot.set(snapshot);
        historySnapshots.add(snapshot);
    }

    /**
     * Publishes the posterior before a run's first batch, kept apart from the latest snapshot so
     * that the snapshot after the first batch does not replace it before the FX thread reads both.
     */
    public void runStartSnapshotTaken(TrainingSnapshot snapshot) {
        startSnapshot.set(snapshot);
    }

    /** Returns the statistics of the latest batch not yet drained, leaving them for the next drain; null when none arrived. */
    public BatchStatistics latestBatch() {
        return latestBatch.get();
    }

    /** Takes everything that arrived since the last drain. Called on the FX thread. */
    public Drained drain() {
        List<BatchStatistics> batchList = new ArrayList<>();
        BatchStatistics batch;
        while ((batch = batches.poll()) != null) {
            queuedBatches.decrementAndGet();
            batchList.add(batch);
        }
        List<EvaluationPoint> evaluationList = new ArrayList<>();
        EvaluationPoint evaluation;
        while ((evaluation = evaluations.poll()) != null) {
            evaluationList.add(evaluation);
        }
        List<PassSummary> passList = new ArrayList<>();
        PassSummary pass;
        while ((pass = passes.poll()) != null) {
            passList.add(pass);
        }
        List<TrainingSnapshot> historySnapshotList = new ArrayList<>();
        TrainingSnapshot historySnapshot;
        while ((historySnapshot = historySnapshots.poll()) != null) {
            historySnapshotList.add(historySnapshot);
        }
        TrainingSnapshot latest = latestSnapshot.getAndSet(null);
        if (latest == null && !historySnapshotList.isEmpty()) {
            // An earlier drain took this one from the latest slot before it reached the queue.
            latest = historySnapshotList.get(historySnapshotList.size() - 1);
        }
        return new Drained(latestBatch.getAndSet(null), batchList, latest, startSnapshot.getAndSet(null),
                evaluationList, passList, historySnapshotList);
    }
}
