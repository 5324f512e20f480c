package org.epsnn.model.project;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files so that a reader, or a process that dies mid-write, finds either the old content or
 * the new one. The content goes to a temporary file {@code .NAME.PID-N.tmp} in the target's
 * folder, is forced to the disk ({@link FileChannel#force}), and is renamed over the target with
 * an atomic move; the folder entry is then forced too. Temporary files left by a process that no
 * longer runs are deleted by the next write to the same target.
 */
public final class AtomicFiles {

    /** The body of a write: it writes the whole content to the stream and leaves the stream open. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final AtomicLong TEMPORARY_COUNTER = new AtomicLong();

    private AtomicFiles() {
    }

    /**
     * Replaces {@code file} with the content that {@code content} writes. When it throws (an
     * I/O error, a cancellation), the previous file is kept and the temporary file deleted.
     */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        deleteStaleTemporaryFiles(target);
        Path temporary = folder.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + TEMPORARY_COUNTER.incrementAndGet() + TEMPORARY_SUFFIX);
        boolean moved = false;
        try {
            // FileChannel.open, unlike Files.createTempFile, gives the file the permissions that the umask gives any new file.
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            moveAtomically(temporary, target);
            moved = true;
            forceFolder(folder);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static void moveAtomically(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // NOTE: a file system without atomic renames (some network shares) can leave a half-replaced file here.
            LOG.warn("Folder of {} does not support atomic moves; replacing the file in place", target);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces the folder's entry of the renamed file to the disk, where the platform allows it. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; its rename is durable without this step.
            LOG.debug("Could not force folder {} to disk: {}", folder, e.toString());
        }
    }

    /** Deletes the temporary files of earlier writes to {@code target} whose process no longer runs. */
    private static void deleteStaleTemporaryFiles(Path target) {
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(target.getParent(), prefix + "*" + TEMPORARY_SUFFIX)) {
            for (Path candidate : candidates) {
                String name = candidate.getFileName().toString();
                String middle = name.substring(prefix.length(), name.length() - TEMPORARY_SUFFIX.length());
                int dash = middle.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? middle : middle.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).isEmpty()) {
                    Files.deleteIfExists(candidate);
                    LOG.info("Deleted {}, left by an interrupted save", candidate);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not clean temporary files beside {}: {}", target, e.toString());
        }
    }
}
