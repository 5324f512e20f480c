package org.epsnn.app.workbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epsnn.views.export.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The projects opened or saved most recently, newest first, kept in a small text file in the
 * configuration folder. Changed on the FX thread; the file is written on {@code writer}.
 */
final class RecentFiles {

    /** Entries kept at most. */
    static final int MAX_ENTRIES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(RecentFiles.class);

    private final Path listFile;
    private final Executor writer;
    private final ObservableList<Path> entries = FXCollections.observableArrayList();
    /**
     * The read-only view that callers listen to. It is kept here because the view reaches the
     * list through a weak listener, so listeners on a view that no field references stop firing after
     * a garbage collection.
     */
    private final ObservableList<Path> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);

    /** Reads the list from {@code listFile}; a missing or unreadable list starts empty. */
    RecentFiles(Path listFile, Executor writer) {
        this.listFile = listFile;
        this.writer = writer;
        entries.setAll(read(listFile));
    }

    private static List<Path> read(Path listFile) {
        List<Path> paths = new ArrayList<>();
        if (!Files.isRegularFile(listFile)) {
            return paths;
        }
        try {
            for (String line : Files.readAllLines(listFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && paths.size() < MAX_ENTRIES) {
                    paths.add(Path.of(line.trim()));
                }
            }
        } catch (IOException | InvalidPathException e) {
            LOG.warn("Could not read the recent projects from {}: {}", listFile, e.getMessage());
        }
        return paths;
    }

    /** Returns the entries, newest first, as a read-only list. */
    ObservableList<Path> entries() {
        return readOnlyEntries;
    }

    /** Puts {@code file} first, removing an older entry of it and the entries beyond {@link #MAX_ENTRIES}. */
    void add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(entries);
        next.remove(absolute);
        next.add(0, absolute);
        entries.setAll(next.subList(0, Math.min(MAX_ENTRIES, next.size())));
        store();
    }

    void remove(Path file) {
        if (entries.remove(file.toAbsolutePath().normalize())) {
            store();
        }
    }

    private void store() {
        String text = String.join("\n", entries.stream().map(Path::toString).toList()) + "\n";
        writer.execute(() -> {
            try {
                Files.createDirectories(listFile.toAbsolutePath().getParent());
                AtomicFiles.write(listFile, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                LOG.warn("Could not write the recent projects to {}: {}", listFile, e.getMessage());
            }
        });
    }
}
