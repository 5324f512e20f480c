package org.epsnn.views.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.MenuItem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export gestures of one view: the context menu entries and what they do.
 *
 * <p>The caller supplies the file chooser, which gets a file extension ("png", "svg", "csv") and
 * the view's file name, and returns the chosen path, empty when the user cancels. Views therefore
 * never open dialogs of their own and tests can return a fixed path. The menu entries stay
 * disabled until a file chooser is set.
 */
public final class ExportActions {

    private static final Logger LOG = LoggerFactory.getLogger(ExportActions.class);

    private final Exportable target;
    private final ObjectProperty<ExportFileChooser> fileChooser = new SimpleObjectProperty<>(this, "fileChooser");
    private final ObjectProperty<BiConsumer<Path, IOException>> onExportFailed =
            new SimpleObjectProperty<>(this, "onExportFailed");
    private final ObjectProperty<BiConsumer<Path, ExportFormat>> onExported = new SimpleObjectProperty<>(this, "onExported");
    private String fileName = "plot";

    public ExportActions(Exportable target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Returns the property of the chooser of the file to write, null while none is set. */
    public ObjectProperty<ExportFileChooser> fileChooserProperty() {
        return fileChooser;
    }

    public void setFileChooser(ExportFileChooser chooser) {
        fileChooser.set(chooser);
    }

    /** Sets a chooser that gets only the file extension, as tests that return a fixed path need. */
    public void setFileChooser(Function<String, Optional<Path>> chooser) {
        fileChooser.set(chooser == null ? null : (extension, suggestedName) -> chooser.apply(extension));
    }

    /** Returns the file name, without extension, that the file chooser offers; "plot" unless set. */
    public String getFileName() {
        return fileName;
    }

    public void setFileName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Export file name must not be blank, got '" + name + "'");
        }
        fileName = name;
    }

    /** Returns the property of the handler of a finished export, which gets the file and the format, for example to confirm it in a status bar. */
    public ObjectProperty<BiConsumer<Path, ExportFormat>> onExportedProperty() {
        return onExported;
    }

    public void setOnExported(BiConsumer<Path, ExportFormat> handler) {
        onExported.set(handler);
    }

    /**
     * Handler of a failed export, given the file and the error. Without one, failures are logged
     * as warnings, so set one to show the user a message.
     */
    public ObjectProperty<BiConsumer<Path, IOException>> onExportFailedProperty() {
        return onExportFailed;
    }

    public void setOnExportFailed(BiConsumer<Path, IOException> handler) {
        onExportFailed.set(handler);
    }

    /** Creates one menu entry per format, each disabled while no file chooser is set. */
    public List<MenuItem> createMenuItems() {
        List<MenuItem> items = new ArrayList<>();
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format.menuText());
            item.setId("export-" + format.extension());
            item.disableProperty().bind(fileChooser.isNull());
            item.setOnAction(event -> export(format));
            items.add(item);
        }
        return items;
    }

    /**
     * Asks the file chooser for a path and exports to it.
     *
     * @return the written file, or empty when no chooser is set, the user cancelled or the export
     *     failed (failures go to the {@link #onExportFailedProperty() failure handler})
     */
    public Optional<Path> export(ExportFormat format) {
        ExportFileChooser chooser = fileChooser.get();
        if (chooser == null) {
            return Optional.empty();
        }
        // The dialog may resize the window, and the image should have the size the user saw.
        target.holdExportSize();
        try {
            return chooseAndExport(chooser, format);
        } finally {
            target.releaseExportSize();
        }
    }

    private Optional<Path> chooseAndExport(ExportFileChooser chooser, ExportFormat format) {
        Optional<Path> chosen = chooser.choose(format.extension(), fileName);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }

        Path file = chosen.get();
        try {
            target.export(format, file);
            BiConsumer<Path, ExportFormat> handler = onExported.get();
            if (handler != null) {
                handler.accept(file, format);
            }
            return chosen;
        } catch (IOException e) {
            BiConsumer<Path, IOException> handler = onExportFailed.get();
            if (handler != null) {
                handler.accept(file, e);
            } else {
                LOG.warn("Export of {} as {} failed", file, format, e);
            }
            return Optional.empty();
        }
    }
}
