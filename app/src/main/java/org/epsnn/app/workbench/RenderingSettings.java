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
     * Draws region backgrounds directly instead of stretching cached images of them. The software
     * renderer (used under Xvfb, over remote desktops and without a usable GPU driver) drew a full
     * frame of the workbench window in 22 to 31 ms with the cache and in 10 to 18 ms without it
     * (docs/benchmarks.md). Long frames hold up the FX thread, which waits for the previous frame
     * before it syncs the next.
     */
    public static void apply() {
        if (System.getProperty(REGION_CACHING_OFF) == null) {
            System.setProperty(REGION_CACHING_OFF, "true");
        }
    }
}
