package org.epsnn.model.data;

import java.util.Objects;

/**
 * Settings of {@link CsvReader}. Start from {@link #defaults()} and change single settings with
 * the {@code with...} methods.
 *
 * @param separator field separator, or {@link Separator#AUTO} to detect comma, semicolon or tab
 * @param decimalSeparator decimal separator of the numbers; the reader never guesses it
 * @param header whether the first non-blank line contains column names
 * @param targetColumnName name of the target column in the header, or {@code null} to select the
 *     target by {@code targetColumnIndex}
 * @param targetColumnIndex 0-based index of the target column, or {@link #LAST_COLUMN}; used
 *     when {@code targetColumnName} is {@code null}
 * @param task classification or regression, or {@link TaskChoice#AUTO} to decide from the target values
 * @param missingValues what to do with empty cells and missing-value markers
 */
public record CsvOptions(Separator separator, DecimalSeparator decimalSeparator, Header header,
                         String targetColumnName, int targetColumnIndex, TaskChoice task,
                         MissingValues missingValues) {

    /** Value of {@code targetColumnIndex} that selects the last column. */
    public static final int LAST_COLUMN = -1;

    /** Field separator of the file. */
    public enum Separator {
        /** Detect comma, semicolon or tab from the first lines of the file. */
        AUTO('\0'),
        COMMA(','),
        SEMICOLON(';'),
        TAB('\t');

        private final char symbol;

        Separator(char symbol) {
            this.symbol = symbol;
        }

        /** The separator character; {@code '\0'} for {@link #AUTO}. */
        public char symbol() {
            return symbol;
        }
    }

    /** Decimal separator of the numbers in the file. */
    public enum DecimalSeparator {
        POINT('.'),
        COMMA(',');

        private final char symbol;

        DecimalSeparator(char symbol) {
            this.symbol = symbol;
        }

        public char symbol() {
            return symbol;
        }
    }

    /** Whether the file starts with a line of column names. */
    public enum Header {
        /** A header when the first line contains text in a column whose later values are numbers. */
        AUTO,
        PRESENT,
        ABSENT
    }

    /** The learning task of the dataset. */
    public enum TaskChoice {
        /**
         * Classification when the target contains text labels, or at most a few distinct integer
         * values; regression otherwise.
         */
        AUTO,
        CLASSIFICATION,
        REGRESSION
    }

    /** Policy for empty cells and the markers {@code NA}, {@code N/A}, {@code NaN}, {@code null} and {@code ?}. */
    public enum MissingValues {
        /** Reject the file, naming the line and column of the first missing value. */
        REJECT,
        /** Drop every row that has a missing value in any column. */
        DROP_ROWS,
        /**
         * Replace a missing feature by the mean of its column. A row whose target is missing is
         * dropped, because a mean is no substitute for a class label or a measured target.
         */
        IMPUTE_MEAN
    }

    public CsvOptions {
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(decimalSeparator, "decimalSeparator");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(missingValues, "missingValues");
        if (targetColumnName != null && targetColumnName.isBlank()) {
            throw new IllegalArgumentException("Target column name must not be blank; use null to select the "
                    + "target column by index");
        }
        if (targetColumnIndex < LAST_COLUMN) {
            throw new IllegalArgumentException("Target column index must be 0 or more, or " + LAST_COLUMN
                    + " for the last column, got " + targetColumnIndex);
        }
    }

    /**
     * Returns the defaults: detected separator, decimal point, detected header, the last column as
     * target, detected task, and rejection of missing values.
     */
    public static CsvOptions defaults() {
        return new CsvOptions(Separator.AUTO, DecimalSeparator.POINT, Header.AUTO, null, LAST_COLUMN,
                TaskChoice.AUTO, MissingValues.REJECT);
    }

    public CsvOptions withSeparator(Separator newSeparator) {
        return new CsvOptions(newSeparator, decimalSeparator, header, targetColumnName, targetColumnIndex, task,
                missingValues);
    }

    public CsvOptions withDecimalSeparator(DecimalSeparator newDecimalSeparator) {
        return new CsvOptions(separator, newDecimalSeparator, header, targetColumnName, targetColumnIndex, task,
                missingValues);
    }

    public CsvOptions withHeader(Header newHeader) {
        return new CsvOptions(separator, decimalSeparator, newHeader, targetColumnName, targetColumnIndex, task,
                missingValues);
    }

    /** Selects the target column by its header name; the file must have a header. */
    public CsvOptions withTargetColumn(String name) {
        return new CsvOptions(separator, decimalSeparator, header, Objects.requireNonNull(name, "name"), LAST_COLUMN,
                task, missingValues);
    }

    /** Selects the target column by its 0-based index, or the last column with {@link #LAST_COLUMN}. */
    public CsvOptions withTargetColumn(int index) {
        return new CsvOptions(separator, decimalSeparator, header, null, index, task, missingValues);
    }

    public CsvOptions withTask(TaskChoice newTask) {
        return new CsvOptions(separator, decimalSeparator, header, targetColumnName, targetColumnIndex, newTask,
                missingValues);
    }

    public CsvOptions withMissingValues(MissingValues newMissingValues) {
        return new CsvOptions(separator, decimalSeparator, header, targetColumnName, targetColumnIndex, task,
                newMissingValues);
    }
}
