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
 * <p>The caller supplies the file chooser as a function from a file extension ("png", "svg",
 * "csv") to the chosen path, empty when the user cancels. Views therefore never open dialogs of
 * their own and tests can return a fixed path. The menu entries stay disabled until a file
 * chooser is set.
 */
public final class ExportActions {

    private static final Logger LOG = LoggerFactory.getLogger(ExportActions.class);

    private final Exportable target;
    private final ObjectProperty<Function<String, Optional<Path>>> fileChooser =
            new SimpleObjectProperty<>(this, "fileChooser");
    private final ObjectProperty<BiConsumer<Path, IOException>> onExportFailed =
            new SimpleObjectProperty<>(this, "onExportFailed");

    public ExportActions(Exportable target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Function from a file extension without the dot to the chosen file, empty when cancelled. */
    public ObjectProperty<Function<String, Optional<Path>>> fileChooserProperty() {
        return fileChooser;
    }

    public void setFileChooser(Function<String, Optional<Path>> chooser) {
        fileChooser.set(chooser);
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
        Function<String, Optional<Path>> chooser = fileChooser.get();
        if (chooser == null) {
            return Optional.empty();
        }
        Optional<Path> chosen = chooser.apply(format.extension());
        if (chosen.isEmpty()) {
            return Optional.empty();
        }

        Path file = chosen.get();
        try {
            target.export(format, file);
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
