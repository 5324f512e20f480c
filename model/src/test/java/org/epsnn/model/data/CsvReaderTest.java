package org.epsnn.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.epsnn.model.data.CsvOptions.DecimalSeparator;
import org.epsnn.model.data.CsvOptions.Header;
import org.epsnn.model.data.CsvOptions.MissingValues;
import org.epsnn.model.data.CsvOptions.Separator;
import org.epsnn.model.data.CsvOptions.TaskChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every CSV case under three default locales, because a reader that used locale-sensitive
 * parsing or formatting would read "1.5" differently under a German or French default.
 */
class CsvReaderTest {

    @Nested
    class RootLocale extends Cases {
        RootLocale() {
            super(Locale.ROOT);
        }
    }

    @Nested
    class GermanLocale extends Cases {
        GermanLocale() {
            super(Locale.GERMANY);
        }
    }

    @Nested
    class FrenchLocale extends Cases {
        FrenchLocale() {
            super(Locale.FRANCE);
        }
    }

    abstract static class Cases {

        private final Locale locale;
        private Locale savedDefault;
        private Locale savedFormat;
        private Locale savedDisplay;

        @TempDir
        Path folder;

        Cases(Locale locale) {
            this.locale = locale;
        }

        @BeforeEach
        void setDefaultLocale() {
            savedDefault = Locale.getDefault();
            savedFormat = Locale.getDefault(Locale.Category.FORMAT);
            savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
            Locale.setDefault(locale);
        }

        @AfterEach
        void restoreDefaultLocale() {
            Locale.setDefault(savedDefault);
            Locale.setDefault(Locale.Category.FORMAT, savedFormat);
            Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
        }

        @Test
        void runsUnderRequestedLocale() {
            assertThat(Locale.getDefault()).isEqualTo(locale);
            assertThat(Locale.getDefault(Locale.Category.FORMAT)).isEqualTo(locale);
        }

        @Test
        void readsCommaSeparatedFileWithHeader() throws IOException {
            Path file = write("points.csv", "x,y,label\n1.5,-2,0\n0.25,3e2,1\n-.5,4.,1\n2,2,0\n");

            Dataset dataset = CsvReader.read(file);

            assertThat(dataset.name()).isEqualTo("points");
            assertThat(dataset.rows()).isEqualTo(4);
            assertThat(dataset.featureNames()).containsExactly("x", "y");
            assertThat(dataset.features()).containsExactly(1.5, -2, 0.25, 300, -0.5, 4, 2, 2);
            assertThat(dataset.task()).isEqualTo(Dataset.Task.CLASSIFICATION);
            assertThat(dataset.classNames()).containsExactly("0", "1");
            assertThat(dataset.labels()).containsExactly(0, 1, 1, 0);
        }

        @Test
        void detectsSemicolonSeparator() throws IOException {
            Path file = write("semicolon.csv", "a;b;c\n1;2;3.5\n4;5;6.5\n");

            Dataset dataset = CsvReader.read(file);

            assertThat(dataset.featureNames()).containsExactly("a", "b");
            assertThat(dataset.features()).containsExactly(1, 2, 4, 5);
        }

        @Test
        void detectsTabSeparator() throws IOException {
            Path file = write("tab.tsv", "a\tb\tc\n1\t2\t3.5\n4\t5\t6.5\n");

            Dataset dataset = CsvReader.read(file);

            assertThat(dataset.featureNames()).containsExactly("a", "b");
            assertThat(dataset.targets()).containsExactly(3.5, 6.5);
        }

        @Test
        void usesSeparatorFromOptions() throws IOException {
            Path file = write("tab.txt", "a\tb;c\n1\t4;5\n2\t2;3\n");

            Dataset dataset = CsvReader.read(file, CsvOptions.defaults().withSeparator(Separator.TAB));

            assertThat(dataset.targetNames()).isEmpty();
            assertThat(dataset.classNames()).containsExactly("2;3", "4;5");
            assertThat(dataset.labels()).containsExactly(1, 0);
        }

        @Test
        void skipsByteOrderMark() throws IOException {
            Path file = write("bom.csv", "\uFEFFfirst,second\n1,0.5\n2,1.5\n");

            Dataset dataset = CsvReader.read(file);

            assertThat(dataset.featureNames()).containsExactly("first");
            assertThat(dataset.targetNames()).containsExactly("second");
        }

        @Test
        void readsCrlfLineEnds() throws IOException {
            Path file = write("crlf.csv", "x,y\r\n1,0.5\r\n2,1.5\r\n3,2.25\r\n");

            Dataset dataset = CsvReader.read(file);

            assertThat(dataset.features()).containsExactly(1, 2, 3);
            assertThat(dataset.targets()).containsExactly(0.5, 1.5, 2.25);
        }

        @Test
        void readsQuotedFieldsWithSeparatorsAndQuotes() throws IOException {
            Path file = write("quoted.csv", "\"x, in cm\",label\n"
                    + "1,\"small, round\"\n"
                    + "\"2\",\"say \"\"hi\"\"\"\n"
                    + "3, \"small, round\" \n");

            Dataset dataset = CsvReader.read(file);

            assertThat(dataset.featureNames()).containsExactly("x, in cm");
            assertThat(dataset.classNames()).containsExactly("say \"hi\"", "small, round");
            assertThat(dataset.labels()).containsExactly(1, 0, 1);
            assertThat(dataset.features()).containsExactly(1, 2, 3);
        }

        @Test
        void countsLinesInsideQuotedFields() throws IOException {
            Path file = write("multiline.csv", "x,label\n1,\"two\nlines\"\nabc,b\n");

            CsvFormatException error = catchThrowableOfType(CsvFormatException.class,
                    () -> CsvReader.read(file));

            assertThat(error.row()).isEqualTo(4);
            assertThat(error.getMessage()).contains("line 4");
        }

        @Test
        void readsSpreadsheetExportWithEverythingAtOnce() throws IOException {
            // As a spreadsheet program saves "CSV UTF-8" under a German locale: BOM, semicolons,
            // CRLF, decimal commas, quoted text with the separator, and blank lines at the end.
            Path file = write("export.csv", "\uFEFFLänge;\"Breite; cm\";Art\r\n"
                    + "1,5;0,25;\"setosa; klein\"\r\n"
                    + "4,75;1,5;versicolor\r\n"
                    + "5,0;2,0;versicolor\r\n"
                    + "\r\n\r\n");

            Dataset dataset = CsvReader.read(file, CsvOptions.defaults().withDecimalSeparator(DecimalSeparator.COMMA));

            assertThat(dataset.featureNames()).containsExactly("Länge", "Breite; cm");
            assertThat(dataset.features()).containsExactly(1.5, 0.25, 4.75, 1.5, 5.0, 2.0);
            assertThat(dataset.classNames()).containsExactly("setosa; klein", "versicolor");
            assertThat(dataset.labels()).containsExactly(0, 1, 1);
        }

        @Test
        void skipsBlankLines() throws IOException {
            Path file = write("blank.csv", "x,y\n1,1.5\n\n2,2.5\n   \n\n\n");

            Dataset dataset = CsvReader.read(file);

            assertThat(dataset.rows()).isEqualTo(2);
        }

        @Test
        void rejectsEmptyFile() throws IOException {
            Path file = write("empty.csv", "\n\n");

            assertThatThrownBy(() -> CsvReader.read(file))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("empty");
        }

        @Test
        void rejectsHeaderOnlyFile() throws IOException {
            Path file = write("header.csv", "x,y,label\n\n");

            CsvFormatException error = catchThrowableOfType(CsvFormatException.class,
                    () -> CsvReader.read(file));

            assertThat(error.getMessage()).contains(file.toString()).contains("header line but no data rows");
            assertThat(error.file()).isEqualTo(file);
            assertThat(error.row()).isZero();
        }

        @Test
        void rejectsOneColumnFile() throws IOException {
            Path file = write("one.csv", "value\n1\n2\n3\n");

            assertThatThrownBy(() -> CsvReader.read(file))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("one column only")
                    .hasMessageContaining("at least one feature column and a target column");
        }

        @Test
        void rejectsMissingValueByDefault() throws IOException {
            Path file = write("missing.csv", "x,width,y\n1,2,3.5\n4,,6.5\n");

            CsvFormatException error = catchThrowableOfType(CsvFormatException.class,
                    () -> CsvReader.read(file));

            assertThat(error.row()).isEqualTo(3);
            assertThat(error.column()).isEqualTo(2);
            assertThat(error.columnName()).isEqualTo("width");
            assertThat(error.getMessage())
                    .contains(file + ", line 3, column 2 ('width'): missing value")
                    .contains("--missing-values drop-rows or impute-mean").contains("Empty cells");
        }

        @Test
        void rejectsMissingMarkerInTarget() throws IOException {
            Path file = write("missing-target.csv", "x,y\n1,3.5\n4,NA\n");

            CsvFormatException error = catchThrowableOfType(CsvFormatException.class,
                    () -> CsvReader.read(file));

            assertThat(error.row()).isEqualTo(3);
            assertThat(error.columnName()).isEqualTo("y");
        }

        @Test
        void dropsRowsWithMissingValues() throws IOException {
            Path file = write("drop.csv", "x,z,y\n1,2,0.5\n?,3,1.5\n4,5,n/a\n6,7,2.5\n");

            Dataset dataset = CsvReader.read(file, CsvOptions.defaults().withMissingValues(MissingValues.DROP_ROWS));

            assertThat(dataset.features()).containsExactly(1, 2, 6, 7);
            assertThat(dataset.targets()).containsExactly(0.5, 2.5);
        }

        @Test
        void imputesColumnMeans() throws IOException {
            Path file = write("impute.csv", "x,z,y\n1,NaN,0.5\n,4,1.5\n3,8,2.5\n");

            Dataset dataset = CsvReader.read(file, CsvOptions.defaults().withMissingValues(MissingValues.IMPUTE_MEAN));

            assertThat(dataset.features()).containsExactly(1, 6, 2, 4, 3, 8);
        }

        @Test
        void imputationDropsRowsWithMissingTarget() throws IOException {
            Path file = write("impute-target.csv", "x,y\n1,0.5\n2,\n3,2.5\n");

            Dataset dataset = CsvReader.read(file, CsvOptions.defaults().withMissingValues(MissingValues.IMPUTE_MEAN));

            assertThat(dataset.features()).containsExactly(1, 3);
        }

        @Test
        void rejectsImputationOfEmptyColumn() throws IOException {
            Path file = write("impute-empty.csv", "x,z,y\n1,,0.5\n2,,1.5\n");

            assertThatThrownBy(() -> CsvReader.read(file,
                    CsvOptions.defaults().withMissingValues(MissingValues.IMPUTE_MEAN)))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("column 2 ('z'): every value is missing");
        }

        @Test
        void rejectsFileWithNoCompleteRow() throws IOException {
            Path file = write("all-missing.csv", "x,y\n1,\n,2\n");

            assertThatThrownBy(() -> CsvReader.read(file,
                    CsvOptions.defaults().withMissingValues(MissingValues.DROP_ROWS)))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("no rows remain");
        }

        @Test
        void mapsStringLabelsInSortedOrder() throws IOException {
            Path file = write("iris.csv", "length,species\n5.1,versicolor\n4.9,setosa\n6.3,virginica\n5.0,setosa\n");

            Dataset dataset = CsvReader.read(file);

            assertThat(dataset.task()).isEqualTo(Dataset.Task.CLASSIFICATION);
            assertThat(dataset.classNames()).containsExactly("setosa", "versicolor", "virginica");
            assertThat(dataset.labels()).containsExactly(1, 0, 2, 0);
        }

        @Test
        void sortsNumericLabelsByValue() throws IOException {
            Path file = write("numeric-labels.csv", "x,y\n1,10\n2,2\n3,10\n4,2.0\n5,1\n6,1\n");

            Dataset dataset = CsvReader.read(file, CsvOptions.defaults().withTask(TaskChoice.CLASSIFICATION));

            assertThat(dataset.classNames()).containsExactly("1", "2", "10");
            assertThat(dataset.labels()).containsExactly(2, 1, 2, 1, 0, 0);
        }

        @Test
        void rejectsSingleClass() throws IOException {
            Path file = write("one-class.csv", "x,label\n1,a\n2,a\n");

            assertThatThrownBy(() -> CsvReader.read(file))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("only the class 'a'");
        }

        @Test
        void rejectsNonNumericFeature() throws IOException {
            Path file = write("text.csv", "x,colour,y\n1,2,0.5\n3,red,1.5\n");

            CsvFormatException error = catchThrowableOfType(CsvFormatException.class,
                    () -> CsvReader.read(file));

            assertThat(error.row()).isEqualTo(3);
            assertThat(error.column()).isEqualTo(2);
            assertThat(error.columnName()).isEqualTo("colour");
            assertThat(error.getMessage()).contains("line 3, column 2 ('colour'): value 'red' is not a number");
        }

        @Test
        void rejectsDecimalCommaUnlessOptionSet() throws IOException {
            Path file = write("german.csv", "a;b;y\n1,5;2;0,25\n3;4,75;1,5\n");

            CsvFormatException error = catchThrowableOfType(CsvFormatException.class,
                    () -> CsvReader.read(file));

            assertThat(error.row()).isEqualTo(2);
            assertThat(error.column()).isEqualTo(1);
            assertThat(error.getMessage())
                    .contains("line 2, column 1 ('a'): value '1,5'")
                    .contains("set the decimal separator option to COMMA");
        }

        @Test
        void readsDecimalCommaWithOption() throws IOException {
            Path file = write("german.csv", "a;b;y\n1,5;2;0,25\n3;4,75;1,5\n");

            Dataset dataset = CsvReader.read(file, CsvOptions.defaults().withDecimalSeparator(DecimalSeparator.COMMA));

            assertThat(dataset.features()).containsExactly(1.5, 2, 3, 4.75);
            assertThat(dataset.targets()).containsExactly(0.25, 1.5);
        }

        @Test
        void rejectsDecimalCommaInRegressionTarget() throws IOException {
            Path file = write("target.csv", "a;y\n1;0,25\n3;1,5\n");

            CsvFormatException error = catchThrowableOfType(CsvFormatException.class,
                    () -> CsvReader.read(file));

            assertThat(error.columnName()).isEqualTo("y");
            assertThat(error.getMessage()).contains("value '0,25'").contains("decimal separator option to COMMA");
        }

        @Test
        void rejectsDecimalPointWhenCommaExpected() throws IOException {
            Path file = write("points.csv", "a;y\n1.5;0\n3;1\n");

            assertThatThrownBy(() -> CsvReader.read(file,
                    CsvOptions.defaults().withDecimalSeparator(DecimalSeparator.COMMA)))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("value '1.5' is not a number with ',' as decimal separator")
                    .hasMessageContaining("decimal separator option to POINT");
        }

        @Test
        void readsQuotedDecimalCommaInCommaSeparatedFile() throws IOException {
            Path file = write("quoted-comma.csv", "a,y\n\"1,5\",0\n\"2,5\",1\n");

            Dataset dataset = CsvReader.read(file, CsvOptions.defaults()
                    .withDecimalSeparator(DecimalSeparator.COMMA).withTask(TaskChoice.CLASSIFICATION));

            assertThat(dataset.features()).containsExactly(1.5, 2.5);
        }

        @Test
        void selectsTargetByName() throws IOException {
            Path file = write("named.csv", "label,x,z\nb,1,2\na,3,4\n");

            Dataset dataset = CsvReader.read(file, CsvOptions.defaults().withTargetColumn("label"));

            assertThat(dataset.featureNames()).containsExactly("x", "z");
            assertThat(dataset.classNames()).containsExactly("a", "b");
            assertThat(dataset.features()).containsExactly(1, 2, 3, 4);
        }

        @Test
        void selectsTargetByIndex() throws IOException {
            Path file = write("indexed.csv", "x,y,z\n1,0.5,2\n3,1.5,4\n");

            Dataset dataset = CsvReader.read(file, CsvOptions.defaults().withTargetColumn(1));

            assertThat(dataset.targetNames()).containsExactly("y");
            assertThat(dataset.features()).containsExactly(1, 2, 3, 4);
        }

        @Test
        void rejectsUnknownTargetName() throws IOException {
            Path file = write("named.csv", "x,y\n1,2\n3,4\n");

            assertThatThrownBy(() -> CsvReader.read(file, CsvOptions.defaults().withTargetColumn("label")))
                    .isInstanceOf(CsvTargetColumnException.class)
                    .hasMessageContaining("no column 'label'")
                    .hasMessageContaining("x, y");
        }

        @Test
        void rejectsTargetNameWithoutHeader() throws IOException {
            Path file = write("plain.csv", "1,2\n3,4\n");

            assertThatThrownBy(() -> CsvReader.read(file, CsvOptions.defaults().withTargetColumn("label")))
                    .isInstanceOf(CsvTargetColumnException.class)
                    .hasMessageContaining("no header line");
        }

        @Test
        void rejectsTargetIndexOutsideColumns() throws IOException {
            Path file = write("indexed.csv", "x,y\n1,2\n3,4\n");

            assertThatThrownBy(() -> CsvReader.read(file, CsvOptions.defaults().withTargetColumn(2)))
                    .isInstanceOf(CsvTargetColumnException.class)
                    .hasMessageContaining("index 2 is outside the 2 columns");
        }

        @Test
        void detectsRegressionForRealTargets() throws IOException {
            Path file = write("real.csv", "x,y\n1,0.5\n2,1\n3,1\n4,0.5\n");

            Dataset dataset = CsvReader.read(file);

            assertThat(dataset.task()).isEqualTo(Dataset.Task.REGRESSION);
        }

        @Test
        void detectsRegressionForManyIntegerValues() throws IOException {
            StringBuilder content = new StringBuilder("x,price\n");
            for (int row = 0; row < 30; row++) {
                content.append(row).append(',').append(100 + row * 7).append('\n');
            }
            Path file = write("prices.csv", content.toString());

            Dataset dataset = CsvReader.read(file);

            assertThat(dataset.task()).isEqualTo(Dataset.Task.REGRESSION);
        }

        @Test
        void followsExplicitRegressionTask() throws IOException {
            Path file = write("ints.csv", "x,y\n1,0\n2,1\n3,1\n4,0\n");

            Dataset dataset = CsvReader.read(file, CsvOptions.defaults().withTask(TaskChoice.REGRESSION));

            assertThat(dataset.task()).isEqualTo(Dataset.Task.REGRESSION);
            assertThat(dataset.targets()).containsExactly(0, 1, 1, 0);
        }

        @Test
        void rejectsTextTargetForRegression() throws IOException {
            Path file = write("labels.csv", "x,y\n1,cat\n2,dog\n");

            assertThatThrownBy(() -> CsvReader.read(file, CsvOptions.defaults().withTask(TaskChoice.REGRESSION)))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("line 2, column 2 ('y'): value 'cat' is not a number");
        }

        @Test
        void readsFileWithoutHeader() throws IOException {
            Path file = write("plain.csv", "1,2,0\n3,4,1\n5,6,1\n7,8,0\n");

            Dataset dataset = CsvReader.read(file);

            assertThat(dataset.rows()).isEqualTo(4);
            assertThat(dataset.featureNames()).isEmpty();
            assertThat(dataset.classNames()).containsExactly("0", "1");
        }

        @Test
        void followsExplicitHeaderOptions() throws IOException {
            Path file = write("numbers.csv", "1,2,0.5\n3,4,1.5\n5,6,2.5\n");

            Dataset withHeader = CsvReader.read(file, CsvOptions.defaults().withHeader(Header.PRESENT));
            Dataset withoutHeader = CsvReader.read(file, CsvOptions.defaults().withHeader(Header.ABSENT));

            assertThat(withHeader.featureNames()).containsExactly("1", "2");
            assertThat(withHeader.rows()).isEqualTo(2);
            assertThat(withoutHeader.rows()).isEqualTo(3);
        }

        @Test
        void rejectsRowWithOtherValueCount() throws IOException {
            Path file = write("ragged.csv", "x,y,z\n1,2,3\n4,5\n");

            CsvFormatException error = catchThrowableOfType(CsvFormatException.class,
                    () -> CsvReader.read(file));

            assertThat(error.row()).isEqualTo(3);
            assertThat(error.getMessage()).contains("found 2 values, expected 3").contains("detected comma");
        }

        @Test
        void rejectsUnclosedQuote() throws IOException {
            Path file = write("unclosed.csv", "x,y\n1,\"open\n2,3\n");

            CsvFormatException error = catchThrowableOfType(CsvFormatException.class,
                    () -> CsvReader.read(file));

            assertThat(error.row()).isEqualTo(2);
            assertThat(error.column()).isEqualTo(2);
            assertThat(error.getMessage()).contains("no closing quote");
        }

        @Test
        void rejectsTextAfterClosingQuote() throws IOException {
            Path file = write("after-quote.csv", "x,y\n1,\"a\"b\n");

            assertThatThrownBy(() -> CsvReader.read(file))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("unexpected character 'b' after the closing quote");
        }

        @Test
        void rejectsInvalidUtf8() throws IOException {
            Path file = folder.resolve("latin1.csv");
            Files.write(file, "x,name\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

            assertThatThrownBy(() -> CsvReader.read(file))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("not valid UTF-8");
        }

        @Test
        void rejectsInfiniteNumber() throws IOException {
            Path file = write("huge.csv", "x,y\n1e400,1\n2,0\n");

            assertThatThrownBy(() -> CsvReader.read(file))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("value '1e400' is outside the range of a double");
        }

        private Path write(String name, String content) throws IOException {
            Path file = folder.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        }
    }
}
