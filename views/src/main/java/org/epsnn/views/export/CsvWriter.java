package org.epsnn.views.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes RFC 4180 style CSV in UTF-8: comma separated cells, a line feed after each row, text
 * cells quoted when they contain a comma, a quote or a line break.
 *
 * <p>Numbers always use a '.' decimal separator, because {@link Double#toString(double)} ignores
 * the default locale. NaN becomes an empty cell; infinities are written as {@code Infinity} and
 * {@code -Infinity}.
 */
public final class CsvWriter {

    /** The rows of one CSV export. */
    @FunctionalInterface
    public interface Content {
        void write(CsvWriter csv) throws IOException;
    }

    private final Writer out;
    private boolean rowStarted;

    /** Starts a CSV document on {@code out}; {@link #flush()} writes the buffered text. */
    public CsvWriter(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    /** Writes {@code file} atomically with the rows that {@code content} produces. */
    public static void write(Path file, Content content) throws IOException {
        AtomicFiles.write(file, stream -> {
            CsvWriter csv = new CsvWriter(stream);
            content.write(csv);
            csv.flush();
        });
    }

    /** Writes one row of column names. */
    public CsvWriter header(String... names) throws IOException {
        for (String name : names) {
            cell(name);
        }
        return endRow();
    }

    /** Writes one row; numbers are formatted as in {@link #cell(double)}, everything else as text. */
    public CsvWriter row(Object... cells) throws IOException {
        for (Object cell : cells) {
            if (cell instanceof Double || cell instanceof Float) {
                cell(((Number) cell).doubleValue());
            } else if (cell instanceof Number number) {
                cell(number.longValue());
            } else {
                cell(cell == null ? "" : cell.toString());
            }
        }
        return endRow();
    }

    /** Appends a text cell to the current row. */
    public CsvWriter cell(String text) throws IOException {
        separate();
        if (needsQuotes(text)) {
            out.write('"');
            out.write(text.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(text);
        }
        return this;
    }

    /** Appends a number cell to the current row. */
    public CsvWriter cell(double value) throws IOException {
        separate();
        if (!Double.isNaN(value)) {
            out.write(Double.toString(value));
        }
        return this;
    }

    /** Appends a whole-number cell to the current row. */
    public CsvWriter cell(long value) throws IOException {
        separate();
        out.write(Long.toString(value));
        return this;
    }

    /** Ends the current row. */
    public CsvWriter endRow() throws IOException {
        out.write('\n');
        rowStarted = false;
        return this;
    }

    /** Writes buffered text to the underlying stream without closing it. */
    public void flush() throws IOException {
        out.flush();
    }

    private void separate() throws IOException {
        if (rowStarted) {
            out.write(',');
        }
        rowStarted = true;
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
