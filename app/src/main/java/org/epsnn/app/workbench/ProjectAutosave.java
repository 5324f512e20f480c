package org.epsnn.app.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autosave copy of the open project while it trains, and the offer at start-up to recover
 * an autosave that a crash left behind. Used on the FX thread; the files are written and
 * scanned on background threads.
 */
final class ProjectAutosave {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectAutosave.class);

    private final ProjectFileActions actions;
    private final WorkbenchController controller;
    private final WorkbenchFiles files;
    private final ProjectDocument document;
    private final WindowSettings settings;
    private final RecentFiles recent;
    private final ProjectDialogs dialogs;
    private final Executor background;
    private final FxTicker timer = new FxTicker(this::writeIfTraining);
    private boolean writing;

    ProjectAutosave(ProjectFileActions actions, WorkbenchController controller, WorkbenchFiles files, ProjectDocument document,
                    WindowSettings settings, RecentFiles recent, ProjectDialogs dialogs, Executor background) {
        this.actions = actions;
        this.controller = controller;
        this.files = files;
        this.document = document;
        this.settings = settings;
        this.recent = recent;
        this.dialogs = dialogs;
        this.background = background;
        schedule();
    }

    /** Restarts the autosave timer with the interval of the window settings; it ticks only while training. */
    void schedule() {
        timer.start((long) (settings.autosaveMinutes() * 60e9));
    }

    private void writeIfTraining() {
        if (controller.isTraining()) {
            write();
        }
    }

    /**
     * Writes the autosave copy in the background: {@code .NAME.autosave} beside the project, or
     * the untitled autosave in the configuration folder. A write still running is not repeated.
     */
    void write() {
        if (writing) {
            return;
        }
        writing = true;
        Path target = files.autosaveFor(document.file());
        actions.buildState(state -> {
            if (state == null) {
                writing = false;
                return;
            }
            background.execute(() -> {
                try {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                    actions.writeState(target, state.finish(), done -> {
                    });
                    LOG.debug("Autosaved to {}", target);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Autosave to {} failed: {}", target, e.toString());
                    Platform.runLater(() -> controller.showMessage("Autosave to " + target + " failed: " + e.getMessage()));
                } finally {
                    Platform.runLater(() -> writing = false);
                }
            });
        });
    }

    /**
     * Offers to recover each autosave that is newer than its project: that of the untitled
     * project, of each recent project and of {@code alsoCheck} (may be null). Recover opens it,
     * Discard deletes it and Later keeps it for the next start.
     */
    void offerRecovery(Path alsoCheck) {
        List<Path> projects = new java.util.ArrayList<>(recent.entries());
        if (alsoCheck != null) {
            projects.add(0, alsoCheck.toAbsolutePath().normalize());
        }
        java.util.Map<Path, java.time.LocalDateTime> writtenAt = new java.util.concurrent.ConcurrentHashMap<>();
        Task<List<Path>> scan = new Task<>() {
            @Override
            protected List<Path> call() throws IOException {
                List<Path> found = new java.util.ArrayList<>();
                if (Files.isRegularFile(files.untitledAutosave())) {
                    found.add(files.untitledAutosave());
                }
                found.addAll(files.keptUntitledAutosaves());
                for (Path project : projects) {
                    Path autosave = files.autosaveFor(project);
                    if (Files.isRegularFile(autosave) && !found.contains(autosave) && (!Files.exists(project)
                            || Files.getLastModifiedTime(autosave).compareTo(Files.getLastModifiedTime(project)) > 0)) {
                        found.add(autosave);
                    }
                }
                for (Path autosave : found) {
                    try {
                        writtenAt.put(autosave, java.time.LocalDateTime.ofInstant(Files.getLastModifiedTime(autosave).toInstant(),
                                java.time.ZoneId.systemDefault()));
                    } catch (IOException e) {
                        LOG.debug("Could not read the time of {}: {}", autosave, e.getMessage());
                    }
                }
                return found;
            }
        };
        scan.setOnSucceeded(event -> {
            for (Path autosave : scan.getValue()) {
                Path project = files.projectOf(autosave);
                switch (dialogs.askToRecover(project == null ? ProjectDocument.UNTITLED : project.toString(), writtenAt.get(autosave))) {
                    case RECOVER -> {
                        actions.openFile(autosave, project, true);
                        return;
                    }
                    case DISCARD -> actions.deleteLater(autosave);
                    case LATER -> keepForLater(autosave);
                }
            }
        });
        scan.setOnFailed(event -> LOG.warn("Could not look for autosave files", scan.getException()));
        Thread thread = new Thread(scan, "autosave-scan");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Keeps an autosave for the next start. The untitled one moves to a name of its own first:
     * the next untitled project autosaves to the fixed name and would replace it.
     */
    private void keepForLater(Path autosave) {
        if (!autosave.equals(files.untitledAutosave())) {
            controller.showMessage("The autosave stays in " + autosave + " until the next start.");
            return;
        }
        Path renamed = files.keptUntitledAutosave(java.time.LocalDateTime.now());
        background.execute(() -> {
            String message;
            try {
                Files.move(autosave, renamed, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                message = "The autosave stays in " + renamed + " until the next start.";
            } catch (IOException e) {
                LOG.warn("Could not rename the autosave {} to {}: {}", autosave, renamed, e.getMessage());
                message = "The autosave stays in " + autosave + ", but the next untitled autosave will replace it: "
                        + "renaming it to " + renamed + " failed (" + e.getMessage() + ").";
            }
            String status = message;
            Platform.runLater(() -> controller.showMessage(status));
        });
    }
}
