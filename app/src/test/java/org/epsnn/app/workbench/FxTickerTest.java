package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxTickerTest {

    @Start
    void start(Stage stage) {
        // The ticker needs only the FX thread, not a window.
    }

    @Test
    void ticksOnFxThreadUntilStopped() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        AtomicBoolean offFxThread = new AtomicBoolean();
        FxTicker ticker = new FxTicker(() -> {
            ticks.incrementAndGet();
            offFxThread.compareAndSet(false, !Platform.isFxApplicationThread());
        });

        WaitForAsyncUtils.asyncFx(() -> ticker.start(TimeUnit.MILLISECONDS.toNanos(10))).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ticks.get() >= 5);
        WaitForAsyncUtils.asyncFx(ticker::stop).get();
        WaitForAsyncUtils.waitForFxEvents();
        int afterStop = ticks.get();
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(offFxThread).as("a tick ran off the FX thread").isFalse();
        assertThat(ticks.get()).as("ticks after stop").isEqualTo(afterStop);
        assertThat(ticker.isRunning()).as("running after stop").isFalse();
    }

    @Test
    void rejectsNonPositivePeriod() {
        FxTicker ticker = new FxTicker(() -> { });

        assertThatThrownBy(() -> ticker.start(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }
}
