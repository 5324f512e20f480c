package org.epsnn.model.project;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file whose content differs from the one a project was trained on: its SHA-256 no longer
 * matches the checksum in the project. A resumed or evaluated run on it would not continue the
 * saved one.
 */
public final class DataFileChangedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String expectedSha256;
    private final String actualSha256;

    public DataFileChangedException(Path file, String expectedSha256, String actualSha256) {
        super("Data file " + file + " has changed since the project was saved (SHA-256 " + abbreviate(actualSha256)
                + ", the project recorded " + abbreviate(expectedSha256) + "). Restore the original file, or pass this one"
                + " with --dataset to use it anyway.");
        this.file = file;
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    private static String abbreviate(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) + "..." : sha256;
    }

    public Path file() {
        return file;
    }

    public String expectedSha256() {
        return expectedSha256;
    }

    public String actualSha256() {
        return actualSha256;
    }
}
