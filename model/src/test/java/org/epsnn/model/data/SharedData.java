package org.epsnn.model.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locations of the data files that the repository keeps beside itself, in the folder
 * {@code shared} next to the repository root.
 *
 * <p>Surefire passes that folder in the system property {@code epsnn.shared}. When a test runs
 * outside Maven, for example from an IDE whose working directory is the module, the fallback is
 * {@code ../../shared} relative to the module.
 */
public final class SharedData {

    /** System property with the path of the shared folder. */
    public static final String PROPERTY = "epsnn.shared";

    private SharedData() {
    }

    /** Returns the shared folder, which may not exist on a machine without the data. */
    public static Path sharedFolder() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of("../../shared").toAbsolutePath().normalize();
    }

    /**
     * Returns the folder with the four gzipped MNIST IDX files.
     *
     * @throws IllegalStateException when the folder is missing, naming where it was looked for
     */
    public static Path mnistFolder() {
        Path folder = sharedFolder().resolve("data").resolve("mnist");
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("MNIST folder " + folder + " not found. Set the system property "
                    + PROPERTY + " to the folder that contains data/mnist.");
        }
        return folder;
    }
}
