package org.epsnn.model.project;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.epsnn.model.training.PassSummary;

/**
 * Everything a project file holds: the setup (description, data reference, network, input
 * encoding, training settings), the trained posterior if there is one, the metrics of every pass
 * trained so far, the checksums of the data files and the window layout.
 *
 * @param setup what to train and how
 * @param posterior the trained state, or null for a project that has not been trained
 * @param history one summary per completed pass, in order
 * @param dataChecksums SHA-256 of each data file as lowercase hex, keyed by the file name
 *     (a CSV file, or each of the four MNIST files); empty for built-in data
 * @param layout the window's layout: opaque keys and values that only the window reads
 */
public record Project(ProjectSetup setup, PosteriorState posterior, List<PassSummary> history,
                      Map<String, String> dataChecksums, Map<String, String> layout) {

    public Project {
        Objects.requireNonNull(setup, "setup");
        history = List.copyOf(history);
        dataChecksums = Map.copyOf(dataChecksums);
        layout = Map.copyOf(layout);
    }

    /** Creates an untrained project from a setup. */
    public static Project of(ProjectSetup setup) {
        return new Project(setup, null, List.of(), Map.of(), Map.of());
    }

    /** Returns the trained state, if the project has one. */
    public Optional<PosteriorState> trainedPosterior() {
        return Optional.ofNullable(posterior);
    }

    /** Returns the free text shown when the project opens, or an empty string. */
    public String description() {
        return setup.description();
    }

    public Project withSetup(ProjectSetup newSetup) {
        return new Project(newSetup, posterior, history, dataChecksums, layout);
    }

    /** Returns the project with a new trained state and the metrics of every pass that led to it. */
    public Project withPosterior(PosteriorState newPosterior, List<PassSummary> newHistory) {
        return new Project(setup, newPosterior, newHistory, dataChecksums, layout);
    }

    public Project withDataChecksums(Map<String, String> checksums) {
        return new Project(setup, posterior, history, checksums, layout);
    }

    public Project withLayout(Map<String, String> newLayout) {
        return new Project(setup, posterior, history, dataChecksums, newLayout);
    }
}
