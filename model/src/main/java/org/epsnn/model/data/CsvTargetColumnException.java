package org.epsnn.model.data;

import java.nio.file.Path;

/**
 * A target column choice that does not fit the CSV file: a name that no header column has, a
 * name in a file without a header, a name that several columns have, or an index outside the
 * columns. The file itself may be valid, so a caller can report this as an invalid option and ask
 * for another target column.
 */
public class CsvTargetColumnException extends CsvFormatException {

    private static final long serialVersionUID = 1L;

    /** @param message the whole message, which should name the file, the chosen column and the columns there are */
    public CsvTargetColumnException(Path file, String message) {
        super(file, 0, 0, null, message);
    }
}
