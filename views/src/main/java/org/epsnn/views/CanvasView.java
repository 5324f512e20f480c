package org.epsnn.views;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import javax.imageio.ImageIO;

import org.epsnn.views.draw.Draw;
import org.epsnn.views.export.AtomicFiles;
import org.epsnn.views.export.CsvWriter;
import org.epsnn.views.export.ExportActions;
import org.epsnn.views.export.Exportable;
import org.jfree.svg.SVGGraphics2D;

/**
 * Base of the views that draw a picture of their own: heatmaps, image grids, the network diagram.
 *
 * <p>A subclass draws everything in {@link #paint(Graphics2D, double, double)} with Java2D calls.
 * The same code then draws on screen (into the image that {@link RasterView} shows), into a PNG
 * and into an SVG, so exports look like the view. Repaints are coalesced: {@link #requestRepaint()}
 * queues the view once, however many setters ran before it paints.
 */
public abstract class CanvasView extends RasterView implements Exportable {

    /** Export size used before the view has been laid out, in pixels. */
    public static final double DEFAULT_EXPORT_WIDTH = 800;
    public static final double DEFAULT_EXPORT_HEIGHT = 600;

    private final ChartTheme theme;
    private final ExportActions exportActions = new ExportActions(this);
    private final ContextMenu contextMenu = new ContextMenu();
    private final InvalidationListener themeListener = observable -> requestRepaint();

    protected CanvasView(ChartTheme theme) {
        this.theme = Objects.requireNonNull(theme, "theme");
        setPrefSize(480, 320);
        setMinSize(60, 40);

        contextMenu.getItems().addAll(exportActions.createMenuItems());
        setOnContextMenuRequested(event -> {
            contextMenu.show(this, event.getScreenX(), event.getScreenY());
            event.consume();
        });
        // A weak listener, so that a theme shared by the whole window does not keep closed views alive.
        theme.presentationScaleProperty().addListener(new WeakInvalidationListener(themeListener));
    }

    public ChartTheme theme() {
        return theme;
    }

    /** The export gestures; set their file chooser to enable the context menu entries. */
    public ExportActions exportActions() {
        return exportActions;
    }

    /** The context menu of the view: the entries of {@link #addMenuItems}, then the exports. */
    public ContextMenu contextMenu() {
        return contextMenu;
    }

    /** Adds entries above the export entries, followed by a separator. */
    public void addMenuItems(MenuItem... items) {
        contextMenu.getItems().add(0, new SeparatorMenuItem());
        contextMenu.getItems().addAll(0, List.of(items));
    }

    /** Width of the drawing on screen, excluding insets. */
    protected double canvasWidth() {
        return viewWidth();
    }

    protected double canvasHeight() {
        return viewHeight();
    }

    @Override
    protected final void paintImage(Graphics2D g, double width, double height) {
        paintWithBackground(g, width, height, this::paint);
    }

    @Override
    protected final Picture takePicture() {
        Picture content = picture();
        return content == null ? null : (g, width, height) -> paintWithBackground(g, width, height, content);
    }

    private static void paintWithBackground(Graphics2D g, double width, double height, Picture content) {
        Draw.antialias(g);
        Draw.fill(g, new Rectangle2D.Double(0, 0, width, height), ChartTheme.BACKGROUND);
        content.paint(g, width, height);
    }

    /**
     * Draws the whole view into a {@code width x height} pixel area with its origin at the top
     * left. Called on the FX thread for exports, and for the screen when {@link #picture()} returns
     * null, so it must not change state that other calls read. By default it draws the picture.
     */
    protected void paint(Graphics2D g, double width, double height) {
        Picture picture = picture();
        if (picture == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " overrides neither paint nor picture");
        }
        picture.paint(g, width, height);
    }

    /**
     * Returns a drawing of the view's current state that reads no field the FX thread changes
     * later, so that repaints on screen run on the background painting thread. Null (the default)
     * draws with {@link #paint} on the FX thread.
     */
    protected Picture picture() {
        return null;
    }

    /** Writes the rows of the CSV export, header first. */
    protected abstract void writeCsv(CsvWriter csv) throws IOException;

    /** Size of image exports: the current size, or a default before the first layout. */
    protected double[] exportSize() {
        double width = exportWidth() >= 1 ? exportWidth() : DEFAULT_EXPORT_WIDTH;
        double height = exportHeight() >= 1 ? exportHeight() : DEFAULT_EXPORT_HEIGHT;
        return new double[] {width, height};
    }

    @Override
    public void exportPng(Path file) throws IOException {
        double[] size = exportSize();
        exportPng(file, (int) Math.ceil(size[0]), (int) Math.ceil(size[1]));
    }

    /** Writes the view as a {@code width x height} pixel PNG image. */
    public void exportPng(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            paintWithBackground(g, width, height, this::paint);
        } finally {
            g.dispose();
        }
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("No PNG writer is available in this Java runtime");
            }
        });
    }

    @Override
    public void exportSvg(Path file) throws IOException {
        double[] size = exportSize();
        SVGGraphics2D g = new SVGGraphics2D(size[0], size[1]);
        paintWithBackground(g, size[0], size[1], this::paint);
        byte[] document = g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(document));
    }

    @Override
    public void exportCsv(Path file) throws IOException {
        CsvWriter.write(file, this::writeCsv);
    }
}
