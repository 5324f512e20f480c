package org.epsnn.app.workbench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.epsnn.model.ep.EpNetwork;
import org.epsnn.model.project.DataReference;
import org.epsnn.model.project.ProjectSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The File commands of the main window: new, open, open recent, save, save as, the prompt before
 * unsaved changes are dropped, and closing. {@link ProjectAutosave} keeps the autosave copy.
 * Reading and writing go through a {@link ProjectStore} on background threads; this class runs
 * on the FX thread and changes the open project only when a load has fully succeeded.
 */
final class ProjectFileActions {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectFileActions.class);

    /** The extension of project files. */
    static final String EXTENSION = "epsnn";

    private final MainWindow window;
    private final Stage stage;
    private final WorkbenchController controller;
    private final ProjectStore store;
    private final WorkbenchFiles files;
    /** An untitled autosave kept for later (see WorkbenchFiles.keptUntitledAutosave) that is now open, deleted at the next save. */
    private Path recoveredKeptAutosave;
    private final ProjectDialogs dialogs;
    private final ProjectDocument document = new ProjectDocument();
    private final RecentFiles recent;
    private final WindowSettings windowSettings;
    /** Autosave writes, recent-list writes and deletions, one at a time and in order. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "project-files");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final Label fileTaskText = new Label();
    private final ProgressBar fileTaskBar = new ProgressBar(0);
    private final Button fileTaskCancel = new Button("Cancel");
    private final HBox fileTaskStatus = new HBox(6, fileTaskText, fileTaskBar, fileTaskCancel);
    private final ProjectAutosave autosave;
    private boolean closeConfirmed;

    ProjectFileActions(MainWindow window, Stage stage, WorkbenchController controller, ProjectStore store, WorkbenchFiles files) {
        this.window = window;
        this.stage = stage;
        this.controller = controller;
        this.store = store;
        this.files = files;
        this.dialogs = new ProjectDialogs(stage);
        this.recent = new RecentFiles(files.recentList(), background);
        this.windowSettings = new WindowSettings(files.windowSettings(), background);

        fileTaskBar.setId("file-progress");
        fileTaskBar.setPrefWidth(160);
        fileTaskCancel.setId("file-cancel");
        fileTaskText.setId("file-task-text");
        fileTaskStatus.setId("file-task");
        fileTaskStatus.setPadding(new Insets(0, 6, 0, 6));
        fileTaskStatus.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // The part keeps its space when hidden: a status bar that changed height would resize and redraw every plot.
        fileTaskStatus.visibleProperty().bind(busy);

        stage.titleProperty().bind(document.titleBinding());
        stage.setOnCloseRequest(event -> {
            if (!closeConfirmed) {
                event.consume();
                requestClose();
            }
        });
        this.autosave = new ProjectAutosave(this, controller, files, document, windowSettings, recent, dialogs, background);
        trackChanges();
    }

    ProjectDocument document() {
        return document;
    }

    RecentFiles recent() {
        return recent;
    }

    WindowSettings windowSettings() {
        return windowSettings;
    }

    ProjectAutosave autosave() {
        return autosave;
    }

    /** Returns the status-bar part that shows a load or save in progress, with Cancel for loads. */
    Node statusNode() {
        return fileTaskStatus;
    }

    /** True while a project is being read or written. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // ---- modified tracking ----

    /**
     * Marks the project modified on every edit of the network, the settings, the input encoding
     * or the data, on every batch trained, on a reset of the posterior and on a new gradient baseline. Opening or saving a
     * project clears the mark after these listeners ran.
     */
    private void trackChanges() {
        ChangeListener<Object> edited = (observable, before, after) -> document.markModified();
        controller.history().networkProperty().addListener(edited);
        controller.settingsProperty().addListener(edited);
        controller.encodingProperty().addListener(edited);
        controller.dataChoiceProperty().addListener(edited);
        controller.posteriorProperty().addListener(edited);
        // A project keeps the gradient baseline, so a finished or restarted comparison is a change to save.
        controller.comparison().baselineCurveProperty().addListener(edited);
        controller.addFeedConsumer(drained -> {
            if (drained.latestBatch() != null || !drained.batches().isEmpty()) {
                document.markModified();
            }
            if (!drained.passes().isEmpty()) {
                autosave.write();
            }
        });
    }

    // ---- new, open, recent ----

    /** Starts a new untitled project with the default network, settings and data, after asking about unsaved changes. */
    void newProject() {
        if (rejectWhileTraining("starting a new project")) {
            return;
        }
        proceedAfterSaving(this::startNewProject);
    }

    /** Starts a new untitled project without asking, as at start-up. */
    void startNewProject() {
        startNewProject(null);
    }

    /** Starts a new untitled project without asking, then runs {@code then} (may be null) once its data is loaded. */
    void startNewProject(Runnable then) {
        Path previous = document.file();
        controller.resetToDefaults();
        window.resetProjectPanels();
        window.loadBuiltIn(WorkbenchApplication.DEFAULT_DATASET, () -> {
            document.markNew();
            if (previous != null) {
                controller.showMessage("New project; " + previous.getFileName() + " was closed.");
            }
            if (then != null) {
                then.run();
            }
        });
    }

    void open() {
        if (rejectWhileTraining("opening a project")) {
            return;
        }
        proceedAfterSaving(() -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a project");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("EP-SNN projects", "*." + EXTENSION, "*.epsnn.json", "*.json"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            Path folder = document.file() != null ? document.file().getParent() : Path.of("samples");
            if (Files.isDirectory(folder)) {
                chooser.setInitialDirectory(folder.toAbsolutePath().toFile());
            }
            File chosen = OwnerState.keepingMaximized(stage, () -> chooser.showOpenDialog(stage));
            if (chosen != null) {
                openFile(chosen.toPath());
            }
        });
    }

    /** Opens a recently used project, after asking about unsaved changes. */
    void openRecent(Path file) {
        if (rejectWhileTraining("opening a project")) {
            return;
        }
        proceedAfterSaving(() -> openFile(file));
    }

    /**
     * Reads {@code file} in the background with a progress bar and Cancel in the status bar,
     * then loads its data and applies it. A failed or cancelled load leaves the open project as
     * it was.
     */
    void openFile(Path file) {
        openFile(file, file, false);
    }

    /**
     * Opens {@code source} as the project {@code belongsTo}: the same file for a normal open, the
     * original project (null: untitled) when recovering an autosave, which stays marked modified.
     */
    void openFile(Path source, Path belongsTo, boolean recovered) {
        if (busy.get()) {
            controller.showMessage("Wait until the current load or save has finished.");
            return;
        }
        String name = source.getFileName().toString();
        Task<OpenedProject> task = new Task<>() {
            @Override
            protected OpenedProject call() throws IOException {
                return store.load(source, done -> updateProgress(done, 1), this::isCancelled);
            }
        };
        task.setOnSucceeded(event -> {
            endFileTask();
            apply(task.getValue(), source, belongsTo, recovered);
        });
        task.setOnFailed(event -> {
            endFileTask();
            Throwable error = task.getException();
            LOG.warn("Could not open {}: {}", source, error.toString());
            if (error instanceof NoSuchFileException && recent.entries().contains(source.toAbsolutePath().normalize())) {
                recent.remove(source);
                controller.showMessage(name + " was not found and was removed from the recent projects.");
            } else {
                controller.showMessage("Could not open " + name + "; the open project is unchanged.");
            }
            dialogs.showError("Could not open the project", describe(error, source) + "\n\nThe open project is unchanged.");
        });
        task.setOnCancelled(event -> {
            endFileTask();
            controller.showMessage("Opening " + name + " was cancelled; the open project is unchanged.");
        });
        startFileTask(task, "Opening " + name, true);
    }

    private void apply(OpenedProject opened, Path source, Path belongsTo, boolean recovered) {
        ProjectSetup setup = opened.state().setup();
        Optional<DataChoice> choice = resolveData(setup.data(), source)
                .map(resolved -> DataChoice.limitedTo(resolved, setup.data().trainingLimit()));
        if (choice.isEmpty()) {
            controller.showMessage("Opening " + source.getFileName() + " was cancelled; the open project is unchanged.");
            return;
        }
        ProjectState state = opened.state();
        controller.openProject(state, choice.get(),
                error -> dialogs.showError("Could not load the project's data", error.getMessage() + "\n\nThe open project is unchanged."),
                () -> FxTurns.run(
                        () -> window.showProject(setup),
                        () -> window.plots().showMetricHistory(state.metrics()),
                        () -> window.restoreLayout(state.layout()),
                        () -> {
                            String problem = controller.comparison().restoreBaseline(state.layout());
                            if (problem != null) {
                                controller.showMessage(problem);
                            }
                        },
                        () -> {
                            if (recovered) {
                                document.markUnsaved(belongsTo);
                                // An untitled autosave kept under its own name is not the file the next save
                                // deletes, so remember it: it goes once the recovered project is saved.
                                recoveredKeptAutosave = belongsTo == null && !source.equals(files.untitledAutosave()) ? source : null;
                                // The autosave stays until a save or a clean exit, in case the window fails again first.
                                controller.showMessage("Recovered the autosave of " + document.displayName()
                                        + "; save it to keep it.");
                            } else {
                                document.markSaved(belongsTo);
                                recent.add(belongsTo);
                            }
                            opened.notes().forEach(note -> controller.showMessage(note));
                        }));
    }

    /**
     * Turns a project's data reference into a data choice. A data file or folder that is not
     * found is reported with the option to locate it.
     *
     * @return empty when the user cancelled
     */
    private Optional<DataChoice> resolveData(DataReference reference, Path projectFile) {
        switch (reference.kind()) {
            case BUILT_IN -> {
                return Optional.of(new DataChoice.BuiltIn(reference.name(), reference.trainSamples(), reference.testSamples(),
                        reference.noise(), reference.seed()));
            }
            case CSV -> {
                Path file = resolve(projectFile, reference.path());
                if (!Files.isRegularFile(file)) {
                    String title = "Locate " + file.getFileName();
                    Optional<Path> located = dialogs.locateMissingData("The project's data file " + file + " was not found.", () -> {
                        FileChooser chooser = new FileChooser();
                        chooser.setTitle(title);
                        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"),
                                new FileChooser.ExtensionFilter("All files", "*"));
                        File chosen = OwnerState.keepingMaximized(stage, () -> chooser.showOpenDialog(stage));
                        return chosen == null ? null : chosen.toPath();
                    });
                    if (located.isEmpty()) {
                        return Optional.empty();
                    }
                    file = located.get();
                }
                return Optional.of(new DataChoice.Csv(file, reference.target(), reference.testFraction(), reference.seed(),
                        reference.missingValues()));
            }
            default -> {
                Path folder = reference.path() == null ? null : resolve(projectFile, reference.path());
                if (folder == null || !Files.isDirectory(folder)) {
                    String problem = "The project's MNIST folder " + folder + " was not found.";
                    String title = folder == null ? "Folder with the four MNIST IDX files" : "Locate " + folder.getFileName();
                    Supplier<Path> choose = () -> {
                        DirectoryChooser chooser = new DirectoryChooser();
                        chooser.setTitle(title);
                        File chosen = OwnerState.keepingMaximized(stage, () -> chooser.showDialog(stage));
                        return chosen == null ? null : chosen.toPath();
                    };
                    Optional<Path> located = folder == null ? dialogs.askForMnistFolder(choose)
                            : dialogs.locateMissingData(problem, choose);
                    if (located.isEmpty()) {
                        return Optional.empty();
                    }
                    folder = located.get();
                }
                return Optional.of(new DataChoice.Mnist(folder));
            }
        }
    }

    static Path resolve(Path projectFile, String path) {
        Path candidate = Path.of(path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path);
        return candidate.isAbsolute() ? candidate : projectFile.toAbsolutePath().getParent().resolve(candidate).normalize();
    }

    // ---- save ----

    /** Saves to the project's file, or lets the user choose one when the project is untitled. */
    void save() {
        save(null);
    }

    private void save(Runnable onSaved) {
        // Save never overwrites a version 1 setup (.epsnn.json) with the new format, so it
        // requests a new .epsnn file instead.
        if (document.file() == null || !document.file().getFileName().toString().endsWith("." + EXTENSION)) {
            saveAs(onSaved);
        } else {
            saveTo(document.file(), onSaved);
        }
    }

    void saveAs() {
        saveAs(null);
    }

    private void saveAs(Runnable onSaved) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the project as");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("EP-SNN projects", "*." + EXTENSION));
        chooser.setInitialFileName(document.file() == null ? ProjectDocument.UNTITLED + "." + EXTENSION
                : projectFileName(document.file()));
        if (document.file() != null) {
            chooser.setInitialDirectory(document.file().getParent().toFile());
        }
        File chosen = OwnerState.keepingMaximized(stage, () -> chooser.showSaveDialog(stage));
        if (chosen == null) {
            return;
        }
        Path target = chosen.toPath();
        if (!target.getFileName().toString().contains(".")) {
            target = target.resolveSibling(target.getFileName() + "." + EXTENSION);
        }
        saveTo(target, onSaved);
    }

    /** Returns the project file name for {@code file}: {@code xor.epsnn.json} becomes {@code xor.epsnn}. */
    static String projectFileName(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : new String[] {"." + EXTENSION + ".json", ".json"}) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length()) + "." + EXTENSION;
            }
        }
        return name;
    }

    /**
     * Writes the project to {@code target} in the background, from a copy of the posterior (taken
     * between two batches during a run), with progress in the status bar; then runs {@code onSaved}.
     *
     * @param onSaved what the user asked to do after saving, such as closing the window; null for none
     */
    void saveTo(Path target, Runnable onSaved) {
        if (busy.get()) {
            controller.showMessage("Wait until the current load or save has finished.");
            return;
        }
        busy.set(true);
        fileTaskText.setText("Saving " + target.getFileName());
        fileTaskBar.progressProperty().unbind();
        fileTaskBar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        fileTaskCancel.setVisible(false);
        buildState(state -> {
            if (state == null) {
                busy.set(false);
                controller.showMessage("Load data before saving a project.");
                return;
            }
            Task<Boolean> task = new Task<>() {
                @Override
                protected Boolean call() throws IOException {
                    return writeState(target, state.finish(), done -> updateProgress(done, 1));
                }
            };
            task.setOnSucceeded(event -> {
                endFileTask();
                Path previous = document.file();
                recent.add(target);
                if (task.getValue()) {
                    document.markSaved(target);
                    deleteLater(files.autosaveFor(previous));
                    deleteLater(files.autosaveFor(target));
                    if (recoveredKeptAutosave != null) {
                        deleteLater(recoveredKeptAutosave);
                        recoveredKeptAutosave = null;
                    }
                    controller.showMessage("Saved the project to " + target + ".");
                    if (onSaved != null) {
                        onSaved.run();
                    }
                } else {
                    document.markUnsaved(target);
                    String text = "Saved the project setup to " + target + ", without the trained posterior: this version"
                            + " cannot save a trained posterior yet, so the project stays marked as modified.";
                    controller.showMessage(text);
                    if (onSaved != null && dialogs.confirmLosingPosterior(text)) {
                        onSaved.run();
                    }
                }
            });
            task.setOnFailed(event -> {
                endFileTask();
                Throwable error = task.getException();
                LOG.warn("Could not save {}", target, error);
                controller.showMessage("Could not save the project to " + target + ".");
                dialogs.showError("Could not save the project", "Could not write " + target + ": " + error.getMessage()
                        + "\n\nThe project is still open and unsaved.");
            });
            Thread thread = new Thread(task, "project-save");
            thread.setDaemon(true);
            fileTaskBar.progressProperty().bind(task.progressProperty());
            thread.start();
        });
    }

    /**
     * Writes {@code state}, falling back to the state without its posterior when the store cannot
     * save one. Runs on a background thread.
     *
     * @return whether the posterior (if any) was written
     */
    boolean writeState(Path target, ProjectState state, java.util.function.DoubleConsumer progress) throws IOException {
        try {
            store.save(target, state, progress);
            return true;
        } catch (UnsupportedOperationException e) {
            LOG.info("Saving {} without the posterior: {}", target, e.getMessage());
            store.save(target, state.withoutPosterior(), progress);
            return false;
        }
    }

    /**
     * A project's state as collected on the FX thread. {@link #finish} writes the parts that take
     * time to turn into text, so call it on the thread that saves.
     */
    record StateDraft(ProjectSetup setup, Optional<EpNetwork> posterior, MetricHistory metrics, Map<String, String> layout,
                      List<WeightHistoryJson.Saved> weightHistories) {

        ProjectState finish() {
            Map<String, String> complete = new HashMap<>(layout);
            if (!weightHistories.isEmpty()) {
                complete.put(WeightHistoryJson.KEY, WeightHistoryJson.write(weightHistories));
            }
            return new ProjectState(setup, posterior, metrics, complete);
        }
    }

    /**
     * Collects the project state on the FX thread and hands it to {@code receiver}, or null
     * before data is loaded. The posterior copy may arrive after a batch, so this may return first.
     */
    void buildState(Consumer<StateDraft> receiver) {
        ProjectSetup setup = controller.currentSetup(window.projectDescription());
        if (setup == null) {
            receiver.accept(null);
            return;
        }
        MetricHistory metrics = window.plots().metricHistory();
        Map<String, String> layout = new HashMap<>();
        window.saveLayout(layout);
        controller.comparison().saveBaseline(layout);
        List<WeightHistoryJson.Saved> weightHistories = window.plots().savedWeightHistories();
        controller.requestPosteriorCopy(posterior -> receiver.accept(new StateDraft(setup, posterior, metrics, layout, weightHistories)));
    }

    // ---- the prompt and closing ----

    /**
     * Runs {@code proceed} at once when the project has no unsaved changes; otherwise prompts with Save,
     * Don't save and Cancel, and runs it after a successful save or when the user discards.
     */
    void proceedAfterSaving(Runnable proceed) {
        if (!document.isModified()) {
            proceed.run();
            return;
        }
        switch (dialogs.askToSave(document.displayName(), controller.isTraining())) {
            case SAVE -> save(proceed);
            case DISCARD -> {
                // The discarded changes must not come back as an autosave on the next start.
                deleteLater(files.autosaveFor(document.file()));
                proceed.run();
            }
            case CANCEL -> controller.showMessage("Cancelled; the project is still open.");
        }
    }

    /** Closes the window after the unsaved-changes prompt. A run is stopped first and the autosave deleted. */
    void requestClose() {
        proceedAfterSaving(() -> stopRunThen(() -> {
            Path autosave = files.autosaveFor(document.file());
            background.execute(() -> deleteQuietly(autosave));
            background.shutdown();
            closeConfirmed = true;
            stage.close();
        }));
    }

    /** Stops a run and runs {@code next} once it has ended, from a listener so that the FX thread does not wait. */
    private void stopRunThen(Runnable next) {
        if (!controller.isTraining() && !controller.worker().isRunning()) {
            next.run();
            return;
        }
        controller.showMessage("Stopping the run after its current batch ...");
        ChangeListener<Worker.State> ended = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Worker.State> observable, Worker.State before,
                                Worker.State after) {
                if (after == Worker.State.SUCCEEDED || after == Worker.State.FAILED || after == Worker.State.CANCELLED) {
                    controller.worker().stateProperty().removeListener(this);
                    // The controller handles the end of the run in its own handlers first.
                    Platform.runLater(next);
                }
            }
        };
        controller.worker().stateProperty().addListener(ended);
        controller.stop();
    }

    private boolean rejectWhileTraining(String what) {
        if (controller.isTraining()) {
            controller.showMessage("Stop training before " + what + ".");
            return true;
        }
        return false;
    }

    // ---- helpers ----

    private void startFileTask(Task<?> task, String text, boolean cancellable) {
        busy.set(true);
        fileTaskText.setText(text);
        fileTaskBar.progressProperty().bind(task.progressProperty());
        fileTaskCancel.setVisible(cancellable);
        fileTaskCancel.setOnAction(event -> task.cancel());
        Thread thread = new Thread(task, "project-load");
        thread.setDaemon(true);
        thread.start();
    }

    private void endFileTask() {
        fileTaskBar.progressProperty().unbind();
        fileTaskCancel.setOnAction(null);
        busy.set(false);
    }

    void deleteLater(Path file) {
        background.execute(() -> deleteQuietly(file));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    private static String describe(Throwable error, Path file) {
        if (error instanceof NoSuchFileException) {
            return "The file " + file + " was not found.";
        }
        if (error instanceof java.nio.file.AccessDeniedException) {
            return "The file " + file + " cannot be read: access denied.";
        }
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return "Could not read " + file + " (" + error.getClass().getSimpleName() + ").";
        }
        return message.contains(file.getFileName().toString()) ? message : "Could not read " + file + ": " + message;
    }

    ExecutorService background() {
        return background;
    }
}
