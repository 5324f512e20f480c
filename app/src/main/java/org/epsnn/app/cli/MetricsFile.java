package org.epsnn.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.epsnn.model.project.AtomicFiles;
import org.epsnn.model.training.MetricsCsv;
import org.epsnn.model.training.PassSummary;

/**
 * A CSV file with one row of metrics per pass. After every pass the whole file is rewritten
 * through {@link AtomicFiles}, so a run killed at any moment leaves either the previous or the new
 * complete file.
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
        AtomicFiles.write(path, out -> out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
    }
}
