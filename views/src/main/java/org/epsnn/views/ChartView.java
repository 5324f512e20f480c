package org.epsnn.views;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import org.epsnn.views.export.AtomicFiles;
import org.epsnn.views.export.CsvWriter;
import org.epsnn.views.export.ExportActions;
import org.epsnn.views.export.Exportable;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartChangeListener;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.Zoomable;
import org.jfree.svg.SVGGraphics2D;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the views that show a JFreeChart, drawn through {@link RasterView}: a change of the
 * chart queues one repaint, however many changes came before it, and a chart in a hidden tab does
 * not draw. The view has its own context menu of exports and "Reset zoom"; dragging a rectangle
 * over the plot zooms into it.
 *
 * <p>Repaints on screen run on the painting thread (see {@link RasterView}). The FX thread writes
 * the chart to bytes with Java serialization, and the painting thread reads them back into a copy
 * of its own and draws that. A chart whose parts cannot be serialized paints on the FX thread.
 */
public abstract class ChartView extends RasterView implements Exportable {

    /** Export size used before the view has been laid out, in pixels. */
    public static final int DEFAULT_EXPORT_WIDTH = 800;
    public static final int DEFAULT_EXPORT_HEIGHT = 500;

    private static final Logger LOG = LoggerFactory.getLogger(ChartView.class);
    private static final java.util.concurrent.atomic.AtomicBoolean COPY_WARM_UP_STARTED =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** The thread that makes the first copy of each kind of chart; see {@link #warmUpCopy}. */
    private static final java.util.concurrent.ExecutorService COPY_WARM_UP = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "chart-copy-warm-up");
        thread.setDaemon(true);
        return thread;
    });

    /** Smallest drag, in pixels along each axis, that zooms. A shorter one is a click. */
    private static final double MIN_ZOOM_DRAG = 5;

    private final ChartTheme theme;
    private final ExportActions exportActions = new ExportActions(this);
    private final ContextMenu contextMenu = new ContextMenu();
    private final InvalidationListener themeListener = observable -> restyle();
    private final ChartChangeListener changeListener = event -> requestRepaint();
    /**
     * Layout of the last paint, written by the thread that painted. Entities are not collected,
     * because they would cost one object per data item.
     */
    private volatile ChartRenderingInfo renderingInfo = new ChartRenderingInfo(null);
    /** False once the chart failed to serialize; it then paints on the FX thread. */
    private boolean copyable = true;
    private final Rectangle zoomRectangle = new Rectangle();
    private JFreeChart chart;
    private Point2D dragStart;

    protected ChartView(ChartTheme theme) {
        this.theme = Objects.requireNonNull(theme, "theme");
        startCopyWarmUp();
        setPrefSize(480, 320);
        setMinSize(120, 80);

        MenuItem resetZoom = new MenuItem("Reset zoom");
        resetZoom.setOnAction(event -> resetZoom());
        contextMenu.getItems().add(resetZoom);
        contextMenu.getItems().add(new SeparatorMenuItem());
        contextMenu.getItems().addAll(exportActions.createMenuItems());
        setOnContextMenuRequested(event -> {
            contextMenu.show(this, event.getScreenX(), event.getScreenY());
            event.consume();
        });

        zoomRectangle.setManaged(false);
        zoomRectangle.setVisible(false);
        zoomRectangle.setMouseTransparent(true);
        zoomRectangle.setFill(Color.rgb(78, 121, 167, 0.2));
        zoomRectangle.setStroke(Color.rgb(78, 121, 167, 0.8));
        getChildren().add(zoomRectangle);
        setOnMousePressed(this::startZoomDrag);
        setOnMouseDragged(this::continueZoomDrag);
        setOnMouseReleased(this::finishZoomDrag);

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
        return chart;
    }

    /** Shows {@code newChart}; subclasses that switch between plot types call this again. */
    protected void setChart(JFreeChart newChart) {
        if (chart == newChart) {
            return;
        }
        if (chart != null) {
            chart.removeChangeListener(changeListener);
        }
        chart = newChart;
        if (chart != null) {
            chart.addChangeListener(changeListener);
        }
        requestRepaint();
    }

    @Override
    protected void paintImage(Graphics2D g, double width, double height) {
        paintChart(chart, g, width, height);
    }

    @Override
    protected Picture takePicture() {
        if (chart == null || !copyable) {
            return null;
        }
        byte[] state;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(chart);
            }
            state = bytes.toByteArray();
        } catch (IOException e) {
            copyable = false;
            LOG.warn("{} cannot copy its chart and paints on the FX thread: {}", getClass().getSimpleName(), e.toString());
            return null;
        }
        return (g, width, height) -> paintChart(readChart(state), g, width, height);
    }

    /**
     * Copies one chart of each kind once on a background thread. The first serialization of a
     * chart inspects every class in it by reflection, which took 160 ms on the FX thread. Java
     * caches what it found for every thread, so later copies skip that.
     */
    private static void startCopyWarmUp() {
        if (COPY_WARM_UP_STARTED.getAndSet(true)) {
            return;
        }
        ChartTheme theme = new ChartTheme();
        org.jfree.data.xy.XYSeriesCollection lines = new org.jfree.data.xy.XYSeriesCollection();
        org.jfree.data.xy.YIntervalSeriesCollection band = new org.jfree.data.xy.YIntervalSeriesCollection();
        warmUpCopy(() -> theme.createLineChart(lines, "x", "y"));
        warmUpCopy(() -> theme.createHistogramChart(new org.jfree.data.xy.XYIntervalSeriesCollection(), "x", "count"));
        warmUpCopy(() -> theme.createBarChart(new org.jfree.data.category.DefaultCategoryDataset(), "level", "p", false));
        warmUpCopy(() -> theme.createBandChart(band, lines, "x", "y"));
    }

    /**
     * Serializes the chart that {@code sample} builds on the warm-up thread, so that the first copy
     * of a chart with the same parts (markers, a second axis, data items) does not inspect their
     * classes on the FX thread. A subclass calls it once with a chart that has every part it uses.
     */
    protected static void warmUpCopy(java.util.function.Supplier<JFreeChart> sample) {
        COPY_WARM_UP.execute(() -> {
            try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
                JFreeChart chart = sample.get();
                new ChartTheme().apply(chart);
                out.writeObject(chart);
            } catch (IOException | RuntimeException e) {
                LOG.debug("Warming up chart copies failed", e);
            }
        });
    }

    private static JFreeChart readChart(byte[] state) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
            return (JFreeChart) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read back a copied chart", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Could not read back a copied chart", e);
        }
    }

    private void paintChart(JFreeChart drawn, Graphics2D g, double width, double height) {
        g.setColor(ChartTheme.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        if (drawn != null) {
            ChartRenderingInfo info = new ChartRenderingInfo(null);
            drawn.draw(g, new Rectangle2D.Double(0, 0, width, height), null, info);
            renderingInfo = info;
        }
    }

    /**
     * Applies the theme's current fonts and colours again, after a change of the presentation
     * scale or of the series. Subclasses extend it for what the theme does not reach.
     */
    protected void restyle() {
        if (chart != null) {
            theme.apply(chart);
        }
    }

    private void startZoomDrag(MouseEvent event) {
        dragStart = null;
        if (event.getButton() != MouseButton.PRIMARY || chart == null || !(chart.getPlot() instanceof Zoomable)) {
            return;
        }
        Point2D point = chartPoint(event);
        Rectangle2D area = dataArea();
        if (area != null && area.contains(point)) {
            dragStart = point;
        }
    }

    private void continueZoomDrag(MouseEvent event) {
        if (dragStart == null) {
            return;
        }
        Rectangle2D area = dataArea();
        Point2D end = clampTo(chartPoint(event), area);
        Insets insets = getInsets();
        zoomRectangle.setX(insets.getLeft() + Math.min(dragStart.getX(), end.getX()));
        zoomRectangle.setY(insets.getTop() + Math.min(dragStart.getY(), end.getY()));
        zoomRectangle.setWidth(Math.abs(end.getX() - dragStart.getX()));
        zoomRectangle.setHeight(Math.abs(end.getY() - dragStart.getY()));
        zoomRectangle.setVisible(true);
    }

    private void finishZoomDrag(MouseEvent event) {
        zoomRectangle.setVisible(false);
        Point2D start = dragStart;
        dragStart = null;
        Rectangle2D area = dataArea();
        if (start == null || area == null || area.getWidth() < 1 || area.getHeight() < 1) {
            return;
        }
        Point2D end = clampTo(chartPoint(event), area);
        double dx = Math.abs(end.getX() - start.getX());
        double dy = Math.abs(end.getY() - start.getY());
        if (dx < MIN_ZOOM_DRAG || dy < MIN_ZOOM_DRAG) {
            return;
        }
        Zoomable plot = (Zoomable) chart.getPlot();
        PlotRenderingInfo plotInfo = renderingInfo.getPlotInfo();
        if (plot.isDomainZoomable()) {
            double low = (Math.min(start.getX(), end.getX()) - area.getMinX()) / area.getWidth();
            double high = (Math.max(start.getX(), end.getX()) - area.getMinX()) / area.getWidth();
            plot.zoomDomainAxes(low, high, plotInfo, start);
        }
        if (plot.isRangeZoomable()) {
            // Screen y grows downwards, axis values upwards.
            double low = (area.getMaxY() - Math.max(start.getY(), end.getY())) / area.getHeight();
            double high = (area.getMaxY() - Math.min(start.getY(), end.getY())) / area.getHeight();
            plot.zoomRangeAxes(low, high, plotInfo, start);
        }
    }

    private Point2D chartPoint(MouseEvent event) {
        Insets insets = getInsets();
        return new Point2D.Double(event.getX() - insets.getLeft(), event.getY() - insets.getTop());
    }

    /** Returns the plot's data area at the last paint, or null before the first paint. */
    private Rectangle2D dataArea() {
        Rectangle2D area = renderingInfo.getPlotInfo().getDataArea();
        return area == null || area.isEmpty() ? null : area;
    }

    private static Point2D clampTo(Point2D point, Rectangle2D area) {
        if (area == null) {
            return point;
        }
        return new Point2D.Double(Math.max(area.getMinX(), Math.min(area.getMaxX(), point.getX())),
                Math.max(area.getMinY(), Math.min(area.getMaxY(), point.getY())));
    }

    /** Restores automatic axis ranges after a zoom. */
    public void resetZoom() {
        if (chart == null) {
            return;
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            // A removed secondary axis leaves an empty slot that the counts include.
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                if (plot.getDomainAxis(i) != null) {
                    plot.getDomainAxis(i).setAutoRange(true);
                }
            }
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                if (plot.getRangeAxis(i) != null) {
                    plot.getRangeAxis(i).setAutoRange(true);
                }
            }
        } else if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.getRangeAxis().setAutoRange(true);
        }
    }

    private int[] exportSize() {
        int width = exportWidth() >= 1 ? (int) Math.ceil(exportWidth()) : DEFAULT_EXPORT_WIDTH;
        int height = exportHeight() >= 1 ? (int) Math.ceil(exportHeight()) : DEFAULT_EXPORT_HEIGHT;
        return new int[] {width, height};
    }

    @Override
    public void exportPng(Path file) throws IOException {
        int[] size = exportSize();
        exportPng(file, size[0], size[1]);
    }

    /** Writes the chart as a {@code width x height} pixel PNG image. */
    public void exportPng(Path file, int width, int height) throws IOException {
        // A chart in a hidden tab may not have received its latest data yet.
        beforeRepaint();
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }

    @Override
    public void exportSvg(Path file) throws IOException {
        int[] size = exportSize();
        beforeRepaint();
        SVGGraphics2D g = new SVGGraphics2D(size[0], size[1]);
        chart.draw(g, new Rectangle2D.Double(0, 0, size[0], size[1]));
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
