package org.epsnn.views.draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.function.IntFunction;

/** Draws scattered points as outlined dots inside a {@link PlotFrame}, clipped to its data area. */
public final class Scatter {

    private Scatter() {
    }

    /**
     * Draws point {@code i} at ({@code x[i]}, {@code y[i]}) filled with {@code fill.apply(i)};
     * points with a NaN or infinite coordinate are not drawn.
     *
     * @param radius dot radius in pixels
     * @param outline outline colour that keeps dots visible on any background
     */
    public static void draw(Graphics2D g, PlotFrame frame, double[] x, double[] y, IntFunction<Color> fill,
                            double radius, Color outline) {
        Shape savedClip = g.getClip();
        g.clip(frame.area());
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                continue;
            }
            Ellipse2D dot = new Ellipse2D.Double(frame.pixelX(x[i]) - radius, frame.pixelY(y[i]) - radius,
                    2 * radius, 2 * radius);
            g.setColor(fill.apply(i));
            g.fill(dot);
            g.setColor(outline);
            g.draw(dot);
        }
        g.setClip(savedClip);
    }
}
