package org.epsnn.views;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

import javafx.application.Platform;
import javafx.scene.Scene;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The views waiting to paint, worked through on the FX thread in slices. A slice paints views
 * until {@link #SLICE_NANOS} have passed and then posts the rest as a new task, so that input
 * events, pulses and other tasks get their turn between slices. The queue is a {@code LinkedHashSet}, so a view waits in it at most once.
 *
 * <p>A view that changed while hidden is parked instead. After each layout pass of a scene that
 * holds parked views, the ones that show again (their tab was selected, say) join the queue.
 * Used only on the FX thread.
 */
final class RepaintQueue {

    /** Painting time after which a slice gives the FX thread back. */
    static final long SLICE_NANOS = 12_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(RepaintQueue.class);
    private static final Set<RasterView> WAITING = new LinkedHashSet<>();
    private static boolean slicePosted;
    /** Hidden views with a change to paint. Weak, so that a view dropped while hidden can be collected. */
    private static final Set<RasterView> PARKED = Collections.newSetFromMap(new WeakHashMap<>());
    private static final Set<Scene> WATCHED_SCENES = Collections.newSetFromMap(new WeakHashMap<>());

    private RepaintQueue() {
    }

    static void add(RasterView view) {
        WAITING.add(view);
        if (!slicePosted) {
            slicePosted = true;
            Platform.runLater(RepaintQueue::paintSlice);
        }
    }

    /** Keeps {@code view}, hidden now, until a layout pass finds it on show. */
    static void park(RasterView view) {
        PARKED.add(view);
        Scene scene = view.getScene();
        if (scene != null && WATCHED_SCENES.add(scene)) {
            scene.addPostLayoutPulseListener(RepaintQueue::queueShownViews);
        }
    }

    private static void queueShownViews() {
        if (PARKED.isEmpty()) {
            return;
        }
        List<RasterView> visibleAgain = new ArrayList<>();
        for (RasterView view : PARKED) {
            if (view.shownOnScreen()) {
                visibleAgain.add(view);
            }
        }
        for (RasterView view : visibleAgain) {
            PARKED.remove(view);
            if (view.isRepaintPending()) {
                add(view);
            }
        }
    }

    private static void paintSlice() {
        slicePosted = false;
        long start = System.nanoTime();
        while (!WAITING.isEmpty()) {
            Iterator<RasterView> first = WAITING.iterator();
            RasterView view = first.next();
            first.remove();
            try {
                view.paintPending();
            } catch (RuntimeException e) {
                // One view that fails to draw must not stop the others; its picture stays as it was.
                LOG.error("Could not paint {}", view.getClass().getSimpleName(), e);
            }
            if (System.nanoTime() - start > SLICE_NANOS && !WAITING.isEmpty()) {
                slicePosted = true;
                Platform.runLater(RepaintQueue::paintSlice);
                return;
            }
        }
    }
}
