package org.epsnn.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed project files: each is rejected with a message that names the file, the entry or
 * field and what to do, and the project the caller already has stays as it was.
 */
class ProjectFileErrorsTest {

    @TempDir
    Path folder;

    private Project open;
    private Path good;

    @BeforeEach
    void saveGoodProject() throws Exception {
        open = ProjectFixtures.trained(ProjectFixtures.Variant.GAUSSIAN, 1);
        good = folder.resolve("good.epsnn");
        ProjectFiles.save(open, good);
    }

    /** Loads {@code file}, expecting a {@link ProjectFormatException}, and returns its message. */
    private String rejectionOf(Path file) throws Exception {
        Project before = ProjectFiles.load(good);
        Throwable thrown = null;
        try {
            ProjectFiles.load(file);
        } catch (ProjectFormatException e) {
            thrown = e;
        }
        assertThat(thrown).as("loading %s", file.getFileName()).isNotNull();
        assertThat(thrown.getMessage()).contains(file.toString());
        assertThat(ProjectFixtures.sameContent(before, open)).as("the open project is unchanged").isTrue();
        return thrown.getMessage();
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        Path file = Files.write(folder.resolve("empty.epsnn"), new byte[0]);
        assertThat(rejectionOf(file)).contains("is empty (0 bytes)");
    }

    @Test
    void rejectsTruncatedFile() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Path file = Files.write(folder.resolve("truncated.epsnn"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(rejectionOf(file)).contains("is truncated or damaged").contains("open a backup or retrain");
    }

    @Test
    void rejectsFileOfAnotherType() throws Exception {
        Path png = Files.write(folder.resolve("picture.epsnn"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        assertThat(rejectionOf(png)).contains("is not an EP-SNN project");
        Path csv = Files.writeString(folder.resolve("table.epsnn"), "x,y,label\n1,2,a\n");
        assertThat(rejectionOf(csv)).contains("is not an EP-SNN project");
    }

    @Test
    void rejectsZipWithoutProjectEntry() throws Exception {
        Path file = folder.resolve("other.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(rejectionOf(file)).contains("has no entry project.json");
    }

    @Test
    void rejectsNewerVersion() throws Exception {
        Path file = rewrite("newer.epsnn", "project.json", json -> json.replace("\"version\" : 2", "\"version\" : 3"));
        assertThat(rejectionOf(file)).contains("newer version of the workbench (project version 3")
                .contains("update the workbench");
    }

    @Test
    void rejectsNewerVersion1StyleFile() throws Exception {
        String json = Files.readString(ProjectFileTest.resource("moons-version-1.epsnn.json"))
                .replace("\"version\": 1", "\"version\": 7");
        Path file = Files.writeString(folder.resolve("newer.epsnn.json"), json);
        assertThat(rejectionOf(file)).contains("newer version of the workbench (project version 7");
    }

    @Test
    void rejectsInvalidJsonEntry() throws Exception {
        Path file = rewrite("broken-json.epsnn", "project.json", json -> json.substring(0, json.length() / 2));
        assertThat(rejectionOf(file)).contains("entry project.json is not valid JSON");
    }

    @Test
    void rejectsMissingField() throws Exception {
        Path file = rewrite("no-network.epsnn", "project.json", json -> json.replace("\"network\"", "\"netwrk\""));
        assertThat(rejectionOf(file)).contains("field network is missing");
    }

    @Test
    void rejectsArrayOfWrongShape() throws Exception {
        Path file = rewriteBytes("shape.epsnn", "posterior/layer-1-site-shift.npy", bytes -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                Npy.write(out, new int[] {11, 3}, new double[33], null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        });
        assertThat(rejectionOf(file)).contains("entry posterior/layer-1-site-shift.npy contains 11 x 3 values,"
                + " but layer 1 of the network needs 12 x 3").contains("The file is damaged; open a backup or retrain");
    }

    @Test
    void rejectsHugeDeclaredShapeBeforeAllocating() throws Exception {
        Path file = rewriteBytes("huge.epsnn", "posterior/layer-1-site-precision.npy", bytes -> {
            String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (40000, 40000), }";
            byte[] text = (header + " ".repeat(64 - (10 + header.length() + 1) % 64) + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] changed = new byte[10 + text.length + 16];
            System.arraycopy(bytes, 0, changed, 0, 8);
            changed[8] = (byte) text.length;
            changed[9] = (byte) (text.length >>> 8);
            System.arraycopy(text, 0, changed, 10, text.length);
            return changed;
        });
        assertThat(rejectionOf(file)).contains("entry posterior/layer-1-site-precision.npy contains 40000 x 40000 values,"
                + " but layer 1 of the network needs 12 x 3");
    }

    @Test
    void rejectsArrayOfWrongType() throws Exception {
        Path file = rewriteBytes("type.epsnn", "posterior/layer-2-prior.npy", bytes -> {
            byte[] changed = bytes.clone();
            String header = new String(changed, StandardCharsets.ISO_8859_1);
            int at = header.indexOf("<f8");
            changed[at + 1] = 'i';
            return changed;
        });
        assertThat(rejectionOf(file)).contains("entry posterior/layer-2-prior.npy contains values of type '<i8'");
    }

    @Test
    void rejectsTruncatedArray() throws Exception {
        Path file = rewriteBytes("short.epsnn", "posterior/layer-1-site-precision.npy",
                bytes -> Arrays.copyOf(bytes, bytes.length - 20));
        assertThat(rejectionOf(file)).contains("entry posterior/layer-1-site-precision.npy ends after 33 of the 36 values");
    }

    @Test
    void rejectsNonFiniteSite() throws Exception {
        Path file = rewriteBytes("nan.epsnn", "posterior/layer-1-site-shift.npy", bytes -> {
            byte[] changed = bytes.clone();
            long nan = Double.doubleToRawLongBits(Double.NaN);
            for (int i = 0; i < 8; i++) {
                changed[changed.length - 8 + i] = (byte) (nan >>> (8 * i));
            }
            return changed;
        });
        assertThat(rejectionOf(file)).contains("contains NaN at flat index 35");
    }

    @Test
    void rejectsMissingArrayEntry() throws Exception {
        Path file = rewriteBytes("missing-entry.epsnn", "posterior/layer-2-site-precision.npy", bytes -> null);
        assertThat(rejectionOf(file)).contains("has no entry posterior/layer-2-site-precision.npy");
    }

    @Test
    void rejectsDamagedSiteEntry() throws Exception {
        Path file = damage("damaged-sites.epsnn", "posterior/layer-1-site-shift.npy");
        assertThat(rejectionOf(file)).contains("entry posterior/layer-1-site-shift.npy").contains("open a backup or retrain");
    }

    @Test
    void rejectsDamagedMeanEntry() throws Exception {
        Path file = damage("damaged-mean.epsnn", "posterior/layer-1-mean.npy");
        assertThat(rejectionOf(file)).contains("entry posterior/layer-1-mean.npy").contains("open a backup or retrain");
    }

    /** Copies the good file with one byte flipped inside the compressed data of {@code entry}. */
    private Path damage(String name, String entry) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        // The first occurrence of the name is in the entry's local header, just before its compressed data.
        byte[] entryName = entry.getBytes(StandardCharsets.UTF_8);
        int dataStart = indexOf(bytes, entryName) + entryName.length;
        byte[] damaged = bytes.clone();
        damaged[dataStart + 30] ^= 0x5A;
        return Files.write(folder.resolve(name), damaged);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not found");
    }

    @Test
    void rejectsLayerCountMismatch() throws Exception {
        Path file = rewrite("layers.epsnn", "project.json", json -> json.replace("\"size\" : 12", "\"size\" : 13"));
        assertThat(rejectionOf(file)).contains("contains 12 x 3 values, but layer 1 of the network needs 13 x 3");
    }

    @Test
    void reportsMissingFile() {
        assertThatThrownBy(() -> ProjectFiles.load(folder.resolve("absent.epsnn")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("absent.epsnn");
    }

    @Test
    void rejectsFolder() throws Exception {
        Path sub = Files.createDirectory(folder.resolve("folder.epsnn"));
        assertThat(rejectionOf(sub)).contains("is a folder");
    }

    /** Copies the good file with one text entry changed. */
    private Path rewrite(String name, String entry, UnaryOperator<String> change) throws IOException {
        return rewriteBytes(name, entry, bytes -> change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    /** Copies the good file with one entry's bytes changed; a null result leaves the entry out. */
    private Path rewriteBytes(String name, String entry, UnaryOperator<byte[]> change) throws IOException {
        Path file = folder.resolve(name);
        try (ZipFile source = new ZipFile(good.toFile());
             ZipOutputStream target = new ZipOutputStream(Files.newOutputStream(file))) {
            Enumeration<? extends ZipEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                ZipEntry original = entries.nextElement();
                byte[] bytes;
                try (InputStream in = source.getInputStream(original)) {
                    bytes = in.readAllBytes();
                }
                if (original.getName().equals(entry)) {
                    bytes = change.apply(bytes);
                    if (bytes == null) {
                        continue;
                    }
                }
                target.putNextEntry(new ZipEntry(original.getName()));
                target.write(bytes);
                target.closeEntry();
            }
        }
        return file;
    }
}
