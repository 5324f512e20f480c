package org.epsnn.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class IdxReaderTest {

    private static final Logger log = LoggerFactory.getLogger(IdxReaderTest.class);

    private static TrainTestSplit mnist;
    private static long mnistReadMillis;

    @TempDir
    Path folder;

    @BeforeAll
    static void readMnistOnce() throws IOException {
        long start = System.nanoTime();
        mnist = IdxReader.readMnist(SharedData.mnistFolder());
        mnistReadMillis = (System.nanoTime() - start) / 1_000_000;
        log.info("Read the gzipped MNIST training and test sets in {} ms", mnistReadMillis);
    }

    @Test
    void readsMnistTrainingSetShape() {
        Dataset train = mnist.train();

        assertThat(train.rows()).isEqualTo(60_000);
        assertThat(train.columns()).isEqualTo(784);
        assertThat(train.imageWidth()).isEqualTo(28);
        assertThat(train.imageHeight()).isEqualTo(28);
        assertThat(train.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(train.task()).isEqualTo(Dataset.Task.CLASSIFICATION);
    }

    @Test
    void readsMnistTestSetShape() {
        Dataset test = mnist.test();

        assertThat(test.rows()).isEqualTo(10_000);
        assertThat(test.columns()).isEqualTo(784);
        assertThat(test.isImage()).isTrue();
    }

    @Test
    void readsKnownFirstMnistLabels() {
        // The first labels of the published MNIST files.
        assertThat(Arrays.copyOf(mnist.train().labels(), 5)).containsExactly(5, 0, 4, 1, 9);
        assertThat(Arrays.copyOf(mnist.test().labels(), 5)).containsExactly(7, 2, 1, 0, 4);
    }

    @Test
    void scalesMnistPixelsToUnitInterval() {
        double[] pixels = mnist.test().features();

        assertThat(Arrays.stream(pixels).min().orElseThrow()).isEqualTo(0.0);
        assertThat(Arrays.stream(pixels).max().orElseThrow()).isEqualTo(1.0);
    }

    @Test
    void readsEveryMnistDigitClass() {
        int[] counts = new int[10];
        for (int label : mnist.train().labels()) {
            counts[label]++;
        }

        // Each digit has between 5 421 and 6 742 training images in MNIST.
        for (int digit = 0; digit < 10; digit++) {
            assertThat(counts[digit]).as("training images of digit %d", digit).isBetween(5_000, 7_000);
        }
    }

    @Test
    void readsRawAndGzipIdentically() throws IOException {
        byte[] images = imagesFile(3, 2, 2, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255});
        Path raw = write("raw-images", images);
        Path gzip = write("gzip-images", gzip(images));

        IdxReader.Images fromRaw = IdxReader.readImages(raw);
        IdxReader.Images fromGzip = IdxReader.readImages(gzip);

        assertThat(fromGzip.pixels()).containsExactly(fromRaw.pixels());
        assertThat(fromRaw.count()).isEqualTo(3);
        assertThat(fromRaw.pixels()[11]).isEqualTo(1.0);
        assertThat(fromRaw.pixels()[1]).isEqualTo(1 / 255.0);
    }

    @Test
    void detectsGzipByContentNotName() throws IOException {
        byte[] labels = labelsFile(new byte[] {3, 1, 4});
        Path gzipWithoutSuffix = write("labels-idx1-ubyte", gzip(labels));
        Path rawWithGzipSuffix = write("labels-idx1-ubyte.gz", labels);

        assertThat(IdxReader.readLabels(gzipWithoutSuffix)).containsExactly(3, 1, 4);
        assertThat(IdxReader.readLabels(rawWithGzipSuffix)).containsExactly(3, 1, 4);
    }

    @Test
    void readsMnistFolderWithDottedNames() throws IOException {
        write("train-images.idx3-ubyte", imagesFile(2, 2, 3, new byte[12]));
        write("train-labels.idx1-ubyte.gz", gzip(labelsFile(new byte[] {0, 9})));
        write("t10k-images.idx3-ubyte.gz", gzip(imagesFile(1, 2, 3, new byte[6])));
        write("t10k-labels.idx1-ubyte", labelsFile(new byte[] {7}));

        TrainTestSplit split = IdxReader.readMnist(folder);

        assertThat(split.train().rows()).isEqualTo(2);
        assertThat(split.train().imageWidth()).isEqualTo(3);
        assertThat(split.train().imageHeight()).isEqualTo(2);
        assertThat(split.test().labels()).containsExactly(7);
    }

    @Test
    void reportsMissingFileByExpectedNames() throws IOException {
        write("train-images-idx3-ubyte.gz", gzip(imagesFile(1, 1, 1, new byte[1])));

        assertThatThrownBy(() -> IdxReader.readMnist(folder))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("training labels")
                .hasMessageContaining("train-labels-idx1-ubyte, train-labels-idx1-ubyte.gz, "
                        + "train-labels.idx1-ubyte, train-labels.idx1-ubyte.gz");
    }

    @Test
    void reportsMissingFolder() {
        Path missing = folder.resolve("no-such-folder");

        assertThatThrownBy(() -> IdxReader.readMnist(missing))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void rejectsLabelFileAsImages() throws IOException {
        Path labels = write("labels", labelsFile(new byte[] {1, 2}));

        assertThatThrownBy(() -> IdxReader.readImages(labels))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(labels.toString())
                .hasMessageContaining("expected magic number 0x00000803")
                .hasMessageContaining("found 0x00000801")
                .hasMessageContaining("swapped");
    }

    @Test
    void rejectsFileThatIsNotIdx() throws IOException {
        Path text = write("notes.txt", "hello, world".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> IdxReader.readLabels(text))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(text.toString())
                .hasMessageContaining("expected magic number 0x00000801")
                .hasMessageContaining("found 0x68656C6C")
                .hasMessageContaining("not an IDX file");
    }

    @Test
    void rejectsUnsupportedDataType() throws IOException {
        byte[] floats = imagesFile(1, 1, 1, new byte[4]);
        floats[2] = 0x0D;
        Path file = write("float-images", floats);

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("found 0x00000D03")
                .hasMessageContaining("32-bit float")
                .hasMessageContaining("only unsigned bytes");
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        Path empty = write("empty", new byte[0]);

        assertThatThrownBy(() -> IdxReader.readImages(empty))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("empty")
                .hasMessageContaining("0x00000803");
    }

    @Test
    void rejectsEmptyGzipContent() throws IOException {
        Path empty = write("empty.gz", gzip(new byte[0]));

        assertThatThrownBy(() -> IdxReader.readLabels(empty))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("empty after decompression");
    }

    @Test
    void rejectsTruncatedHeader() throws IOException {
        byte[] header = Arrays.copyOf(imagesFile(1, 28, 28, new byte[784]), 10);
        Path file = write("short-header", header);

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("truncated header")
                .hasMessageContaining("expected 16 header bytes, found 10");
    }

    @Test
    void rejectsTruncatedRawImages() throws IOException {
        byte[] complete = imagesFile(3, 2, 2, new byte[12]);
        Path file = write("truncated", Arrays.copyOf(complete, complete.length - 5));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("3 images of 2 x 2 pixels, 12 data bytes")
                .hasMessageContaining("contains only 7");
    }

    @Test
    void rejectsTruncatedGzipContent() throws IOException {
        byte[] complete = imagesFile(3, 2, 2, new byte[12]);
        Path file = write("truncated.gz", gzip(Arrays.copyOf(complete, complete.length - 5)));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("contains only 7 after decompression");
    }

    @Test
    void rejectsCutGzipStream() throws IOException {
        byte[] compressed = gzip(imagesFile(50, 10, 10, randomBytes(5000)));
        Path file = write("cut.gz", Arrays.copyOf(compressed, compressed.length / 2));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("damaged gzip data");
    }

    @Test
    void rejectsTooLongRawLabels() throws IOException {
        byte[] complete = labelsFile(new byte[] {1, 2, 3});
        Path file = write("long", Arrays.copyOf(complete, complete.length + 4));

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("too long")
                .hasMessageContaining("3 labels")
                .hasMessageContaining("found 4 more bytes");
    }

    @Test
    void rejectsTooLongGzipImages() throws IOException {
        byte[] complete = imagesFile(1, 2, 2, new byte[4]);
        Path file = write("long.gz", gzip(Arrays.copyOf(complete, complete.length + 2)));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("found 2 more bytes after them after decompression");
    }

    @Test
    void rejectsZeroDimension() throws IOException {
        Path file = write("zero-rows", imagesFile(1, 0, 5, new byte[0]));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("row count 0")
                .hasMessageContaining("expected a positive number");
    }

    @Test
    void rejectsCountMismatch() throws IOException {
        Path images = write("images", imagesFile(3, 1, 1, new byte[3]));
        Path labels = write("labels", labelsFile(new byte[] {1, 2}));

        assertThatThrownBy(() -> IdxReader.readDataset(images, labels, "set", IdxReader.DIGIT_CLASS_NAMES))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(labels.toString())
                .hasMessageContaining("contains 2 labels")
                .hasMessageContaining(images + " contains 3 images");
    }

    @Test
    void rejectsLabelOutsideDigits() throws IOException {
        Path images = write("images", imagesFile(3, 1, 1, new byte[3]));
        Path labels = write("labels", labelsFile(new byte[] {1, 10, 2}));

        assertThatThrownBy(() -> IdxReader.readDataset(images, labels, "set", IdxReader.DIGIT_CLASS_NAMES))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(labels.toString())
                .hasMessageContaining("label 10 at index 1")
                .hasMessageContaining("classes 0..9");
    }

    @Test
    void rejectsTestImagesOfOtherSize() throws IOException {
        write("train-images-idx3-ubyte", imagesFile(2, 2, 2, new byte[8]));
        write("train-labels-idx1-ubyte", labelsFile(new byte[] {0, 1}));
        write("t10k-images-idx3-ubyte", imagesFile(1, 3, 3, new byte[9]));
        write("t10k-labels-idx1-ubyte", labelsFile(new byte[] {0}));

        assertThatThrownBy(() -> IdxReader.readMnist(folder))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("test images are 3 x 3 pixels")
                .hasMessageContaining("are 2 x 2");
    }

    private Path write(String name, byte[] content) {
        Path file = folder.resolve(name);
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static byte[] imagesFile(int count, int rows, int columns, byte[] pixels) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + pixels.length);
        buffer.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(columns).put(pixels);
        return buffer.array();
    }

    static byte[] labelsFile(byte[] labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length).put(labels);
        return buffer.array();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
