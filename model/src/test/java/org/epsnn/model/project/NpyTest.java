package org.epsnn.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NumPy .npy reader and writer, checked against NumPy itself where python3 has it. */
class NpyTest {

    @TempDir
    Path folder;

    private static double[] randomValues(int count) {
        SplittableRandom random = new SplittableRandom(5);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-300, 300));
        }
        return values;
    }

    @Test
    void headerIsAlignedAndNamesShape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, new int[] {2, 3}, new double[6], null);
        byte[] bytes = out.toByteArray();

        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat((10 + headerLength) % 64).isZero();
        assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }").endsWith("\n");
        assertThat(bytes.length).isEqualTo(10 + headerLength + 48);
        assertThat(Npy.byteSize(new int[] {2, 3})).isEqualTo(bytes.length);
    }

    @Test
    void roundTripKeepsEveryShapeAndBit() throws IOException {
        int[][] shapes = {{7}, {3, 5}, {3, 4, 5}, {0, 4}};
        for (int[] shape : shapes) {
            int count = 1;
            for (int dimension : shape) {
                count *= dimension;
            }
            double[] values = randomValues(count);
            if (count > 2) {
                values[0] = -0.0;
                values[1] = Double.MIN_VALUE;
            }
            Path file = folder.resolve("array.npy");
            Npy.write(file, shape, values);

            Npy.Array read = Npy.read(file);

            assertThat(read.shape()).containsExactly(shape);
            assertThat(read.values()).containsExactly(values);
        }
    }

    @Test
    void rejectsFortranOrder() {
        byte[] bytes = withHeader("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }", 32);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), null))
                .hasMessageContaining("is in Fortran (column-major) order");
    }

    @Test
    void rejectsBigEndianDoubles() {
        byte[] bytes = withHeader("{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }", 16);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), null))
                .hasMessageContaining("contains values of type '>f8'; expected '<f8'");
    }

    @Test
    void rejectsFileShorterThanDeclaredShape() throws IOException {
        Path file = Files.write(folder.resolve("short.npy"),
                withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (20000, 20000), }", 16));

        assertThatThrownBy(() -> Npy.read(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("declares shape 20000 x 20000 (3200000000 bytes of values), but the file has only");
    }

    @Test
    void rejectsTrailingData() {
        byte[] bytes = withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", 16);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), null))
                .hasMessageContaining("has data after the 1 values");
    }

    @Test
    void rejectsOtherContent() {
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream("x,y\n1,2\n".getBytes(StandardCharsets.US_ASCII)), null))
                .hasMessageContaining("is not a NumPy .npy array");
    }

    private static byte[] withHeader(String dictionary, int dataBytes) {
        byte[] text = (dictionary + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[10 + text.length + dataBytes];
        System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, 0, bytes, 0, 8);
        bytes[8] = (byte) text.length;
        System.arraycopy(text, 0, bytes, 10, text.length);
        return bytes;
    }

    @Test
    void numpyReadsWrittenArrays() throws Exception {
        assumeTrue(numpyAvailable(), "python3 with numpy is not installed");
        double[] values = randomValues(12);
        Path file = folder.resolve("written.npy");
        Npy.write(file, new int[] {3, 4}, values);

        List<String> lines = python("import numpy as np, sys\n"
                + "a = np.load(sys.argv[1])\n"
                + "print(a.shape, a.dtype, a.flags['C_CONTIGUOUS'])\n"
                + "print(' '.join(float(x).hex() for x in a.ravel()))\n", file.toString());

        assertThat(lines.get(0)).isEqualTo("(3, 4) float64 True");
        List<String> expected = new ArrayList<>();
        for (double value : values) {
            expected.add(pythonHex(value));
        }
        assertThat(lines.get(1).split(" ")).containsExactlyElementsOf(expected);
    }

    @Test
    void readsArraysThatNumpyWrote() throws Exception {
        assumeTrue(numpyAvailable(), "python3 with numpy is not installed");
        Path file = folder.resolve("numpy.npy");
        python("import numpy as np, sys\n"
                + "np.save(sys.argv[1], np.arange(24, dtype='<f8').reshape(2, 3, 4) / 7)\n", file.toString());

        Npy.Array array = Npy.read(file);

        assertThat(array.shape()).containsExactly(2, 3, 4);
        for (int i = 0; i < 24; i++) {
            assertThat(array.values()[i]).isEqualTo(i / 7.0);
        }
    }

    /** Formats a double as Python's {@code float.hex} does, e.g. {@code 0x1.8000000000000p+1}. */
    private static String pythonHex(double value) {
        if (value == 0) {
            return (1 / value < 0 ? "-" : "") + "0x0.0p+0";
        }
        String java = Double.toHexString(value);
        boolean negative = java.startsWith("-");
        String body = negative ? java.substring(1) : java;
        int point = body.indexOf('.');
        int exponentAt = body.indexOf('p');
        String fraction = (body.substring(point + 1, exponentAt) + "0000000000000").substring(0, 13);
        String exponent = body.substring(exponentAt + 1);
        String lead = body.substring(0, point);
        return (negative ? "-" : "") + lead + "." + fraction + "p" + (exponent.startsWith("-") ? exponent : "+" + exponent);
    }

    static boolean numpyAvailable() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<String> python(String script, String argument) throws Exception {
        Path scriptFile = Files.createTempFile("npy-check", ".py");
        try {
            Files.writeString(scriptFile, script);
            Process process = new ProcessBuilder("python3", scriptFile.toString(), argument).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("python3 output: %s", output).isZero();
            return output.lines().toList();
        } finally {
            Files.deleteIfExists(scriptFile);
        }
    }
}
