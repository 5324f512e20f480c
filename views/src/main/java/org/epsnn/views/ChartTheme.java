package org.epsnn.views;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Collection;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * The look shared by every view: a light theme, one font family at a few sizes, one series
 * palette, and factory methods that build each kind of chart with labelled axes.
 *
 * <p>Font sizes scale with {@link #presentationScaleProperty()}, which an application can bind for
 * a presentation mode; views that were built with this theme restyle themselves when it changes.
 * Share one instance between all views of a window.
 */
public final class ChartTheme {

    /** Smallest and largest effective presentation scale; values outside are clamped. */
    public static final double MIN_PRESENTATION_SCALE = 0.5;
    public static final double MAX_PRESENTATION_SCALE = 4.0;

    /** Logical AWT font family; Java maps it to the platform's sans-serif face (DejaVu Sans on Debian). */
    public static final String FONT_FAMILY = Font.SANS_SERIF;

    public static final Color BACKGROUND = Color.WHITE;
    public static final Color TEXT = new Color(0x21, 0x21, 0x21);
    public static final Color MUTED_TEXT = new Color(0x5f, 0x63, 0x68);
    public static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    public static final Color AXIS_LINE = new Color(0x8a, 0x8a, 0x8a);
    /** Highlight of a selection or of the most probable class. */
    public static final Color ACCENT = new Color(0xd6, 0x27, 0x28);
    /** Fill of a neutral bar or node. */
    public static final Color NEUTRAL = new Color(0x9e, 0xae, 0xc2);
    /** Marks a missing or non-finite value in heatmaps. */
    public static final Color MISSING = new Color(0xc8, 0xc8, 0xc8);

    /** The Tableau 10 palette: ten distinct colours of medium saturation that read well on white. */
    private static final Color[] PALETTE = {
        new Color(0x4e, 0x79, 0xa7), new Color(0xf2, 0x8e, 0x2b), new Color(0xe1, 0x57, 0x59),
        new Color(0x76, 0xb7, 0xb2), new Color(0x59, 0xa1, 0x4f), new Color(0xed, 0xc9, 0x48),
        new Color(0xb0, 0x7a, 0xa1), new Color(0xff, 0x9d, 0xa7), new Color(0x9c, 0x75, 0x5f),
        new Color(0xba, 0xb0, 0xac),
    };

    private static final float TITLE_SIZE = 14f;
    private static final float AXIS_LABEL_SIZE = 12f;
    private static final float TICK_LABEL_SIZE = 11f;
    private static final float LEGEND_SIZE = 11f;
    private static final float NOTE_SIZE = 10.5f;

    private final DoubleProperty presentationScale = new SimpleDoubleProperty(this, "presentationScale", 1.0);
    /** The property's value, for pictures painted on the background thread, which must not read the property. */
    private volatile double scale = 1.0;

    public ChartTheme() {
        // An invalidation listener, registered first: JavaFX calls every invalidation listener
        // before any change listener, so views that restyle on invalidation would otherwise read
        // the previous scale and lag one change behind.
        presentationScale.addListener(observable -> scale = presentationScale.get());
    }

    /**
     * Factor applied to every font size: 1 for normal use, larger for presentation mode. Effective
     * values are clamped to [{@value #MIN_PRESENTATION_SCALE}, {@value #MAX_PRESENTATION_SCALE}]
     * and NaN counts as 1, so a binding can never make text vanish.
     */
    public DoubleProperty presentationScaleProperty() {
        return presentationScale;
    }

    public double getPresentationScale() {
        return presentationScale.get();
    }

    public void setPresentationScale(double scale) {
        presentationScale.set(scale);
    }

    /** The presentation scale after clamping. Safe to call on any thread. */
    public double effectiveScale() {
        double scale = this.scale;
        if (Double.isNaN(scale)) {
            return 1.0;
        }
        return Math.max(MIN_PRESENTATION_SCALE, Math.min(MAX_PRESENTATION_SCALE, scale));
    }

    public Font titleFont() {
        return font(Font.BOLD, TITLE_SIZE);
    }

    public Font axisLabelFont() {
        return font(Font.PLAIN, AXIS_LABEL_SIZE);
    }

    public Font tickLabelFont() {
        return font(Font.PLAIN, TICK_LABEL_SIZE);
    }

    public Font legendFont() {
        return font(Font.PLAIN, LEGEND_SIZE);
    }

    /** Font of small notes such as "decimated: showing 2000 of 9000 points". */
    public Font noteFont() {
        return font(Font.ITALIC, NOTE_SIZE);
    }

    /** Font of captions drawn on canvases, such as a layer's name. */
    public Font captionFont() {
        return font(Font.PLAIN, AXIS_LABEL_SIZE);
    }

    public Font boldCaptionFont() {
        return font(Font.BOLD, AXIS_LABEL_SIZE);
    }

    private Font font(int style, float size) {
        return new Font(FONT_FAMILY, style, 1).deriveFont(style, (float) (size * effectiveScale()));
    }

    /** Colour of series {@code index}; the palette repeats after ten series. */
    public Color seriesColor(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** Colour of class {@code index}; the same palette as the series. */
    public Color classColor(int index) {
        return seriesColor(index);
    }

    /** Number of distinct palette colours before they repeat. */
    public int paletteSize() {
        return PALETTE.length;
    }

    /** Line width in pixels for data lines, grown with the presentation scale. */
    public float lineWidth() {
        return (float) (1.6 * Math.sqrt(effectiveScale()));
    }

    // ----- chart factories: one per kind of chart, each with labelled axes -----

    /** Creates a line chart of the series in {@code dataset}, lines only, with a legend below. */
    public JFreeChart createLineChart(XYDataset dataset, String xLabel, String yLabel) {
        XYLineAndShapeRenderer renderer = new org.epsnn.views.chart.LonePointRenderer();
        XYPlot plot = new XYPlot(dataset, numberAxis(xLabel), numberAxis(yLabel), renderer);
        return chart(plot);
    }

    /**
     * Creates a histogram of the interval series in {@code dataset}: flat, semi-transparent bars
     * so that two overlaid histograms stay readable.
     */
    public JFreeChart createHistogramChart(IntervalXYDataset dataset, String valueLabel, String countLabel) {
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        XYPlot plot = new XYPlot(dataset, numberAxis(valueLabel), numberAxis(countLabel), renderer);
        return chart(plot);
    }

    /** Creates a chart of probability density curves over {@code valueLabel}. */
    public JFreeChart createDensityChart(XYDataset dataset, String valueLabel) {
        return createLineChart(dataset, valueLabel, "probability density");
    }

    /** Creates a bar chart of categories, grouped or stacked by series. */
    public JFreeChart createBarChart(CategoryDataset dataset, String categoryLabel, String valueLabel, boolean stacked) {
        BarRenderer renderer = stacked ? new StackedBarRenderer() : new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        CategoryAxis categoryAxis = new CategoryAxis(requireLabel(categoryLabel));
        categoryAxis.setCategoryMargin(0.25);
        CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, numberAxis(valueLabel), renderer);
        return chart(plot);
    }

    /**
     * Creates a chart of a mean line with a shaded band (dataset 0, drawn by a {@link DeviationRenderer})
     * and scattered points (dataset 1).
     */
    public JFreeChart createBandChart(IntervalXYDataset band, XYDataset points, String xLabel, String yLabel) {
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setAlpha(0.25f);
        XYPlot plot = new XYPlot(band, numberAxis(xLabel), numberAxis(yLabel), bandRenderer);
        plot.setDataset(1, points);
        plot.setRenderer(1, new XYLineAndShapeRenderer(false, true));
        return chart(plot);
    }

    /** Creates a number axis for a secondary range, styled like the others. */
    public NumberAxis createSecondaryAxis(String label) {
        NumberAxis axis = numberAxis(label);
        styleAxis(axis);
        return axis;
    }

    private static NumberAxis numberAxis(String label) {
        NumberAxis axis = new SpacedNumberAxis(requireLabel(label));
        axis.setAutoRangeIncludesZero(false);
        // Data of a single value (one evaluation so far) gets a range of 0.001 around it rather than
        // JFreeChart's 1e-8, whose ticks read 9.579E-1.
        axis.setAutoRangeMinimumSize(1e-3);
        return axis;
    }

    private static String requireLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("Every chart axis needs a label, got '" + label + "'");
        }
        return label;
    }

    private JFreeChart chart(Plot plot) {
        JFreeChart chart = new JFreeChart(null, titleFont(), plot, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        apply(chart);
        return chart;
    }

    // ----- styling -----

    /**
     * Restyles {@code chart} with this theme's current fonts and colours: backgrounds, axes,
     * legends, text subtitles, markers and renderer palettes. Renderer colours set per series are
     * replaced by the palette in series order.
     */
    public void apply(JFreeChart chart) {
        boolean notify = chart.isNotify();
        chart.setNotify(false);

        chart.setBackgroundPaint(BACKGROUND);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        for (Object subtitle : chart.getSubtitles()) {
            styleTitle((Title) subtitle);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(BACKGROUND);
        plot.setOutlinePaint(AXIS_LINE);
        plot.setNoDataMessageFont(axisLabelFont());
        plot.setNoDataMessagePaint(MUTED_TEXT);
        if (plot instanceof XYPlot xyPlot) {
            styleXYPlot(xyPlot);
        } else if (plot instanceof CategoryPlot categoryPlot) {
            styleCategoryPlot(categoryPlot);
        }

        chart.setNotify(notify);
    }

    private void styleTitle(Title title) {
        if (title instanceof LegendTitle legend) {
            legend.setItemFont(legendFont());
            legend.setItemPaint(TEXT);
            legend.setBackgroundPaint(BACKGROUND);
            legend.setFrame(BlockBorder.NONE);
        } else if (title instanceof TextTitle text) {
            text.setFont(noteFont());
            text.setPaint(MUTED_TEXT);
        }
    }

    private void styleXYPlot(XYPlot plot) {
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            styleAxis(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            styleAxis(plot.getRangeAxis(i));
        }
        Collection<?> markers = plot.getDomainMarkers(Layer.FOREGROUND);
        if (markers != null) {
            for (Object marker : markers) {
                styleMarker((Marker) marker);
            }
        }

        // Series colours run on across renderers, so a secondary-axis series never repeats a primary colour.
        int seriesOffset = 0;
        for (int r = 0; r < plot.getRendererCount(); r++) {
            if (plot.getRenderer(r) == null) {
                continue;
            }
            XYDataset dataset = plot.getDataset(r);
            int seriesCount = dataset == null ? 0 : dataset.getSeriesCount();
            for (int s = 0; s < seriesCount; s++) {
                plot.getRenderer(r).setSeriesPaint(s, seriesColor(seriesOffset + s), false);
                plot.getRenderer(r).setSeriesStroke(s, new BasicStroke(lineWidth(),
                        BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND), false);
            }
            if (plot.getRenderer(r) instanceof XYBarRenderer bars) {
                for (int s = 0; s < seriesCount; s++) {
                    bars.setSeriesPaint(s, translucent(seriesColor(seriesOffset + s), 150), false);
                }
            }
            seriesOffset += seriesCount;
        }
    }

    private void styleCategoryPlot(CategoryPlot plot) {
        plot.setRangeGridlinePaint(GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        styleAxis(plot.getDomainAxis());
        styleAxis(plot.getRangeAxis());
        if (plot.getRenderer() != null && plot.getDataset() != null) {
            for (int s = 0; s < plot.getDataset().getRowCount(); s++) {
                plot.getRenderer().setSeriesPaint(s, seriesColor(s), false);
            }
        }
    }

    /** Styles one axis of a chart that this theme did not build, for example a secondary axis. */
    public void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(axisLabelFont());
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(tickLabelFont());
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(AXIS_LINE);
        axis.setTickMarkPaint(AXIS_LINE);
        if (axis instanceof ValueAxis valueAxis) {
            valueAxis.setUpperMargin(0.04);
            valueAxis.setLowerMargin(0.04);
        }
    }

    /** Styles a marker's line and label. */
    public void styleMarker(Marker marker) {
        marker.setLabelFont(noteFont());
        marker.setLabelPaint(MUTED_TEXT);
    }

    /** Returns {@code color} with the given alpha (0 transparent to 255 opaque). */
    public static Color translucent(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }
}
