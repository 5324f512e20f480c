package org.epsnn.app.workbench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.epsnn.model.data.CsvOptions;

/**
 * Asks which column of a CSV file is the target and what to do with empty cells, showing the
 * file's first lines. The lines are shown as they are. The reader checks the whole file
 * afterwards and reports any problem with its row and column.
 */
final class CsvOpenDialog {

    /** The user's choices: the target column (empty for the last one) and the policy for empty cells. */
    record Answer(String target, CsvOptions.MissingValues missingValues) {
    }

    /** The policies for empty cells, in the order the dialog lists them, with their labels. */
    static final List<CsvOptions.MissingValues> POLICIES = List.of(CsvOptions.MissingValues.REJECT,
            CsvOptions.MissingValues.DROP_ROWS, CsvOptions.MissingValues.IMPUTE_MEAN);

    /** Lines of the file shown in the preview. */
    static final int PREVIEW_LINES = 12;

    private CsvOpenDialog() {
    }

    /**
     * Shows the preview, a column chooser and a chooser for empty cells.
     *
     * @return the choices, or empty when cancelled
     */
    static Optional<Answer> ask(Window owner, Path file) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (lines.size() < PREVIEW_LINES && (line = reader.readLine()) != null) {
                lines.add(line.startsWith("\uFEFF") ? line.substring(1) : line);
            }
        } catch (IOException e) {
            lines.add("(could not read the file: " + e.getMessage() + ")");
        }

        TextArea preview = new TextArea(String.join("\n", lines));
        preview.setEditable(false);
        preview.setPrefRowCount(PREVIEW_LINES);
        preview.setStyle("-fx-font-family: monospace;");
        ComboBox<String> target = new ComboBox<>();
        target.setEditable(true);
        target.setId("csv-target");
        if (!lines.isEmpty()) {
            target.getItems().setAll(headerNames(lines.get(0)));
        }
        target.setPromptText("last column");
        ComboBox<CsvOptions.MissingValues> missing = new ComboBox<>(FXCollections.observableArrayList(POLICIES));
        missing.setId("csv-missing");
        missing.setValue(CsvOptions.MissingValues.REJECT);
        missing.setConverter(new StringConverter<>() {
            @Override
            public String toString(CsvOptions.MissingValues policy) {
                return policy == null ? "" : describe(policy);
            }

            @Override
            public CsvOptions.MissingValues fromString(String text) {
                return POLICIES.stream().filter(policy -> describe(policy).equals(text)).findFirst().orElse(null);
            }
        });

        Dialog<Answer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Open " + file.getFileName());
        dialog.setHeaderText("First lines of " + file.getFileName() + ". Choose the target column (a header name or a 0-based"
                + " index), or leave it empty for the last column.");
        dialog.getDialogPane().setContent(new VBox(8, preview, new Label("Target column"), target,
                new Label("Empty cells (also NA, N/A, NaN, null and ?)"), missing));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new Answer(target.getEditor().getText() == null ? "" : target.getEditor().getText(), missing.getValue()) : null);
        return dialog.showAndWait();
    }

    /** Names a policy for empty cells as the dialog lists it. */
    static String describe(CsvOptions.MissingValues policy) {
        return switch (policy) {
            case REJECT -> "Reject the file and name the first empty cell";
            case DROP_ROWS -> "Drop the rows that have an empty cell";
            case IMPUTE_MEAN -> "Fill empty features with the column mean (rows without a target are dropped)";
        };
    }

    /** The fields of a header line, split on the most frequent of comma, semicolon and tab. */
    static List<String> headerNames(String header) {
        char separator = ',';
        long best = -1;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > best) {
                best = count;
                separator = candidate;
            }
        }
        List<String> names = new ArrayList<>();
        for (String field : header.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1)) {
            String trimmed = field.trim();
            if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                trimmed = trimmed.substring(1, trimmed.length() - 1);
            }
            names.add(trimmed);
        }
        return names;
    }
}
