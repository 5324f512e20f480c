package org.epsnn.app.workbench;

import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: opens the main window with the built-in stroke digits loaded, ready to train.
 */
public final class WorkbenchApplication extends Application {

    /** The dataset loaded at start, so a first Start trains at once. */
    static final String DEFAULT_DATASET = "strokes";

    private WorkbenchController controller;

    @Override
    public void start(Stage stage) {
        controller = new WorkbenchController();
        MainWindow window = new MainWindow(stage, controller);
        window.loadBuiltIn(DEFAULT_DATASET);
        stage.show();
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.stop();
        }
    }
}
