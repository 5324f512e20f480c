package org.epsnn.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RunControlTest {

    @Test
    void pausedLoopRunsTaskAndKeepsWaiting() throws Exception {
        RunControl control = new RunControl();
        control.pause();
        AtomicReference<Boolean> turn = new AtomicReference<>();
        Thread loop = new Thread(() -> {
            try {
                turn.set(control.awaitTurn());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        loop.start();

        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        control.runBetweenBatches(() -> {
            ranOn.set(Thread.currentThread());
            ran.countDown();
        });

        assertThat(ran.await(10, TimeUnit.SECONDS)).as("task ran while paused").isTrue();
        assertThat(ranOn.get()).as("thread of the task").isSameAs(loop);
        loop.join(200);
        assertThat(loop.isAlive()).as("loop still held after the task").isTrue();

        control.resume();
        loop.join(10_000);
        assertThat(turn.get()).as("turn after resume").isTrue();
    }

    @Test
    void runningLoopRunsTaskBeforeNextBatch() throws Exception {
        RunControl control = new RunControl();
        int[] runs = {0};
        control.runBetweenBatches(() -> runs[0]++);

        assertThat(control.awaitTurn()).as("turn").isTrue();
        assertThat(runs[0]).as("task runs").isEqualTo(1);
        assertThat(control.awaitTurn()).as("second turn").isTrue();
        assertThat(runs[0]).as("task runs once").isEqualTo(1);
    }

    @Test
    void cancelledLoopStillRunsPendingTask() throws Exception {
        RunControl control = new RunControl();
        int[] runs = {0};
        control.cancel();
        control.runBetweenBatches(() -> runs[0]++);

        assertThat(control.awaitTurn()).as("turn after cancel").isFalse();
        assertThat(runs[0]).as("task runs").isEqualTo(1);
    }

    @Test
    void stepAllowsOneBatchThenHolds() throws Exception {
        RunControl control = new RunControl();
        control.pause();
        control.step();

        assertThat(control.awaitTurn()).as("stepped turn").isTrue();
        Thread loop = new Thread(() -> {
            try {
                control.awaitTurn();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        loop.start();
        loop.join(200);
        assertThat(loop.isAlive()).as("held after the step").isTrue();
        control.cancel();
        loop.join(10_000);
    }
}
