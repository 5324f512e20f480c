package org.epsnn.app.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.epsnn.model.training.TrainingSnapshot;
import org.epsnn.views.chart.Histogram;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.heatmap.HistogramHistory;
import org.epsnn.views.heatmap.HistogramHistoryView;

/**
 * The Weights tab's histories of posterior means: one {@link HistogramHistory} per layer with
 * weights, each with a step for every snapshot binned, and the view that shows the chosen layer's
 * history. Every layer's means are binned on a background thread, so that switching layers shows
 * a history that kept growing while another layer was on show. Each history keeps the view's
 * maximum of steps, so the memory grows with the layer count and not with the run's length.
 * Used on the FX thread only.
 */
final class WeightHistories {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WeightHistories.class);

    private final HistogramHistoryView view;
    /** Index 0 is layer 1, the first layer with weights. */
    private final List<HistogramHistory> histories = new ArrayList<>();
    /** Counts resets and restores, so that binning started before one is not shown after it. */
    private long generation;
    private final LatestRequestExecutor<Job, Binned> binning = new LatestRequestExecutor<>("weight-history",
            WeightHistories::bin, this::append, error -> { /* Logged by the executor; the histories keep their steps. */ });

    /**
     * The posterior means of every layer of one or more snapshots, oldest first, with the ranges of
     * the histories when they were taken. One job carries them all, because the executor keeps
     * only the latest job waiting.
     */
    private record Job(long generation, List<Step> steps, int bins, List<ValueRange> ranges) {
    }

    /** One snapshot's samples seen and posterior means, one array per layer. */
    private record Step(double samplesSeen, List<double[]> means) {
    }

    /** The histograms of a {@link Job}: per step, one per layer. */
    private record Binned(Job job, List<List<Histogram>> histograms) {
    }

    WeightHistories(HistogramHistoryView view) {
        this.view = view;
    }

    /** Drops every history and starts {@code depth} empty ones, showing the first layer's. */
    void reset(int depth) {
        histories.clear();
        generation++;
        for (int layer = 1; layer <= depth; layer++) {
            history(layer);
        }
        show(1);
    }

    /** Shows the history of {@code layer} (1 for the first layer with weights). */
    void show(int layer) {
        view.show(history(layer));
    }

    /** Returns the history of {@code layer}, adding empty ones up to it when the network has grown. */
    HistogramHistory history(int layer) {
        if (layer < 1) {
            throw new IllegalArgumentException("Layer numbers start at 1, got " + layer);
        }
        while (histories.size() < layer) {
            histories.add(new HistogramHistory(view.binCount(), view.maxSteps()));
        }
        return histories.get(layer - 1);
    }

    /** Bins the posterior means of every layer of {@code snapshot} in the background and appends them as a step. */
    void add(TrainingSnapshot snapshot) {
        add(List.of(snapshot));
    }

    /**
     * Bins the posterior means of every layer of {@code snapshots} (oldest first, all of one
     * network) in the background and appends a step for each.
     */
    void add(List<TrainingSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        int depth = snapshots.get(0).layers().size();
        List<Step> steps = new ArrayList<>();
        for (TrainingSnapshot snapshot : snapshots) {
            List<double[]> means = new ArrayList<>();
            for (int layer = 1; layer <= depth; layer++) {
                means.add(snapshot.layers().get(layer - 1).means());
            }
            steps.add(new Step(snapshot.samplesSeen(), means));
        }
        List<ValueRange> ranges = new ArrayList<>();
        for (int layer = 1; layer <= depth; layer++) {
            ranges.add(history(layer).valueRange());
        }
        binning.submit(new Job(generation, List.copyOf(steps), view.binCount(), ranges));
    }

    private static Binned bin(Job job) {
        List<ValueRange> ranges = new ArrayList<>(job.ranges());
        List<List<Histogram>> histograms = new ArrayList<>();
        for (Step step : job.steps()) {
            List<Histogram> layers = new ArrayList<>();
            for (int layer = 0; layer < step.means().size(); layer++) {
                Histogram histogram = HistogramHistory.binStep(step.means().get(layer), job.bins(), ranges.get(layer));
                // A history without a range takes the first step's, so later steps of the job bin on it too.
                ranges.set(layer, histogram.range());
                layers.add(histogram);
            }
            histograms.add(layers);
        }
        return new Binned(job, histograms);
    }

    private void append(Binned binned) {
        Job job = binned.job();
        if (job.generation() != generation) {
            // Binned for histories that a reset or restore has replaced since.
            return;
        }
        for (int index = 0; index < job.steps().size(); index++) {
            Step step = job.steps().get(index);
            List<Histogram> layers = binned.histograms().get(index);
            for (int layer = 1; layer <= layers.size(); layer++) {
                HistogramHistory history = history(layer);
                if (step.samplesSeen() <= history.lastTime()) {
                    // A posterior already on show, such as a reopened project's last step.
                    continue;
                }
                if (!history.addBinnedStep(step.samplesSeen(), layers.get(layer - 1))) {
                    // Binned on a range that another step has widened since: bin again here.
                    history.addStep(step.samplesSeen(), step.means().get(layer - 1));
                }
            }
        }
    }

    /**
     * Returns the histories that have steps, as copies that later steps do not change, so that
     * they can be written to JSON on another thread. Call on the FX thread.
     */
    List<WeightHistoryJson.Saved> saved() {
        List<WeightHistoryJson.Saved> saved = new ArrayList<>();
        for (int layer = 1; layer <= histories.size(); layer++) {
            HistogramHistory history = histories.get(layer - 1);
            if (history.stepCount() > 0 && history.valueRange() != null) {
                saved.add(new WeightHistoryJson.Saved(layer, history.valueRange(), history.steps()));
            }
        }
        return List.copyOf(saved);
    }

    /**
     * Restores the histories saved in {@code layout}, if any. A history that cannot be read, or
     * one of a layer the network does not have, is logged and left out.
     */
    void restore(Map<String, String> layout) {
        String text = layout.get(WeightHistoryJson.KEY);
        if (text == null) {
            return;
        }
        List<WeightHistoryJson.Saved> saved;
        try {
            saved = WeightHistoryJson.read(text);
        } catch (IllegalArgumentException e) {
            LOG.warn("The project's weight history was not restored: {}", e.getMessage());
            return;
        }

        // Jobs binned before the restore belong to the histories being replaced.
        generation++;
        for (WeightHistoryJson.Saved layer : saved) {
            if (layer.layer() < 1 || layer.layer() > histories.size()) {
                LOG.warn("The project's weight history of layer {} was not restored: the network has layers 1 to {}",
                        layer.layer(), histories.size());
                continue;
            }
            try {
                histories.get(layer.layer() - 1).restore(layer.range(), layer.steps());
            } catch (IllegalArgumentException e) {
                LOG.warn("The project's weight history of layer {} was not restored: {}", layer.layer(), e.getMessage());
            }
        }
    }
}
