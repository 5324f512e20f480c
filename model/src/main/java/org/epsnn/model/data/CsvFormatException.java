package org.epsnn.model.data;

import java.nio.file.Path;

/**
 * An invalid CSV file, with the position of the problem.
 *
 * <p>{@link #row()} is the 1-based line number in the file at which the offending record starts,
 * counting the header and blank lines, so that it matches what a text editor shows. It is 0 when
 * the problem concerns the whole file. {@link #column()} is the 1-based column number, or 0 when
 * the problem concerns a whole row or the whole file.
 */
public class CsvFormatException extends DataFormatException {

    private static final long serialVersionUID = 1L;

    private final int row;
    private final int column;
    private final String columnName;

    /**
     * @param row 1-based line number of the record, or 0 for the whole file
     * @param column 1-based column number, or 0 for a whole row or the whole file
     * @param columnName header name of the column, or {@code null} when the file has no header
     *     or the problem is not in one column
     * @param message the whole message, which should name the file, line and column
     */
    public CsvFormatException(Path file, int row, int column, String columnName, String message) {
        super(file, message);
        this.row = row;
        this.column = column;
        this.columnName = columnName;
    }

    /** 1-based line number of the offending record, or 0 when the problem concerns the whole file. */
    public int row() {
        return row;
    }

    /** 1-based column number, or 0 when the problem is not in one column. */
    public int column() {
        return column;
    }

    /** Header name of the offending column, or {@code null} when there is none. */
    public String columnName() {
        return columnName;
    }
}
