package org.epsnn.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.project.PosteriorState;
import org.epsnn.model.project.Project;
import org.epsnn.model.project.ProjectFiles;
import org.epsnn.model.training.BatchStatistics;
import org.epsnn.model.training.Evaluation;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.TrainingListener;
import org.epsnn.model.training.TrainingSettings;
import org.epsnn.model.training.TrainingSnapshot;

/**
 * Passes every event on to another listener and saves the project (the trained network and the
 * history so far) after every pass, so that a run stopped at any point can be resumed from its
 * last pass. {@link #save()} saves the current state, for example after Ctrl+C mid-pass.
 */
final class ProjectSaver implements TrainingListener {

    private final TrainingListener next;
    private final Path file;
    private final Project base;
    private final EpNetwork network;
    private final List<PassSummary> history;

    /**
     * @param base the project whose setup, checksums, layout and earlier history the saved file keeps
     * @param network the network being trained; read on the training thread only
     */
    ProjectSaver(TrainingListener next, Path file, Project base, EpNetwork network) {
        this.next = next;
        this.file = file.toAbsolutePath();
        this.base = base;
        this.network = network;
        this.history = new ArrayList<>(base.history());
    }

    Path file() {
        return file;
    }

    /** Saves the network's current state and the history so far. */
    void save() throws IOException {
        ProjectFiles.save(base.withPosterior(PosteriorState.capture(network), history), file);
    }

    @Override
    public void runStarted(TrainingSettings settings, int trainSamples, int testSamples) {
        next.runStarted(settings, trainSamples, testSamples);
    }

    @Override
    public void batchCompleted(BatchStatistics statistics) {
        next.batchCompleted(statistics);
    }

    @Override
    public void evaluated(long samplesSeen, int pass, double runningTrainAccuracy, Evaluation test) {
        next.evaluated(samplesSeen, pass, runningTrainAccuracy, test);
    }

    @Override
    public void passCompleted(PassSummary summary) {
        next.passCompleted(summary);
        history.add(summary);
        try {
            save();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to save the project " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void snapshotTaken(TrainingSnapshot snapshot) {
        next.snapshotTaken(snapshot);
    }
}
