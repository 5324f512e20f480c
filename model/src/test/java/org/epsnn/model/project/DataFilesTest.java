package org.epsnn.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data file checksums and the errors for a missing or changed data file. */
class DataFilesTest {

    @TempDir
    Path folder;

    @Test
    void checksumIsSha256OfFile() throws Exception {
        Path csv = Files.writeString(folder.resolve("abc.csv"), "abc");
        DataReference reference = DataReference.csv(csv.toString(), null, 0.2, 1);

        assertThat(DataFiles.checksums(reference, null))
                .containsExactly(Map.entry("abc.csv", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    @Test
    void builtInDataHasNoFiles() throws Exception {
        assertThat(DataFiles.checksums(DataReference.builtIn("moons", 1), null)).isEmpty();
    }

    @Test
    void missingCsvCarriesWhatLocatingNeeds() throws Exception {
        DataReference reference = DataReference.csv(folder.resolve("gone.csv").toString(), "label", 0.2, 1);

        assertThatThrownBy(() -> DataFiles.verify(reference, Map.of("gone.csv", "00ff"), null))
                .isInstanceOfSatisfying(MissingDataFileException.class, e -> {
                    assertThat(e.missing()).isEqualTo(folder.resolve("gone.csv"));
                    assertThat(e.reference()).isEqualTo(reference);
                    assertThat(e.expectedSha256()).isEqualTo("00ff");
                    assertThat(e.getMessage()).contains("gone.csv not found").contains("Locate the file");
                });
    }

    @Test
    void missingMnistFolderIsReported() {
        DataReference reference = DataReference.mnist(folder.resolve("mnist").toString());

        assertThatThrownBy(() -> DataFiles.verify(reference, Map.of(), null))
                .isInstanceOf(MissingDataFileException.class).hasMessageContaining("MNIST folder or file");
    }

    @Test
    void changedCsvIsReported() throws Exception {
        Path csv = Files.writeString(folder.resolve("data.csv"), "x,y\n1,a\n2,b\n");
        DataReference reference = DataReference.csv(csv.toString(), null, 0.2, 1);
        Map<String, String> recorded = DataFiles.checksums(reference, null);
        DataFiles.verify(reference, recorded, null);

        Files.writeString(csv, "x,y\n1,a\n3,b\n");

        assertThatThrownBy(() -> DataFiles.verify(reference, recorded, null))
                .isInstanceOf(DataFileChangedException.class).hasMessageContaining("has changed since the project was saved");
    }

    @Test
    void relativePathResolvesBesideProject() throws Exception {
        Path sub = Files.createDirectories(folder.resolve("projects"));
        Files.writeString(sub.resolve("rings.csv"), "x,y\n");
        DataReference reference = DataReference.csv("rings.csv", null, 0.2, 1);

        assertThat(DataFiles.resolve(reference, sub.resolve("rings.epsnn"))).isEqualTo(sub.resolve("rings.csv"));
    }
}
