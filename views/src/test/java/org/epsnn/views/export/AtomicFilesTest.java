package org.epsnn.views.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.epsnn.views.testing.ExportChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void writesContent() throws IOException {
        Path target = folder.resolve("out.txt");

        AtomicFiles.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(target)).isEqualTo("hello");
        ExportChecks.assertOnlyFiles(folder, "out.txt");
    }

    @Test
    void failedWriteKeepsOldFile() throws IOException {
        Path target = folder.resolve("out.txt");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("old");
        ExportChecks.assertOnlyFiles(folder, "out.txt");
    }

    @Test
    void runtimeFailureLeavesNoTemporaryFile() throws IOException {
        Path target = folder.resolve("out.png");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("painting failed");
        })).isInstanceOf(IllegalStateException.class);

        ExportChecks.assertOnlyFiles(folder);
    }

    @Test
    void missingFolderIsReported() {
        Path target = folder.resolve("missing").resolve("out.csv");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> { }))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("missing")
                .hasMessageContaining("folder does not exist");
    }

    @Test
    void exportGetsPermissionsOfANewFile() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions");
        Path plain = Files.writeString(folder.resolve("plain.txt"), "plain");
        Path target = folder.resolve("out.csv");

        AtomicFiles.write(target, out -> out.write("a,b\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.getPosixFilePermissions(target)).as("export permissions")
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
