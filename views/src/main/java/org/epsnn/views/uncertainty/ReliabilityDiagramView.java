package org.epsnn.views.uncertainty;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.Locale;
import org.epsnn.model.training.ReliabilityDiagram;
import org.epsnn.views.CanvasView;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.draw.Draw;
import org.epsnn.views.draw.PlotFrame;
import org.epsnn.views.draw.TextMeasure;
import org.epsnn.views.draw.ValueRange;
import org.epsnn.views.export.CsvWriter;

/**
 * A reliability diagram: one bar per confidence bin at the bin's accuracy, the gap to the bin's
 * mean confidence shaded, the diagonal of perfect calibration, and the expected calibration error
 * in the caption. A bar's shade deepens with the share of samples in its bin.
 */
public class ReliabilityDiagramView extends CanvasView {

    private static final Color GAP_COLOR = ChartTheme.translucent(ChartTheme.ACCENT, 90);

    private ReliabilityDiagram diagram;
    private String caption = "";

    public ReliabilityDiagramView() {
        this(new ChartTheme());
    }

    public ReliabilityDiagramView(ChartTheme theme) {
        super(theme);
        setPrefSize(420, 360);
    }

    /** Shows a diagram; {@code source} names the data it was computed on, for the caption. */
    public void setDiagram(ReliabilityDiagram diagram, String source) {
        this.diagram = diagram;
        this.caption = source;
        requestRepaint();
    }

    /** Returns the diagram shown, or null. */
    public ReliabilityDiagram diagram() {
        return diagram;
    }

    @Override
    protected void paint(Graphics2D g, double width, double height) {
        if (diagram == null) {
            Draw.text(g, "no predictions yet", theme().axisLabelFont(), ChartTheme.MUTED_TEXT, width / 2, height / 2 - 8,
                    Draw.Align.CENTER);
            return;
        }
        String title = String.format(Locale.ROOT, "ECE %.3f %s", diagram.calibrationError(), caption);
        Draw.text(g, TextMeasure.fit(theme().titleFont(), title, width - 8), theme().titleFont(), ChartTheme.TEXT, width / 2, 4,
                Draw.Align.CENTER);
        double titleHeight = TextMeasure.lineHeight(theme().titleFont()) + 8;
        PlotFrame frame = PlotFrame.layout(new Rectangle2D.Double(4, titleHeight, width - 12, height - titleHeight - 4),
                ValueRange.UNIT, ValueRange.UNIT, "confidence", "accuracy", theme());

        int bins = diagram.bins();
        int total = 0;
        for (int count : diagram.counts()) {
            total += count;
        }
        for (int bin = 0; bin < bins; bin++) {
            if (diagram.counts()[bin] == 0) {
                continue;
            }
            double left = frame.pixelX((double) bin / bins);
            double right = frame.pixelX((bin + 1.0) / bins);
            double accuracyY = frame.pixelY(diagram.accuracy()[bin]);
            double share = (double) diagram.counts()[bin] / total;
            int alpha = (int) Math.round(110 + 145 * Math.sqrt(share));
            Draw.fill(g, new Rectangle2D.Double(left + 1, accuracyY, right - left - 2, frame.area().getMaxY() - accuracyY),
                    ChartTheme.translucent(theme().seriesColor(0), alpha));
            double confidenceY = frame.pixelY(diagram.meanConfidence()[bin]);
            Draw.fill(g, new Rectangle2D.Double(left + 1, Math.min(accuracyY, confidenceY), right - left - 2,
                    Math.abs(confidenceY - accuracyY)), GAP_COLOR);
        }
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.setColor(ChartTheme.MUTED_TEXT);
        g.draw(new Line2D.Double(frame.pixelX(0), frame.pixelY(0), frame.pixelX(1), frame.pixelY(1)));
        frame.drawAxes(g);
    }

    @Override
    protected void writeCsv(CsvWriter csv) throws IOException {
        csv.header("bin_low", "bin_high", "samples", "mean_confidence", "accuracy");
        if (diagram == null) {
            return;
        }
        int bins = diagram.bins();
        for (int bin = 0; bin < bins; bin++) {
            csv.cell((double) bin / bins).cell((bin + 1.0) / bins).cell(diagram.counts()[bin])
                    .cell(diagram.meanConfidence()[bin]).cell(diagram.accuracy()[bin]).endRow();
        }
    }
}
