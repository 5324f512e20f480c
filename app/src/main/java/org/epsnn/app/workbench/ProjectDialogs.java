package org.epsnn.app.workbench;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/** The dialogs of the File commands. Each waits for the user's choice in a nested event loop. */
final class ProjectDialogs {

    /** The choices of the unsaved-changes prompt. */
    enum SaveChoice {
        SAVE, DISCARD, CANCEL
    }

    /** The choices of the offer to recover an autosave. */
    enum RecoverChoice {
        RECOVER, DISCARD, LATER
    }

    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
    static final ButtonType RECOVER = new ButtonType("Recover", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    static final ButtonType LATER = new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE);
    static final ButtonType LOCATE = new ButtonType("Locate...", ButtonBar.ButtonData.YES);
    static final ButtonType CHOOSE_FOLDER = new ButtonType("Choose folder...", ButtonBar.ButtonData.YES);
    static final ButtonType CONTINUE = new ButtonType("Continue", ButtonBar.ButtonData.YES);

    private final Stage owner;

    ProjectDialogs(Stage owner) {
        this.owner = owner;
    }

    /** Asks whether to save the changes to {@code name} before they are dropped. */
    SaveChoice askToSave(String name, boolean training) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DONT_SAVE, ButtonType.CANCEL);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to " + name + "?");
        alert.setContentText(training
                ? "A run is in progress. Its posterior is saved as it is after the current batch, then the run stops."
                : "Your changes are lost if you don't save them.");
        alert.getDialogPane().setId("unsaved-changes");
        ButtonType answer = show(alert).orElse(ButtonType.CANCEL);
        if (answer == SAVE) {
            return SaveChoice.SAVE;
        }
        return answer == DONT_SAVE ? SaveChoice.DISCARD : SaveChoice.CANCEL;
    }

    /** Offers to recover the autosave of {@code name}, written at {@code writtenAt} (null when unknown). */
    RecoverChoice askToRecover(String name, java.time.LocalDateTime writtenAt) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", RECOVER, DISCARD, LATER);
        alert.setTitle("Recover unsaved work");
        alert.setHeaderText(ProjectDocument.UNTITLED.equals(name)
                ? "An autosave of " + name + ", a project that was never saved, was found."
                : "An autosave of " + name + " is newer than the saved project.");
        String written = writtenAt == null ? "" : "It was written on " + writtenAt.format(
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd 'at' HH:mm", java.util.Locale.ROOT)) + ". ";
        // An autosave also stays when Later was chosen at an earlier start, so this does not claim a crash.
        alert.setContentText(written + "An autosave stays when the workbench does not close normally, or when Later was "
                + "chosen before. Recover opens it, Discard deletes it, and Later keeps it until the next start.");
        alert.getDialogPane().setId("recover-autosave");
        ButtonType answer = show(alert).orElse(LATER);
        if (answer == RECOVER) {
            return RecoverChoice.RECOVER;
        }
        return answer == DISCARD ? RecoverChoice.DISCARD : RecoverChoice.LATER;
    }

    /**
     * Reports missing data and offers to locate it with {@code chooser}.
     *
     * @return the located file or folder, or empty when the user cancelled
     */
    Optional<Path> locateMissingData(String problem, Supplier<Path> chooser) {
        Alert alert = new Alert(Alert.AlertType.WARNING, "", LOCATE, ButtonType.CANCEL);
        alert.setTitle("Data not found");
        alert.setHeaderText(problem);
        alert.setContentText("Locate the data to open the project, or cancel to keep the open project.");
        alert.getDialogPane().setId("missing-data");
        if (show(alert).orElse(ButtonType.CANCEL) != LOCATE) {
            return Optional.empty();
        }
        return Optional.ofNullable(chooser.get());
    }

    /**
     * Asks for the MNIST folder of a project that does not name one, such as the MNIST samples,
     * and lets {@code chooser} pick it. Nothing is missing, so this is a question, not a warning.
     *
     * @return the chosen folder, or empty when the user cancelled
     */
    Optional<Path> askForMnistFolder(Supplier<Path> chooser) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", CHOOSE_FOLDER, ButtonType.CANCEL);
        alert.setTitle("Choose the MNIST folder");
        alert.setHeaderText("This project trains on MNIST. Where are its files?");
        alert.setContentText("Choose the folder with the four IDX files (samples/fetch-mnist.sh downloads them), "
                + "or cancel to keep the open project.");
        alert.getDialogPane().setId("choose-mnist");
        if (show(alert).orElse(ButtonType.CANCEL) != CHOOSE_FOLDER) {
            return Optional.empty();
        }
        return Optional.ofNullable(chooser.get());
    }

    /** Asks whether to go on although the trained posterior was not saved. */
    boolean confirmLosingPosterior(String text) {
        Alert alert = new Alert(Alert.AlertType.WARNING, text + "\n\nContinue and lose the trained posterior?", CONTINUE,
                ButtonType.CANCEL);
        alert.setTitle("Posterior not saved");
        alert.setHeaderText("The trained posterior was not saved");
        alert.getDialogPane().setId("posterior-not-saved");
        return show(alert).orElse(ButtonType.CANCEL) == CONTINUE;
    }

    void showError(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("file-error");
        alert.initOwner(owner);
        OwnerState.keepMaximizedUntilHidden(owner, alert);
        alert.show();
    }

    private Optional<ButtonType> show(Alert alert) {
        if (owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.getDialogPane().setMinWidth(460);
        return OwnerState.keepingMaximized(owner, alert::showAndWait);
    }
}
