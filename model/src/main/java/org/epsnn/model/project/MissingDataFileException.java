package org.epsnn.model.project;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A data file or folder that a project refers to and that no longer exists at the path the project records.
 * It carries what a window needs to offer "locate it": the reference, the path that was looked
 * for, and the checksum that a replacement should have. {@link DataReference#withPath} makes the
 * corrected reference.
 */
public final class MissingDataFileException extends FileNotFoundException {

    private static final long serialVersionUID = 1L;

    private final transient DataReference reference;
    private final transient Path missing;
    private final String expectedSha256;

    /**
     * @param reference the project's data reference
     * @param missing the file or folder that was not found, resolved as it was looked for
     * @param expectedSha256 the SHA-256 that the project recorded for the file (lowercase hex), or null if none
     */
    public MissingDataFileException(DataReference reference, Path missing, String expectedSha256) {
        super((reference.kind() == DataReference.Kind.MNIST ? "MNIST folder or file " : "Data file ") + missing
                + " not found. Locate the file, or pass another one with --dataset.");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.missing = Objects.requireNonNull(missing, "missing");
        this.expectedSha256 = expectedSha256;
    }

    /** Returns the project's data reference, whose path is out of date. */
    public DataReference reference() {
        return reference;
    }

    /** Returns the file or folder that was looked for. */
    public Path missing() {
        return missing;
    }

    /** Returns the SHA-256 that the project recorded for the file as lowercase hex, or null when it recorded none. */
    public String expectedSha256() {
        return expectedSha256;
    }
}
