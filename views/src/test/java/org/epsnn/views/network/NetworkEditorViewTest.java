package org.epsnn.views.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;

import org.epsnn.model.network.NetworkSpec;
import org.epsnn.model.network.NeuronModel;
import org.epsnn.model.network.WeightPrior;
import org.epsnn.views.testing.ExportChecks;
import org.epsnn.views.testing.FxTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class NetworkEditorViewTest {

    /** Input 784, hidden 500 and 100, output 10: columns 0 to 3. */
    private static final NetworkSpec NETWORK = NetworkSpec.of(new int[] {784, 500, 100, 10}, NeuronModel.HEAVISIDE,
            WeightPrior.gaussian(1.0), NetworkSpec.Task.CLASSIFICATION);

    private NetworkEditorView editor;
    private final List<String> gestures = new ArrayList<>();

    @Start
    void start(Stage stage) {
        editor = new NetworkEditorView();
        stage.setScene(new Scene(editor, 900, 480));
        stage.show();
    }

    @BeforeEach
    void showNetwork() throws Exception {
        onFx(() -> {
            editor.setNetwork(NETWORK);
            editor.setOnSelectLayer(index -> gestures.add("select " + index));
            editor.setOnAddLayerAfter(index -> gestures.add("add after " + index));
            editor.setOnRemoveLayer(index -> gestures.add("remove " + index));
            editor.setOnMoveLayer((index, delta) -> gestures.add("move " + index + " by " + delta));
        });
    }

    private void clickLayer(FxRobot robot, int index) throws Exception {
        Point2D onScreen = FxTesting.onFx(() -> {
            Point2D center = editor.columnCenterInView(index);
            return editor.localToScreen(center);
        });
        robot.clickOn(onScreen);
    }

    private Button button(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryButton();
    }

    @Test
    void clickOnLayerTwoSelectsIt(FxRobot robot) throws Exception {
        clickLayer(robot, 2);

        assertThat(editor.getSelectedIndex()).isEqualTo(2);
        assertThat(gestures).containsExactly("select 2");
    }

    @Test
    void addLayerReportsSelectedIndex(FxRobot robot) throws Exception {
        clickLayer(robot, 2);

        robot.clickOn(button(robot, "addLayerButton"));

        assertThat(gestures).containsExactly("select 2", "add after 2");
        assertThat(editor.networkProperty().get()).isSameAs(NETWORK);
    }

    @Test
    void addWithoutSelectionGoesBeforeOutput(FxRobot robot) {
        robot.clickOn(button(robot, "addLayerButton"));

        assertThat(gestures).containsExactly("add after 2");
    }

    @Test
    void removeAndMoveReportSelectedLayer(FxRobot robot) throws Exception {
        clickLayer(robot, 1);

        robot.clickOn(button(robot, "moveLayerRightButton"));
        robot.clickOn(button(robot, "removeLayerButton"));

        assertThat(gestures).containsExactly("select 1", "move 1 by 1", "remove 1");
    }

    @Test
    void contextMenuReportsAddLayer(FxRobot robot) throws Exception {
        Point2D onScreen = FxTesting.onFx(() -> editor.localToScreen(editor.columnCenterInView(2)));

        robot.rightClickOn(onScreen);
        // The Monocle robot sends no context menu event on a right click, so send the one the platform would.
        onFx(() -> {
            Node diagram = editor.getCenter();
            Point2D local = diagram.screenToLocal(onScreen);
            diagram.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                    onScreen.getX(), onScreen.getY(), false, null));
        });
        robot.clickOn("Add layer after");

        assertThat(gestures).containsExactly("select 2", "add after 2");
    }

    @Test
    void inputLayerCannotBeRemovedOrMoved(FxRobot robot) throws Exception {
        clickLayer(robot, 0);

        assertThat(editor.getSelectedIndex()).isZero();
        assertThat(button(robot, "removeLayerButton").isDisabled()).isTrue();
        assertThat(button(robot, "moveLayerLeftButton").isDisabled()).isTrue();
        assertThat(button(robot, "moveLayerRightButton").isDisabled()).isTrue();
        assertThat(button(robot, "addLayerButton").isDisabled()).isFalse();
    }

    @Test
    void firstHiddenLayerCannotMoveLeft(FxRobot robot) throws Exception {
        clickLayer(robot, 1);

        assertThat(button(robot, "moveLayerLeftButton").isDisabled()).isTrue();
        assertThat(button(robot, "moveLayerRightButton").isDisabled()).isFalse();
    }

    @Test
    void clickOnEmptySpaceClearsSelection(FxRobot robot) throws Exception {
        clickLayer(robot, 3);
        Point2D blank = FxTesting.onFx(() -> editor.localToScreen(editor.getWidth() - 2, editor.getHeight() - 2));

        robot.clickOn(blank);

        assertThat(editor.getSelectedIndex()).isEqualTo(-1);
        assertThat(gestures).containsExactly("select 3", "select -1");
    }

    @Test
    void smallerNetworkClearsStaleSelection() throws Exception {
        onFx(() -> {
            editor.select(3);
            editor.setNetwork(NetworkSpec.of(new int[] {2, 3}, NeuronModel.HEAVISIDE, WeightPrior.binary(),
                    NetworkSpec.Task.CLASSIFICATION));
        });

        assertThat(editor.getSelectedIndex()).isEqualTo(-1);
    }

    @Test
    void notEditableDisablesGestures(FxRobot robot) throws Exception {
        clickLayer(robot, 2);
        onFx(() -> editor.editableProperty().set(false));

        assertThat(button(robot, "addLayerButton").isDisabled()).isTrue();
        assertThat(button(robot, "removeLayerButton").isDisabled()).isTrue();
    }

    @Test
    void selectRejectsMissingLayer() {
        assertThatThrownBy(() -> editor.select(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Layer index 4 is outside the 4 columns");
    }

    @Test
    void captionsShowModelAndWeights() throws Exception {
        onFx(() -> editor.select(1));

        NetworkDiagram diagram = (NetworkDiagram) editor.getCenter();
        assertThat(diagram.caption(0)).containsExactly("input", "784 features");
        assertThat(diagram.caption(3)).containsExactly("layer 3 (output)", "10 neurons", "heaviside",
                "Gaussian, var\u00a01", "bias");
    }

    @Test
    void exportsWriteValidFiles(@TempDir Path folder) throws Exception {
        onFx(() -> {
            editor.exportPng(folder.resolve("network.png"));
            editor.exportSvg(folder.resolve("network.svg"));
            editor.exportCsv(folder.resolve("network.csv"));
        });

        ExportChecks.assertPng(folder.resolve("network.png"));
        ExportChecks.assertSvg(folder.resolve("network.svg"));
        assertThat(ExportChecks.assertCsv(folder.resolve("network.csv"), "index,name,size,neuron,weight_prior,bias"))
                .contains("0,input,784,,,", "2,layer 2,100,heaviside,gaussian(variance=1.0),true");
        ExportChecks.assertOnlyFiles(folder, "network.png", "network.svg", "network.csv");
    }
}
