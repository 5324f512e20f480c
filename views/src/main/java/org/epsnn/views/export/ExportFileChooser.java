package org.epsnn.views.export;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for the file that an export writes. */
@FunctionalInterface
public interface ExportFileChooser {

    /**
     * Returns the file chosen for an export, or empty when the user cancels.
     *
     * @param extension the file extension without the dot, such as "png", "svg" or "csv"
     * @param suggestedName a file name without extension to offer, such as "accuracy"
     */
    Optional<Path> choose(String extension, String suggestedName);
}
