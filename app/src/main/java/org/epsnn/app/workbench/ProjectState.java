package org.epsnn.app.workbench;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.project.ProjectSetup;

/**
 * Everything a project file keeps: the setup (data reference, network, input encoding, training
 * settings), the trained posterior if there is one, the metric history the plots show and the
 * window layout. The posterior is a copy that no trainer changes.
 *
 * @param posterior the trained network, empty before training or after a reset
 * @param layout window layout as opaque keys and values (divider positions, selected tab, size)
 */
public record ProjectState(ProjectSetup setup, Optional<EpNetwork> posterior, MetricHistory metrics,
                           Map<String, String> layout) {

    public ProjectState {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(posterior, "posterior");
        Objects.requireNonNull(metrics, "metrics");
        layout = Map.copyOf(layout);
    }

    /** Returns this state without the trained posterior and the metric history that belongs to it. */
    public ProjectState withoutPosterior() {
        return new ProjectState(setup, Optional.empty(), MetricHistory.EMPTY, layout);
    }
}
