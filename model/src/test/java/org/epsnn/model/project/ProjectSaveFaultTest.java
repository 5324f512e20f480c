package org.epsnn.model.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process while it saves projects in a loop, at random moments, and checks that the file
 * always opens and equals one of the two projects that were being saved.
 */
class ProjectSaveFaultTest {

    /** Kills in total; they run in {@link #PARALLEL_CHILDREN} folders at once to share the JVM start-up time. */
    private static final int TRIALS = 50;
    private static final int PARALLEL_CHILDREN = 5;
    /** The maximum random wait between the child's first complete save and the kill. */
    private static final int MAX_KILL_DELAY_MILLIS = 120;

    @TempDir
    Path folder;

    @Test
    void killedSaveLeavesOldOrNewProject() throws Exception {
        Project first = SaveLoop.project(1);
        Project second = SaveLoop.project(2);
        assertThat(ProjectFixtures.sameContent(first, second)).isFalse();
        SplittableRandom random = new SplittableRandom(20261204);

        int trials = 0;
        int killedMidSave = 0;
        while (trials < TRIALS) {
            List<Path> files = new ArrayList<>();
            List<Process> children = new ArrayList<>();
            for (int c = 0; c < PARALLEL_CHILDREN && trials + c < TRIALS; c++) {
                Path sub = Files.createDirectories(folder.resolve("child-" + c));
                Path file = sub.resolve("model.epsnn");
                files.add(file);
                children.add(startSaveLoop(file));
            }
            for (int c = 0; c < children.size(); c++) {
                awaitReady(children.get(c));
            }
            for (int c = 0; c < children.size(); c++) {
                Thread.sleep(random.nextInt(MAX_KILL_DELAY_MILLIS / children.size() + 1));
                Process child = children.get(c);
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child %d ended after the kill", c).isTrue();
            }
            for (Path file : files) {
                if (hasTemporaryFile(file)) {
                    killedMidSave++;
                }
                Project loaded = ProjectFiles.load(file);
                assertThat(ProjectFixtures.sameContent(loaded, first) || ProjectFixtures.sameContent(loaded, second))
                        .as("trial %d: %s equals one of the saved projects", trials, file).isTrue();
                trials++;
            }
        }

        // Without kills inside a save, the test would check nothing that a plain write could not pass.
        assertThat(killedMidSave).as("kills that left a temporary file, of %d", TRIALS).isGreaterThan(TRIALS / 4);
        Path file = folder.resolve("child-0").resolve("model.epsnn");
        ProjectFiles.save(first, file);
        assertThat(hasTemporaryFile(file)).as("the next save deletes what a killed save left").isFalse();
    }

    private static Process startSaveLoop(Path file) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), file.toString(), "1", "2");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitReady(Process child) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals("ready")) {
                return;
            }
            lines.add(line);
        }
        throw new AssertionError("The save loop ended before its first save: " + String.join("\n", lines));
    }

    private static boolean hasTemporaryFile(Path file) throws IOException {
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            return siblings.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        }
    }
}
