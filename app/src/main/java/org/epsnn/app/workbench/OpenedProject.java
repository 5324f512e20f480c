package org.epsnn.app.workbench;

import java.util.List;
import java.util.Objects;

/**
 * A project as read from a file.
 *
 * @param notes what the user should know about the file, for example that it was converted
 *     from an older format; empty when there is nothing to report
 */
public record OpenedProject(ProjectState state, List<String> notes) {

    public OpenedProject {
        Objects.requireNonNull(state, "state");
        notes = List.copyOf(notes);
    }
}
