package org.epsnn.app.workbench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.PropertySheet;
import org.epsnn.app.data.TrainingData;
import org.epsnn.model.data.BuiltInDatasets;
import org.epsnn.model.network.LayerSpec;
import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.model.training.TrainingSettings;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.export.ExportFileChooser;
import org.epsnn.views.export.ExportFormat;
import org.epsnn.views.network.NetworkEditorView;

/**
 * The main window: menus and tool bar, the network editor with the selected layer's properties
 * on the left, the live plots in the centre, data and training settings on the right, and the
 * status bar. It binds to the {@link WorkbenchController} and forwards gestures to it.
 */
public final class MainWindow {

    /** The neuron models the layer sheet offers. */
    public enum NeuronChoice {
        HEAVISIDE("Heaviside"), SIGMOID("Bernoulli-sigmoid"), LINEAR("linear (regression output)");

        private final String label;

        NeuronChoice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The weight kinds the layer sheet offers. */
    public enum WeightChoice {
        GAUSSIAN("Gaussian"), BINARY("binary {-1, +1}"), TERNARY("ternary {-1, 0, +1}");

        private final String label;

        WeightChoice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final WorkbenchController controller;
    private final Stage stage;
    private final ChartTheme theme = new ChartTheme();
    private final NetworkEditorView editor;
    private final PlotsPane plots;
    /** Folder of the last export in this window, where the next export dialog opens. */
    private Path lastExportFolder;
    /** Asks for the file of an export: the save dialog, or a fixed path in tests. */
    private ExportFileChooser exportChooser = this::chooseExportFile;
    private final PropertySheet layerSheet = new PropertySheet();
    private final PropertySheet settingsSheet = new PropertySheet();
    private final Label layerMessage = new Label();
    private final Label settingsMessage = new Label();
    private final Label dataSummary = new Label("No data loaded.");
    private final ComboBox<String> builtInChoice = new ComboBox<>(FXCollections.observableArrayList(BuiltInDatasets.names()));
    private final TextField seedField = new TextField("1");
    private final TextField noiseField = new TextField();
    private final TextField trainSizeField = new TextField();
    private final TextField testSizeField = new TextField();
    private final Label projectDescription = new Label();
    private final HBox descriptionPanel = new HBox(8);
    private final BorderPane root = new BorderPane();
    private final SplitPane split;
    private final List<Node> editingTools = new java.util.ArrayList<>();
    private final javafx.scene.control.CheckMenuItem presentationItem = new javafx.scene.control.CheckMenuItem("_Presentation mode");
    private final Map<Tab, javafx.scene.control.CheckMenuItem> presentedTabs = new LinkedHashMap<>();
    /** The layout that presentation mode replaced, restored when it ends; null outside presentation mode. */
    private SavedLayout savedLayout;
    private final Scene scene;
    private final ProjectFileActions files;
    private final ProjectExports exports;

    /** The layout that presentation mode replaces: the split's panes and dividers, the tabs and the selected tab. */
    private record SavedLayout(List<Node> splitItems, double[] dividers, List<Tab> tabs, Tab selected) {
    }

    /** Presentation mode scales chart fonts by this and sets the controls' font size to {@link #PRESENTATION_FONT_PIXELS}. */
    static final double PRESENTATION_SCALE = 1.6;
    /** Size of the window's content when the screen has room for it. */
    static final double SCENE_WIDTH = 1500;
    static final double SCENE_HEIGHT = 920;
    /** Divider positions of the network, plots and settings panes in a new window. */
    private static final double[] DIVIDERS = {0.22, 0.76};
    static final int PRESENTATION_FONT_PIXELS = 20;
    /** Starts a run's training thread when no layout pulse came within 250 ms (see {@link #afterNextLayout}). */
    private static final java.util.concurrent.ScheduledExecutorService LAUNCH_FALLBACK =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "run-launch-fallback");
                thread.setDaemon(true);
                return thread;
            });

    /** Opens the window with the project file store and the user's configuration folder. */
    public MainWindow(Stage stage, WorkbenchController controller) {
        this(stage, controller, new EpsnnProjectStore(), WorkbenchFiles.forUser());
    }

    /**
     * Opens the window.
     *
     * @param store reads and writes project files
     * @param workbenchFiles where the recent-projects list, window settings and untitled autosave live
     */
    public MainWindow(Stage stage, WorkbenchController controller, ProjectStore store, WorkbenchFiles workbenchFiles) {
        this.stage = stage;
        this.controller = controller;
        this.editor = new NetworkEditorView(theme);
        this.plots = new PlotsPane(theme, controller.comparison(), controller::cancelComparison);
        this.files = new ProjectFileActions(this, stage, controller, store, workbenchFiles);
        this.exports = new ProjectExports(controller, plots, store, this::exportFile, this::showError);

        split = new SplitPane(leftPane(), plots.node(), rightPane());
        root.setTop(new VBox(menuBar(), toolBar()));
        split.setDividerPositions(DIVIDERS);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        SplitPane.setResizableWithParent(split.getItems().get(2), false);
        VBox center = new VBox(descriptionPanel(), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.setCenter(center);
        root.setBottom(statusBar());
        scene = new Scene(root, SCENE_WIDTH, SCENE_HEIGHT);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::spaceTogglesPause);

        BiConsumer<Path, ExportFormat> onExported = (path, format) -> controller.showMessage("Exported "
                + format.name() + " to " + path);
        BiConsumer<Path, java.io.IOException> onExportFailed = (path, error) -> showError("Export failed",
                "Could not write " + path + ": " + error.getMessage() + ". Choose another folder or free some space, then export again.");
        plots.setExportHandlers(this::exportFile, onExported, onExportFailed);
        editor.exportActions().setFileName("network");
        editor.exportActions().setFileChooser(this::exportFile);
        editor.exportActions().setOnExported(onExported);
        editor.exportActions().setOnExportFailed(onExportFailed);
        bindController();
        controller.setLauncher(this::afterNextLayout);
        controller.setPosteriorDiscardApproval(this::approvePosteriorDiscard);
        stage.setScene(scene);
    }

    /**
     * Runs {@code launch} after the next layout pulse, or after 250 ms should no pulse come. A run
     * starts its training thread here. The pulse that restyles the controls a run disables then
     * has the cores to itself, instead of sharing them with the training threads and the JIT.
     * In one window benchmark round, the Start click had held the FX thread for 52 ms.
     */
    void afterNextLayout(Runnable launch) {
        java.util.concurrent.atomic.AtomicBoolean launched = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            if (!launched.getAndSet(true)) {
                scene.removePostLayoutPulseListener(once[0]);
                launch.run();
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        javafx.application.Platform.requestNextPulse();
        LAUNCH_FALLBACK.schedule(() -> javafx.application.Platform.runLater(once[0]), 250, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Returns the File commands: new, open, save, autosave and recovery. */
    ProjectFileActions files() {
        return files;
    }

    public Scene scene() {
        return scene;
    }

    /**
     * Shows the window at its content size, or at the screen's visible area where that is smaller.
     * JavaFX 21 on GTK can lose a size set before the window appears, leaving it at 200 x 200
     * under some window managers (seen with Openbox; JDK-8316423, fixed in JavaFX 22). So the size
     * is set again once the window is on screen.
     */
    void show() {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.min(SCENE_WIDTH, screen.getWidth());
        double height = Math.min(SCENE_HEIGHT, screen.getHeight());
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        javafx.application.Platform.runLater(() -> keepSize(width, height));
    }

    /** Gives the window {@code width x height} again if it appeared smaller and the user has not maximized it. */
    private void keepSize(double width, double height) {
        if (stage.isMaximized() || stage.isFullScreen()) {
            return;
        }
        if (stage.getWidth() < width - 1 || stage.getHeight() < height - 1) {
            stage.setWidth(width);
            stage.setHeight(height);
            stage.centerOnScreen();
            // The side panes do not grow with the window, so they would keep the width they had at 200 x 200.
            split.setDividerPositions(DIVIDERS);
        }
    }

    PlotsPane plots() {
        return plots;
    }

    NetworkEditorView editor() {
        return editor;
    }

    // ---- layout ----

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        file.setId("file-menu");
        MenuItem newProject = item("_New project", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                event -> files.newProject());
        MenuItem open = item("_Open project...", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), event -> files.open());
        Menu recent = recentMenu();
        MenuItem save = item("_Save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), event -> files.save());
        MenuItem saveAs = item("Save _as...", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                event -> files.saveAs());
        for (MenuItem busyItem : List.of(newProject, open, recent)) {
            busyItem.disableProperty().bind(trainingBinding().or(files.busyProperty()));
        }
        save.disableProperty().bind(files.busyProperty());
        saveAs.disableProperty().bind(files.busyProperty());
        MenuItem exportMetrics = item("Export _metrics as CSV...", null, event -> exports.exportMetrics());
        MenuItem posteriorCsv = item("Export posterior as CS_V...", null,
                event -> exports.exportPosterior(ProjectStore.PosteriorFormat.CSV));
        MenuItem posteriorNpy = item("Export posterior as _NPY...", null,
                event -> exports.exportPosterior(ProjectStore.PosteriorFormat.NPY));
        posteriorCsv.disableProperty().bind(controller.hasPosteriorProperty().not());
        posteriorNpy.disableProperty().bind(controller.hasPosteriorProperty().not());
        file.setOnShowing(event -> refreshRecentMenu(file));
        file.getItems().addAll(newProject, open, recent, new javafx.scene.control.SeparatorMenuItem(), save, saveAs,
                new javafx.scene.control.SeparatorMenuItem(),
                item("Export accuracy chart as PNG...", null, event -> plots.accuracyChart().exportActions()
                        .export(org.epsnn.views.export.ExportFormat.values()[0])),
                exportMetrics, posteriorCsv, posteriorNpy,
                new javafx.scene.control.SeparatorMenuItem(),
                item("_Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), event -> files.requestClose()));
        Menu edit = new Menu("_Edit");
        MenuItem undo = item("_Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), event -> controller.undo());
        MenuItem redo = item("_Redo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                event -> controller.redo());
        undo.disableProperty().bind(controller.history().canUndoProperty().not().or(trainingBinding()));
        redo.disableProperty().bind(controller.history().canRedoProperty().not().or(trainingBinding()));
        MenuItem add = item("_Add layer after selection", new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                event -> controller.addLayerAfter(Math.max(0, editor.getSelectedIndex())));
        MenuItem remove = item("_Remove selected layer", new KeyCodeCombination(KeyCode.DELETE, KeyCombination.SHORTCUT_DOWN),
                event -> controller.removeLayer(editor.getSelectedIndex() - 1));
        add.disableProperty().bind(trainingBinding());
        remove.disableProperty().bind(trainingBinding());
        edit.getItems().addAll(undo, redo, new javafx.scene.control.SeparatorMenuItem(), add, remove);

        Menu data = new Menu("_Data");
        for (String name : BuiltInDatasets.names()) {
            MenuItem builtIn = item("Built-in: " + name, null, event -> beforeDataChange(() -> loadBuiltIn(name)));
            builtIn.disableProperty().bind(trainingBinding());
            data.getItems().add(builtIn);
        }
        MenuItem mnist = item("Open _MNIST folder...", new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN),
                event -> beforeDataChange(this::openMnist));
        MenuItem csv = item("Open _CSV file...", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                event -> beforeDataChange(this::openCsv));
        mnist.disableProperty().bind(trainingBinding());
        csv.disableProperty().bind(trainingBinding());
        data.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), mnist, csv);

        Menu train = new Menu("_Train");
        train.getItems().addAll(trainItems());
        Menu help = new Menu("_Help");
        help.getItems().addAll(item("_Keyboard shortcuts", new KeyCodeCombination(KeyCode.F1), event -> showShortcuts()),
                item("_About", null, event -> showAbout()));
        return new MenuBar(file, edit, data, train, viewMenu(), help);
    }

    private Menu viewMenu() {
        presentationItem.setId("presentation-mode");
        presentationItem.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        presentationItem.selectedProperty().addListener((observable, before, after) -> setPresentationMode(after));
        Menu shown = new Menu("Plots in presentation mode");
        List<String> defaults = List.of("Accuracy", "Receptive fields", "Spikes", "Digit pad", "Uncertainty", "Decision map");
        for (Tab tab : plots.tabs().getTabs()) {
            javafx.scene.control.CheckMenuItem choice = new javafx.scene.control.CheckMenuItem(tab.getText());
            choice.setSelected(defaults.contains(tab.getText()));
            choice.selectedProperty().addListener((observable, before, after) -> {
                if (savedLayout != null) {
                    showPresentedTabs();
                }
            });
            // New data can disable or enable a tab while the presentation is on.
            tab.disableProperty().addListener((observable, before, after) -> {
                if (savedLayout != null) {
                    showPresentedTabs();
                }
            });
            presentedTabs.put(tab, choice);
            shown.getItems().add(choice);
        }
        MenuItem description = item("Show project _description", null, event -> descriptionPanel.setVisible(true));
        description.disableProperty().bind(projectDescription.textProperty().isEmpty());
        Menu view = new Menu("_View");
        view.getItems().addAll(presentationItem, shown, new javafx.scene.control.SeparatorMenuItem(), description);
        return view;
    }

    /**
     * The Open Recent menu: one item per recent project, newest first. Projects that are no
     * longer found are greyed out; the check runs in the background whenever the list changes.
     */
    private Menu recentMenu() {
        Menu menu = new Menu("Open _recent");
        menu.setId("recent-menu");
        Runnable rebuild = () -> {
            List<Path> entries = List.copyOf(files.recent().entries());
            List<MenuItem> items = new java.util.ArrayList<>();
            for (Path entry : entries) {
                MenuItem item = item(entry.getFileName() + "  (" + entry.getParent() + ")", null, event -> files.openRecent(entry));
                item.getProperties().put(Path.class, entry);
                items.add(item);
            }
            if (items.isEmpty()) {
                MenuItem none = new MenuItem("No recent projects");
                none.setDisable(true);
                items.add(none);
            }
            MenuItem clear = item("Clear the list", null, event -> entries.forEach(files.recent()::remove));
            clear.setDisable(entries.isEmpty());
            items.add(new javafx.scene.control.SeparatorMenuItem());
            items.add(clear);
            menu.getItems().setAll(items);
            markMissing(menu, entries);
        };
        files.recent().entries().addListener((javafx.collections.ListChangeListener<Path>) change -> rebuild.run());
        rebuild.run();
        return menu;
    }

    /** Checks again which recent projects exist, for a File menu about to show. */
    private void refreshRecentMenu(Menu file) {
        for (MenuItem item : file.getItems()) {
            if (item instanceof Menu menu && "recent-menu".equals(menu.getId())) {
                markMissing(menu, List.copyOf(files.recent().entries()));
            }
        }
    }

    private void markMissing(Menu menu, List<Path> entries) {
        files.background().execute(() -> {
            java.util.Set<Path> missing = new java.util.HashSet<>();
            for (Path entry : entries) {
                if (!java.nio.file.Files.isRegularFile(entry)) {
                    missing.add(entry);
                }
            }
            javafx.application.Platform.runLater(() -> {
                for (MenuItem item : menu.getItems()) {
                    Object entry = item.getProperties().get(Path.class);
                    if (entry != null && missing.contains(entry)) {
                        item.setDisable(true);
                        item.setText(((Path) entry).getFileName() + "  (not found: " + ((Path) entry).getParent() + ")");
                    }
                }
            });
        });
    }

    private List<MenuItem> trainItems() {
        MenuItem start = item("_Start", new KeyCodeCombination(KeyCode.F5), event -> controller.start());
        MenuItem pause = item("_Pause or resume (Space)", new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN),
                event -> controller.togglePause());
        MenuItem step = item("Step one _batch", new KeyCodeCombination(KeyCode.F10), event -> step());
        MenuItem stop = item("St_op", new KeyCodeCombination(KeyCode.ESCAPE), event -> controller.stop());
        MenuItem reset = item("_Reset posterior", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                event -> controller.resetPosterior());
        start.disableProperty().bind(trainingBinding().or(loadingBinding()).or(controller.comparison().runningProperty()));
        pause.disableProperty().bind(trainingBinding().not());
        step.disableProperty().bind(loadingBinding().or(runningBinding()));
        stop.disableProperty().bind(trainingBinding().not());
        reset.disableProperty().bind(trainingBinding().or(controller.hasPosteriorProperty().not()));
        MenuItem compare = item("_Compare with gradient training", new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN),
                event -> compareWithGradient());
        compare.disableProperty().bind(compareDisabledBinding());
        return List.of(start, pause, step, stop, reset, new javafx.scene.control.SeparatorMenuItem(), compare);
    }

    /** Starts the comparison with the gradient baseline and shows its chart. */
    void compareWithGradient() {
        controller.compareWithGradient();
        plots.showComparison();
    }

    private javafx.beans.binding.BooleanBinding compareDisabledBinding() {
        return trainingBinding().or(loadingBinding()).or(controller.comparison().runningProperty());
    }

    private ToolBar toolBar() {
        Button start = button("Start", "Start or continue training (F5)", event -> controller.start());
        start.setId("start");
        Button pause = button("Pause", "Pause or resume (Space)", event -> controller.togglePause());
        pause.setId("pause");
        pause.textProperty().bind(Bindings.when(controller.runStateProperty().isEqualTo(WorkbenchController.RunState.PAUSED))
                .then("Resume").otherwise("Pause"));
        Button step = button("Step", "Run one batch, then hold (F10)", event -> step());
        step.setId("step");
        Button stop = button("Stop", "Stop after the current batch (Esc)", event -> controller.stop());
        stop.setId("stop");
        Button reset = button("Reset posterior", "Discard what was learnt (Ctrl+R)", event -> controller.resetPosterior());
        reset.setId("reset");
        editingTools.addAll(List.of(reset));
        Button undo = button("Undo", "Undo the last network edit (Ctrl+Z)", event -> controller.undo());
        undo.setId("undo");
        Button redo = button("Redo", "Redo (Ctrl+Shift+Z)", event -> controller.redo());
        redo.setId("redo");
        start.disableProperty().bind(trainingBinding().or(loadingBinding()).or(controller.comparison().runningProperty()));
        pause.disableProperty().bind(trainingBinding().not());
        step.disableProperty().bind(loadingBinding().or(runningBinding()));
        stop.disableProperty().bind(trainingBinding().not());
        reset.disableProperty().bind(trainingBinding().or(controller.hasPosteriorProperty().not()));
        undo.disableProperty().bind(controller.history().canUndoProperty().not().or(trainingBinding()));
        redo.disableProperty().bind(controller.history().canRedoProperty().not().or(trainingBinding()));
        Button compare = button("Compare", "Train the surrogate-gradient baseline on the same data and network and"
                + " chart it beside EP (Ctrl+G)", event -> compareWithGradient());
        compare.setId("compare");
        compare.disableProperty().bind(compareDisabledBinding());
        Separator separator = new Separator(Orientation.VERTICAL);
        Separator compareSeparator = new Separator(Orientation.VERTICAL);
        editingTools.addAll(List.of(separator, undo, redo, compareSeparator, compare));
        for (Node tool : editingTools) {
            tool.managedProperty().bind(tool.visibleProperty());
        }
        for (Button tool : List.of(start, pause, step, stop, reset, undo, redo, compare)) {
            // A clicked tool keeps no focus, so that Space reaches the pause shortcut instead of
            // pressing the last tool clicked again. Every tool has a key of its own.
            tool.setFocusTraversable(false);
        }
        return new ToolBar(start, pause, step, stop, reset, separator, undo, redo, compareSeparator, compare);
    }

    private Node leftPane() {
        editor.setPrefHeight(360);
        editor.setOnSelectLayer(index -> showLayer(index));
        editor.setOnAddLayerAfter(index -> controller.addLayerAfter(index));
        editor.setOnRemoveLayer(index -> controller.removeLayer(index - 1));
        editor.setOnMoveLayer((index, delta) -> controller.moveLayer(index - 1, delta));
        layerSheet.setModeSwitcherVisible(false);
        layerSheet.setSearchBoxVisible(false);
        layerSheet.setPropertyEditorFactory(SheetFieldEditor::forItem);
        layerMessage.setWrapText(true);
        layerMessage.setId("layer-message");
        layerMessage.setStyle("-fx-text-fill: #b00020;");
        VBox box = new VBox(4, titled("Network", editor), titled("Selected layer", new VBox(4, layerSheet, layerMessage)));
        VBox.setVgrow(box.getChildren().get(0), Priority.ALWAYS);
        box.setPadding(new Insets(4));
        box.setMinWidth(300);
        return box;
    }

    private Node rightPane() {
        builtInChoice.setId("builtin-choice");
        builtInChoice.setPromptText("choose a built-in dataset");
        // Here the combo box went blank, not back to its prompt, when MNIST or CSV data cleared its
        // value. So the button cell shows the prompt itself.
        builtInChoice.setButtonCell(new PromptCell(builtInChoice.getPromptText()));
        seedField.setPrefColumnCount(6);
        Button load = button("Generate", "Generate the chosen built-in dataset from the seed", event -> {
            if (builtInChoice.getValue() != null) {
                String name = builtInChoice.getValue();
                beforeDataChange(() -> loadBuiltIn(name));
            }
        });
        Button mnist = button("MNIST folder...", "Open a folder with the four MNIST IDX files", event -> beforeDataChange(this::openMnist));
        Button csv = button("CSV file...", "Open a CSV file", event -> beforeDataChange(this::openCsv));
        for (Button button : List.of(load, mnist, csv)) {
            button.disableProperty().bind(trainingBinding());
        }
        dataSummary.setWrapText(true);
        dataSummary.setId("data-summary");
        builtInChoice.setMaxWidth(Double.MAX_VALUE);
        builtInChoice.valueProperty().addListener((observable, before, after) -> showBuiltInDefaults(after));
        javafx.scene.layout.GridPane parameters = new javafx.scene.layout.GridPane();
        parameters.setHgap(6);
        parameters.setVgap(4);
        parameters.addRow(0, new Label("Seed"), seedField, new Label("Noise"), noiseField);
        parameters.addRow(1, new Label("Train"), trainSizeField, new Label("Test"), testSizeField);
        for (TextField field : List.of(seedField, noiseField, trainSizeField, testSizeField)) {
            field.setPrefColumnCount(5);
        }
        seedField.setId("seed-field");
        noiseField.setId("noise-field");
        trainSizeField.setId("train-size-field");
        testSizeField.setId("test-size-field");
        // Generate is disabled during a run, so the generator's choice and fields are too.
        builtInChoice.disableProperty().bind(trainingBinding());
        parameters.disableProperty().bind(trainingBinding());
        HBox buttons = new HBox(6, load, mnist, csv);
        VBox dataBox = new VBox(6, builtInChoice, parameters, buttons, dataSummary);

        settingsSheet.setModeSwitcherVisible(false);
        settingsSheet.setSearchBoxVisible(false);
        settingsSheet.setPropertyEditorFactory(SheetFieldEditor::forItem);
        showItems(settingsSheet, settingItems());
        settingsSheet.disableProperty().bind(trainingBinding());
        settingsMessage.setWrapText(true);
        settingsMessage.setStyle("-fx-text-fill: #b00020;");
        settingsMessage.setId("settings-message");
        projectDescription.setWrapText(true);
        projectDescription.setId("project-description");
        VBox box = new VBox(4, titled("Data", dataBox), titled("Training settings", new VBox(4, settingsSheet, settingsMessage)));
        VBox.setVgrow(box.getChildren().get(1), Priority.ALWAYS);
        box.setPadding(new Insets(4));
        box.setMinWidth(300);
        return box;
    }

    /** Builds the panel above the plots that shows a project's description when the project opens, until the user closes it. */
    private Node descriptionPanel() {
        Button close = button("Close", "Hide the description (View > Show project description brings it back)",
                event -> descriptionPanel.setVisible(false));
        close.setId("close-description");
        HBox.setHgrow(projectDescription, Priority.ALWAYS);
        projectDescription.setMaxWidth(Double.MAX_VALUE);
        // A wrapping label in an HBox gets its one-line width unless its minimum width is released
        // and its height follows its wrapped text.
        projectDescription.setMinWidth(0);
        projectDescription.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        descriptionPanel.getChildren().setAll(projectDescription, close);
        descriptionPanel.setId("description-panel");
        descriptionPanel.setPadding(new Insets(8, 10, 8, 10));
        descriptionPanel.setStyle("-fx-background-color: #fff8e1; -fx-border-color: #e0c060; -fx-border-width: 0 0 1 0;");
        descriptionPanel.setVisible(false);
        descriptionPanel.managedProperty().bind(descriptionPanel.visibleProperty());
        return descriptionPanel;
    }

    // ---- presentation mode ----

    /**
     * Switches presentation mode on or off. In presentation mode the window shows only the plots
     * chosen under View, with large fonts and without the network editor, the settings and the
     * editing buttons. Switching it off gives back the panes, divider positions, tabs and selected
     * tab that the window had before.
     */
    void setPresentationMode(boolean on) {
        if (presentationItem.isSelected() != on) {
            presentationItem.setSelected(on);
            return;
        }
        if (on == (savedLayout != null)) {
            return;
        }
        if (on) {
            TabPane tabs = plots.tabs();
            savedLayout = new SavedLayout(List.copyOf(split.getItems()), split.getDividerPositions(), List.copyOf(tabs.getTabs()),
                    tabs.getSelectionModel().getSelectedItem());
            split.getItems().setAll(plots.node());
            showPresentedTabs();
            theme.setPresentationScale(PRESENTATION_SCALE);
            setPresentationFont("-fx-font-size: " + PRESENTATION_FONT_PIXELS + "px;");
            editingTools.forEach(tool -> tool.setVisible(false));
        } else {
            SavedLayout saved = savedLayout;
            savedLayout = null;
            split.getItems().setAll(saved.splitItems());
            split.setDividerPositions(saved.dividers());
            plots.tabs().getTabs().setAll(saved.tabs());
            plots.tabs().getSelectionModel().select(saved.selected());
            theme.setPresentationScale(1.0);
            setPresentationFont("");
            editingTools.forEach(tool -> tool.setVisible(true));
        }
    }

    /**
     * Sets the font style of everything below the menu bar. The menu bar keeps its font, because
     * JavaFX 21 kept the large font on its menus after the style was cleared again.
     */
    private void setPresentationFont(String style) {
        VBox top = (VBox) root.getTop();
        top.getChildren().get(1).setStyle(style);
        root.getCenter().setStyle(style);
        root.getBottom().setStyle(style);
    }

    boolean isPresentationMode() {
        return savedLayout != null;
    }

    /** Shows the tabs chosen for presentation mode, in their usual order, keeping the selected one when it stays. */
    private void showPresentedTabs() {
        TabPane tabs = plots.tabs();
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        List<Tab> chosen = new java.util.ArrayList<>();
        for (Map.Entry<Tab, javafx.scene.control.CheckMenuItem> entry : presentedTabs.entrySet()) {
            // A tab disabled for the data on show (receptive fields of 2-D points) would show an empty header.
            if (entry.getValue().isSelected() && !entry.getKey().isDisable()) {
                chosen.add(entry.getKey());
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(presentedTabs.keySet().iterator().next());
        }
        tabs.getTabs().setAll(chosen);
        tabs.getSelectionModel().select(chosen.contains(selected) ? selected : chosen.get(0));
    }

    private Node statusBar() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("progress");
        bar.progressProperty().bind(controller.progressProperty());
        bar.setPrefWidth(220);
        Label progress = new Label();
        progress.setId("progress-text");
        progress.textProperty().bind(controller.progressTextProperty());
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(controller.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        // A long message is cut at the window's edge, and hovering shows all of it.
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(controller.messageProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        message.setTooltip(whole);
        // A load or save shows its progress where the message was, so the message keeps the
        // width of both instead of leaving room for a progress part that is mostly hidden.
        Node fileTask = files.statusNode();
        message.visibleProperty().bind(fileTask.visibleProperty().not());
        javafx.scene.layout.StackPane messageArea = new javafx.scene.layout.StackPane(message, fileTask);
        messageArea.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        messageArea.setMinWidth(0);
        message.setMinWidth(0);
        HBox.setHgrow(messageArea, Priority.ALWAYS);
        HBox status = new HBox(10, bar, progress, new Separator(Orientation.VERTICAL), messageArea);
        status.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        status.setPadding(new Insets(4, 8, 4, 8));
        return new LayoutRoot(status);
    }

    /**
     * Holds a bar whose content changes several times a second (the status bar) as a layout root:
     * a change inside it lays out the bar alone instead of the whole window, whose plots and
     * panes are costly to measure. Only a change of the bar's preferred height, for example from
     * the presentation font, is passed on to the window.
     */
    static final class LayoutRoot extends javafx.scene.layout.Region {
        private final javafx.scene.layout.Region content;
        private double knownHeight = -1;

        LayoutRoot(javafx.scene.layout.Region content) {
            this.content = content;
            // An unmanaged parent is a layout root: its requests for layout stop at itself.
            content.setManaged(false);
            getChildren().add(content);
            content.needsLayoutProperty().addListener((observable, before, needs) -> {
                if (needs && content.prefHeight(-1) != knownHeight) {
                    requestLayout();
                }
            });
        }

        @Override
        protected double computePrefHeight(double width) {
            knownHeight = content.prefHeight(width);
            return knownHeight;
        }

        @Override
        protected double computeMinHeight(double width) {
            return content.minHeight(width);
        }

        @Override
        protected double computePrefWidth(double height) {
            return content.prefWidth(height);
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }

        @Override
        protected void layoutChildren() {
            content.resizeRelocate(0, 0, getWidth(), getHeight());
        }
    }

    private static TitledPane titled(String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setCollapsible(false);
        pane.setMaxHeight(Double.MAX_VALUE);
        return pane;
    }

    private static MenuItem item(String text, KeyCombination accelerator, EventHandler<ActionEvent> action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(action);
        return item;
    }

    private static Button button(String text, String tip, EventHandler<ActionEvent> action) {
        Button button = new Button(text);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(action);
        return button;
    }

    private BooleanBinding trainingBinding() {
        return controller.runStateProperty().isEqualTo(WorkbenchController.RunState.RUNNING)
                .or(controller.runStateProperty().isEqualTo(WorkbenchController.RunState.PAUSED));
    }

    private BooleanBinding runningBinding() {
        return controller.runStateProperty().isEqualTo(WorkbenchController.RunState.RUNNING);
    }

    private BooleanBinding loadingBinding() {
        return controller.runStateProperty().isEqualTo(WorkbenchController.RunState.LOADING);
    }

    // ---- state to view ----

    private void bindController() {
        controller.history().networkProperty().addListener((observable, before, after) -> {
            editor.setNetwork(after);
            showLayer(editor.getSelectedIndex());
        });
        editor.setNetwork(controller.history().network());
        editor.editableProperty().bind(trainingBinding().not());
        layerSheet.disableProperty().bind(trainingBinding());
        controller.dataProperty().addListener((observable, before, after) -> {
            if (after != null) {
                dataSummary.setText(describe(after));
                plots.setData(after, controller.history().network().depth());
                if (!(DataChoice.baseOf(controller.dataChoiceProperty().get()) instanceof DataChoice.BuiltIn)) {
                    // The generator's name would read as the data on show; its fields stay for the next Generate.
                    builtInChoice.setValue(null);
                }
            }
        });
        controller.addFeedConsumer(plots::accept);
        controller.posteriorProperty().addListener((observable, before, after) -> plots.setNetwork(
                after == null ? null : after.spec(), after == null ? null : after.encoding()));
        controller.runStateProperty().addListener((observable, before, after) -> plots.setTraining(controller.isTraining()));
        controller.addResetListener(() -> plots.resetHistory(controller.history().network().depth()));
        controller.settingsProperty().addListener((observable, before, after) -> showItems(settingsSheet, settingItems()));
        // New data brings its own default encoding, which the sheet must show because training uses it.
        controller.encodingProperty().addListener((observable, before, after) -> showItems(settingsSheet, settingItems()));
        showLayer(1);
    }

    private String describe(TrainingData loaded) {
        DataChoice choice = controller.dataChoiceProperty().get();
        return (choice == null ? "" : choice.describe() + "\n") + loaded.summary()
                + (loaded.train().isImage() ? "\nimages of " + loaded.train().imageWidth() + " x " + loaded.train().imageHeight() : "");
    }

    /** Fills the layer sheet for editor column {@code index} (0 is the input layer). */
    private void showLayer(int index) {
        NetworkSpec spec = controller.history().network();
        layerMessage.setText("");
        if (index <= 0 || index > spec.depth()) {
            layerSheet.getItems().clear();
            layerMessage.setStyle("-fx-text-fill: #444;");
            layerMessage.setText(index == 0 ? "The input layer has " + spec.inputSize() + " neurons, one per feature of the data."
                    : "Select a layer in the editor to see its properties.");
            return;
        }
        layerMessage.setStyle("-fx-text-fill: #b00020;");
        int layer = index - 1;
        boolean output = layer == spec.depth() - 1;
        LayerSpec current = spec.layer(layer);
        String category = output ? "Output layer " + index : "Layer " + index;
        List<PropertySheet.Item> items = new java.util.ArrayList<>();
        if (!output) {
            items.add(new SheetItem<>(category, "Size", "Number of neurons", Integer.class, () -> current.size(),
                    value -> controller.editLayer(layer, "Size", spec0 -> spec0.withSize(value)), this::showLayerMessage));
        }
        items.add(new SheetItem<>(category, "Neuron", "Heaviside (deterministic), Bernoulli-sigmoid, or linear (regression output)",
                NeuronChoice.class, () -> NeuronChoice.valueOf(current.neuron().kind().name()),
                value -> controller.editLayer(layer, "Neuron", spec0 -> spec0.withNeuron(neuronOf(value, spec0.neuron().temperature()))),
                this::showLayerMessage));
        items.add(new SheetItem<>(category, "Temperature", "Temperature T of the sigmoid neuron, positive", Double.class,
                () -> current.neuron().temperature(),
                value -> controller.editLayer(layer, "Temperature", spec0 -> spec0.withNeuron(
                        spec0.neuron().kind() == NeuronModel.Kind.SIGMOID ? NeuronModel.sigmoid(value) : checkTemperature(spec0.neuron(), value))),
                this::showLayerMessage).editableWhen(current.neuron().kind() == NeuronModel.Kind.SIGMOID));
        items.add(new SheetItem<>(category, "Weights", "Gaussian, binary {-1, +1} or ternary {-1, 0, +1} weights",
                WeightChoice.class, () -> WeightChoice.valueOf(current.prior().kind() == WeightPrior.Kind.DISCRETE ? "TERNARY" : current.prior().kind().name()),
                value -> controller.editLayer(layer, "Weights", spec0 -> spec0.withPrior(priorOf(value, spec0.prior()))),
                this::showLayerMessage));
        items.add(new SheetItem<>(category, "Prior variance", "Prior variance of Gaussian weights, positive", Double.class,
                () -> current.prior().isDiscrete() ? 1.0 : current.prior().variance(),
                value -> controller.editLayer(layer, "Prior variance", spec0 -> spec0.prior().isDiscrete()
                        ? rejectVariance(spec0) : spec0.withPrior(WeightPrior.gaussian(value))),
                this::showLayerMessage).editableWhen(!current.prior().isDiscrete()));
        items.add(new SheetItem<>(category, "Bias", "An always-on input with its own weight", Boolean.class, () -> current.bias(),
                value -> controller.editLayer(layer, "Bias", spec0 -> spec0.withBias(value)), this::showLayerMessage));
        items.add(new SheetItem<>(category, "Tempering", "Counts every site this many times (1 is plain EP)", Double.class,
                () -> current.temper(),
                value -> controller.editLayer(layer, "Tempering", spec0 -> spec0.withTemper(value)), this::showLayerMessage));
        showItems(layerSheet, items);
    }

    /**
     * Shows {@code items} in {@code sheet}: in place when the sheet has the same rows already, as
     * after a settings change or a project with the same layer selected, else by rebuilding it.
     */
    private static void showItems(PropertySheet sheet, List<PropertySheet.Item> items) {
        List<PropertySheet.Item> current = sheet.getItems();
        boolean sameRows = current.size() == items.size();
        for (int i = 0; sameRows && i < items.size(); i++) {
            sameRows = current.get(i) instanceof SheetItem<?> row && row.sameRowAs(items.get(i));
        }
        if (!sameRows) {
            sheet.getItems().setAll(items);
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            ((SheetItem<?>) current.get(i)).refreshFrom((SheetItem<?>) items.get(i));
        }
    }

    private static NeuronModel neuronOf(NeuronChoice choice, double temperature) {
        return switch (choice) {
            case HEAVISIDE -> NeuronModel.HEAVISIDE;
            case SIGMOID -> NeuronModel.sigmoid(temperature > 0 ? temperature : 1.0);
            case LINEAR -> NeuronModel.LINEAR;
        };
    }

    private static NeuronModel checkTemperature(NeuronModel neuron, double value) {
        throw new IllegalArgumentException("the temperature applies to sigmoid neurons only; choose Neuron SIGMOID first (got "
                + value + " for a " + neuron + " neuron)");
    }

    private static LayerSpec rejectVariance(LayerSpec spec) {
        throw new IllegalArgumentException("the prior variance applies to Gaussian weights only; this layer has " + spec.prior() + " weights");
    }

    private static WeightPrior priorOf(WeightChoice choice, WeightPrior current) {
        return switch (choice) {
            case GAUSSIAN -> WeightPrior.gaussian(current.isDiscrete() ? 1.0 : current.variance());
            case BINARY -> WeightPrior.binary();
            case TERNARY -> WeightPrior.ternary();
        };
    }

    private void showLayerMessage(String text) {
        layerMessage.setText(text == null ? "" : text);
        if (text == null) {
            showLayer(editor.getSelectedIndex());
        }
    }

    private List<PropertySheet.Item> settingItems() {
        TrainingSettings current = controller.settings();
        String category = "Training";
        return List.of(
                new SheetItem<>(category, "First-pass batch", "Batch size of the first pass; keep it small (10)", Integer.class,
                        () -> current.firstBatchSize(), value -> editSetting(s -> s.withFirstBatchSize(value)), this::showSettingsMessage),
                new SheetItem<>(category, "Batch", "Batch size of later passes", Integer.class,
                        () -> current.batchSize(), value -> editSetting(s -> s.withBatchSize(value)), this::showSettingsMessage),
                new SheetItem<>(category, "Passes", "Passes over the training data per run", Integer.class,
                        () -> current.passes(), value -> editSetting(s -> s.withPasses(value)), this::showSettingsMessage),
                new SheetItem<>(category, "Damping", "Damping of later passes in (0, 1], or auto for min(1, 100 / batch)",
                        String.class, () -> Double.isNaN(current.damping()) ? "auto" : Double.toString(current.damping()),
                        value -> editSetting(s -> s.withDamping(parseDamping(value))), this::showSettingsMessage),
                new SheetItem<>(category, "Damping schedule", "Damping of passes 2, 3, ... as a comma list, e.g. 0.5,0.5,0.25; empty for constant",
                        String.class, () -> scheduleText(current.dampingSchedule()),
                        value -> editSetting(s -> s.withDampingSchedule(parseSchedule(value))), this::showSettingsMessage),
                new SheetItem<>(category, "Adaptive damping", "Scale each neuron's step by how much its samples agree", Boolean.class,
                        () -> current.adaptiveDamping(), value -> editSetting(s -> s.withAdaptiveDamping(value)), this::showSettingsMessage),
                new SheetItem<>(category, "Seed", "Seed of the prior draws and the shuffling", Long.class,
                        () -> current.seed(), value -> editSetting(s -> s.withSeed(value)), this::showSettingsMessage),
                new SheetItem<>(category, "Threads", "Threads for the matrix products", Integer.class,
                        () -> current.threads(), this::editThreads, this::showSettingsMessage),
                new SheetItem<>(category, "Test interval", "Evaluate on the test data every this many batches; 0 only after each pass",
                        Integer.class, () -> current.evaluationInterval(), value -> editSetting(s -> s.withEvaluationInterval(value)),
                        this::showSettingsMessage),
                new SheetItem<>(category, "Input encoding", "threshold, threshold:LEVEL, bernoulli or real", String.class,
                        () -> controller.encoding().toString(), controller::editEncoding, this::showSettingsMessage),
                new SheetItem<>("Window", "Autosave (min)", "Minutes between two autosaves during a run; one is also written after each pass",
                        Double.class, () -> files.windowSettings().autosaveMinutes(), this::editAutosaveMinutes, this::showSettingsMessage));
    }

    private String editAutosaveMinutes(double minutes) {
        try {
            files.windowSettings().setAutosaveMinutes(minutes);
            files.autosave().schedule();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String editSetting(java.util.function.UnaryOperator<TrainingSettings> edit) {
        return controller.editSettings(edit);
    }

    /** Sets the thread count, with a note when it is more than the machine's processors. */
    private String editThreads(int threads) {
        String rejection = editSetting(s -> s.withThreads(threads));
        int processors = Runtime.getRuntime().availableProcessors();
        if (rejection == null && threads > processors) {
            // After the sheet has cleared its message for the accepted value.
            javafx.application.Platform.runLater(() -> showSettingsMessage("Threads: " + threads + " is more than the " + processors
                    + " processors here, so training runs no faster than with " + processors + "."));
        }
        return rejection;
    }

    private void showSettingsMessage(String text) {
        settingsMessage.setText(text == null ? "" : text);
    }

    private static String scheduleText(double[] schedule) {
        StringBuilder text = new StringBuilder();
        for (double value : schedule) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(value);
        }
        return text.toString();
    }

    /** Parses a damping: {@code auto} (NaN, the automatic default) or a number. */
    private static double parseDamping(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("auto") || trimmed.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Damping '" + trimmed + "' is not a number; enter a value in (0, 1], e.g. 0.5, or auto");
        }
    }

    private static double[] parseSchedule(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new double[0];
        }
        String[] parts = trimmed.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Damping schedule entry " + (i + 1) + " ('" + parts[i].trim()
                        + "') is not a number; write e.g. 0.5,0.5,0.25");
            }
        }
        return values;
    }

    // ---- gestures ----

    /** Runs one batch; the plots then show which weights it moved. */
    private void step() {
        plots.markStep();
        controller.step();
    }

    private void spaceTogglesPause(KeyEvent event) {
        if (event.getCode() == KeyCode.SPACE && !(scene.getFocusOwner() instanceof TextInputControl)
                && controller.isTraining()) {
            controller.togglePause();
            event.consume();
        }
    }

    private void showBuiltInDefaults(String name) {
        if (name == null) {
            return;
        }
        var entry = BuiltInDatasets.get(name);
        noiseField.setText(Double.toString(entry.noise()));
        trainSizeField.setText(Integer.toString(entry.trainSize()));
        testSizeField.setText(Integer.toString(entry.testSize()));
    }

    /** Generates a built-in dataset with the seed, noise and sizes in the data panel. */
    void loadBuiltIn(String name) {
        loadBuiltIn(name, null);
    }

    /** Generates a built-in dataset as {@link #loadBuiltIn(String)} does, then runs {@code onLoaded} (may be null). */
    void loadBuiltIn(String name, Runnable onLoaded) {
        if (!name.equals(builtInChoice.getValue())) {
            builtInChoice.setValue(name);
        }
        long seed;
        double noise;
        int trainSize;
        int testSize;
        try {
            seed = Long.parseLong(seedField.getText().trim());
        } catch (NumberFormatException e) {
            controller.showMessage("Seed '" + seedField.getText() + "' is not a whole number; enter e.g. 1.");
            return;
        }
        try {
            noise = Double.parseDouble(noiseField.getText().trim());
        } catch (NumberFormatException e) {
            controller.showMessage("Noise '" + noiseField.getText() + "' is not a number; enter e.g. 0.2.");
            return;
        }
        try {
            trainSize = Integer.parseInt(trainSizeField.getText().trim());
            testSize = Integer.parseInt(testSizeField.getText().trim());
        } catch (NumberFormatException e) {
            controller.showMessage("Train and test sizes must be whole numbers, got '" + trainSizeField.getText() + "' and '"
                    + testSizeField.getText() + "'.");
            return;
        }
        controller.loadData(new DataChoice.BuiltIn(name, trainSize, testSize, noise, seed),
                error -> showError("Could not generate " + name, error.getMessage()), onLoaded);
    }

    /** Shows a project's built-in dataset and its parameters in the data panel, so Generate repeats them. */
    void showBuiltInParameters(org.epsnn.model.project.DataReference reference) {
        builtInChoice.setValue(reference.name());
        seedField.setText(Long.toString(reference.seed()));
        if (!Double.isNaN(reference.noise())) {
            noiseField.setText(Double.toString(reference.noise()));
        }
        if (reference.trainSamples() > 0) {
            trainSizeField.setText(Integer.toString(reference.trainSamples()));
        }
        if (reference.testSamples() > 0) {
            testSizeField.setText(Integer.toString(reference.testSamples()));
        }
    }

    /** Shows an opened project's description, and a built-in dataset's parameters in the data panel. */
    void showProject(org.epsnn.model.project.ProjectSetup setup) {
        // A rejection message belongs to the project it was typed into.
        settingsMessage.setText("");
        projectDescription.setText(setup.description());
        descriptionPanel.setVisible(!setup.description().isBlank());
        if (setup.data().kind() == org.epsnn.model.project.DataReference.Kind.BUILT_IN) {
            showBuiltInParameters(setup.data());
        }
    }

    /** Clears what belongs to one project, for a new one. */
    void resetProjectPanels() {
        settingsMessage.setText("");
        projectDescription.setText("");
        descriptionPanel.setVisible(false);
    }

    String projectDescription() {
        return projectDescription.getText();
    }

    /** Adds the window size, the divider positions and the plots' choices to {@code layout}. */
    void saveLayout(java.util.Map<String, String> layout) {
        layout.put("window.width", Double.toString(stage.getWidth()));
        layout.put("window.height", Double.toString(stage.getHeight()));
        double[] dividers = split.getDividerPositions();
        for (int i = 0; i < dividers.length; i++) {
            layout.put("split.divider" + i, Double.toString(dividers[i]));
        }
        plots.saveLayout(layout);
    }

    /** Restores what {@link #saveLayout} kept; keys that are missing or invalid are ignored. */
    void restoreLayout(java.util.Map<String, String> layout) {
        for (int i = 0; i < split.getDividers().size(); i++) {
            int divider = i;
            doubleEntry(layout, "split.divider" + i).filter(position -> position > 0 && position < 1)
                    .ifPresent(position -> split.setDividerPosition(divider, position));
        }
        if (!stage.isMaximized() && !stage.isFullScreen()) {
            doubleEntry(layout, "window.width").filter(width -> width >= 400).ifPresent(stage::setWidth);
            doubleEntry(layout, "window.height").filter(height -> height >= 300).ifPresent(stage::setHeight);
        }
        plots.restoreLayout(layout);
    }

    static Optional<Integer> integerEntry(java.util.Map<String, String> layout, String key) {
        try {
            return Optional.ofNullable(layout.get(key)).map(String::trim).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> doubleEntry(java.util.Map<String, String> layout, String key) {
        try {
            return Optional.ofNullable(layout.get(key)).map(String::trim).map(Double::valueOf).filter(Double::isFinite);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs {@code load}, which replaces the data and with it the trained posterior, after the
     * unsaved-changes prompt when there is a posterior that the project file does not hold yet.
     */
    private void beforeDataChange(Runnable load) {
        if (controller.hasPosteriorProperty().get()) {
            files.proceedAfterSaving(load);
        } else {
            load.run();
        }
    }

    private void openMnist() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder with the four MNIST IDX files");
        File folder = OwnerState.keepingMaximized(stage, () -> chooser.showDialog(stage));
        if (folder != null) {
            controller.loadData(new DataChoice.Mnist(folder.toPath()), error -> showError("Could not read MNIST", error.getMessage()));
        }
    }

    private void openCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a CSV file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = OwnerState.keepingMaximized(stage, () -> chooser.showOpenDialog(stage));
        if (file == null) {
            return;
        }
        Optional<CsvOpenDialog.Answer> answer = OwnerState.keepingMaximized(stage, () -> CsvOpenDialog.ask(stage, file.toPath()));
        if (answer.isEmpty()) {
            return;
        }
        String column = answer.get().target().trim().isEmpty() ? null : answer.get().target().trim();
        long seed = controller.settings().seed();
        controller.loadData(new DataChoice.Csv(file.toPath(), column, 0.2, seed, answer.get().missingValues()),
                error -> showError("Could not read " + file.getName(), error.getMessage()));
    }

    private Optional<Path> exportFile(String extension, String suggestedName) {
        return exportChooser.choose(extension, suggestedName);
    }

    /** Replaces the save dialog of every export, so that tests can export to a fixed path. */
    void setExportChooser(ExportFileChooser chooser) {
        exportChooser = chooser;
    }

    private Optional<Path> chooseExportFile(String extension, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export as " + extension.toUpperCase(java.util.Locale.ROOT));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
        chooser.setInitialFileName(suggestedName + "." + extension);
        if (lastExportFolder != null && Files.isDirectory(lastExportFolder)) {
            chooser.setInitialDirectory(lastExportFolder.toFile());
        }
        File file = OwnerState.keepingMaximized(stage, () -> chooser.showSaveDialog(stage));
        if (file == null) {
            return Optional.empty();
        }
        lastExportFolder = file.toPath().toAbsolutePath().getParent();
        Path path = file.toPath();
        return Optional.of(path.getFileName().toString().contains(".") ? path : path.resolveSibling(path.getFileName() + "." + extension));
    }

    /** Asks whether a network edit may discard the trained posterior and its curves. */
    private boolean approvePosteriorDiscard(String edit) {
        ButtonType change = new ButtonType("Change the network", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep the training", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "\"" + edit + "\" changes the network, so the trained posterior and "
                + "its curves are discarded, and Undo brings back the network but not the training. To keep the training, "
                + "save the project first.", change, keep);
        alert.setTitle("Discard the trained posterior?");
        alert.setHeaderText("Discard the trained posterior?");
        alert.getDialogPane().setId("discard-posterior");
        // Enter keeps the training, because the other choice cannot be undone.
        ((Button) alert.getDialogPane().lookupButton(change)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        alert.initOwner(stage);
        return OwnerState.keepingMaximized(stage, alert::showAndWait).filter(change::equals).isPresent();
    }

    private void showError(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(stage);
        OwnerState.keepMaximizedUntilHidden(stage, alert);
        alert.show();
    }

    private void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, String.join("\n",
                "F5  start or continue training",
                "Space or Ctrl+P  pause or resume",
                "F10  step one batch",
                "Esc  stop after the current batch",
                "Ctrl+R  reset the posterior",
                "Ctrl+G  compare with gradient training (surrogate-gradient baseline)",
                "Ctrl+Z / Ctrl+Shift+Z  undo / redo a network edit",
                "Ctrl+L  add a layer after the selection",
                "Ctrl+Delete  remove the selected layer",
                "Ctrl+N  new project, Ctrl+O  open a project",
                "Ctrl+S  save, Ctrl+Shift+S  save as",
                "Ctrl+M  open an MNIST folder, Ctrl+Shift+O  open a CSV file",
                "F11  presentation mode on or off",
                "Right-click a plot to export it as PNG, SVG or CSV"), ButtonType.OK);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.initOwner(stage);
        OwnerState.keepMaximizedUntilHidden(stage, alert);
        alert.show();
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION,
                "Trains spiking neural networks with Expectation-Propagation and shows the posterior of every weight, "
                        + "the spike probability of every neuron and the accuracy while it learns.\n\n"
                        + "Method: Yao, McLaughlin and Altmann, \"Training of Spiking Neural Networks with "
                        + "Expectation-Propagation\", arXiv:2506.23757, 2025.", ButtonType.OK);
        alert.setTitle("About the EP-SNN Workbench");
        alert.setHeaderText("EP-SNN Workbench");
        alert.initOwner(stage);
        OwnerState.keepMaximizedUntilHidden(stage, alert);
        alert.show();
    }

    /** Button cell of a combo box that shows the prompt, greyed, whenever the value is empty. */
    private static final class PromptCell extends ListCell<String> {
        private final String prompt;

        PromptCell(String prompt) {
            this.prompt = prompt;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean noValue = empty || item == null;
            setText(noValue ? prompt : item);
            setStyle(noValue ? "-fx-text-fill: #808080; -fx-font-style: italic;" : "");
        }
    }
}
