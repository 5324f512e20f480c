package org.epsnn.views;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Locale;

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
 */
public abstract class RasterView extends Region {

    private static final Logger LOG = LoggerFactory.getLogger(RasterView.class);

    private final ImageView imageView = new ImageView();
    private BufferedImage buffer;
    private PixelBuffer<IntBuffer> pixelBuffer;
    private double viewWidth;
    private double viewHeight;
    private boolean repaintPending = true;

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
    protected final double viewWidth() {
        return viewWidth;
    }

    /** Height of the drawing on screen, excluding insets; 0 before the first layout. */
    protected final double viewHeight() {
        return viewHeight;
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
     * Called on the FX thread for the screen and for exports.
     */
    protected abstract void paintImage(Graphics2D g, double width, double height);

    /** Paints if a repaint is pending and the view shows; called by the repaint queue. */
    final void paintPending() {
        if (!repaintPending || !shownOnScreen() || viewWidth < 1 || viewHeight < 1) {
            return;
        }
        beforeRepaint();
        repaintPending = false;

        long start = System.nanoTime();
        double scale = renderScale();
        int pixelWidth = (int) Math.ceil(viewWidth * scale);
        int pixelHeight = (int) Math.ceil(viewHeight * scale);
        if (buffer == null || buffer.getWidth() != pixelWidth || buffer.getHeight() != pixelHeight) {
            buffer = new BufferedImage(pixelWidth, pixelHeight, BufferedImage.TYPE_INT_ARGB_PRE);
            // The image shows the Java2D pixels themselves: no copy and no conversion per paint.
            int[] pixels = ((DataBufferInt) buffer.getRaster().getDataBuffer()).getData();
            pixelBuffer = new PixelBuffer<>(pixelWidth, pixelHeight, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            imageView.setImage(new WritableImage(pixelBuffer));
        }

        pixelBuffer.updateBuffer(updated -> {
            int[] pixels = ((DataBufferInt) buffer.getRaster().getDataBuffer()).getData();
            Arrays.fill(pixels, 0);
            Graphics2D g = buffer.createGraphics();
            try {
                g.scale(scale, scale);
                paintImage(g, viewWidth, viewHeight);
            } finally {
                g.dispose();
            }
            return null;
        });
        imageView.setFitWidth(viewWidth);
        imageView.setFitHeight(viewHeight);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} painted {} x {} in {} ms", getClass().getSimpleName(), pixelWidth, pixelHeight,
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
