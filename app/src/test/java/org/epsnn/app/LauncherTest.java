package org.epsnn.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
