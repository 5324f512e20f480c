package org.epsnn.views;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import javafx.application.Platform;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the views that draw with Java2D: the charts and the canvas views. A view draws into an
 * image in memory and shows that image, so that the renderer only uploads pixels instead of
 * replaying every drawing command, and text is measured with Java2D's cached font metrics.
 *
 * <p>A change calls {@link #requestRepaint()}. The view then waits in the {@link RepaintQueue},
 * which the FX thread works through in slices of a few milliseconds, so that many views changing
 * at once (a training snapshot, an opened project) never hold the FX thread for long. A view that
 * is not on show (in a hidden tab, or with a hidden parent) does not paint; it paints after the
 * first layout pass that finds it on show again, when its size changes, or when
 * {@link #repaintIfPending()} is called.
 *
 * <p>A view whose drawing reads only state it can hand over whole returns it from
 * {@link #takePicture()}. The FX thread then only takes the picture, and one shared background
 * thread paints it. The FX thread copies the finished pixels to the screen. Other
 * views paint on the FX thread with {@link #paintImage}.
 */
public abstract class RasterView extends Region {

    private static final Logger LOG = LoggerFactory.getLogger(RasterView.class);

    /** The thread that paints the pictures of every view, one at a time. */
    private static final Executor PAINTER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "view-painter");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * A drawing of a view's state at the moment it was taken. It reads nothing that the FX thread
     * changes afterwards, so that it can paint on another thread.
     */
    @FunctionalInterface
    public interface Picture {
        /** Paints into a {@code width x height} area with its origin at the top left. */
        void paint(Graphics2D g, double width, double height);
    }

    private final ImageView imageView = new ImageView();
    private BufferedImage buffer;
    private PixelBuffer<IntBuffer> pixelBuffer;
    private double viewWidth;
    private double viewHeight;
    private boolean repaintPending = true;
    /** Whether a picture of this view is being painted in the background; FX thread only. */
    private boolean paintInFlight;
    /** An image of the current size to paint the next picture into, handed back after each background paint. */
    private BufferedImage spare;

    protected RasterView() {
        imageView.setSmooth(false);
        imageView.setManaged(false);
        getChildren().add(imageView);
        // A view moved into another scene at the same size gets no layout change to repaint it.
        sceneProperty().addListener((observable, before, after) -> {
            if (after != null && repaintPending) {
                requestRepaint();
            }
        });
    }

    /** Width of the drawing on screen, excluding insets; 0 before the first layout. */
    private double heldWidth = -1;
    private double heldHeight = -1;

    protected final double viewWidth() {
        return viewWidth;
    }

    /** Height of the drawing on screen, excluding insets; 0 before the first layout. */
    protected final double viewHeight() {
        return viewHeight;
    }

    /**
     * Keeps the view's current size for image exports until {@link #releaseExportSize()}. A save
     * dialog can resize the window while it is open (a maximized window un-maximizes under some
     * window managers), and the export should have the size the user saw.
     */
    public final void holdExportSize() {
        heldWidth = viewWidth;
        heldHeight = viewHeight;
    }

    /** Lets image exports follow the view's size again. */
    public final void releaseExportSize() {
        heldWidth = -1;
        heldHeight = -1;
    }

    /** Returns the width for image exports: the held width, else the current one. */
    protected final double exportWidth() {
        return heldWidth >= 1 ? heldWidth : viewWidth;
    }

    /** Returns the height for image exports: the held height, else the current one. */
    protected final double exportHeight() {
        return heldHeight >= 1 ? heldHeight : viewHeight;
    }

    /**
     * Marks the view for painting. A view on show joins the repaint queue; a hidden one waits
     * until it shows.
     */
    protected final void requestRepaint() {
        repaintPending = true;
        if (shownOnScreen()) {
            RepaintQueue.add(this);
        } else if (getScene() != null) {
            RepaintQueue.park(this);
        }
    }

    /**
     * Paints a change that arrived while the view was hidden, for example in a tab not on show.
     * Call it when the view shows again.
     */
    public final void repaintIfPending() {
        if (repaintPending && shownOnScreen()) {
            RepaintQueue.add(this);
        }
    }

    /** Tells whether a repaint is waiting, for example because the view is hidden. */
    public final boolean isRepaintPending() {
        return repaintPending;
    }

    /** The image on show, for tests that read its pixels. */
    final javafx.scene.image.Image shownImage() {
        return imageView.getImage();
    }

    /** Tells whether the view's latest picture is still being painted in the background. */
    public final boolean isPaintInFlight() {
        return paintInFlight;
    }

    /** Tells whether the view is in a scene and it and every node above it are visible. */
    final boolean shownOnScreen() {
        if (getScene() == null) {
            return false;
        }
        for (Node node = this; node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        double width = Math.max(0, snapSizeX(getWidth() - insets.getLeft() - insets.getRight()));
        double height = Math.max(0, snapSizeY(getHeight() - insets.getTop() - insets.getBottom()));
        imageView.relocate(insets.getLeft(), insets.getTop());
        if (width != viewWidth || height != viewHeight) {
            viewWidth = width;
            viewHeight = height;
            // Until the repaint, the old picture is stretched to the new size rather than overflowing it.
            imageView.setFitWidth(width);
            imageView.setFitHeight(height);
            requestRepaint();
        }
    }

    /**
     * Runs before a queued repaint, for work that should happen once however many changes came
     * before it, such as telling a chart that its data changed. Changes made here are painted by
     * the repaint that follows.
     */
    protected void beforeRepaint() {
    }

    /**
     * Paints the whole view into a {@code width x height} area with its origin at the top left.
     * Called on the FX thread for the screen, unless {@link #takePicture()} returns a picture, and
     * for exports.
     */
    protected abstract void paintImage(Graphics2D g, double width, double height);

    /**
     * Returns a picture of the view as it is now, to paint on the background thread, or null (the
     * default) to paint on the FX thread with {@link #paintImage}. Called on the FX thread just
     * before a repaint.
     */
    protected Picture takePicture() {
        return null;
    }

    /** Paints if a repaint is pending and the view shows; called by the repaint queue. */
    final void paintPending() {
        if (!repaintPending) {
            return;
        }
        if (!shownOnScreen()) {
            // Hidden since it joined the queue (another tab was selected): park it, or its change
            // would be lost, because showing it again only looks at parked views.
            if (getScene() != null) {
                RepaintQueue.park(this);
            }
            return;
        }
        if (viewWidth < 1 || viewHeight < 1) {
            return;
        }
        if (paintInFlight) {
            // The picture in flight shows first, and then the view joins the queue again.
            return;
        }
        beforeRepaint();
        repaintPending = false;

        double scale = renderScale();
        int pixelWidth = (int) Math.ceil(viewWidth * scale);
        int pixelHeight = (int) Math.ceil(viewHeight * scale);
        long takeStart = System.nanoTime();
        Picture picture = takePicture();
        if (picture != null) {
            logPaint("took its picture of", pixelWidth, pixelHeight, takeStart);
            paintInBackground(picture, scale, pixelWidth, pixelHeight);
            return;
        }

        long start = System.nanoTime();
        if (buffer == null || buffer.getWidth() != pixelWidth || buffer.getHeight() != pixelHeight) {
            showBuffer(new BufferedImage(pixelWidth, pixelHeight, BufferedImage.TYPE_INT_ARGB_PRE));
        }
        pixelBuffer.updateBuffer(updated -> {
            paintInto(buffer, scale, viewWidth, viewHeight, this::paintImage);
            return null;
        });
        imageView.setFitWidth(viewWidth);
        imageView.setFitHeight(viewHeight);
        logPaint("painted", pixelWidth, pixelHeight, start);
    }

    private void paintInBackground(Picture picture, double scale, int pixelWidth, int pixelHeight) {
        paintInFlight = true;
        double width = viewWidth;
        double height = viewHeight;
        BufferedImage target = spare != null && spare.getWidth() == pixelWidth && spare.getHeight() == pixelHeight
                ? spare : null;
        spare = null;
        PAINTER.execute(() -> {
            long start = System.nanoTime();
            BufferedImage painted = null;
            try {
                BufferedImage image = target != null ? target
                        : new BufferedImage(pixelWidth, pixelHeight, BufferedImage.TYPE_INT_ARGB_PRE);
                paintInto(image, scale, width, height, picture);
                painted = image;
                logPaint("painted in the background", pixelWidth, pixelHeight, start);
            } catch (RuntimeException e) {
                // The picture on screen stays as it was, and the next change paints again.
                LOG.error("Failed to paint {} in the background", getClass().getSimpleName(), e);
            } finally {
                // Also after an Error, so that the view does not wait for this paint forever.
                BufferedImage result = painted;
                Platform.runLater(() -> showPainted(result, width, height));
            }
        });
    }

    /** Shows a picture painted in the background (null when it failed) and queues the next change, if any. */
    private void showPainted(BufferedImage painted, double width, double height) {
        paintInFlight = false;
        if (painted != null) {
            if (buffer != null && buffer.getWidth() == painted.getWidth() && buffer.getHeight() == painted.getHeight()) {
                int[] source = pixels(painted);
                pixelBuffer.updateBuffer(updated -> {
                    System.arraycopy(source, 0, pixels(buffer), 0, source.length);
                    return null;
                });
                spare = painted;
            } else {
                showBuffer(painted);
            }
            imageView.setFitWidth(width);
            imageView.setFitHeight(height);
        }
        if (repaintPending) {
            requestRepaint();
        }
    }

    /** Makes {@code image} the one on screen; its pixels back the JavaFX image, with no copy. */
    private void showBuffer(BufferedImage image) {
        buffer = image;
        pixelBuffer = new PixelBuffer<>(image.getWidth(), image.getHeight(), IntBuffer.wrap(pixels(image)),
                PixelFormat.getIntArgbPreInstance());
        imageView.setImage(new WritableImage(pixelBuffer));
    }

    private static void paintInto(BufferedImage image, double scale, double width, double height, Picture picture) {
        Arrays.fill(pixels(image), 0);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            picture.paint(g, width, height);
        } finally {
            g.dispose();
        }
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private void logPaint(String action, int pixelWidth, int pixelHeight, long start) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} x {} in {} ms", getClass().getSimpleName(), action, pixelWidth, pixelHeight,
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6));
        }
    }

    /**
     * Pixels per layout unit of the window, so that the image stays sharp on high-density screens.
     * NOTE: a change of the scale alone (the window moved to a screen of another density) shows
     * at the view's next repaint, not at once.
     */
    private double renderScale() {
        Scene scene = getScene();
        Window window = scene == null ? null : scene.getWindow();
        double scale = window == null ? 1 : window.getRenderScaleX();
        return Double.isFinite(scale) && scale > 0 ? scale : 1;
    }
}
