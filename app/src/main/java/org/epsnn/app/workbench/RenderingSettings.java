package org.epsnn.app.workbench;

/**
 * JavaFX rendering settings the window starts with. They are system properties that JavaFX reads
 * once, when its graphics pipeline starts, so {@link #apply()} runs before the first window opens.
 * A property the user set on the command line is kept.
 */
public final class RenderingSettings {

    /** JavaFX's switch for drawing region backgrounds through a cache of small images. */
    static final String REGION_CACHING_OFF = "prism.disableRegionCaching";

    private RenderingSettings() {
    }

    /**
     * Turns off the region background cache, so that backgrounds are drawn directly instead of as
     * stretched cached images. JavaFX's software renderer (used under Xvfb and without a usable GPU
     * driver) drew a full frame of the window in 22 to 37 ms with the cache and in 10 to 28 ms
     * without it, in the headless tests (docs/benchmarks.md). The FX thread waits for the previous
     * frame before it syncs the next, so long frames hold it up.
     */
    public static void apply() {
        if (System.getProperty(REGION_CACHING_OFF) == null) {
            System.setProperty(REGION_CACHING_OFF, "true");
        }
    }
}
