package org.epsnn.app.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Executor;
import org.epsnn.views.export.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Settings of the window itself, kept in a properties file in the configuration folder. */
final class WindowSettings {

    /** Minutes between two autosaves during a run, unless the user chose another interval. */
    static final double DEFAULT_AUTOSAVE_MINUTES = 2;

    private static final Logger LOG = LoggerFactory.getLogger(WindowSettings.class);
    private static final String AUTOSAVE_MINUTES = "autosave.minutes";

    private final Path file;
    private final Executor writer;
    private final Properties properties = new Properties();

    /** Reads {@code file}; a missing or unreadable file gives the defaults. */
    WindowSettings(Path file, Executor writer) {
        this.file = file;
        this.writer = writer;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Could not read the window settings from {}: {}", file, e.getMessage());
            }
        }
    }

    /** Minutes between two autosaves during a run. */
    double autosaveMinutes() {
        try {
            double minutes = Double.parseDouble(properties.getProperty(AUTOSAVE_MINUTES, Double.toString(DEFAULT_AUTOSAVE_MINUTES)));
            return minutes > 0 && Double.isFinite(minutes) ? minutes : DEFAULT_AUTOSAVE_MINUTES;
        } catch (NumberFormatException e) {
            return DEFAULT_AUTOSAVE_MINUTES;
        }
    }

    /** Sets the autosave interval and writes the settings file in the background. */
    void setAutosaveMinutes(double minutes) {
        if (!(minutes > 0) || !Double.isFinite(minutes)) {
            throw new IllegalArgumentException("Autosave interval must be a positive number of minutes, got " + minutes);
        }
        properties.setProperty(AUTOSAVE_MINUTES, Double.toString(minutes));
        Properties copy = new Properties();
        copy.putAll(properties);
        writer.execute(() -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                AtomicFiles.write(file, out -> copy.store(out, "EP-SNN Workbench window settings"));
            } catch (IOException e) {
                LOG.warn("Could not write the window settings to {}: {}", file, e.getMessage());
            }
        });
    }
}
