package org.epsnn.app.workbench;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.epsnn.app.workbench.WorkbenchController.RunState;
import org.testfx.util.WaitForAsyncUtils;

/** Opening the window and waiting for background work, shared by the window tests that came after MainWindowTest. */
final class WindowTestSupport {

    /** Maximum wait for data to load, a run to end or a background prediction to arrive. */
    static final long TIMEOUT_SECONDS = 60;

    private WindowTestSupport() {
    }

    /**
     * Shows a new window filling the screen: a window larger than the 1280 x 800 Monocle headless
     * screen overflows Monocle's frame buffer.
     */
    static MainWindow show(Stage stage, WorkbenchController controller) {
        MainWindow window = new MainWindow(stage, controller);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        stage.show();
        return window;
    }

    /** Generates a built-in dataset as the Data menu does, and waits until it is loaded. */
    static void load(MainWindow window, WorkbenchController controller, String name) throws Exception {
        onFx(() -> {
            window.loadBuiltIn(name);
            return null;
        });
        waitUntil(name + " is loaded", () -> controller.runStateProperty().get() == RunState.IDLE
                && controller.dataChoiceProperty().get() instanceof DataChoice.BuiltIn builtIn
                && builtIn.name().equals(name));
    }

    /** Trains for {@code passes} passes and waits until the run ends. */
    static void train(WorkbenchController controller, int passes) throws Exception {
        onFx(() -> {
            controller.editSettings(settings -> settings.withPasses(passes));
            controller.start();
            return null;
        });
        waitUntilRunEnded(controller);
    }

    static void waitUntilRunEnded(WorkbenchController controller) throws Exception {
        waitUntil("the run ended", () -> controller.runStateProperty().get() == RunState.IDLE && !controller.worker().isRunning());
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    static void waitUntil(String description, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + TIMEOUT_SECONDS + " s waiting until " + description, e);
        }
    }

    static <T> T onFx(Callable<T> query) throws Exception {
        try {
            return WaitForAsyncUtils.asyncFx(query).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
