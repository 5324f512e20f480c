package org.epsnn.views.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
     * <p>The temporary file is named {@code .<target name>.<random>.tmp} and is deleted when the
     * writer fails, whether with an {@link IOException} or a runtime exception. Where the file
     * system cannot move atomically, the move falls back to a plain replacing move.
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

        Path temporary = Files.createTempFile(folder, "." + absoluteTarget.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                writer.write(out);
            }
            moveReplacing(temporary, absoluteTarget);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void moveReplacing(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
