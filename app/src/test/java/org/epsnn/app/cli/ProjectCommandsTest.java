package org.epsnn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.epsnn.model.project.PosteriorState;
import org.epsnn.model.project.Project;
import org.epsnn.model.project.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code train --save}, {@code train --resume}, {@code evaluate} and {@code export}, as a user runs them. */
class ProjectCommandsTest {

    private static final String[] MOONS = {"--dataset", "moons", "--layers", "auto-8-auto", "--batch", "50",
        "--train-eval", "0"};

    @TempDir
    Path folder;

    private static String[] train(Path save, int passes, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train"));
        for (int i = 0; i < MOONS.length; i += 2) {
            if (!List.of(more).contains(MOONS[i])) {
                args.addAll(List.of(MOONS[i], MOONS[i + 1]));
            }
        }
        args.addAll(List.of("--passes", Integer.toString(passes), "--save", save.toString()));
        args.addAll(List.of(more));
        if (!args.contains("--threads")) {
            args.addAll(List.of("--threads", "1"));
        }
        return args.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void resumedRunEqualsUninterruptedRun(String threads) throws IOException {
        Path whole = folder.resolve("whole.epsnn");
        Path split = folder.resolve("split.epsnn");
        // 8 hidden neurons would give each of 2 threads a few rows only; 64 makes the split matter.
        assertThat(CommandRun.of(train(whole, 3, "--threads", threads, "--layers", "auto-64-auto")).exitCode()).isZero();
        assertThat(CommandRun.of(train(split, 1, "--threads", threads, "--layers", "auto-64-auto")).exitCode()).isZero();

        Path metrics = folder.resolve("resumed.csv");
        CommandRun resumed = CommandRun.of("train", "--resume", split.toString(), "--passes", "2", "--metrics", metrics.toString());

        assertThat(resumed.exitCode()).as("stderr: %s", resumed.err()).isZero();
        assertThat(resumed.out()).contains("trained 1 pass").contains("Pass 2: ").contains("Pass 3: ")
                .contains("project in " + split.toAbsolutePath());
        Project expected = ProjectFiles.load(whole);
        Project actual = ProjectFiles.load(split);
        assertThat(actual.history()).hasSize(3);
        assertThat(Files.readAllLines(metrics)).as("header and the rows of passes 1 to 3").hasSize(4);
        assertThat(actual.history().get(2).test()).isEqualTo(expected.history().get(2).test());
        for (int l = 0; l < 2; l++) {
            PosteriorState.LayerState a = actual.posterior().layers().get(l);
            PosteriorState.LayerState e = expected.posterior().layers().get(l);
            assertThat(a.siteShift()).as("site shifts of layer %d", l + 1).containsExactly(e.siteShift());
            assertThat(a.sitePrecision()).as("site precisions of layer %d", l + 1).containsExactly(e.sitePrecision());
        }
    }

    @Test
    void saveKeepsDescription() throws IOException {
        Path file = folder.resolve("described.epsnn");

        CommandRun run = CommandRun.of(train(file, 1, "--description", "Moons with 8 hidden neurons"));

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(ProjectFiles.load(file).description()).isEqualTo("Moons with 8 hidden neurons");
    }

    @Test
    void resumeRejectsNetworkOptions() throws IOException {
        Path file = folder.resolve("fixed.epsnn");
        assertThat(CommandRun.of(train(file, 1)).exitCode()).isZero();

        CommandRun run = CommandRun.of("train", "--resume", file.toString(), "--layers", "auto-4-auto");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--layers").contains("cannot be combined with --resume");
    }

    @Test
    void resumeOfVersion1SetupNeedsSave() throws IOException {
        Path setup = Path.of("..", "samples", "xor.epsnn.json");

        CommandRun withoutSave = CommandRun.of("train", "--resume", setup.toString(), "--passes", "1");
        Path trained = folder.resolve("xor.epsnn");
        CommandRun withSave = CommandRun.of("train", "--resume", setup.toString(), "--passes", "1", "--threads", "1",
                "--save", trained.toString());

        assertThat(withoutSave.exitCode()).isEqualTo(2);
        assertThat(withoutSave.err()).contains("version 1 setup file").contains("--save");
        assertThat(withSave.exitCode()).as("stderr: %s", withSave.err()).isZero();
        assertThat(withSave.out()).contains("not trained yet");
        assertThat(ProjectFiles.load(trained).posterior().completedPasses()).isEqualTo(1);
    }

    @Test
    void evaluatePrintsAndWritesMetrics() throws IOException {
        Path file = folder.resolve("eval.epsnn");
        assertThat(CommandRun.of(train(file, 2)).exitCode()).isZero();
        Path metrics = folder.resolve("eval.csv");

        CommandRun run = CommandRun.of("evaluate", file.toString(), "--metrics", metrics.toString(), "--threads", "1");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("Train:    accuracy").contains("Test:     accuracy").contains("500 samples");
        List<String> lines = Files.readAllLines(metrics);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).split(",")).containsExactlyElementsOf(EvaluateCommand.COLUMNS);
        double saved = ProjectFiles.load(file).history().get(1).test().bayesian().accuracy();
        assertThat(lines.get(2)).startsWith("test,500," + String.format(Locale.ROOT, "%.6f", saved) + ",");
    }

    @Test
    void evaluateOnOtherBuiltInDataset() throws IOException {
        Path file = folder.resolve("other.epsnn");
        assertThat(CommandRun.of(train(file, 1)).exitCode()).isZero();

        CommandRun run = CommandRun.of("evaluate", file.toString(), "--dataset", "circles", "--threads", "1");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("circles-train");
    }

    @Test
    void evaluateRejectsDamagedProject() throws IOException {
        Path file = folder.resolve("damaged.epsnn");
        assertThat(CommandRun.of(train(file, 1)).exitCode()).isZero();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        CommandRun run = CommandRun.of("evaluate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Project " + file).contains("is truncated or damaged").doesNotContain("Exception");
    }

    @Test
    void evaluateRejectsUntrainedProject() {
        CommandRun run = CommandRun.of("evaluate", Path.of("..", "samples", "moons.epsnn.json").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("has no trained network yet").contains("epsnn train --resume");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de-DE", "fr-FR"})
    void exportWritesNpyAndCsvUnderAnyLocale(String languageTag) throws IOException {
        Path file = folder.resolve("export.epsnn");
        assertThat(CommandRun.of(train(file, 1)).exitCode()).isZero();
        Path out = folder.resolve("posterior");
        Locale saved = Locale.getDefault();
        CommandRun run;
        Locale.setDefault(Locale.forLanguageTag(languageTag));
        try {
            run = CommandRun.of("export", file.toString(), "--to", out.toString());
        } finally {
            Locale.setDefault(saved);
        }

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(out.resolve("layer-1-mean.npy")).exists();
        assertThat(out.resolve("layer-2-variance.npy")).exists();
        assertThat(out.resolve("metrics.csv")).exists();
        List<String> meanLines = Files.readAllLines(out.resolve("layer-1-mean.csv"));
        assertThat(meanLines.get(0)).isEqualTo("neuron,w1,w2,bias");
        assertThat(meanLines).hasSize(9);
        double[] npy = org.epsnn.model.project.Npy.read(out.resolve("layer-1-mean.npy")).values();
        String[] firstRow = meanLines.get(1).split(",");
        assertThat(firstRow).hasSize(4);
        for (int i = 0; i < 3; i++) {
            assertThat(Double.parseDouble(firstRow[i + 1])).isEqualTo(npy[i]);
        }
    }

    @Test
    void csvExportWritesFeatureScaling() throws IOException {
        Path csv = folder.resolve("scaled.csv");
        StringBuilder rows = new StringBuilder("height,weight,label\n");
        for (int i = 0; i < 40; i++) {
            rows.append(150 + i).append(',').append(i % 2 == 0 ? "70" : "50").append(',').append(i % 2).append('\n');
        }
        Files.writeString(csv, rows);
        Path file = folder.resolve("scaled.epsnn");
        CommandRun trained = CommandRun.of("train", "--dataset", csv.toString(), "--target", "label", "--layers", "auto-4-auto",
                "--passes", "1", "--threads", "1", "--save", file.toString());
        assertThat(trained.exitCode()).as("stderr: %s", trained.err()).isZero();
        Path out = folder.resolve("scaled-posterior");

        CommandRun run = CommandRun.of("export", file.toString(), "--to", out.toString());

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("feature-scaling.csv");
        List<String> lines = Files.readAllLines(out.resolve("feature-scaling.csv"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("feature,mean,standard_deviation");
        String[] height = lines.get(1).split(",");
        String[] weight = lines.get(2).split(",");
        assertThat(height[0]).isEqualTo("height");
        assertThat(weight[0]).isEqualTo("weight");
        // The training split contains most of the 40 rows, so its means lie near those of all rows.
        assertThat(Double.parseDouble(height[1])).isBetween(160.0, 180.0);
        assertThat(Double.parseDouble(height[2])).isBetween(8.0, 16.0);
        assertThat(Double.parseDouble(weight[1])).isBetween(55.0, 65.0);
        assertThat(Double.parseDouble(weight[2])).isBetween(9.0, 11.0);

        Files.delete(csv);
        CommandRun missing = CommandRun.of("export", file.toString(), "--to", folder.resolve("without-data").toString());

        assertThat(missing.exitCode()).as("the posterior still exports").isZero();
        assertThat(missing.err()).contains("feature-scaling.csv was not written").contains(csv.toString());
        assertThat(folder.resolve("without-data").resolve("layer-1-mean.npy")).exists();
        assertThat(folder.resolve("without-data").resolve("feature-scaling.csv")).doesNotExist();
    }

    @Test
    void csvProjectReportsMovedAndChangedFile() throws IOException {
        Path csv = folder.resolve("rings.csv");
        Files.copy(Path.of("..", "samples", "rings.csv"), csv);
        Path file = folder.resolve("rings.epsnn");
        CommandRun trained = CommandRun.of("train", "--dataset", csv.toString(), "--target", "ring", "--layers", "auto-8-auto",
                "--passes", "1", "--threads", "1", "--save", file.toString());
        assertThat(trained.exitCode()).as("stderr: %s", trained.err()).isZero();

        Path moved = Files.createDirectory(folder.resolve("moved")).resolve("rings.csv");
        Files.move(csv, moved);
        CommandRun missing = CommandRun.of("evaluate", file.toString());
        CommandRun located = CommandRun.of("train", "--resume", file.toString(), "--passes", "1", "--dataset", moved.toString());
        Files.writeString(moved, Files.readString(moved).replaceFirst("\n", "\n\n"));
        CommandRun changed = CommandRun.of("evaluate", file.toString());

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains(csv.toString() + " not found").contains("--dataset");
        assertThat(located.exitCode()).as("stderr: %s", located.err()).isZero();
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.err()).contains(moved + " has changed since the project was saved");
    }
}
