package org.epsnn.views;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.Region;

import org.epsnn.views.export.AtomicFiles;
import org.epsnn.views.export.CsvWriter;
import org.epsnn.views.export.ExportActions;
import org.epsnn.views.export.Exportable;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;

/**
 * Base of the views that show a JFreeChart: a {@link ChartViewer} with its own context menu of
 * exports and "Reset zoom". Dragging a rectangle zooms; the menu entry restores automatic ranges.
 */
public abstract class ChartView extends Region implements Exportable {

    /** Export size used before the view has been laid out, in pixels. */
    public static final int DEFAULT_EXPORT_WIDTH = 800;
    public static final int DEFAULT_EXPORT_HEIGHT = 500;

    private final ChartTheme theme;
    private final ChartViewer viewer = new ChartViewer(null, false);
    private final ExportActions exportActions = new ExportActions(this);
    private final ContextMenu contextMenu = new ContextMenu();
    private final InvalidationListener themeListener = observable -> restyle();

    protected ChartView(ChartTheme theme) {
        this.theme = Objects.requireNonNull(theme, "theme");
        getChildren().add(viewer);
        setPrefSize(480, 320);
        setMinSize(120, 80);

        MenuItem resetZoom = new MenuItem("Reset zoom");
        resetZoom.setOnAction(event -> resetZoom());
        contextMenu.getItems().add(resetZoom);
        contextMenu.getItems().add(new SeparatorMenuItem());
        contextMenu.getItems().addAll(exportActions.createMenuItems());
        viewer.setOnContextMenuRequested(event -> {
            contextMenu.show(viewer, event.getScreenX(), event.getScreenY());
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

    public ContextMenu contextMenu() {
        return contextMenu;
    }

    /** The chart on show. */
    public JFreeChart chart() {
        return viewer.getChart();
    }

    /** Shows {@code chart}; subclasses that switch between plot types call this again. */
    protected void setChart(JFreeChart chart) {
        if (viewer.getChart() != chart) {
            viewer.setChart(chart);
        }
    }

    /** The chart viewer node, for tests and for callers that add mouse listeners. */
    public ChartViewer viewer() {
        return viewer;
    }

    /**
     * Applies the theme's current fonts and colours again, after a change of the presentation
     * scale or of the series. Subclasses extend it for what the theme does not reach.
     */
    protected void restyle() {
        JFreeChart chart = viewer.getChart();
        if (chart != null) {
            theme.apply(chart);
        }
    }

    /** Restores automatic axis ranges after a zoom. */
    public void resetZoom() {
        JFreeChart chart = viewer.getChart();
        if (chart == null) {
            return;
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                plot.getDomainAxis(i).setAutoRange(true);
            }
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                plot.getRangeAxis(i).setAutoRange(true);
            }
        } else if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.getRangeAxis().setAutoRange(true);
        }
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        viewer.resizeRelocate(insets.getLeft(), insets.getTop(),
                Math.max(0, getWidth() - insets.getLeft() - insets.getRight()),
                Math.max(0, getHeight() - insets.getTop() - insets.getBottom()));
    }

    private int[] exportSize() {
        int width = viewer.getWidth() >= 1 ? (int) Math.ceil(viewer.getWidth()) : DEFAULT_EXPORT_WIDTH;
        int height = viewer.getHeight() >= 1 ? (int) Math.ceil(viewer.getHeight()) : DEFAULT_EXPORT_HEIGHT;
        return new int[] {width, height};
    }

    @Override
    public void exportPng(Path file) throws IOException {
        int[] size = exportSize();
        exportPng(file, size[0], size[1]);
    }

    /** Writes the chart as a {@code width x height} pixel PNG image. */
    public void exportPng(Path file, int width, int height) throws IOException {
        JFreeChart chart = viewer.getChart();
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }

    @Override
    public void exportSvg(Path file) throws IOException {
        int[] size = exportSize();
        SVGGraphics2D g = new SVGGraphics2D(size[0], size[1]);
        viewer.getChart().draw(g, new Rectangle(0, 0, size[0], size[1]));
        byte[] document = g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(document));
    }

    @Override
    public void exportCsv(Path file) throws IOException {
        CsvWriter.write(file, this::writeCsv);
    }

    /** Writes the rows of the CSV export, header first. */
    protected abstract void writeCsv(CsvWriter csv) throws IOException;
}
