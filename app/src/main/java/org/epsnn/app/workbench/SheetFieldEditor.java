package org.epsnn.app.workbench;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * A property sheet editor for number and text items that commits the typed text when the user
 * presses Enter or leaves the field.
 *
 * <p>It replaces two ControlsFX 11.2.1 editors that lost input. The numeric one commits only on
 * focus loss, and only when the number differs from the last one it committed. That number starts
 * at 0 whatever the field shows, so a typed 0 never reached the item's validation, and Enter did
 * nothing. The text one commits on every keystroke, and an accepted setting rebuilds the sheet, so
 * the field lost focus halfway through a damping schedule such as "0.5,0.25". This editor hands
 * every changed text to the item once. A number item gets a number when the text parses, and
 * otherwise the text, which {@link SheetItem} rejects with a message.
 */
final class SheetFieldEditor implements PropertyEditor<Object> {

    private static final DefaultPropertyEditorFactory DEFAULT_EDITORS = new DefaultPropertyEditorFactory();

    private final PropertySheet.Item item;
    private final TextField field = new TextField();
    /** Text of the value on show. Committing it unchanged would rebuild the sheet and take the focus from the next field. */
    private String shownText = "";
    /** Whether a commit is under way, for the focus loss that a dialog shown by the item causes. */
    private boolean committing;

    SheetFieldEditor(PropertySheet.Item item) {
        this.item = item;
        // A row refreshed in place (see SheetItem.refreshFrom) shows its new value.
        item.getObservableValue().ifPresent(value -> value.addListener((observable, before, after) -> setValue(after)));
        if (item instanceof SheetItem<?> row) {
            // The sheet disables the editor of a read-only row, such as the temperature of a
            // Heaviside neuron, only when it creates it. A row refreshed in place may change later.
            field.setDisable(!row.isEditable());
            row.editableProperty().addListener((observable, before, editable) -> field.setDisable(!editable));
        }
        field.setOnAction(event -> commit());
        field.focusedProperty().addListener((observable, wasFocused, focused) -> {
            if (focused) {
                // Later, because the mouse press that gave the focus then places the caret and clears a selection.
                Platform.runLater(field::selectAll);
            } else {
                commit();
            }
        });
    }

    /** Returns the editor for {@code item}: this one for Integer, Long, Double and String items, the ControlsFX default for others. */
    static PropertyEditor<?> forItem(PropertySheet.Item item) {
        if (handlesType(item.getType())) {
            return new SheetFieldEditor(item);
        }
        @SuppressWarnings("unchecked")
        PropertyEditor<Object> editor = (PropertyEditor<Object>) DEFAULT_EDITORS.call(item);
        // The ControlsFX editors do not follow the row's value, which a rejected change sets back.
        item.getObservableValue().ifPresent(value -> value.addListener((observable, before, after) -> editor.setValue(after)));
        return editor;
    }

    /** Tells whether rows of {@code type} get this editor, a text field, rather than a ControlsFX one. */
    static boolean handlesType(Class<?> type) {
        return type == Integer.class || type == Long.class || type == Double.class || type == String.class;
    }

    @Override
    public Node getEditor() {
        return field;
    }

    @Override
    public Object getValue() {
        return parse(field.getText().trim());
    }

    @Override
    public void setValue(Object value) {
        shownText = value == null ? "" : value.toString();
        field.setText(shownText);
    }

    private void commit() {
        String text = field.getText().trim();
        // The item may ask in a dialog before it takes the value, and the field loses the focus to that
        // dialog, so a nested commit would ask again.
        if (committing) {
            return;
        }
        committing = true;
        try {
            commitText(text);
        } finally {
            committing = false;
        }
    }

    private void commitText(String text) {
        if (!text.equals(shownText)) {
            item.setValue(parse(text));
            // A rejected text gives way to the value in use, so the field never shows a value that
            // training would not use. The message beside the sheet names the rejected text.
            Object inUse = item.getValue();
            if (inUse != null && !field.getText().trim().equals(inUse.toString())) {
                setValue(inUse);
            }
        }
    }

    /** Returns the value of {@code text} for the item: a number for a number item when it parses, else the text. */
    private Object parse(String text) {
        Class<?> type = item.getType();
        try {
            if (type == Double.class) {
                return Double.valueOf(text);
            }
            if (type == Integer.class || type == Long.class) {
                return Long.valueOf(text);
            }
        } catch (NumberFormatException e) {
            // The item rejects the text with a message that names the field.
        }
        return text;
    }
}
