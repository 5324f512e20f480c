package org.epsnn.model.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads image and label files in the IDX format of the MNIST database, raw or gzip-compressed.
 *
 * <p>An IDX file starts with a 4-byte big-endian magic number: two zero bytes, the data type
 * ({@code 0x08} for unsigned bytes) and the number of dimensions. One 4-byte big-endian size per
 * dimension follows, then the data. Image files have 3 dimensions (count, rows, columns) and
 * magic {@code 0x00000803}; label files have 1 dimension (count) and magic {@code 0x00000801}.
 * Compression is recognised by the gzip magic bytes {@code 1f 8b}, not by the file name.
 *
 * <p>Every invalid file raises a {@link DataFormatException} whose message names the file, what
 * was expected and what was found.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned-byte images: 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels: 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Class names of the ten MNIST digits. */
    public static final List<String> DIGIT_CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static final Logger log = LoggerFactory.getLogger(IdxReader.class);

    private static final int BUFFER_SIZE = 1 << 16;
    private static final int IMAGES_HEADER_BYTES = 16;
    private static final int LABELS_HEADER_BYTES = 8;
    private static final String FETCH_HINT = "The script samples/fetch-mnist.sh of the EP-SNN Workbench downloads them.";

    /** Pixel byte to intensity in [0, 1]. */
    private static final double[] PIXEL_SCALE = new double[256];

    static {
        for (int value = 0; value < 256; value++) {
            PIXEL_SCALE[value] = value / 255.0;
        }
    }

    private IdxReader() {
    }

    /**
     * The content of an IDX image file, with pixels scaled from {@code 0..255} to {@code [0, 1]}.
     *
     * @param count number of images
     * @param rows image height in pixels
     * @param columns image width in pixels
     * @param pixels row-major {@code count x (rows * columns)}, each image row by row
     */
    public record Images(int count, int rows, int columns, double[] pixels) {
    }

    /**
     * Reads the four MNIST files of a folder as a training and a test dataset.
     *
     * <p>The folder must contain {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
     * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each optionally with the
     * suffix {@code .gz} and with {@code .} in place of the {@code -} before {@code idx}. Pixels
     * are scaled to {@code [0, 1]}, the datasets are marked as images of the size in the files,
     * and the class names are {@code "0"} to {@code "9"}.
     *
     * @throws FileNotFoundException when the folder or one of the files is missing, naming the
     *     accepted file names
     * @throws DataFormatException when a file is invalid or the files do not match each other
     * @throws IOException when a file cannot be read
     */
    public static TrainTestSplit readMnist(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new FileNotFoundException("MNIST folder " + folder + " does not exist or is not a folder. "
                    + "It should contain the four MNIST IDX files. " + FETCH_HINT);
        }
        Path trainImages = findMnistFile(folder, "train", "images", "idx3", "training images");
        Path trainLabels = findMnistFile(folder, "train", "labels", "idx1", "training labels");
        Path testImages = findMnistFile(folder, "t10k", "images", "idx3", "test images");
        Path testLabels = findMnistFile(folder, "t10k", "labels", "idx1", "test labels");

        Dataset train = readDataset(trainImages, trainLabels, "mnist-train", DIGIT_CLASS_NAMES);
        Dataset test = readDataset(testImages, testLabels, "mnist-test", DIGIT_CLASS_NAMES);
        if (train.imageWidth() != test.imageWidth() || train.imageHeight() != test.imageHeight()) {
            throw new DataFormatException(testImages, testImages + ": test images are " + test.imageHeight() + " x "
                    + test.imageWidth() + " pixels, but the training images in " + trainImages + " are "
                    + train.imageHeight() + " x " + train.imageWidth() + ". Use the files of one dataset.");
        }
        return new TrainTestSplit(train, test);
    }

    /**
     * Finds the four MNIST files of a folder: training images and labels, then test images and labels.
     *
     * @throws FileNotFoundException when the folder or one of the files is missing, naming the accepted file names
     */
    public static List<Path> mnistFiles(Path folder) throws FileNotFoundException {
        if (!Files.isDirectory(folder)) {
            throw new FileNotFoundException("MNIST folder " + folder + " does not exist or is not a folder. "
                    + "It should contain the four MNIST IDX files. " + FETCH_HINT);
        }
        return List.of(findMnistFile(folder, "train", "images", "idx3", "training images"),
                findMnistFile(folder, "train", "labels", "idx1", "training labels"),
                findMnistFile(folder, "t10k", "images", "idx3", "test images"),
                findMnistFile(folder, "t10k", "labels", "idx1", "test labels"));
    }

    /**
     * Reads an image file and the label file that belongs to it as a classification dataset.
     *
     * @param classNames names of the classes; every label must be below its size
     * @throws DataFormatException when a file is invalid, the counts differ or a label is out of range
     * @throws IOException when a file cannot be read
     */
    public static Dataset readDataset(Path imagesFile, Path labelsFile, String name, List<String> classNames)
            throws IOException {
        Images images = readImages(imagesFile);
        int[] labels = readLabels(labelsFile);
        if (labels.length != images.count()) {
            throw new DataFormatException(labelsFile, labelsFile + ": contains " + labels.length + " labels, but "
                    + imagesFile + " contains " + images.count() + " images. Expected one label per image: check "
                    + "that the images and labels come from the same set (train or t10k).");
        }
        for (int index = 0; index < labels.length; index++) {
            if (labels[index] >= classNames.size()) {
                throw new DataFormatException(labelsFile, labelsFile + ": label " + labels[index] + " at index " + index
                        + " is outside the " + classNames.size() + " classes 0.." + (classNames.size() - 1)
                        + ". The file is damaged or does not belong to this dataset.");
            }
        }
        int pixelsPerImage = images.rows() * images.columns();
        return Dataset.classification(name, images.count(), pixelsPerImage, images.pixels(), labels, classNames)
                .image(images.columns(), images.rows())
                .build();
    }

    /**
     * Reads an IDX file of unsigned-byte images (magic {@code 0x00000803}).
     *
     * @throws DataFormatException when the magic number, the dimensions or the file length is invalid
     * @throws IOException when the file cannot be read
     */
    public static Images readImages(Path file) throws IOException {
        long start = System.nanoTime();
        try (IdxInput input = IdxInput.open(file)) {
            input.readMagic(IMAGES_MAGIC, "images");
            int count = input.readDimension("image count", IMAGES_HEADER_BYTES);
            int rows = input.readDimension("row count", IMAGES_HEADER_BYTES);
            int columns = input.readDimension("column count", IMAGES_HEADER_BYTES);
            long pixelCount = (long) count * rows * columns;
            String declared = count + " images of " + rows + " x " + columns + " pixels";
            if (pixelCount > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(file, file + ": the header declares " + declared + ", " + pixelCount
                        + " pixels in all, more than one Java array can contain (" + (Integer.MAX_VALUE - 8)
                        + "). Split the file into smaller ones.");
            }
            input.checkRawLength(IMAGES_HEADER_BYTES + pixelCount, declared);

            // NOTE: a gzip file is only checked against its header after decompression, so a damaged
            // header of a gzip file can request up to 2^31 pixels (16 GiB of doubles) before the error.
            double[] pixels = new double[(int) pixelCount];
            input.readUnsignedBytes(pixelCount, declared, (chunk, length, offset) -> {
                for (int i = 0; i < length; i++) {
                    pixels[offset + i] = PIXEL_SCALE[chunk[i] & 0xff];
                }
            });
            input.checkEnd(declared);
            log.info("Read {} from {} in {} ms", declared, file, (System.nanoTime() - start) / 1_000_000);
            return new Images(count, rows, columns, pixels);
        }
    }

    /**
     * Reads an IDX file of unsigned-byte labels (magic {@code 0x00000801}).
     *
     * @return the labels, each in {@code 0..255}
     * @throws DataFormatException when the magic number, the count or the file length is invalid
     * @throws IOException when the file cannot be read
     */
    public static int[] readLabels(Path file) throws IOException {
        try (IdxInput input = IdxInput.open(file)) {
            input.readMagic(LABELS_MAGIC, "labels");
            int count = input.readDimension("label count", LABELS_HEADER_BYTES);
            String declared = count + " labels";
            input.checkRawLength(LABELS_HEADER_BYTES + (long) count, declared);

            int[] labels = new int[count];
            input.readUnsignedBytes(count, declared, (chunk, length, offset) -> {
                for (int i = 0; i < length; i++) {
                    labels[offset + i] = chunk[i] & 0xff;
                }
            });
            input.checkEnd(declared);
            log.debug("Read {} from {}", declared, file);
            return labels;
        }
    }

    /**
     * Finds one MNIST file in a folder under any of its accepted names, for example
     * {@code train-images-idx3-ubyte}, {@code train-images-idx3-ubyte.gz},
     * {@code train-images.idx3-ubyte} or {@code train-images.idx3-ubyte.gz}.
     */
    private static Path findMnistFile(Path folder, String set, String kind, String idxType, String description)
            throws FileNotFoundException {
        List<String> acceptedNames = new ArrayList<>();
        for (String separator : List.of("-", ".")) {
            String baseName = set + "-" + kind + separator + idxType + "-ubyte";
            acceptedNames.add(baseName);
            acceptedNames.add(baseName + ".gz");
        }
        for (String name : acceptedNames) {
            Path candidate = folder.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new FileNotFoundException("MNIST folder " + folder + " has no " + description + " file: expected one of "
                + String.join(", ", acceptedNames) + ". " + FETCH_HINT);
    }

    /** Receives {@code length} bytes of {@code chunk} that belong at {@code offset} of the data. */
    @FunctionalInterface
    private interface ChunkConsumer {
        void accept(byte[] chunk, int length, int offset);
    }

    /** A raw or decompressed IDX stream that counts what it has read, for the error messages. */
    private static final class IdxInput implements AutoCloseable {
        private final Path file;
        private final InputStream in;
        private final boolean gzip;
        private final long rawLength;
        private long bytesRead;

        private IdxInput(Path file, InputStream in, boolean gzip, long rawLength) {
            this.file = file;
            this.in = in;
            this.gzip = gzip;
            this.rawLength = rawLength;
        }

        static IdxInput open(Path file) throws IOException {
            long rawLength = Files.size(file);
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE);
            try {
                raw.mark(2);
                int first = raw.read();
                int second = raw.read();
                raw.reset();
                if (first == 0x1f && second == 0x8b) {
                    InputStream inflated = new GZIPInputStream(raw, BUFFER_SIZE);
                    return new IdxInput(file, new BufferedInputStream(inflated, BUFFER_SIZE), true, rawLength);
                }
                return new IdxInput(file, raw, false, rawLength);
            } catch (ZipException | EOFException e) {
                raw.close();
                throw damagedGzip(file, e);
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }

        void readMagic(int expectedMagic, String kind) throws IOException {
            byte[] bytes = new byte[4];
            int count = read(bytes, 0, 4);
            String expected = String.format(Locale.ROOT, "magic number 0x%08X (IDX %s: unsigned bytes, %d dimension%s)",
                    expectedMagic, kind, expectedMagic & 0xff, (expectedMagic & 0xff) == 1 ? "" : "s");
            if (count == 0) {
                throw new DataFormatException(file, file + ": the file is empty" + (gzip ? " after decompression" : "")
                        + ", expected an IDX file starting with " + expected + ". Download the file again.");
            }
            if (count < 4) {
                throw new DataFormatException(file, file + ": the file ends after " + count + " bytes, expected an IDX "
                        + "file starting with " + expected + ". Download the file again.");
            }
            int magic = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
            if (magic != expectedMagic) {
                throw new DataFormatException(file, file + ": expected " + expected
                        + String.format(Locale.ROOT, ", found 0x%08X. ", magic) + adviceForMagic(magic, expectedMagic));
            }
        }

        private static String adviceForMagic(int magic, int expectedMagic) {
            if (magic == LABELS_MAGIC) {
                return "This is an IDX label file: check that the images and labels files are not swapped.";
            }
            if (magic == IMAGES_MAGIC) {
                return "This is an IDX image file: check that the images and labels files are not swapped.";
            }
            if ((magic >>> 16) != 0) {
                return "This is not an IDX file: choose an MNIST-format file such as train-images-idx3-ubyte.";
            }
            int type = (magic >>> 8) & 0xff;
            if (type != 0x08) {
                return "Data type " + String.format(Locale.ROOT, "0x%02X", type) + " (" + typeName(type)
                        + ") is not supported, only unsigned bytes (0x08): convert the file to unsigned bytes.";
            }
            return "The file has " + (magic & 0xff) + " dimensions instead of " + (expectedMagic & 0xff)
                    + ": choose an MNIST-format file of the expected kind.";
        }

        private static String typeName(int type) {
            return switch (type) {
                case 0x09 -> "signed byte";
                case 0x0B -> "16-bit integer";
                case 0x0C -> "32-bit integer";
                case 0x0D -> "32-bit float";
                case 0x0E -> "64-bit float";
                default -> "unknown type";
            };
        }

        /** Reads one 4-byte big-endian size of the header and checks that it is positive. */
        int readDimension(String dimensionName, int headerBytes) throws IOException {
            byte[] bytes = new byte[4];
            int count = read(bytes, 0, 4);
            if (count < 4) {
                throw new DataFormatException(file, file + ": truncated header: expected " + headerBytes
                        + " header bytes, found " + bytesRead + ". Download the file again.");
            }
            int value = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
            if (value <= 0) {
                throw new DataFormatException(file, file + ": the header declares " + dimensionName + " " + value
                        + " at byte " + (bytesRead - 4) + ", expected a positive number. The file is damaged; "
                        + "download it again.");
            }
            return value;
        }

        /** Compares the length of an uncompressed file with the header before any data is read. */
        void checkRawLength(long expectedLength, String declared) throws DataFormatException {
            if (gzip || rawLength == expectedLength) {
                return;
            }
            long dataBytes = expectedLength - bytesRead;
            if (rawLength < expectedLength) {
                throw truncated(declared, dataBytes, rawLength - bytesRead);
            }
            throw tooLong(declared, rawLength - expectedLength);
        }

        void readUnsignedBytes(long byteCount, String declared, ChunkConsumer consumer) throws IOException {
            byte[] chunk = new byte[BUFFER_SIZE];
            long done = 0;
            while (done < byteCount) {
                int requested = (int) Math.min(chunk.length, byteCount - done);
                int got = read(chunk, 0, requested);
                consumer.accept(chunk, got, (int) done);
                done += got;
                if (got < requested) {
                    throw truncated(declared, byteCount, done);
                }
            }
        }

        /** Checks that nothing follows the declared data. */
        void checkEnd(String declared) throws IOException {
            long extra;
            try {
                extra = in.transferTo(OutputStream.nullOutputStream());
            } catch (ZipException | EOFException e) {
                throw damagedGzip(file, e);
            }
            if (extra > 0) {
                throw tooLong(declared, extra);
            }
        }

        private int read(byte[] buffer, int offset, int length) throws IOException {
            int count;
            try {
                count = in.readNBytes(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                throw damagedGzip(file, e);
            }
            bytesRead += count;
            return count;
        }

        private DataFormatException truncated(String declared, long expectedDataBytes, long foundDataBytes) {
            return new DataFormatException(file, file + ": truncated: the header declares " + declared + ", "
                    + expectedDataBytes + " data bytes, but the file contains only " + foundDataBytes
                    + (gzip ? " after decompression" : "") + ". Download the file again.");
        }

        private DataFormatException tooLong(String declared, long extraBytes) {
            return new DataFormatException(file, file + ": too long: expected the " + declared
                    + " that the header declares, found " + extraBytes + " more bytes after them"
                    + (gzip ? " after decompression" : "") + ". The file is damaged or not an MNIST-format file; "
                    + "download it again.");
        }

        private static DataFormatException damagedGzip(Path file, IOException cause) {
            return new DataFormatException(file, file + ": damaged gzip data (" + cause.getMessage()
                    + "). Expected a complete gzip-compressed IDX file; download it again.", cause);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
