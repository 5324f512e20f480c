package org.epsnn.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.epsnn.model.training.MetricsCsv;
import org.epsnn.model.training.PassSummary;

/**
 * A CSV file with one row of metrics per pass. After every pass the whole file is written to a
 * temporary file in the same folder and moved over the old one. A run killed at any moment
 * therefore leaves either the previous or the new complete file.
 * The columns and number formats are those of {@link MetricsCsv}.
 */
final class MetricsFile {

    /** The header, in column order. */
    static final List<String> COLUMNS = MetricsCsv.COLUMNS;

    private final Path path;
    private final List<String> lines = new ArrayList<>();

    /** Creates the file with the header only, replacing an existing file. */
    MetricsFile(Path path) throws IOException {
        this(path, List.of());
    }

    /** Creates the file with the header and the rows of earlier passes, replacing an existing file. */
    MetricsFile(Path path, List<PassSummary> earlier) throws IOException {
        this.path = path.toAbsolutePath();
        lines.add(MetricsCsv.header());
        for (PassSummary summary : earlier) {
            lines.add(MetricsCsv.row(summary));
        }
        write();
    }

    Path path() {
        return path;
    }

    /** Appends the row of a pass and rewrites the file. */
    void append(PassSummary summary) throws IOException {
        lines.add(row(summary));
        write();
    }

    static String row(PassSummary summary) {
        return MetricsCsv.row(summary);
    }

    private void write() throws IOException {
        // Files.createTempFile would create the file readable by its owner only; a plain write
        // keeps the permissions that the umask gives every other output file.
        Path temporary = path.resolveSibling("." + path.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
