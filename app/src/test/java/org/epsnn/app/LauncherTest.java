package org.epsnn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    @Test
    void vectorModulePresentUnderSurefire() {
        // The parent POM starts every test JVM with --add-modules jdk.incubator.vector.
        assertThat(Launcher.hasVectorModule()).isTrue();
    }

    @Test
    void warningIsOneLineWithFix() {
        String warning = Launcher.missingVectorModuleWarning();

        assertThat(warning).doesNotContain("\n").contains("needs").contains("--add-modules jdk.incubator.vector");
    }

    @Test
    void projectFilesOpenInWindow(@TempDir Path folder) throws Exception {
        Path project = Files.writeString(folder.resolve("digits.epsnn"), "{}");
        Path setup = Files.writeString(folder.resolve("digits.epsnn.json"), "{}");

        assertThat(Launcher.isProjectFile(project.toString())).as(".epsnn file").isTrue();
        assertThat(Launcher.isProjectFile(setup.toString())).as(".epsnn.json file").isTrue();
        assertThat(Launcher.isProjectFile(folder.resolve("missing.epsnn").toString())).as("missing file").isFalse();
        assertThat(Launcher.isProjectFile("train")).as("subcommand").isFalse();
    }

    @Test
    void missingProjectNamesFileAndFix(@TempDir Path folder) throws Exception {
        Path missing = folder.resolve("nosuch.epsnn");
        Path directory = Files.createDirectory(folder.resolve("runs.epsnn"));

        assertThat(Launcher.looksLikeProjectFile(missing.toString())).as("project file name").isTrue();
        assertThat(Launcher.missingProjectMessage(missing.toString())).as("message for a missing file")
                .contains(missing.toString()).contains("was not found").contains("File > Open").contains("--help");
        assertThat(Launcher.missingProjectMessage(directory.toString())).as("message for a folder")
                .contains("is a folder, not a project file");
        assertThat(Launcher.looksLikeProjectFile("train")).as("subcommand").isFalse();
    }
}
