package org.epsnn.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epsnn.views.testing.FxTesting.onFx;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.epsnn.views.export.CsvWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Views that hand a picture to the painting thread: where they paint, what shows, and failures. */
@ExtendWith(ApplicationExtension.class)
class BackgroundPaintTest {

    /** A view that fills itself with its colour, painted in the background; a paint may be held or made to fail. */
    private static final class SolidView extends CanvasView {
        final List<String> paintThreads = new CopyOnWriteArrayList<>();
        final AtomicInteger paints = new AtomicInteger();
        final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
        final AtomicReference<CountDownLatch> entered = new AtomicReference<>();
        private Color color = Color.RED;
        private boolean failing;

        SolidView() {
            super(new ChartTheme());
        }

        void setColor(Color newColor, boolean fail) {
            color = newColor;
            failing = fail;
            requestRepaint();
        }

        @Override
        protected void paint(Graphics2D g, double width, double height) {
            picture().paint(g, width, height);
        }

        @Override
        protected Picture picture() {
            Color fill = color;
            boolean fail = failing;
            return (g, width, height) -> {
                paintThreads.add(Thread.currentThread().getName());
                paints.incrementAndGet();
                CountDownLatch wait = gate.getAndSet(null);
                if (wait != null) {
                    entered.get().countDown();
                    try {
                        wait.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (fail) {
                    throw new IllegalStateException("This picture fails on purpose");
                }
                g.setColor(fill);
                g.fill(new Rectangle2D.Double(0, 0, width, height));
            };
        }

        @Override
        protected void writeCsv(CsvWriter csv) {
        }
    }

    private SolidView view;

    @Start
    void start(Stage stage) {
        view = new SolidView();
        stage.setScene(new Scene(new StackPane(view), 200, 150));
        stage.show();
    }

    @Test
    void picturePaintsOffFxThread() throws Exception {
        waitUntilPainted();
        assertThat(view.paintThreads).isNotEmpty().allMatch("view-painter"::equals);
        assertThat(centrePixel()).isEqualTo(Color.RED.getRGB());

        onFx(() -> view.setColor(Color.BLUE, false));
        waitUntilPainted();
        assertThat(centrePixel()).isEqualTo(Color.BLUE.getRGB());
    }

    @Test
    void changesDuringPaintShowLatest() throws Exception {
        waitUntilPainted();
        CountDownLatch gate = new CountDownLatch(1);
        view.entered.set(new CountDownLatch(1));
        view.gate.set(gate);
        onFx(() -> view.setColor(Color.GREEN, false));
        assertThat(view.entered.get().await(10, TimeUnit.SECONDS)).as("the held paint started").isTrue();
        int paintsBefore = view.paints.get();

        // While the green picture is held on the painting thread, two more changes arrive.
        onFx(() -> {
            assertThat(view.isPaintInFlight()).isTrue();
            view.setColor(Color.YELLOW, false);
            view.setColor(Color.MAGENTA, false);
        });
        assertThat(view.paints.get()).as("no second paint while one is in flight").isEqualTo(paintsBefore);
        gate.countDown();
        waitUntilPainted();

        assertThat(view.paints.get()).as("the two changes are painted once").isEqualTo(paintsBefore + 1);
        assertThat(centrePixel()).isEqualTo(Color.MAGENTA.getRGB());
    }

    @Test
    void failedPictureKeepsPrevious() throws Exception {
        waitUntilPainted();
        onFx(() -> view.setColor(Color.ORANGE, true));
        waitUntilPainted();
        assertThat(centrePixel()).as("the red picture stays after a failure").isEqualTo(Color.RED.getRGB());

        onFx(() -> view.setColor(Color.CYAN, false));
        waitUntilPainted();
        assertThat(centrePixel()).isEqualTo(Color.CYAN.getRGB());
    }

    private void waitUntilPainted() throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> view.shownImage() != null
                && !view.isPaintInFlight() && !view.isRepaintPending()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int centrePixel() throws Exception {
        return onFx(() -> {
            Image image = view.shownImage();
            return image.getPixelReader().getArgb((int) image.getWidth() / 2, (int) image.getHeight() / 2);
        });
    }
}
