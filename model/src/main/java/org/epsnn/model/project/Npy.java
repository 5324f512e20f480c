package org.epsnn.model.project;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes arrays of doubles in the NumPy {@code .npy} format, version 1.0, as
 * {@code numpy.save} writes it: the magic string {@code \x93NUMPY}, the version bytes, a
 * little-endian 2-byte header length, an ASCII header such as
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (500, 785), }} padded with spaces to a
 * multiple of 64 bytes and ended by a newline, then the values as little-endian 8-byte doubles in
 * C (row-major) order. {@code numpy.load} reads these files directly.
 *
 * <p>The reader accepts versions 1.0 and 2.0 (which differ only in a 4-byte header length) and only
 * little-endian doubles in C order; anything else is rejected with a message naming what was found.
 *
 * @see <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>
 */
public final class Npy {

    /** An array read from an {@code .npy} file. */
    public record Array(int[] shape, double[] values) {
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy aligns the start of the data to this many bytes. */
    private static final int ALIGNMENT = 64;
    /** Doubles converted per chunk when reading or writing. */
    private static final int CHUNK_VALUES = 8192;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Returns the size in bytes of the {@code .npy} form of an array of this shape. */
    public static long byteSize(int[] shape) {
        return header(shape).length + 8L * count(shape);
    }

    /** Writes {@code values} with the given shape to a new file, replacing an existing one. */
    public static void write(Path file, int[] shape, double[] values) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(out, shape, values, null);
        }
    }

    /**
     * Writes an array to a stream and leaves the stream open.
     *
     * @param shape the dimensions, whose product must be {@code values.length}
     * @param progress counts the bytes written; may be null
     */
    static void write(OutputStream out, int[] shape, double[] values, ProgressCounter progress) throws IOException {
        if (count(shape) != values.length) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " has " + count(shape)
                    + " values, but the array has " + values.length);
        }
        byte[] header = header(shape);
        out.write(header);
        if (progress != null) {
            progress.add(header.length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(8 * CHUNK_VALUES).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += CHUNK_VALUES) {
            int to = Math.min(values.length, from + CHUNK_VALUES);
            buffer.clear();
            buffer.asDoubleBuffer().put(values, from, to - from);
            out.write(buffer.array(), 0, 8 * (to - from));
            if (progress != null) {
                progress.add(8L * (to - from));
            }
        }
    }

    /** Reads an array from a file. */
    public static Array read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int[] shape = readHeader(in, null);
            long available = Files.size(file);
            if (8 * count(shape) > available) {
                throw new NpyFormatException("declares shape " + shapeText(shape) + " (" + 8 * count(shape)
                        + " bytes of values), but the file has only " + available + " bytes");
            }
            return new Array(shape, readValues(in, shape, null));
        } catch (NpyFormatException e) {
            throw new NpyFormatException(file + " " + e.getMessage());
        }
    }

    /**
     * Reads one array from a stream.
     *
     * @param progress counts the bytes read; may be null
     * @throws NpyFormatException when the content is not an {@code .npy} array of little-endian doubles in C order
     */
    static Array read(InputStream in, ProgressCounter progress) throws IOException {
        int[] shape = readHeader(in, progress);
        return new Array(shape, readValues(in, shape, progress));
    }

    /**
     * Reads the header of an {@code .npy} stream, so that a caller can check the shape before
     * {@link #readValues} allocates the array.
     *
     * @return the shape
     * @throws NpyFormatException when the header is invalid or describes anything but little-endian doubles in C order
     */
    static int[] readHeader(InputStream in, ProgressCounter progress) throws IOException {
        byte[] prefix = new byte[8];
        int prefixLength = in.readNBytes(prefix, 0, 8);
        if (prefixLength < 8 || !Arrays.equals(Arrays.copyOf(prefix, 6), MAGIC)) {
            throw new NpyFormatException("is not a NumPy .npy array (no \\x93NUMPY magic string at the start)");
        }
        int major = prefix[6];
        int headerLength;
        if (major == 1) {
            headerLength = readLittleEndian(in, 2);
        } else if (major == 2) {
            headerLength = readLittleEndian(in, 4);
        } else {
            throw new NpyFormatException("has .npy format version " + major + "." + prefix[7] + "; versions 1.0 and 2.0 are supported");
        }
        byte[] headerBytes = in.readNBytes(headerLength);
        if (headerBytes.length < headerLength) {
            throw new NpyFormatException("ends inside its header");
        }
        int[] shape = parseShape(new String(headerBytes, StandardCharsets.ISO_8859_1));
        if (count(shape) > Integer.MAX_VALUE - 8) {
            throw new NpyFormatException("has shape " + shapeText(shape) + ", too many values for one Java array");
        }
        if (progress != null) {
            progress.add(prefix.length + headerLength + (major == 1 ? 2 : 4));
        }
        return shape;
    }

    /**
     * Reads the values that follow a header, and checks that nothing follows them.
     *
     * @param shape the shape that {@link #readHeader} returned
     */
    static double[] readValues(InputStream in, int[] shape, ProgressCounter progress) throws IOException {
        long count = count(shape);
        double[] values = new double[(int) count];
        byte[] chunk = new byte[8 * CHUNK_VALUES];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += CHUNK_VALUES) {
            int length = Math.min(CHUNK_VALUES, values.length - from);
            int read = in.readNBytes(chunk, 0, 8 * length);
            if (read < 8 * length) {
                throw new NpyFormatException("ends after " + (from + read / 8) + " of the " + count + " values of shape "
                        + shapeText(shape));
            }
            buffer.clear();
            buffer.asDoubleBuffer().get(values, from, length);
            if (progress != null) {
                progress.add(8L * length);
            }
        }
        if (in.read() >= 0) {
            throw new NpyFormatException("has data after the " + count + " values of shape " + shapeText(shape));
        }
        return values;
    }

    /** Returns a shape as text, for messages: "500 x 785". */
    static String shapeText(int[] shape) {
        if (shape.length == 0) {
            return "() (a single value)";
        }
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < shape.length; d++) {
            text.append(d == 0 ? "" : " x ").append(shape[d]);
        }
        return text.toString();
    }

    private static int[] parseShape(String header) throws NpyFormatException {
        Matcher descr = DESCR.matcher(header);
        if (!descr.find()) {
            throw new NpyFormatException("has no 'descr' in its header");
        }
        if (!descr.group(1).equals("<f8")) {
            throw new NpyFormatException("contains values of type '" + descr.group(1) + "'; expected '<f8' (little-endian 8-byte doubles)");
        }
        Matcher fortran = FORTRAN.matcher(header);
        if (!fortran.find()) {
            throw new NpyFormatException("has no 'fortran_order' in its header");
        }
        if (fortran.group(1).equals("True")) {
            throw new NpyFormatException("is in Fortran (column-major) order; save it in C order, e.g. numpy.ascontiguousarray");
        }
        Matcher shapeMatch = SHAPE.matcher(header);
        if (!shapeMatch.find()) {
            throw new NpyFormatException("has no 'shape' in its header");
        }
        List<Integer> dimensions = new ArrayList<>();
        for (String part : shapeMatch.group(1).split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                int dimension = Integer.parseInt(trimmed);
                if (dimension < 0) {
                    throw new NumberFormatException();
                }
                dimensions.add(dimension);
            } catch (NumberFormatException e) {
                throw new NpyFormatException("has an invalid shape (" + shapeMatch.group(1) + ")");
            }
        }
        return dimensions.stream().mapToInt(Integer::intValue).toArray();
    }

    private static byte[] header(int[] shape) {
        StringBuilder shapeText = new StringBuilder("(");
        for (int dimension : shape) {
            shapeText.append(dimension).append(", ");
        }
        // numpy writes (5,) for one dimension and (3, 4) for two.
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)"
                : shape.length == 0 ? "()" : shapeText.substring(0, shapeText.length() - 2) + ")";
        String dictionary = "{'descr': '<f8', 'fortran_order': False, 'shape': " + tuple + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dictionary.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String text = dictionary + " ".repeat(padding) + "\n";
        byte[] textBytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[MAGIC.length + 4 + textBytes.length];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        header[6] = 1;
        header[7] = 0;
        header[8] = (byte) (textBytes.length & 0xff);
        header[9] = (byte) (textBytes.length >>> 8);
        System.arraycopy(textBytes, 0, header, 10, textBytes.length);
        return header;
    }

    private static long count(int[] shape) {
        long count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        return count;
    }

    private static int readLittleEndian(InputStream in, int bytes) throws IOException {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            int b = in.read();
            if (b < 0) {
                throw new NpyFormatException("ends inside its header");
            }
            value |= (long) b << (8 * i);
        }
        if (value > Integer.MAX_VALUE) {
            throw new NpyFormatException("has a header length of " + value + " bytes");
        }
        return (int) value;
    }

    /** An {@code .npy} stream whose content is invalid; the message states what was found, without the file name. */
    static final class NpyFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        NpyFormatException(String problem) {
            super(problem);
        }
    }
}
