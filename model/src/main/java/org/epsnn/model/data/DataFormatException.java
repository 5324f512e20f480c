package org.epsnn.model.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A data file that could be read but whose content is invalid: a wrong magic number, a truncated
 * or over-long file, inconsistent counts, a value out of range.
 *
 * <p>It extends {@link IOException} so that callers can handle every failure of a reader in one
 * {@code catch}. The message names the file, what was expected, what was found and what to do.
 * Not to be confused with {@code java.util.zip.DataFormatException}, which only covers
 * deflate data.
 */
public class DataFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file the file with the invalid content
     * @param message the whole message, which should start with the file name
     */
    public DataFormatException(Path file, String message) {
        super(message);
        this.file = Objects.requireNonNull(file, "file");
    }

    public DataFormatException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The file with the invalid content. */
    public Path file() {
        return file;
    }
}
