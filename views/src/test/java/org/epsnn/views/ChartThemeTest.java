package org.epsnn.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartThemeTest {

    @Test
    void viewsListeningForChangesReadNewScale() {
        ChartTheme theme = new ChartTheme();
        List<Double> seen = new ArrayList<>();
        // Views restyle from an invalidation listener, which JavaFX calls before change listeners.
        theme.presentationScaleProperty().addListener(observable -> seen.add(theme.effectiveScale()));

        theme.setPresentationScale(1.6);
        theme.setPresentationScale(1.0);

        assertThat(seen).as("scale read by the listener after each change").containsExactly(1.6, 1.0);
    }
}
