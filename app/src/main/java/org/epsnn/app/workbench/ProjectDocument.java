package org.epsnn.app.workbench;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The file that the open project belongs to and whether it has changes not saved there. Used on
 * the FX thread.
 */
final class ProjectDocument {

    /** The application's name, shown after the file name in the title bar. */
    static final String APPLICATION_NAME = "EP-SNN Workbench";
    /** The name shown for a project that was never saved. */
    static final String UNTITLED = "Untitled";

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final StringBinding title = Bindings.createStringBinding(
            () -> (modified.get() ? "*" : "") + displayName() + " \u2014 " + APPLICATION_NAME, file, modified);

    ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    Path file() {
        return file.get();
    }

    ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    boolean isModified() {
        return modified.get();
    }

    /** Returns the window title: {@code NAME — EP-SNN Workbench}, with a leading {@code *} when modified. */
    StringBinding titleBinding() {
        return title;
    }

    /** Returns the file name, or {@value #UNTITLED} before the first save. */
    String displayName() {
        return file.get() == null ? UNTITLED : file.get().getFileName().toString();
    }

    void markModified() {
        modified.set(true);
    }

    /** Records that the project was saved to, or opened from, {@code saved}. */
    void markSaved(Path saved) {
        file.set(saved.toAbsolutePath().normalize());
        modified.set(false);
    }

    /** Records that the project now belongs to {@code belongsTo} (null: untitled) with changes not saved there. */
    void markUnsaved(Path belongsTo) {
        file.set(belongsTo == null ? null : belongsTo.toAbsolutePath().normalize());
        modified.set(true);
    }

    /** Records a new, empty project: untitled and unmodified. */
    void markNew() {
        file.set(null);
        modified.set(false);
    }
}
