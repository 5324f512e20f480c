package org.epsnn.model.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records, following RFC 4180 with some leniency: a field in double quotes
 * may contain the separator, line breaks and doubled quotes ({@code ""} for one {@code "}).
 * Unquoted fields are trimmed, lines end with LF, CRLF or CR, and blank lines are skipped.
 */
final class CsvTokenizer {

    /**
     * One record of the file.
     *
     * @param line 1-based line number at which the record starts
     * @param cells the fields, unquoted and trimmed
     */
    record Record(int line, String[] cells) {
    }

    private static final int END = -1;

    private final Reader reader;
    private final char separator;
    private final Path file;
    private final char[] buffer = new char[1 << 14];
    private int bufferLength;
    private int bufferPosition;
    private int pushedBack = Integer.MIN_VALUE;
    private int line = 1;

    CsvTokenizer(Reader reader, char separator, Path file) {
        this.reader = reader;
        this.separator = separator;
        this.file = file;
    }

    /** Reads the next record that is not a blank line, or returns {@code null} at the end of the file. */
    Record next() throws IOException {
        while (true) {
            int recordLine = line;
            List<String> cells = new ArrayList<>();
            boolean anyQuoted = false;
            StringBuilder field = new StringBuilder();
            int c = read();
            if (c == END) {
                return null;
            }
            while (true) {
                c = skipBlanks(c);
                if (c == '"') {
                    anyQuoted = true;
                    c = readQuoted(field, recordLine, cells.size() + 1);
                } else {
                    while (c != END && c != separator && c != '\n' && c != '\r') {
                        field.append((char) c);
                        c = read();
                    }
                    trimEnd(field);
                }
                cells.add(field.toString());
                field.setLength(0);
                if (c == separator) {
                    c = read();
                    continue;
                }
                if (c == '\r' || c == '\n') {
                    endLine(c);
                }
                break;
            }
            boolean blank = cells.size() == 1 && cells.get(0).isEmpty() && !anyQuoted;
            if (!blank) {
                return new Record(recordLine, cells.toArray(String[]::new));
            }
        }
    }

    /**
     * Reads a quoted field after its opening quote into {@code field} and returns the character
     * after it, which must be a separator, a line break or the end of the file.
     */
    private int readQuoted(StringBuilder field, int recordLine, int column) throws IOException {
        int quoteLine = line;
        while (true) {
            int c = read();
            if (c == END) {
                throw new CsvFormatException(file, recordLine, column, null, file + ", line " + quoteLine
                        + ", column " + column + ": the quoted field that starts here has no closing quote. "
                        + "Add the closing \" or double the \" characters inside the value.");
            }
            if (c == '"') {
                int after = read();
                if (after == '"') {
                    field.append('"');
                    continue;
                }
                after = skipBlanks(after);
                if (after != END && after != separator && after != '\n' && after != '\r') {
                    throw new CsvFormatException(file, recordLine, column, null, file + ", line " + line
                            + ", column " + column + ": unexpected character '" + (char) after
                            + "' after the closing quote, expected a separator or the end of the line. "
                            + "Quote the whole value and double the \" characters inside it.");
                }
                return after;
            }
            if (c == '\r' || c == '\n') {
                // Keep the line break inside the value, as written, and count the line.
                field.append((char) c);
                if (c == '\r') {
                    int next = read();
                    if (next == '\n') {
                        field.append('\n');
                    } else {
                        unread(next);
                    }
                }
                line++;
                continue;
            }
            field.append((char) c);
        }
    }

    /** Skips spaces, and tabs unless the tab is the separator. */
    private int skipBlanks(int c) throws IOException {
        while (c == ' ' || (c == '\t' && separator != '\t')) {
            c = read();
        }
        return c;
    }

    private void endLine(int c) throws IOException {
        if (c == '\r') {
            int next = read();
            if (next != '\n') {
                unread(next);
            }
        }
        line++;
    }

    private static void trimEnd(StringBuilder field) {
        int length = field.length();
        while (length > 0 && Character.isWhitespace(field.charAt(length - 1))) {
            length--;
        }
        field.setLength(length);
    }

    private int read() throws IOException {
        if (pushedBack != Integer.MIN_VALUE) {
            int c = pushedBack;
            pushedBack = Integer.MIN_VALUE;
            return c;
        }
        if (bufferPosition == bufferLength) {
            bufferLength = reader.read(buffer, 0, buffer.length);
            bufferPosition = 0;
            if (bufferLength <= 0) {
                bufferLength = 0;
                return END;
            }
        }
        return buffer[bufferPosition++];
    }

    private void unread(int c) {
        pushedBack = c;
    }

    /**
     * Detects the separator of a sample of the file's first lines: the first of tab, semicolon and
     * comma that occurs the same number of times, at least once, on every non-blank line outside
     * quotes. When none is that regular, returns the one that occurs most often on the first
     * line, or {@code '\0'} when none occurs at all.
     *
     * <p>Semicolon goes before comma because a semicolon-separated file often writes decimal
     * commas, while a comma-separated file rarely contains semicolons outside quotes.
     *
     * @param sample the beginning of the file
     * @param complete whether the sample is the whole file; if not, its last line is ignored
     *     because it may be cut
     */
    static char detectSeparator(String sample, boolean complete) {
        char[] candidates = {'\t', ';', ','};
        List<int[]> countsPerLine = new ArrayList<>();
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        boolean lineHasContent = false;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                lineHasContent = true;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (lineHasContent) {
                    countsPerLine.add(counts);
                }
                counts = new int[candidates.length];
                lineHasContent = false;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
                lineHasContent |= !Character.isWhitespace(c) || c == '\t';
            }
        }
        if (complete && lineHasContent) {
            countsPerLine.add(counts);
        }
        if (countsPerLine.isEmpty()) {
            return '\0';
        }

        for (int k = 0; k < candidates.length; k++) {
            int first = countsPerLine.get(0)[k];
            boolean regular = first > 0;
            for (int[] lineCounts : countsPerLine) {
                regular &= lineCounts[k] == first;
            }
            if (regular) {
                return candidates[k];
            }
        }
        int best = -1;
        for (int k = 0; k < candidates.length; k++) {
            if (countsPerLine.get(0)[k] > 0 && (best < 0 || countsPerLine.get(0)[k] > countsPerLine.get(0)[best])) {
                best = k;
            }
        }
        return best < 0 ? '\0' : candidates[best];
    }
}
