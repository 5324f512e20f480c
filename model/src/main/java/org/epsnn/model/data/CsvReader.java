package org.epsnn.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.epsnn.model.data.CsvOptions.DecimalSeparator;
import org.epsnn.model.data.CsvOptions.MissingValues;
import org.epsnn.model.data.CsvOptions.TaskChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a UTF-8 CSV file into a {@link Dataset}: one target column and numeric feature columns.
 *
 * <p>The reader accepts a byte order mark, LF or CRLF line ends, quoted fields (RFC 4180) and
 * blank lines. Numbers are parsed the same way under every default locale: the decimal separator
 * comes from {@link CsvOptions#decimalSeparator()} and is never guessed. Cells that are empty or
 * contain {@code NA}, {@code N/A}, {@code NaN}, {@code null} or {@code ?} (in any letter case)
 * are missing values, which {@link CsvOptions#missingValues()} rejects, drops or imputes.
 *
 * <p>Every problem with the content raises a {@link CsvFormatException} with the file, the line
 * and the column, and a message that says what to change.
 */
public final class CsvReader {

    /**
     * Maximum number of distinct integer target values that {@link TaskChoice#AUTO} still treats
     * as class labels. More distinct values make it a regression target.
     */
    public static final int MAX_AUTO_CLASSES = 20;

    private static final Logger log = LoggerFactory.getLogger(CsvReader.class);

    /** Characters read ahead to detect the separator and the header. */
    private static final int SAMPLE_CHARS = 1 << 16;
    /** Records after the first that the header detection compares it with. */
    private static final int HEADER_EVIDENCE_RECORDS = 20;

    private static final Pattern POINT_NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern COMMA_NUMBER = Pattern.compile("[+-]?(?:\\d+(?:,\\d*)?|,\\d+)(?:[eE][+-]?\\d+)?");
    private static final Set<String> MISSING_MARKERS = Set.of("", "na", "n/a", "nan", "null", "?");

    private CsvReader() {
    }

    /** Reads a CSV file with {@link CsvOptions#defaults()}. */
    public static Dataset read(Path file) throws IOException {
        return read(file, CsvOptions.defaults());
    }

    /**
     * Reads a CSV file into a dataset named after the file.
     *
     * @throws CsvFormatException when the content is invalid, naming the line and column
     * @throws DataFormatException when the file is not valid UTF-8
     * @throws IOException when the file cannot be read
     */
    public static Dataset read(Path file, CsvOptions options) throws IOException {
        List<CsvTokenizer.Record> records;
        char separator;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            skipByteOrderMark(reader);
            separator = options.separator() == CsvOptions.Separator.AUTO
                    ? detectSeparator(reader)
                    : options.separator().symbol();
            records = readRecords(new CsvTokenizer(reader, separator, file));
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file, file + ": the file is not valid UTF-8 text (" + e + "). "
                    + "Save it as UTF-8 and read it again.", e);
        }
        return new Parse(file, options, separator, records).toDataset();
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static char detectSeparator(BufferedReader reader) throws IOException {
        reader.mark(SAMPLE_CHARS + 1);
        char[] sample = new char[SAMPLE_CHARS];
        int length = 0;
        int count;
        while (length < sample.length && (count = reader.read(sample, length, sample.length - length)) > 0) {
            length += count;
        }
        boolean complete = length < sample.length || reader.read() < 0;
        reader.reset();
        return CsvTokenizer.detectSeparator(new String(sample, 0, length), complete);
    }

    private static List<CsvTokenizer.Record> readRecords(CsvTokenizer tokenizer) throws IOException {
        List<CsvTokenizer.Record> records = new ArrayList<>();
        CsvTokenizer.Record record;
        while ((record = tokenizer.next()) != null) {
            records.add(record);
        }
        return records;
    }

    static boolean isMissing(String cell) {
        return cell.length() <= 4 && MISSING_MARKERS.contains(cell.toLowerCase(Locale.ROOT));
    }

    /** Returns whether the cell is a number with either decimal separator, for the header detection. */
    static boolean looksNumeric(String cell) {
        return POINT_NUMBER.matcher(cell).matches() || COMMA_NUMBER.matcher(cell).matches();
    }

    /** Parses a number with the given decimal separator, or returns {@code null} when it is not one. */
    static Double parseNumber(String cell, DecimalSeparator decimalSeparator) {
        if (decimalSeparator == DecimalSeparator.POINT) {
            return POINT_NUMBER.matcher(cell).matches() ? Double.parseDouble(cell) : null;
        }
        return COMMA_NUMBER.matcher(cell).matches() ? Double.parseDouble(cell.replace(',', '.')) : null;
    }

    /** Returns whether the cell is a number written with the decimal separator that the option does not select. */
    static boolean usesOtherDecimalSeparator(String cell, DecimalSeparator decimalSeparator) {
        return decimalSeparator == DecimalSeparator.POINT
                ? cell.indexOf(',') >= 0 && COMMA_NUMBER.matcher(cell).matches()
                : cell.indexOf('.') >= 0 && POINT_NUMBER.matcher(cell).matches();
    }

    /** The state of reading one file, from its records to the dataset. */
    private static final class Parse {
        private final Path file;
        private final CsvOptions options;
        private final char separator;
        private final List<CsvTokenizer.Record> records;
        private String[] header;
        private int columnCount;
        private int targetColumn;

        Parse(Path file, CsvOptions options, char separator, List<CsvTokenizer.Record> records) {
            this.file = file;
            this.options = options;
            this.separator = separator;
            this.records = records;
        }

        Dataset toDataset() throws CsvFormatException {
            if (records.isEmpty()) {
                throw fileError("the file is empty or contains only blank lines. Expected a header line and rows "
                        + "of comma-, semicolon- or tab-separated values.");
            }
            columnCount = records.get(0).cells().length;
            if (columnCount < 2) {
                throw fileError("found one column only, but a dataset needs at least one feature column and a "
                        + "target column. Separate the values by comma, semicolon or tab"
                        + (options.separator() == CsvOptions.Separator.AUTO ? "" : ", or set the separator option to "
                                + "the one the file uses") + ".");
            }
            header = hasHeader() ? records.get(0).cells() : null;
            List<CsvTokenizer.Record> rows = header == null ? records : records.subList(1, records.size());
            if (rows.isEmpty()) {
                throw fileError("the file contains a header line but no data rows. Add rows of values below line "
                        + records.get(0).line() + ".");
            }
            checkColumnCounts();
            targetColumn = resolveTargetColumn();

            Table table = readTable(rows);
            if (table.rowCount() == 0) {
                throw fileError("no rows remain after dropping the " + rows.size() + " rows with missing values. "
                        + "Fill in the missing values or impute them (in the window: \"Empty cells\", fill with the column mean;"
                        + " on the command line: --missing-values impute-mean).");
            }
            Dataset.Task task = decideTask(table);
            Dataset dataset = task == Dataset.Task.CLASSIFICATION ? classification(table) : regression(table);
            log.info("Read {} from {}: separator '{}', {}, target column {}", dataset, file,
                    separator == '\t' ? "\\t" : String.valueOf(separator),
                    header == null ? "no header" : "header on line " + records.get(0).line(), describeColumn(targetColumn));
            return dataset;
        }

        private boolean hasHeader() {
            return switch (options.header()) {
                case PRESENT -> true;
                case ABSENT -> false;
                case AUTO -> detectHeader();
            };
        }

        /**
         * Returns whether the first record is a header: it is when one of its cells is text (not a
         * number and not a missing-value marker) while a later record has a number in that column.
         * A file of a single record is a header when any cell is text.
         */
        private boolean detectHeader() {
            String[] first = records.get(0).cells();
            int lastEvidence = Math.min(records.size(), 1 + HEADER_EVIDENCE_RECORDS);
            for (int column = 0; column < first.length; column++) {
                if (looksNumeric(first[column]) || isMissing(first[column])) {
                    continue;
                }
                if (records.size() == 1) {
                    return true;
                }
                for (int index = 1; index < lastEvidence; index++) {
                    String[] cells = records.get(index).cells();
                    if (column < cells.length && looksNumeric(cells[column])) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void checkColumnCounts() throws CsvFormatException {
            for (CsvTokenizer.Record record : records) {
                if (record.cells().length != columnCount) {
                    throw new CsvFormatException(file, record.line(), 0, null, file + ", line " + record.line()
                            + ": found " + record.cells().length + " values, expected " + columnCount + " like line "
                            + records.get(0).line() + ". Check the separator (" + describeSeparator()
                            + ") and quote values that contain it.");
                }
            }
        }

        private int resolveTargetColumn() throws CsvTargetColumnException {
            String name = options.targetColumnName();
            if (name != null) {
                if (header == null) {
                    throw targetError("the target column '" + name + "' is selected by name, but the file has no "
                            + "header line. Select the target column by index, or add a header.");
                }
                int found = -1;
                for (int column = 0; column < columnCount; column++) {
                    if (header[column].equals(name)) {
                        if (found >= 0) {
                            throw targetError("the header names columns " + (found + 1) + " and " + (column + 1) + " '"
                                    + name + "'. Rename one of them, or select the target column by index.");
                        }
                        found = column;
                    }
                }
                if (found < 0) {
                    throw targetError("the header has no column '" + name + "'. Expected one of "
                            + String.join(", ", header) + ".");
                }
                return found;
            }
            int index = options.targetColumnIndex();
            if (index == CsvOptions.LAST_COLUMN) {
                return columnCount - 1;
            }
            if (index >= columnCount) {
                throw targetError("the target column index " + index + " is outside the " + columnCount + " columns. "
                        + "Expected a 0-based index from 0 to " + (columnCount - 1) + ".");
            }
            return index;
        }

        /** Parses the feature values and keeps the target cells as text, applying the missing-value policy. */
        private Table readTable(List<CsvTokenizer.Record> rows) throws CsvFormatException {
            int featureCount = columnCount - 1;
            MissingValues policy = options.missingValues();
            double[] features = new double[rows.size() * featureCount];
            String[] targets = new String[rows.size()];
            int[] lines = new int[rows.size()];
            int keptRows = 0;
            int dropped = 0;
            int imputed = 0;

            for (CsvTokenizer.Record record : rows) {
                String[] cells = record.cells();
                if (isMissing(cells[targetColumn])) {
                    if (policy == MissingValues.REJECT) {
                        throw missingValue(record.line(), targetColumn);
                    }
                    dropped++;
                    continue;
                }
                boolean rowHasMissing = false;
                int feature = 0;
                for (int column = 0; column < columnCount; column++) {
                    if (column == targetColumn) {
                        continue;
                    }
                    String cell = cells[column];
                    double value;
                    if (isMissing(cell)) {
                        if (policy == MissingValues.REJECT) {
                            throw missingValue(record.line(), column);
                        }
                        rowHasMissing = true;
                        value = Double.NaN;
                    } else {
                        value = parseFeature(cell, record.line(), column);
                    }
                    features[keptRows * featureCount + feature] = value;
                    feature++;
                }
                if (rowHasMissing && policy == MissingValues.DROP_ROWS) {
                    dropped++;
                    continue;
                }
                imputed += rowHasMissing ? 1 : 0;
                targets[keptRows] = cells[targetColumn];
                lines[keptRows] = record.line();
                keptRows++;
            }

            Table table = new Table(keptRows, featureCount, Arrays.copyOf(features, keptRows * featureCount),
                    Arrays.copyOf(targets, keptRows), Arrays.copyOf(lines, keptRows));
            if (imputed > 0) {
                imputeMeans(table);
                log.info("{}: replaced missing features in {} rows by the column means", file, imputed);
            }
            if (dropped > 0) {
                // A warning, so that the command line shows it: with impute-mean, rows without a
                // target are dropped too, which a user who asked for imputation would not expect.
                log.warn("{}: dropped {} of {} rows with missing values{}", file, dropped, rows.size(),
                        options.missingValues() == CsvOptions.MissingValues.IMPUTE_MEAN ? " in the target column" : "");
            }
            return table;
        }

        private double parseFeature(String cell, int line, int column) throws CsvFormatException {
            Double value = parseNumber(cell, options.decimalSeparator());
            if (value == null) {
                throw notANumber(cell, line, column, "Feature columns must contain numbers: remove the column, "
                        + "encode it as numbers, or select it as the target column.");
            }
            if (!Double.isFinite(value)) {
                throw cellError(line, column, "value '" + cell + "' is outside the range of a double "
                        + "(about 1.8e308). Rescale the column.");
            }
            return value;
        }

        private void imputeMeans(Table table) throws CsvFormatException {
            int featureCount = table.featureCount();
            double[] features = table.features();
            for (int feature = 0; feature < featureCount; feature++) {
                double sum = 0;
                int count = 0;
                for (int row = 0; row < table.rowCount(); row++) {
                    double value = features[row * featureCount + feature];
                    if (!Double.isNaN(value)) {
                        sum += value;
                        count++;
                    }
                }
                if (count == 0) {
                    int column = columnOfFeature(feature);
                    throw new CsvFormatException(file, 0, column + 1, columnName(column), file + ", "
                            + describeColumn(column) + ": every value is missing, so there is no mean to impute. "
                            + "Remove the column or fill in its values.");
                }
                double mean = sum / count;
                for (int row = 0; row < table.rowCount(); row++) {
                    if (Double.isNaN(features[row * featureCount + feature])) {
                        features[row * featureCount + feature] = mean;
                    }
                }
            }
        }

        private Dataset.Task decideTask(Table table) throws CsvFormatException {
            if (options.task() == TaskChoice.CLASSIFICATION) {
                return Dataset.Task.CLASSIFICATION;
            }
            Set<Double> distinct = new TreeSet<>();
            boolean allIntegers = true;
            for (int row = 0; row < table.rowCount(); row++) {
                String cell = table.targets()[row];
                Double value = parseNumber(cell, options.decimalSeparator());
                if (value == null) {
                    if (options.task() == TaskChoice.REGRESSION || usesOtherDecimalSeparator(cell, options.decimalSeparator())) {
                        throw notANumber(cell, table.lines()[row], targetColumn, "A regression target must "
                                + "contain numbers. For class labels, set the task option to classification.");
                    }
                    return Dataset.Task.CLASSIFICATION;
                }
                allIntegers &= value == Math.rint(value) && Math.abs(value) < Integer.MAX_VALUE;
                if (distinct.size() <= MAX_AUTO_CLASSES) {
                    distinct.add(value);
                }
            }
            if (options.task() == TaskChoice.REGRESSION) {
                return Dataset.Task.REGRESSION;
            }
            // Few integer values that each occur twice on average are class labels, not measurements.
            boolean fewIntegers = allIntegers && distinct.size() <= MAX_AUTO_CLASSES
                    && distinct.size() * 2 <= table.rowCount();
            return fewIntegers ? Dataset.Task.CLASSIFICATION : Dataset.Task.REGRESSION;
        }

        /**
         * Builds a classification dataset. Numeric labels become classes in numeric order, and text
         * labels in the sorted order of the strings.
         */
        private Dataset classification(Table table) throws CsvFormatException {
            String[] targets = table.targets();
            boolean numeric = true;
            for (String target : targets) {
                numeric &= parseNumber(target, options.decimalSeparator()) != null;
            }
            Map<String, Integer> classOfLabel = new HashMap<>();
            List<String> classNames = new ArrayList<>();
            if (numeric) {
                TreeMap<Double, List<String>> labelsByValue = new TreeMap<>();
                for (String target : targets) {
                    double value = parseNumber(target, options.decimalSeparator());
                    labelsByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(target);
                }
                for (Map.Entry<Double, List<String>> entry : labelsByValue.entrySet()) {
                    for (String label : entry.getValue()) {
                        classOfLabel.put(label, classNames.size());
                    }
                    classNames.add(BigDecimal.valueOf(entry.getKey()).stripTrailingZeros().toPlainString());
                }
            } else {
                for (String label : new TreeSet<>(Arrays.asList(targets))) {
                    classOfLabel.put(label, classNames.size());
                    classNames.add(label);
                }
            }
            if (classNames.size() < 2) {
                throw new CsvFormatException(file, 0, targetColumn + 1, columnName(targetColumn), file + ", "
                        + describeColumn(targetColumn) + ": the target has only the class '" + classNames.get(0)
                        + "', but classification needs at least 2. Select another target column.");
            }
            int[] labels = new int[table.rowCount()];
            for (int row = 0; row < labels.length; row++) {
                labels[row] = classOfLabel.get(targets[row]);
            }
            return Dataset.classification(datasetName(), table.rowCount(), table.featureCount(), table.features(),
                    labels, classNames).featureNames(featureNames()).build();
        }

        private Dataset regression(Table table) throws CsvFormatException {
            double[] values = new double[table.rowCount()];
            for (int row = 0; row < values.length; row++) {
                String cell = table.targets()[row];
                Double value = parseNumber(cell, options.decimalSeparator());
                if (value == null || !Double.isFinite(value)) {
                    throw notANumber(cell, table.lines()[row], targetColumn, "A regression target must contain "
                            + "finite numbers.");
                }
                values[row] = value;
            }
            String targetName = header == null ? "column " + (targetColumn + 1) : header[targetColumn];
            return Dataset.regression(datasetName(), table.rowCount(), table.featureCount(), table.features(),
                    values, List.of(targetName)).featureNames(featureNames()).build();
        }

        private List<String> featureNames() {
            if (header == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (int column = 0; column < columnCount; column++) {
                if (column != targetColumn) {
                    names.add(header[column]);
                }
            }
            return names;
        }

        private String datasetName() {
            String fileName = file.getFileName().toString();
            int dot = fileName.lastIndexOf('.');
            return dot > 0 ? fileName.substring(0, dot) : fileName;
        }

        private int columnOfFeature(int feature) {
            return feature < targetColumn ? feature : feature + 1;
        }

        private String columnName(int column) {
            return header == null ? null : header[column];
        }

        /** Describes a 0-based column as "column 3 ('width')", or "column 3" without a header. */
        private String describeColumn(int column) {
            return "column " + (column + 1) + (header == null ? "" : " ('" + header[column] + "')");
        }

        private String describeSeparator() {
            String name = switch (separator) {
                case ',' -> "comma";
                case ';' -> "semicolon";
                case '\t' -> "tab";
                default -> "'" + separator + "'";
            };
            return (options.separator() == CsvOptions.Separator.AUTO ? "detected " : "set to ") + name;
        }

        private CsvFormatException missingValue(int line, int column) {
            return cellError(line, column, "missing value. Fill it in, or drop the rows with missing values or replace"
                    + " them by the column mean (in the window: \"Empty cells\" when opening the file; on the command line:"
                    + " --missing-values drop-rows or impute-mean).");
        }

        private CsvFormatException notANumber(String cell, int line, int column, String advice) {
            DecimalSeparator decimal = options.decimalSeparator();
            if (usesOtherDecimalSeparator(cell, decimal)) {
                DecimalSeparator other = decimal == DecimalSeparator.POINT ? DecimalSeparator.COMMA : DecimalSeparator.POINT;
                return cellError(line, column, "value '" + cell + "' is not a number with '" + decimal.symbol()
                        + "' as decimal separator. It looks like a number with '" + other.symbol() + "' as decimal "
                        + "separator: set the decimal separator option to " + other + ".");
            }
            return cellError(line, column, "value '" + cell + "' is not a number. " + advice);
        }

        private CsvFormatException cellError(int line, int column, String problem) {
            return new CsvFormatException(file, line, column + 1, columnName(column),
                    file + ", line " + line + ", " + describeColumn(column) + ": " + problem);
        }

        private CsvFormatException fileError(String problem) {
            return new CsvFormatException(file, 0, 0, null, file + ": " + problem);
        }

        private CsvTargetColumnException targetError(String problem) {
            return new CsvTargetColumnException(file, file + ": " + problem);
        }
    }

    /**
     * Rows that survived the missing-value policy.
     *
     * @param features row-major {@code rowCount x featureCount}; missing values are NaN until imputed
     * @param targets the target cell of each row, as text
     * @param lines the 1-based line number of each row, for error messages
     */
    private record Table(int rowCount, int featureCount, double[] features, String[] targets, int[] lines) {
    }
}
