package org.epsnn.model.project;

import java.util.Objects;
import org.epsnn.model.ep.InputEncoding;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.training.TrainingSettings;

/**
 * Everything needed to set up a training run, without the trained posterior: the data, the
 * network, the input encoding, the training settings and a description shown when the project
 * opens.
 *
 * @param description text for the user, possibly empty
 */
public record ProjectSetup(String description, DataReference data, NetworkSpec network, InputEncoding encoding,
                           TrainingSettings settings) {

    public ProjectSetup {
        description = description == null ? "" : description;
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(settings, "settings");
    }
}
