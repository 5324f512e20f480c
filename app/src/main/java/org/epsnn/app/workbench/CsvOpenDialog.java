package org.epsnn.app.workbench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks which column of a CSV file is the target, showing the file's first lines. The lines are
 * shown as they are; the reader checks the whole file afterwards and reports any problem with its
 * row and column.
 */
final class CsvOpenDialog {

    /** Lines of the file shown in the preview. */
    static final int PREVIEW_LINES = 12;

    private CsvOpenDialog() {
    }

    /**
     * Shows the preview and a column chooser.
     *
     * @return the chosen column name, an empty string for the last column, or empty when cancelled
     */
    static Optional<String> askTarget(Window owner, Path file) {
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

        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Open " + file.getFileName());
        dialog.setHeaderText("First lines of " + file.getFileName() + ". Choose the target column (a header name or a 0-based"
                + " index); leave it empty for the last column.");
        dialog.getDialogPane().setContent(new VBox(8, preview, new Label("Target column"), target));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? (target.getEditor().getText() == null ? "" : target.getEditor().getText()) : null);
        return dialog.showAndWait();
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
