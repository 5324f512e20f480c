package org.epsnn.app.workbench;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One row of a ControlsFX property sheet backed by a getter and a setter. The setter validates:
 * it returns null when it accepted the value, or a message naming the field and the fix, which
 * goes to {@code onRejected} while the old value stays.
 *
 * <p>A sheet whose rows stay the same takes new values through {@link #refreshFrom(SheetItem)},
 * which the row's editor follows through {@link #getObservableValue()}. Rebuilding the sheet
 * instead would make new controls for every row, which costs the FX thread tens of milliseconds
 * for their styles and layout.
 */
final class SheetItem<T> implements PropertySheet.Item {

    private final String category;
    private final String name;
    private final String description;
    private final Class<T> type;
    private final Consumer<String> onRejected;
    private Supplier<T> getter;
    private Function<T, String> setter;
    private final ReadOnlyObjectWrapper<Object> displayedValue = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper editable = new javafx.beans.property.ReadOnlyBooleanWrapper(true);

    SheetItem(String category, String name, String description, Class<T> type, Supplier<T> getter,
              Function<T, String> setter, Consumer<String> onRejected) {
        this.category = category;
        this.name = name;
        this.description = description;
        this.type = type;
        this.getter = getter;
        this.setter = setter;
        this.onRejected = onRejected;
        displayedValue.set(getter.get());
    }

    /** Tells whether {@code other} is the same row: same category, name and type. */
    boolean sameRowAs(PropertySheet.Item other) {
        return other instanceof SheetItem<?> item && item.category.equals(category) && item.name.equals(name)
                && item.type == type;
    }

    /** Takes the getter and setter of {@code other}, the same row built from newer state, and shows its value. */
    @SuppressWarnings("unchecked")
    void refreshFrom(SheetItem<?> other) {
        if (!sameRowAs(other)) {
            throw new IllegalArgumentException("Row " + other.category + " / " + other.name + " cannot refresh row "
                    + category + " / " + name);
        }
        SheetItem<T> same = (SheetItem<T>) other;
        getter = same.getter;
        setter = same.setter;
        editable.set(same.editable.get());
        displayedValue.set(getter.get());
    }

    /**
     * Makes the row read-only when {@code condition} is false, such as the temperature of a
     * neuron model that has none. Returns this row.
     */
    SheetItem<T> editableWhen(boolean condition) {
        editable.set(condition);
        return this;
    }

    @Override
    public boolean isEditable() {
        return editable.get();
    }

    /** Whether the row takes input, for editors to follow when a refresh changes it. */
    javafx.beans.property.ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    @Override
    public Class<?> getType() {
        return type;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        return getter.get();
    }

    @Override
    public void setValue(Object value) {
        if (value == null || value.equals(getter.get())) {
            return;
        }
        T converted = convert(value);
        if (converted == null) {
            onRejected.accept(name + ": '" + value + "' is not " + expected(value) + ". " + kept());
            return;
        }
        String rejection = setter.apply(converted);
        if (rejection != null && !SheetFieldEditor.handlesType(type)) {
            // A check box or a choice shows its new state before the row takes it. The displayed
            // value has not changed yet, so it passes through the rejected one to make the editor follow.
            displayedValue.set(converted);
            displayedValue.set(getter.get());
        }
        // The editor shows the value in use again after a rejection, so the message names it.
        onRejected.accept(rejection == null ? null : rejection + (rejection.endsWith(".") ? " " : ". ") + kept());
    }

    /** Names the value in use, which the field shows again after a rejection. */
    private String kept() {
        T value = getter.get();
        if (value instanceof Boolean on) {
            return on ? "The box stays ticked." : "The box stays clear.";
        }
        return value == null || value.toString().isBlank() ? "The field stays empty." : "Kept " + value + ".";
    }

    /**
     * Describes a valid value of this row's type, for the message about a value that does not
     * convert. The type's range is named only for a number outside it, because the row's own
     * check gives the limits that matter, such as a batch of at least 1.
     */
    private String expected(Object value) {
        boolean number = value instanceof Number;
        if (type == Integer.class) {
            return number ? "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : "a whole number";
        }
        if (type == Long.class) {
            return number ? "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE : "a whole number";
        }
        return type == Double.class ? "a number" : "a valid value";
    }

    @SuppressWarnings("unchecked")
    private T convert(Object value) {
        if (type.isInstance(value)) {
            return (T) value;
        }
        if (value instanceof Number number) {
            if (type == Integer.class) {
                double raw = number.doubleValue();
                return raw == Math.rint(raw) && Math.abs(raw) <= Integer.MAX_VALUE ? (T) Integer.valueOf((int) raw) : null;
            }
            if (type == Double.class) {
                return (T) Double.valueOf(number.doubleValue());
            }
            if (type == Long.class) {
                return (T) Long.valueOf(number.longValue());
            }
        }
        return null;
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(displayedValue.getReadOnlyProperty());
    }
}
