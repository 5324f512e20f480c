package org.epsnn.app.workbench;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: opens the main window with the built-in stroke digits loaded, ready to
 * train, or with the project file given as the only argument, and offers to recover autosaves.
 */
public final class WorkbenchApplication extends Application {

    /** The dataset loaded at start, so a first Start trains at once. */
    static final String DEFAULT_DATASET = "strokes";

    private WorkbenchController controller;

    @Override
    public void start(Stage stage) {
        controller = new WorkbenchController();
        MainWindow window = new MainWindow(stage, controller);
        window.show();
        List<String> arguments = getParameters().getRaw();
        Path project = arguments.size() == 1 ? Path.of(arguments.get(0)) : null;
        // The project opens after the default data, so that a project that fails to open leaves a usable window.
        window.files().startNewProject(() -> {
            if (project != null) {
                window.files().openFile(project);
            }
            window.files().autosave().offerRecovery(project);
        });
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.stop();
        }
    }
}
