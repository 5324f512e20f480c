package org.epsnn.model.project;

import java.io.IOException;
import java.nio.file.Path;

/** A project file that cannot be read: the message names the file and the field at fault. */
public final class ProjectFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ProjectFormatException(Path file, String problem) {
        super("Project " + file + " " + problem + ".");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
