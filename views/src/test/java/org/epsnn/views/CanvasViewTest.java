package org.epsnn.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.awt.Graphics2D;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epsnn.views.export.CsvWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CanvasViewTest {

    /** A view that counts its paints on screen. */
    private static final class CountingView extends CanvasView {
        final AtomicInteger paints = new AtomicInteger();

        CountingView() {
            super(new ChartTheme());
        }

        void change() {
            requestRepaint();
        }

        @Override
        protected void paint(Graphics2D g, double width, double height) {
            paints.incrementAndGet();
        }

        @Override
        protected void writeCsv(CsvWriter csv) {
        }
    }

    private CountingView view;
    private StackPane holder;

    @Start
    void start(Stage stage) {
        view = new CountingView();
        holder = new StackPane(view);
        stage.setScene(new Scene(new StackPane(holder), 400, 300));
        stage.show();
    }

    @Test
    void hiddenViewPaintsOnlyWhenShownAgain() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        int paintsBefore = view.paints.get();

        onFx(() -> {
            holder.setVisible(false);
            view.change();
            view.change();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.paints.get()).as("paints while hidden").isEqualTo(paintsBefore);

        onFx(() -> {
            holder.setVisible(true);
            view.repaintIfPending();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.paints.get()).as("paints after showing again").isEqualTo(paintsBefore + 1);

        onFx(view::repaintIfPending);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.paints.get()).as("paints with nothing pending").isEqualTo(paintsBefore + 1);
    }

    @Test
    void viewHiddenWhileQueuedPaintsWhenShown() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        int paintsBefore = view.paints.get();

        // Queued while on show, hidden before the queue reaches it (as when a tab is selected in between).
        onFx(() -> {
            view.change();
            holder.setVisible(false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.paints.get()).as("paints while hidden").isEqualTo(paintsBefore);

        // Shown again without a call to repaintIfPending: the next layout pass must find it.
        onFx(() -> holder.setVisible(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.paints.get()).as("paints after showing again").isEqualTo(paintsBefore + 1);
    }
}
