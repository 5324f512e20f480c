package org.epsnn.app.cli;

import org.epsnn.model.ep.InputEncoding;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts the {@code --inputs} value with {@link InputEncoding#parse}, keeping its message. */
final class InputEncodingConverter implements ITypeConverter<InputEncoding> {

    @Override
    public InputEncoding convert(String value) {
        try {
            return InputEncoding.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
