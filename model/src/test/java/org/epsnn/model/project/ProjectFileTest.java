package org.epsnn.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.epsnn.model.data.TrainTestSplit;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.ep.EpTrainer;
import org.epsnn.model.ep.Prediction;
import org.epsnn.model.training.BatchStatistics;
import org.epsnn.model.training.PassSummary;
import org.epsnn.model.training.RunControl;
import org.epsnn.model.training.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Saving, opening and resuming projects. */
class ProjectFileTest {

    private static final TrainingListener SILENT = new TrainingListener() {
    };

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(ProjectFixtures.Variant.class)
    void roundTripKeepsEverything(ProjectFixtures.Variant variant) throws Exception {
        Project project = ProjectFixtures.trained(variant, 2).withDataChecksums(Map.of("rings.csv", "ab12"));
        Path file = folder.resolve("model.epsnn");

        ProjectFiles.save(project, file);
        Project loaded = ProjectFiles.load(file);

        assertThat(ProjectFixtures.sameContent(project, loaded)).isTrue();
        assertThat(loaded.description()).isEqualTo(project.description());
        assertThat(loaded.history()).hasSize(2);
        assertThat(loaded.layout()).containsEntry("plots.tab", "weights");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de-DE", "fr-FR", "und"})
    void roundTripUnderDefaultLocale(String languageTag) throws Exception {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag(languageTag));
        try {
            Project project = ProjectFixtures.trained(ProjectFixtures.Variant.REGRESSION, 1);
            Path file = folder.resolve("locale.epsnn");
            ProjectFiles.save(project, file);
            assertThat(ProjectFixtures.sameContent(project, ProjectFiles.load(file))).isTrue();
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void reopenedProjectPredictsIdentically() throws Exception {
        Project project = ProjectFixtures.trained(ProjectFixtures.Variant.GAUSSIAN, 2);
        Path file = folder.resolve("predict.epsnn");
        ProjectFiles.save(project, file);
        Project loaded = ProjectFiles.load(file);

        TrainTestSplit data = ProjectFixtures.data(project.setup());
        Prediction before = predict(project, data);
        Prediction after = predict(loaded, data);

        assertThat(after.probabilities()).containsExactly(before.probabilities());
        assertThat(after.deterministicClass()).containsExactly(before.deterministicClass());
    }

    private static Prediction predict(Project project, TrainTestSplit data) {
        EpNetwork network = project.posterior().toNetwork(project.setup().network(), project.setup().encoding());
        try (EpTrainer trainer = new EpTrainer(network, data.train(), project.setup().settings())) {
            return trainer.predict(data.test());
        }
    }

    @ParameterizedTest
    @EnumSource(ProjectFixtures.Variant.class)
    void resumeAfterSaveEqualsUninterruptedRun(ProjectFixtures.Variant variant) throws Exception {
        ProjectSetup setup = ProjectFixtures.setup(variant, 3);
        TrainTestSplit data = ProjectFixtures.data(setup);
        EpNetwork uninterrupted = ProjectFixtures.network(setup, data.train());
        List<PassSummary> fullHistory = ProjectFixtures.train(uninterrupted, setup, data, 3, SILENT, new RunControl());

        EpNetwork first = ProjectFixtures.network(setup, data.train());
        List<PassSummary> history = ProjectFixtures.train(first, setup, data, 1, SILENT, new RunControl());
        Path file = folder.resolve("resume.epsnn");
        ProjectFiles.save(Project.of(setup).withPosterior(PosteriorState.capture(first), history), file);

        Project reopened = ProjectFiles.load(file);
        EpNetwork resumed = reopened.posterior().toNetwork(reopened.setup().network(), reopened.setup().encoding());
        List<PassSummary> more = ProjectFixtures.train(resumed, reopened.setup(), data, 2, SILENT, new RunControl());

        assertSamePosterior(resumed, uninterrupted);
        assertThat(resumed.completedPasses()).isEqualTo(3);
        assertThat(more.get(1).test()).isEqualTo(fullHistory.get(2).test());
    }

    @Test
    void resumeAfterMidPassStopEqualsUninterruptedRun() throws Exception {
        ProjectSetup setup = ProjectFixtures.setup(ProjectFixtures.Variant.GAUSSIAN, 2);
        TrainTestSplit data = ProjectFixtures.data(setup);
        EpNetwork uninterrupted = ProjectFixtures.network(setup, data.train());
        ProjectFixtures.train(uninterrupted, setup, data, 2, SILENT, new RunControl());

        EpNetwork first = ProjectFixtures.network(setup, data.train());
        RunControl control = new RunControl();
        TrainingListener stopInSecondPass = new TrainingListener() {
            @Override
            public void batchCompleted(BatchStatistics statistics) {
                if (statistics.pass() == 2 && statistics.batch() == 4) {
                    control.cancel();
                }
            }
        };
        ProjectFixtures.train(first, setup, data, 2, stopInSecondPass, control);
        assertThat(first.samplesIntoPass()).isEqualTo(200);
        Path file = folder.resolve("mid-pass.epsnn");
        ProjectFiles.save(Project.of(setup).withPosterior(PosteriorState.capture(first), List.of()), file);

        Project reopened = ProjectFiles.load(file);
        assertThat(reopened.posterior().samplesIntoPass()).isEqualTo(200);
        EpNetwork resumed = reopened.posterior().toNetwork(reopened.setup().network(), reopened.setup().encoding());
        ProjectFixtures.train(resumed, reopened.setup(), data, 1, SILENT, new RunControl());

        assertSamePosterior(resumed, uninterrupted);
    }

    private static void assertSamePosterior(EpNetwork actual, EpNetwork expected) {
        assertThat(actual.samplesSeen()).isEqualTo(expected.samplesSeen());
        for (int l = 0; l < expected.depth(); l++) {
            assertThat(actual.layer(l).count()).as("count of layer %d", l + 1).isEqualTo(expected.layer(l).count());
            assertThat(bits(actual.layer(l).siteShift())).as("site shifts of layer %d", l + 1)
                    .containsExactly(bits(expected.layer(l).siteShift()));
            assertThat(bits(actual.layer(l).sitePrecision())).as("site precisions of layer %d", l + 1)
                    .containsExactly(bits(expected.layer(l).sitePrecision()));
        }
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }

    @Test
    void untrainedProjectRoundTrips() throws Exception {
        Project project = Project.of(ProjectFixtures.setup(ProjectFixtures.Variant.GAUSSIAN, 1));
        Path file = folder.resolve("untrained.epsnn");
        ProjectFiles.save(project, file);

        Project loaded = ProjectFiles.load(file);

        assertThat(loaded.trainedPosterior()).isEmpty();
        assertThat(ProjectFixtures.sameContent(project, loaded)).isTrue();
    }

    @Test
    void opensEveryReleasedVersion() throws Exception {
        Project version1 = ProjectFiles.load(resource("moons-version-1.epsnn.json"));
        Project version2 = ProjectFiles.load(resource("moons-version-2.epsnn"));
        // Early version 2 files deflated the arrays too; readers accept both forms.
        Project version2Deflated = ProjectFiles.load(resource("moons-version-2-deflated.epsnn"));

        assertThat(version1.setup().data().name()).isEqualTo("moons");
        assertThat(version1.description()).startsWith("Two interleaving half-moons");
        assertThat(version1.trainedPosterior()).isEmpty();
        assertThat(version2.setup().data().name()).isEqualTo("moons");
        assertThat(version2.posterior().completedPasses()).isEqualTo(2);
        assertThat(version2.history()).hasSize(2);
        // Both were trained alike; only the timings in their histories differ.
        assertThat(ProjectFixtures.sameContent(version2Deflated.withPosterior(version2Deflated.posterior(), version2.history()),
                version2)).isTrue();
    }

    @Test
    void migratedVersion1SavesAsCurrentVersion() throws Exception {
        Project version1 = ProjectFiles.load(resource("moons-version-1.epsnn.json"));
        Path file = folder.resolve("migrated.epsnn");
        ProjectFiles.save(version1, file);

        assertThat(ProjectFixtures.sameContent(version1, ProjectFiles.load(file))).isTrue();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            String json = new String(zip.getInputStream(zip.getEntry("project.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json).contains("\"version\" : " + ProjectFiles.VERSION);
        }
    }

    static Path resource(String name) throws Exception {
        return Path.of(ProjectFileTest.class.getResource("/project-versions/" + name).toURI());
    }

    @Test
    void saveReportsProgressUpToOne() throws Exception {
        Project project = ProjectFixtures.trained(ProjectFixtures.Variant.GAUSSIAN, 1);
        List<Double> fractions = new ArrayList<>();
        ProjectFiles.save(project, folder.resolve("progress.epsnn"), fraction -> fractions.add(fraction));

        assertThat(fractions).isSorted();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);

        List<Double> loadFractions = new ArrayList<>();
        ProjectFiles.load(folder.resolve("progress.epsnn"), fraction -> loadFractions.add(fraction));
        assertThat(loadFractions).isSorted();
        assertThat(loadFractions.get(loadFractions.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void cancelledSaveKeepsPreviousFile() throws Exception {
        Path file = folder.resolve("cancel.epsnn");
        ProjectFiles.save(ProjectFixtures.trained(ProjectFixtures.Variant.GAUSSIAN, 1), file);
        byte[] before = Files.readAllBytes(file);

        Project other = ProjectFixtures.trained(ProjectFixtures.Variant.GAUSSIAN, 2);
        assertThatThrownBy(() -> ProjectFiles.save(other, file, fraction -> fraction < 0.5))
                .isInstanceOf(CancellationException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var listing = Files.list(folder)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("cancel.epsnn");
        }
    }

    @Test
    void cancelledLoadThrowsCancellation() throws Exception {
        Path file = folder.resolve("cancel-load.epsnn");
        ProjectFiles.save(ProjectFixtures.trained(ProjectFixtures.Variant.GAUSSIAN, 1), file);

        assertThatThrownBy(() -> ProjectFiles.load(file, fraction -> fraction < 0.3))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void saveDeletesStaleTemporaryFiles() throws Exception {
        Path file = folder.resolve("stale.epsnn");
        // No process has this id: Linux caps ids at 2^22.
        Path stale = folder.resolve(".stale.epsnn.99999999-1.tmp");
        Path live = folder.resolve(".stale.epsnn." + ProcessHandle.current().pid() + "-999999.tmp");
        Files.writeString(stale, "half a project");
        Files.writeString(live, "a save in progress");

        ProjectFiles.save(Project.of(ProjectFixtures.setup(ProjectFixtures.Variant.GAUSSIAN, 1)), file);

        assertThat(stale).doesNotExist();
        assertThat(live).exists();
    }

    @Test
    void autosaveNewerThanProjectIsRecoverable() throws Exception {
        Path file = folder.resolve("work.epsnn");
        Project project = Project.of(ProjectFixtures.setup(ProjectFixtures.Variant.GAUSSIAN, 1));
        ProjectFiles.save(project, file);
        assertThat(ProjectFiles.recoverableAutosave(file)).isEmpty();

        Path autosave = ProjectFiles.autosavePath(file);
        ProjectFiles.save(project, autosave);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        assertThat(autosave.getFileName().toString()).isEqualTo(".work.epsnn.autosave.epsnn");
        assertThat(ProjectFiles.recoverableAutosave(file)).contains(autosave);
        ProjectFiles.discardAutosave(file);
        assertThat(ProjectFiles.recoverableAutosave(file)).isEmpty();
    }

    @Test
    void autosaveOlderThanProjectIsNotRecoverable() throws Exception {
        Path file = folder.resolve("saved.epsnn");
        Project project = Project.of(ProjectFixtures.setup(ProjectFixtures.Variant.GAUSSIAN, 1));
        ProjectFiles.save(project, ProjectFiles.autosavePath(file));
        Files.setLastModifiedTime(ProjectFiles.autosavePath(file), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        ProjectFiles.save(project, file);

        assertThat(ProjectFiles.recoverableAutosave(file)).isEmpty();
    }

    @Test
    void untitledAutosaveIsRecoverable() throws Exception {
        Path autosave = ProjectFiles.untitledAutosavePath(folder);
        ProjectFiles.save(Project.of(ProjectFixtures.setup(ProjectFixtures.Variant.GAUSSIAN, 1)), autosave);

        assertThat(ProjectFiles.recoverableAutosave(autosave)).contains(autosave);
    }

    @Test
    void savedArraysReadAsNpy() throws Exception {
        Project project = ProjectFixtures.trained(ProjectFixtures.Variant.TERNARY, 1);
        Path file = folder.resolve("arrays.epsnn");
        ProjectFiles.save(project, file);

        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("posterior/layer-1-prior.npy"))) {
            Npy.Array prior = Npy.read(in, null);
            assertThat(prior.shape()).containsExactly(3, 12, 3);
            assertThat(prior.values()).containsExactly(project.posterior().layers().get(0).priorParameters());
        }
    }
}
