package org.epsnn.app.workbench;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.epsnn.model.network.NetworkSpec;

/**
 * The network being edited, with undo and redo. The description is immutable, so an edit is a
 * small command that holds the value before and after it; undo and redo move commands between two
 * stacks. Used on the FX thread only.
 */
public final class EditHistory {

    /** One edit: what it did, and the network before and after. */
    public record Edit(String description, NetworkSpec before, NetworkSpec after) {
    }

    private final ReadOnlyObjectWrapper<NetworkSpec> network = new ReadOnlyObjectWrapper<>(this, "network");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final Deque<Edit> undoStack = new ArrayDeque<>();
    private final Deque<Edit> redoStack = new ArrayDeque<>();

    public EditHistory(NetworkSpec initial) {
        network.set(initial);
    }

    public ReadOnlyObjectProperty<NetworkSpec> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public NetworkSpec network() {
        return network.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Applies an edit; an edit that changes nothing is not recorded. */
    public void apply(String description, NetworkSpec after) {
        NetworkSpec before = network.get();
        if (after.equals(before)) {
            return;
        }
        undoStack.push(new Edit(description, before, after));
        redoStack.clear();
        network.set(after);
        refresh();
    }

    /** Replaces the network without an undo entry, for a new project or dataset, and clears the history. */
    public void reset(NetworkSpec spec) {
        undoStack.clear();
        redoStack.clear();
        network.set(spec);
        refresh();
    }

    /** Undoes the last edit; returns its description, or null when there was none. */
    public String undo() {
        Edit edit = undoStack.poll();
        if (edit == null) {
            return null;
        }
        redoStack.push(edit);
        network.set(edit.before());
        refresh();
        return edit.description();
    }

    /** Redoes the last undone edit; returns its description, or null when there was none. */
    public String redo() {
        Edit edit = redoStack.poll();
        if (edit == null) {
            return null;
        }
        undoStack.push(edit);
        network.set(edit.after());
        refresh();
        return edit.description();
    }

    private void refresh() {
        canUndo.set(!undoStack.isEmpty());
        canRedo.set(!redoStack.isEmpty());
    }
}
