package org.epsnn.app.workbench;

import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.stage.Stage;

/**
 * Keeps a maximized window maximized across the modal dialogs it opens. With JavaFX 21 on GTK,
 * under some window managers, a modal dialog un-maximizes its owner (seen with Openbox here,
 * reported for KDE as JDK-8332222 and fixed upstream in 2024), and plot exports then come out at
 * the smaller size.
 */
final class OwnerState {

    private OwnerState() {
    }

    /** Runs {@code dialog}, which shows a modal dialog of {@code owner}, then maximizes the owner again if the dialog un-maximized it. */
    static <T> T keepingMaximized(Stage owner, Supplier<T> dialog) {
        boolean maximized = owner.isMaximized();
        T result = dialog.get();
        if (maximized && !owner.isMaximized()) {
            // Right after the dialog closes the owner still has the sizes frozen, so wait a pulse.
            Platform.runLater(() -> owner.setMaximized(true));
        }
        return result;
    }

    /** Maximizes {@code owner} again when {@code dialog}, shown without waiting, closes, if the dialog un-maximized it. */
    static void keepMaximizedUntilHidden(Stage owner, Dialog<?> dialog) {
        boolean maximized = owner.isMaximized();
        dialog.addEventHandler(DialogEvent.DIALOG_HIDDEN, event -> {
            if (maximized && !owner.isMaximized()) {
                Platform.runLater(() -> owner.setMaximized(true));
            }
        });
    }
}
