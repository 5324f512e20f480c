package org.epsnn.views.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.MenuItem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportActionsTest {

    @TempDir
    Path folder;

    /** Records which export ran, and fails when asked to. */
    private static final class RecordingTarget implements Exportable {
        final List<String> calls = new ArrayList<>();
        boolean fail;

        @Override
        public void exportPng(Path file) throws IOException {
            record("png", file);
        }

        @Override
        public void exportSvg(Path file) throws IOException {
            record("svg", file);
        }

        @Override
        public void exportCsv(Path file) throws IOException {
            record("csv", file);
        }

        private void record(String format, Path file) throws IOException {
            if (fail) {
                throw new IOException("cannot write " + file.getFileName());
            }
            calls.add(format + " " + file.getFileName());
            Files.writeString(file, format);
        }
    }

    @Test
    void chooserExtensionSelectsFormat() {
        RecordingTarget target = new RecordingTarget();
        ExportActions actions = new ExportActions(target);
        List<String> requestedExtensions = new ArrayList<>();
        actions.setFileChooser(extension -> {
            requestedExtensions.add(extension);
            return Optional.of(folder.resolve("view." + extension));
        });

        Optional<Path> written = actions.export(ExportFormat.SVG);

        assertThat(requestedExtensions).containsExactly("svg");
        assertThat(target.calls).containsExactly("svg view.svg");
        assertThat(written).contains(folder.resolve("view.svg"));
    }

    @Test
    void chooserGetsFileNameAndHandlerConfirms() {
        RecordingTarget target = new RecordingTarget();
        ExportActions actions = new ExportActions(target);
        actions.setFileName("accuracy");
        List<String> offered = new ArrayList<>();
        actions.setFileChooser((extension, name) -> {
            offered.add(name + "." + extension);
            return Optional.of(folder.resolve(name + "." + extension));
        });
        List<String> finished = new ArrayList<>();
        actions.setOnExported((file, format) -> finished.add(file.getFileName() + " as " + format));

        actions.export(ExportFormat.CSV);

        assertThat(offered).containsExactly("accuracy.csv");
        assertThat(target.calls).containsExactly("csv accuracy.csv");
        assertThat(finished).containsExactly("accuracy.csv as CSV");
    }

    @Test
    void failedExportIsNotConfirmed() {
        RecordingTarget target = new RecordingTarget();
        target.fail = true;
        ExportActions actions = new ExportActions(target);
        actions.setFileChooser(extension -> Optional.of(folder.resolve("data.csv")));
        List<Path> finished = new ArrayList<>();
        actions.setOnExported((file, format) -> finished.add(file));

        actions.export(ExportFormat.CSV);

        assertThat(finished).isEmpty();
    }

    @Test
    void cancelledChooserExportsNothing() {
        RecordingTarget target = new RecordingTarget();
        ExportActions actions = new ExportActions(target);
        actions.setFileChooser(extension -> Optional.empty());

        Optional<Path> written = actions.export(ExportFormat.PNG);

        assertThat(written).isEmpty();
        assertThat(target.calls).isEmpty();
    }

    @Test
    void failureGoesToHandler() {
        RecordingTarget target = new RecordingTarget();
        target.fail = true;
        ExportActions actions = new ExportActions(target);
        actions.setFileChooser(extension -> Optional.of(folder.resolve("data.csv")));
        List<String> failures = new ArrayList<>();
        actions.setOnExportFailed((file, error) -> failures.add(file.getFileName() + ": " + error.getMessage()));

        Optional<Path> written = actions.export(ExportFormat.CSV);

        assertThat(written).isEmpty();
        assertThat(failures).containsExactly("data.csv: cannot write data.csv");
    }

    @Test
    void menuItemsDisabledWithoutChooser() {
        ExportActions actions = new ExportActions(new RecordingTarget());

        List<MenuItem> items = actions.createMenuItems();

        assertThat(items).extracting(MenuItem::getText)
                .containsExactly("Export image as PNG…", "Export image as SVG…", "Export data as CSV…");
        assertThat(items).allMatch(MenuItem::isDisable);
        actions.setFileChooser(extension -> Optional.empty());
        assertThat(items).noneMatch(MenuItem::isDisable);
    }
}
