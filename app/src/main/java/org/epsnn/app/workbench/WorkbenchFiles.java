package org.epsnn.app.workbench;

import java.nio.file.Path;

/**
 * The locations of the window's own files: the recent-files list, the window settings and the
 * autosave copy of an untitled project.
 *
 * @param configFolder the folder for these files; created when the first one is written
 */
public record WorkbenchFiles(Path configFolder) {

    /** System property that overrides the configuration folder, for tests and portable installs. */
    public static final String CONFIG_FOLDER_PROPERTY = "epsnn.config.dir";

    /**
     * Returns the user's folder: the {@value #CONFIG_FOLDER_PROPERTY} property when set, else
     * {@code $XDG_CONFIG_HOME/epsnn}, else {@code ~/.config/epsnn}.
     */
    public static WorkbenchFiles forUser() {
        String override = System.getProperty(CONFIG_FOLDER_PROPERTY);
        if (override != null && !override.isBlank()) {
            return new WorkbenchFiles(Path.of(override));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new WorkbenchFiles(base.resolve("epsnn"));
    }

    /** Returns the file of recently opened projects, one path per line, newest first. */
    public Path recentList() {
        return configFolder.resolve("recent-projects.txt");
    }

    /** Returns the properties file of the window settings, such as the autosave interval. */
    public Path windowSettings() {
        return configFolder.resolve("window.properties");
    }

    private static final String KEPT_UNTITLED_PREFIX = "Untitled-";
    private static final String AUTOSAVE_SUFFIX = ".epsnn.autosave";

    /** Returns the autosave copy of a project that has not been saved yet. */
    public Path untitledAutosave() {
        return configFolder.resolve("autosave").resolve("Untitled.epsnn.autosave");
    }

    /**
     * The autosave copy of {@code project}: {@code .NAME.autosave} beside it; the untitled one when
     * null, and also for a version 1 setup ({@code .epsnn.json}), which Save does not overwrite
     * either, so that opening a sample never writes into {@code samples/}.
     */
    public Path autosaveFor(Path project) {
        if (project == null || !project.getFileName().toString().endsWith(".epsnn")) {
            return untitledAutosave();
        }
        return project.toAbsolutePath().resolveSibling("." + project.getFileName() + ".autosave");
    }

    /**
     * Returns the name to keep the untitled autosave under when its recovery is put off, so that
     * the next untitled project's autosave does not replace it: {@code Untitled-TIME.epsnn.autosave}.
     */
    public Path keptUntitledAutosave(java.time.LocalDateTime time) {
        String stamp = time.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", java.util.Locale.ROOT));
        return untitledAutosave().resolveSibling(KEPT_UNTITLED_PREFIX + stamp + AUTOSAVE_SUFFIX);
    }

    /** Returns the untitled autosaves kept by {@link #keptUntitledAutosave}, oldest name first. */
    public java.util.List<Path> keptUntitledAutosaves() throws java.io.IOException {
        Path folder = untitledAutosave().getParent();
        if (!java.nio.file.Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(folder)) {
            return entries.filter(this::isKeptUntitled).sorted().toList();
        }
    }

    private boolean isKeptUntitled(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(KEPT_UNTITLED_PREFIX) && name.endsWith(AUTOSAVE_SUFFIX)
                && file.toAbsolutePath().getParent().equals(untitledAutosave().toAbsolutePath().getParent());
    }

    /** Returns the project that {@code autosave} is a copy of, or null for an untitled autosave. */
    public Path projectOf(Path autosave) {
        if (autosave.toAbsolutePath().equals(untitledAutosave().toAbsolutePath()) || isKeptUntitled(autosave)) {
            return null;
        }
        String name = autosave.getFileName().toString();
        if (!name.startsWith(".") || !name.endsWith(".autosave")) {
            throw new IllegalArgumentException(autosave + " is not an autosave file (expected .NAME.autosave)");
        }
        return autosave.toAbsolutePath().resolveSibling(name.substring(1, name.length() - ".autosave".length()));
    }
}
