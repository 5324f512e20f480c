package org.epsnn.app.workbench;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.epsnn.views.ChartTheme;
import org.epsnn.views.chart.MetricChart;

/**
 * The "EP vs gradient" tab: test accuracy of EP and of the surrogate-gradient baseline after
 * each pass, against passes or cumulative training seconds, with the baseline's progress and a
 * button that stops it. It draws the curves of {@link GradientComparison} and changes nothing but
 * its own axis choice.
 */
final class ComparisonPane {

    static final String EP_SERIES = "EP, Bayesian prediction";
    static final String BASELINE_SERIES = "surrogate gradient, Adam";
    static final String PASSES_LABEL = "passes";
    static final String SECONDS_LABEL = "training seconds (evaluation excluded)";

    private final GradientComparison comparison;
    private final MetricChart chart;
    private final RadioButton passes = new RadioButton("Passes");
    private final RadioButton seconds = new RadioButton("Seconds");
    private final BorderPane pane = new BorderPane();

    ComparisonPane(ChartTheme theme, GradientComparison comparison, Runnable onCancel) {
        this.comparison = comparison;
        chart = new MetricChart(theme, PASSES_LABEL, "test accuracy");
        chart.addSeries(EP_SERIES);
        chart.addSeries(BASELINE_SERIES);
        chart.setPointsVisible(true);
        chart.setWholeNumberXTicks(true);

        ToggleGroup axis = new ToggleGroup();
        passes.setToggleGroup(axis);
        seconds.setToggleGroup(axis);
        passes.setSelected(true);
        passes.setId("comparePassesAxis");
        seconds.setId("compareSecondsAxis");
        axis.selectedToggleProperty().addListener((observable, before, after) -> redraw());

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(160);
        progress.progressProperty().bind(comparison.progressProperty());
        progress.visibleProperty().bind(comparison.runningProperty());
        Button cancel = new Button("Stop baseline");
        cancel.setId("stopBaselineButton");
        cancel.setOnAction(event -> onCancel.run());
        cancel.disableProperty().bind(comparison.runningProperty().not());
        Label status = new Label();
        status.setId("compareStatus");
        status.textProperty().bind(comparison.statusProperty());
        // The status takes the width the controls leave, and a second line when it needs one.
        // Hovering shows all of it, should it still not fit.
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(comparison.statusProperty());
        status.setTooltip(whole);

        HBox controls = new HBox(8, new Label("x axis:"), passes, seconds, progress, cancel, status);
        // Only the status line gives way when the pane is narrow; the controls keep their full text.
        for (Node child : controls.getChildren()) {
            if (child != status) {
                ((Region) child).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4));
        pane.setTop(controls);
        pane.setCenter(chart);

        // The pane lives as long as the window, so these listeners are never removed.
        InvalidationListener redraw = observable -> redraw();
        comparison.epCurve().addListener(redraw);
        comparison.baselineCurveProperty().addListener(redraw);
    }

    Node node() {
        return pane;
    }

    MetricChart chart() {
        return chart;
    }

    private void redraw() {
        boolean byPasses = !seconds.isSelected();
        chart.setXLabel(byPasses ? PASSES_LABEL : SECONDS_LABEL);
        chart.setWholeNumberXTicks(byPasses);
        chart.clear();
        plot(EP_SERIES, comparison.epCurve(), byPasses);
        plot(BASELINE_SERIES, comparison.baselineCurveProperty().get(), byPasses);
    }

    private void plot(String series, List<CurvePoint> points, boolean byPasses) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            CurvePoint point = points.get(i);
            x[i] = byPasses ? point.pass() : point.seconds();
            y[i] = point.accuracy();
        }
        chart.appendAll(series, x, y);
    }
}
