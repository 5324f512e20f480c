package org.epsnn.views.export;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A view that can write what it shows to files: the picture as PNG or SVG and the data behind it
 * as CSV.
 *
 * <p>Implementations write through {@link AtomicFiles}, so a failed export leaves any earlier file
 * at {@code file} untouched and no partial file behind. Call these methods on the JavaFX
 * application thread, because they read the view's current data.
 */
public interface Exportable {

    /** Writes the view as a PNG image at its current size (or a default size before its first layout). */
    void exportPng(Path file) throws IOException;

    /** Writes the view as an SVG document at its current size (or a default size before its first layout). */
    void exportSvg(Path file) throws IOException;

    /**
     * Writes the data the view shows as CSV: comma separated, a header row first, numbers with a
     * '.' decimal separator whatever the default locale, NaN as an empty cell.
     */
    void exportCsv(Path file) throws IOException;

    /** Keeps the current size for image exports until {@link #releaseExportSize()}; views of a fixed size ignore it. */
    default void holdExportSize() {
    }

    /** Lets image exports follow the view's size again. */
    default void releaseExportSize() {
    }

    /** Writes {@code file} in the given format. */
    default void export(ExportFormat format, Path file) throws IOException {
        switch (format) {
            case PNG -> exportPng(file);
            case SVG -> exportSvg(file);
            case CSV -> exportCsv(file);
        }
    }
}
