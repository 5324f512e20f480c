package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epsnn.app.workbench.WindowTestSupport.load;
import static org.epsnn.app.workbench.WindowTestSupport.onFx;
import static org.epsnn.app.workbench.WindowTestSupport.train;
import static org.epsnn.app.workbench.WindowTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.epsnn.model.training.ReliabilityDiagram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Presentation mode, the project description, the uncertainty tab and step highlights, driven as a user would. */
@ExtendWith(ApplicationExtension.class)
class TeachingWindowTest {

    private static final Path SAMPLES = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "samples");

    private WorkbenchController controller;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        controller = new WorkbenchController();
        window = WindowTestSupport.show(stage, controller);
    }

    @Stop
    void stop() {
        controller.stop();
    }

    @Test
    void presentationModeRestoresLayout(FxRobot robot) throws Exception {
        load(window, controller, "strokes");
        SplitPane split = robot.lookup(".split-pane").queryAs(SplitPane.class);
        List<Node> panes = onFx(() -> List.copyOf(split.getItems()));
        double[] dividers = onFx(() -> split.getDividerPositions().clone());
        List<Tab> tabs = onFx(() -> List.copyOf(window.plots().tabs().getTabs()));
        robot.clickOn("Receptive fields");

        robot.push(KeyCode.F11);

        assertThat(onFx(window::isPresentationMode)).as("presentation mode on").isTrue();
        assertThat(onFx(() -> split.getItems().size())).as("panes in presentation mode").isEqualTo(1);
        assertThat(onFx(() -> window.plots().tabs().getTabs().stream().map(Tab::getText).toList()))
                .containsExactly("Accuracy", "Receptive fields", "Spikes", "Digit pad", "Uncertainty");
        assertThat(robot.lookup("#undo").query().isVisible()).as("Undo visible").isFalse();

        robot.push(KeyCode.F11);

        assertThat(onFx(window::isPresentationMode)).as("presentation mode off").isFalse();
        assertThat(onFx(() -> List.copyOf(split.getItems()))).as("panes after presentation mode").isEqualTo(panes);
        assertThat(onFx(() -> split.getDividerPositions())).as("dividers").containsExactly(dividers,
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(onFx(() -> List.copyOf(window.plots().tabs().getTabs()))).as("tabs").isEqualTo(tabs);
        assertThat(onFx(() -> window.plots().tabs().getSelectionModel().getSelectedItem().getText())).isEqualTo("Receptive fields");
        assertThat(robot.lookup("#undo").query().isVisible()).as("Undo visible").isTrue();
    }

    @Test
    void tabThatStopsApplyingIsLeft(FxRobot robot) throws Exception {
        load(window, controller, "moons");
        robot.clickOn("Decision map");

        load(window, controller, "strokes");

        assertThat(onFx(() -> window.plots().tabs().getSelectionModel().getSelectedItem().getText())).as("selected tab")
                .isEqualTo("Accuracy");
        assertThat(onFx(() -> window.plots().tabs().getTabs().stream().filter(Tab::isDisable).map(Tab::getText).toList()))
                .as("disabled tabs for stroke digits").containsExactly("Decision map");
    }

    @Test
    void presentationModeLeavesOutDisabledTabs(FxRobot robot) throws Exception {
        load(window, controller, "moons");

        robot.push(KeyCode.F11);

        assertThat(onFx(() -> window.plots().tabs().getTabs().stream().map(Tab::getText).toList()))
                .as("tabs shown for 2-D points").containsExactly("Accuracy", "Spikes", "Uncertainty", "Decision map");
        robot.push(KeyCode.F11);
        assertThat(onFx(() -> window.plots().tabs().getTabs().stream().filter(Tab::isDisable).map(Tab::getText).toList()))
                .as("disabled tabs after presentation mode").containsExactly("Receptive fields", "Digit pad");
    }

    @Test
    void projectDescriptionShowsAndCloses(FxRobot robot) throws Exception {
        Path project = SAMPLES.resolve("xor.epsnn.json");
        assertThat(project).exists();
        String description = String.valueOf(new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(project))
                .get("description").asText());

        onFx(() -> {
            window.files().openFile(project);
            return null;
        });
        waitUntil("the project is open", () -> controller.dataChoiceProperty().get() != null);
        // The description shows with the project's setup, which applies in an FX task after its data.
        waitUntil("the description shows", () -> robot.lookup("#description-panel").query().isVisible());

        assertThat(robot.lookup("#description-panel").query().isVisible()).as("description panel visible").isTrue();
        assertThat(robot.lookup("#project-description").queryLabeled().getText()).isEqualTo(description);
        robot.clickOn("#close-description");
        assertThat(robot.lookup("#description-panel").query().isVisible()).as("panel visible after Close").isFalse();
    }

    @Test
    void uncertaintyTabShowsCalibration(FxRobot robot) throws Exception {
        load(window, controller, "strokes");
        train(controller, 1);

        robot.clickOn("Uncertainty");

        waitUntil("the reliability diagram is computed", () -> window.plots().uncertaintyPanel().shownReliability() != null);
        ReliabilityDiagram diagram = onFx(() -> window.plots().uncertaintyPanel().shownReliability());
        int testRows = onFx(() -> Math.min(UncertaintyPanel.MAX_TEST_SAMPLES, controller.dataProperty().get().test().rows()));
        assertThat(java.util.Arrays.stream(diagram.counts()).sum()).as("samples in the diagram").isEqualTo(testRows);
        assertThat(diagram.calibrationError()).as("ECE").isBetween(0.0, 1.0);
    }

    @Test
    void stepHighlightsMovedWeights(FxRobot robot) throws Exception {
        load(window, controller, "strokes");
        int firstBatch = onFx(() -> controller.settings().firstBatchSize());

        robot.push(KeyCode.F10);

        waitUntil("the step's changes are shown", () -> window.plots().stepChanges() != null);
        StepChanges changes = onFx(() -> window.plots().stepChanges());
        assertThat(changes.toSamples() - changes.fromSamples()).as("samples in the step").isEqualTo(firstBatch);
        assertThat(changes.moved()[0]).as("highlighted weights of layer 1").isNotEmpty();
        double largest = changes.changes()[0][changes.moved()[0][0]];
        assertThat(largest).as("largest change").isPositive();
        robot.clickOn("Receptive fields");
        assertThat(onFx(() -> window.plots().fieldChanges().isVisible())).as("change images visible").isTrue();
        assertThat(onFx(() -> window.plots().fieldChanges().imageCount())).as("change images").isPositive();
    }
}
