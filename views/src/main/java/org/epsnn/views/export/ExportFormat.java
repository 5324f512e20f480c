package org.epsnn.views.export;

/** The file formats every view can export. */
public enum ExportFormat {
    /** Raster image of the view. */
    PNG("png", "Export image as PNG…"),
    /** Vector image of the view. */
    SVG("svg", "Export image as SVG…"),
    /** The data the view shows, as a table. */
    CSV("csv", "Export data as CSV…");

    private final String extension;
    private final String menuText;

    ExportFormat(String extension, String menuText) {
        this.extension = extension;
        this.menuText = menuText;
    }

    /** File name extension without the dot, for example {@code png}. */
    public String extension() {
        return extension;
    }

    /** Text of the context menu entry that starts this export. */
    public String menuText() {
        return menuText;
    }
}
