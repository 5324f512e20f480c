package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epsnn.app.workbench.WindowTestSupport.onFx;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class OwnerStateTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane(), 400, 300));
        stage.show();
    }

    @Test
    void dialogThatUnmaximizesIsUndone() throws Exception {
        onFx(() -> {
            stage.setMaximized(true);
            // Stands in for a modal dialog that, as under Openbox, un-maximizes its owner.
            return OwnerState.keepingMaximized(stage, () -> {
                stage.setMaximized(false);
                return "chosen";
            });
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(stage::isMaximized)).as("maximized after the dialog").isTrue();
    }

    @Test
    void windowNotMaximizedStaysSo() throws Exception {
        String result = onFx(() -> {
            // TestFX gives every test the same stage.
            stage.setMaximized(false);
            return OwnerState.keepingMaximized(stage, () -> "chosen");
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(result).as("dialog result").isEqualTo("chosen");
        assertThat(onFx(stage::isMaximized)).as("maximized after the dialog").isFalse();
    }

    @Test
    void alertThatUnmaximizesIsUndoneWhenHidden() throws Exception {
        Alert alert = onFx(() -> {
            stage.setMaximized(true);
            Alert opened = new Alert(Alert.AlertType.INFORMATION, "text", ButtonType.OK);
            opened.initOwner(stage);
            OwnerState.keepMaximizedUntilHidden(stage, opened);
            opened.show();
            stage.setMaximized(false);
            return opened;
        });

        onFx(() -> {
            alert.close();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(stage::isMaximized)).as("maximized after the alert").isTrue();
    }
}
