package org.epsnn.model.project;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epsnn.model.data.IdxReader;

/**
 * The files behind a {@link DataReference}: where they are, and their SHA-256 checksums, which a
 * project records when it is saved and checks before it trains or evaluates again.
 */
public final class DataFiles {

    private DataFiles() {
    }

    /**
     * Resolves the reference's path: an absolute path as it is, a relative one against the
     * project's folder when it exists there, otherwise against the working directory.
     *
     * @param projectFile the project file the reference was read from, or null
     * @return the path, or null for built-in data and for an MNIST project whose folder the user chooses when it opens
     */
    public static Path resolve(DataReference reference, Path projectFile) {
        if (reference.path() == null || reference.kind() == DataReference.Kind.BUILT_IN) {
            return null;
        }
        Path path = Path.of(reference.path());
        if (path.isAbsolute() || projectFile == null) {
            return path;
        }
        Path folder = projectFile.toAbsolutePath().getParent();
        Path besideProject = folder == null ? path : folder.resolve(path);
        return Files.exists(besideProject) ? besideProject : path;
    }

    /**
     * Computes the SHA-256 of every file the reference reads, keyed by file name.
     *
     * @return an empty map for built-in data and for an MNIST project without a folder
     * @throws MissingDataFileException when a file is missing
     */
    public static Map<String, String> checksums(DataReference reference, Path projectFile) throws IOException {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (Path file : files(reference, projectFile, Map.of())) {
            checksums.put(file.getFileName().toString(), sha256(file));
        }
        return checksums;
    }

    /**
     * Checks that every file the reference reads exists and, where the project recorded a checksum,
     * still has it.
     *
     * @param checksums the checksums the project recorded, keyed by file name
     * @throws MissingDataFileException when a file or the MNIST folder is missing
     * @throws DataFileChangedException when a file's content differs from the recorded checksum
     */
    public static void verify(DataReference reference, Map<String, String> checksums, Path projectFile) throws IOException {
        for (Path file : files(reference, projectFile, checksums)) {
            String expected = checksums.get(file.getFileName().toString());
            if (expected != null) {
                String actual = sha256(file);
                if (!actual.equals(expected)) {
                    throw new DataFileChangedException(file, expected, actual);
                }
            }
        }
    }

    private static List<Path> files(DataReference reference, Path projectFile, Map<String, String> checksums) throws IOException {
        Path path = resolve(reference, projectFile);
        if (path == null) {
            return List.of();
        }
        if (reference.kind() == DataReference.Kind.CSV) {
            if (!Files.isRegularFile(path)) {
                throw new MissingDataFileException(reference, path, checksums.get(path.getFileName().toString()));
            }
            return List.of(path);
        }
        try {
            return IdxReader.mnistFiles(path);
        } catch (FileNotFoundException e) {
            throw new MissingDataFileException(reference, path, null);
        }
    }

    /** Returns the SHA-256 of a file's bytes as lowercase hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
