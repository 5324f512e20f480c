package org.epsnn.views.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Writes files so that readers see either the old content or the complete new content: the data
 * goes to a temporary file in the target's folder, which then replaces the target in one move.
 */
public final class AtomicFiles {

    /** The part of an export that writes the content. */
    @FunctionalInterface
    public interface ContentWriter {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} with the content that {@code writer} produces.
     *
     * <p>This is {@link org.epsnn.model.project.AtomicFiles#write}: the temporary file starts with
     * a dot and the target's name, is deleted when the writer fails (with an {@link IOException}
     * or a runtime exception), and gets the permissions that the umask gives any new file.
     *
     * @throws NoSuchFileException when the target's folder does not exist
     */
    public static void write(Path target, ContentWriter writer) throws IOException {
        Path absoluteTarget = target.toAbsolutePath();
        Path folder = absoluteTarget.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new NoSuchFileException(String.valueOf(folder), null,
                    "cannot write " + absoluteTarget.getFileName() + " because its folder does not exist");
        }

        // The project store's atomic write creates its temporary file like any new file, so the
        // export gets the permissions of the umask; Files.createTempFile would make it owner-only.
        org.epsnn.model.project.AtomicFiles.write(absoluteTarget, writer::write);
    }
}
