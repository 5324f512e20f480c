package org.epsnn.views.network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;

import org.epsnn.model.network.NetworkSpec;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.export.ExportActions;
import org.epsnn.views.export.Exportable;

/**
 * The network editor: draws a {@link NetworkSpec} left to right as columns of neurons and reports
 * editing gestures without applying them.
 *
 * <p>Layers are addressed by column index: 0 is the input layer, {@code i >= 1} is
 * {@code network.layer(i - 1)}, and the last column is the output layer. Clicking a column selects
 * it ({@link #selectedIndexProperty()}, -1 for none) and reports it to {@code onSelectLayer}. The tool
 * bar and the context menu report {@code onAddLayerAfter(index)}, {@code onRemoveLayer(index)} and
 * {@code onMoveLayer(index, delta)}. The view never changes the network: the caller validates the
 * edit, builds a new network and passes it to {@link #setNetwork}. The input layer can be selected
 * but neither removed nor moved.
 */
public class NetworkEditorView extends BorderPane implements Exportable {

    /** Handler of a request to move a layer by {@code delta} columns (-1 left, +1 right). */
    @FunctionalInterface
    public interface MoveHandler {
        void moveLayer(int index, int delta);
    }

    private final NetworkDiagram diagram;
    private final ReadOnlyObjectWrapper<NetworkSpec> network = new ReadOnlyObjectWrapper<>(this, "network");
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable", true);
    private final ObjectProperty<IntConsumer> onSelectLayer = new SimpleObjectProperty<>(this, "onSelectLayer");
    private final ObjectProperty<IntConsumer> onAddLayerAfter = new SimpleObjectProperty<>(this, "onAddLayerAfter");
    private final ObjectProperty<IntConsumer> onRemoveLayer = new SimpleObjectProperty<>(this, "onRemoveLayer");
    private final ObjectProperty<MoveHandler> onMoveLayer = new SimpleObjectProperty<>(this, "onMoveLayer");

    public NetworkEditorView() {
        this(new ChartTheme());
    }

    public NetworkEditorView(ChartTheme theme) {
        diagram = new NetworkDiagram(theme);
        setCenter(diagram);

        BooleanBinding canRemove = Bindings.createBooleanBinding(this::canRemoveSelected, selectedIndex, network, editable);
        BooleanBinding canMoveLeft = Bindings.createBooleanBinding(() -> canMoveSelected(-1), selectedIndex, network, editable);
        BooleanBinding canMoveRight = Bindings.createBooleanBinding(() -> canMoveSelected(1), selectedIndex, network, editable);
        BooleanBinding canAdd = Bindings.createBooleanBinding(() -> editable.get() && network.get() != null, network, editable);

        Button add = button("Add layer", "addLayerButton", "Add a hidden layer after the selected layer", canAdd, this::requestAdd);
        Button remove = button("Remove", "removeLayerButton", "Remove the selected layer", canRemove, this::requestRemove);
        Button left = button("Move left", "moveLayerLeftButton", "Move the selected layer one place left", canMoveLeft,
                () -> requestMove(-1));
        Button right = button("Move right", "moveLayerRightButton", "Move the selected layer one place right", canMoveRight,
                () -> requestMove(1));
        setTop(new ToolBar(add, remove, left, right));

        diagram.addMenuItems(
                menuItem("Add layer after", "addLayerMenuItem", canAdd, this::requestAdd),
                menuItem("Remove layer", "removeLayerMenuItem", canRemove, this::requestRemove),
                menuItem("Move left", "moveLayerLeftMenuItem", canMoveLeft, () -> requestMove(-1)),
                menuItem("Move right", "moveLayerRightMenuItem", canMoveRight, () -> requestMove(1)));

        diagram.setOnMousePressed(event -> {
            if (event.getButton() == MouseButton.PRIMARY || event.getButton() == MouseButton.SECONDARY) {
                int index = diagram.columnAt(event.getX(), event.getY());
                if (index != selectedIndex.get() && (index >= 0 || event.getButton() == MouseButton.PRIMARY)) {
                    selectAndReport(index);
                }
            }
        });
    }

    private static Button button(String text, String id, String tip, BooleanBinding enabled, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.disableProperty().bind(enabled.not());
        button.setOnAction(event -> action.run());
        return button;
    }

    private static MenuItem menuItem(String text, String id, BooleanBinding enabled, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.disableProperty().bind(enabled.not());
        item.setOnAction(event -> action.run());
        return item;
    }

    /** Shows {@code spec}; a selection that no longer exists is cleared. */
    public void setNetwork(NetworkSpec spec) {
        network.set(Objects.requireNonNull(spec, "spec"));
        diagram.setNetwork(spec);
        if (selectedIndex.get() > spec.depth()) {
            select(-1);
        }
    }

    /** The network on show, or null before the first {@link #setNetwork}. */
    public ReadOnlyObjectProperty<NetworkSpec> networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** Selected column: 0 for the input layer, {@code i} for {@code network.layer(i - 1)}, -1 for none. */
    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    public int getSelectedIndex() {
        return selectedIndex.get();
    }

    /**
     * Selects column {@code index} (or nothing for -1) without reporting it, for a caller that
     * selects a layer it has just added.
     */
    public void select(int index) {
        int columns = network.get() == null ? 0 : network.get().depth() + 1;
        if (index < -1 || index >= columns) {
            throw new IllegalArgumentException("Layer index " + index + " is outside the " + columns + " columns (-1 selects none)");
        }
        selectedIndex.set(index);
        diagram.setSelectedIndex(index);
    }

    /** Switch that enables the editing buttons and menu entries; turn it off while training runs. */
    public BooleanProperty editableProperty() {
        return editable;
    }

    /** Handler of a click on a column, given the new selection (-1 after a click on empty space). */
    public ObjectProperty<IntConsumer> onSelectLayerProperty() {
        return onSelectLayer;
    }

    public void setOnSelectLayer(IntConsumer handler) {
        onSelectLayer.set(handler);
    }

    /**
     * Handler of "add layer", given the column after which a new hidden layer goes. Without a
     * selection that column is the last hidden layer (or the input layer), so the new layer goes
     * right before the output layer.
     */
    public ObjectProperty<IntConsumer> onAddLayerAfterProperty() {
        return onAddLayerAfter;
    }

    public void setOnAddLayerAfter(IntConsumer handler) {
        onAddLayerAfter.set(handler);
    }

    /** Handler of "remove layer", given the selected column (never 0). */
    public ObjectProperty<IntConsumer> onRemoveLayerProperty() {
        return onRemoveLayer;
    }

    public void setOnRemoveLayer(IntConsumer handler) {
        onRemoveLayer.set(handler);
    }

    /** Handler of "move left" and "move right", given the selected column and -1 or +1. */
    public ObjectProperty<MoveHandler> onMoveLayerProperty() {
        return onMoveLayer;
    }

    public void setOnMoveLayer(MoveHandler handler) {
        onMoveLayer.set(handler);
    }

    /** The export gestures of the drawing; set their file chooser to enable the context menu entries. */
    public ExportActions exportActions() {
        return diagram.exportActions();
    }

    private void selectAndReport(int index) {
        select(index);
        IntConsumer handler = onSelectLayer.get();
        if (handler != null) {
            handler.accept(index);
        }
    }

    private boolean canRemoveSelected() {
        NetworkSpec spec = network.get();
        int index = selectedIndex.get();
        return editable.get() && spec != null && index >= 1 && spec.depth() > 1;
    }

    /** Returns whether the selected layer can move by {@code delta}: neither it nor its target is the input layer, and the target exists. */
    private boolean canMoveSelected(int delta) {
        NetworkSpec spec = network.get();
        int index = selectedIndex.get();
        int target = index + delta;
        return editable.get() && spec != null && index >= 1 && target >= 1 && target <= spec.depth();
    }

    private void requestAdd() {
        NetworkSpec spec = network.get();
        if (spec == null || !editable.get()) {
            return;
        }
        int after = selectedIndex.get() >= 0 ? selectedIndex.get() : spec.depth() - 1;
        IntConsumer handler = onAddLayerAfter.get();
        if (handler != null) {
            handler.accept(after);
        }
    }

    private void requestRemove() {
        IntConsumer handler = onRemoveLayer.get();
        if (canRemoveSelected() && handler != null) {
            handler.accept(selectedIndex.get());
        }
    }

    private void requestMove(int delta) {
        MoveHandler handler = onMoveLayer.get();
        if (canMoveSelected(delta) && handler != null) {
            handler.moveLayer(selectedIndex.get(), delta);
        }
    }

    /** Centre of column {@code index} in this view's coordinates, for tests that click a layer. */
    Point2D columnCenterInView(int index) {
        java.awt.geom.Point2D center = diagram.columnCenter(index);
        return diagram.localToParent(center.getX(), center.getY());
    }

    @Override
    public void exportPng(Path file) throws IOException {
        diagram.exportPng(file);
    }

    @Override
    public void exportSvg(Path file) throws IOException {
        diagram.exportSvg(file);
    }

    @Override
    public void exportCsv(Path file) throws IOException {
        diagram.exportCsv(file);
    }
}
