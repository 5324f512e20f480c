package org.epsnn.views.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImageGridLayoutTest {

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.ITALIC, 11);

    /** Checks many area and grid sizes, because a rounding slip shows only at some of them. */
    @Test
    void cellsAndTitlesStayInsideBounds() {
        List<String> failures = new ArrayList<>();
        for (int count : new int[] {1, 5, 16, 36}) {
            List<String> titles = Collections.nCopies(count, "7");
            for (int width = 150; width <= 900; width += 37) {
                for (int height = 120; height <= 800; height += 23) {
                    Rectangle2D bounds = new Rectangle2D.Double(4, 39.5, width, height);
                    ImageGridLayout layout = ImageGridLayout.of(bounds, 14, 14, titles, TITLE_FONT);
                    for (int i = 0; i < layout.cellCount(); i++) {
                        Rectangle2D cell = layout.cell(i);
                        double top = cell.getY() - layout.titleHeight();
                        if (cell.getMaxY() > bounds.getMaxY() || cell.getMaxX() > bounds.getMaxX()
                                || top < bounds.getY() || cell.getX() < bounds.getX()) {
                            failures.add(count + " images in " + width + " x " + height + ": cell " + i + " at " + cell);
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void cellAtFindsImageAndTitle() {
        Rectangle2D bounds = new Rectangle2D.Double(0, 0, 400, 300);
        ImageGridLayout layout = ImageGridLayout.of(bounds, 14, 14, Collections.nCopies(6, "3"), TITLE_FONT);
        assertThat(layout.titlesShown()).isTrue();
        Rectangle2D cell = layout.cell(4);
        assertThat(layout.cellAt(cell.getCenterX(), cell.getCenterY())).isEqualTo(4);
        assertThat(layout.cellAt(cell.getCenterX(), cell.getY() - layout.titleHeight() / 2)).isEqualTo(4);
        assertThat(layout.cellAt(-5, -5)).isEqualTo(-1);
    }
}
