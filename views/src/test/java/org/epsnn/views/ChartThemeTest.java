package org.epsnn.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ChartThemeTest {

    @Test
    void presentationScaleGrowsFonts() {
        ChartTheme theme = new ChartTheme();
        float normal = theme.axisLabelFont().getSize2D();

        theme.setPresentationScale(2);

        assertThat(theme.axisLabelFont().getSize2D()).isEqualTo(2 * normal);
    }

    @Test
    void presentationScaleIsClamped() {
        ChartTheme theme = new ChartTheme();

        theme.setPresentationScale(100);
        assertThat(theme.effectiveScale()).isEqualTo(ChartTheme.MAX_PRESENTATION_SCALE);
        theme.setPresentationScale(Double.NaN);
        assertThat(theme.effectiveScale()).isEqualTo(1.0);
    }

    @Test
    void applyRestylesAxisFonts() {
        ChartTheme theme = new ChartTheme();
        JFreeChart chart = theme.createLineChart(new XYSeriesCollection(), "samples seen", "accuracy");

        theme.setPresentationScale(1.5);
        theme.apply(chart);

        assertThat(chart.getXYPlot().getDomainAxis().getLabelFont()).isEqualTo(theme.axisLabelFont());
    }

    @Test
    void rejectsBlankAxisLabel() {
        ChartTheme theme = new ChartTheme();

        assertThatThrownBy(() -> theme.createLineChart(new XYSeriesCollection(), " ", "accuracy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a label");
    }
}
