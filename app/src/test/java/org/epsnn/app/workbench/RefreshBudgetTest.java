package org.epsnn.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefreshBudgetTest {

    private static final long WINDOW = RefreshBudget.WINDOW_NANOS;

    private final AtomicLong cpu = new AtomicLong();
    private final RefreshBudget budget = new RefreshBudget(cpu::get, 2);

    /** Spends {@code share} of both cores over one measuring window ending at {@code end}. */
    private int windowAt(long end, double share) {
        cpu.addAndGet((long) (share * 2 * WINDOW));
        return budget.stretch(end);
    }

    @Test
    void busyWindowDoublesUpToMaximum() {
        budget.start(0);

        assertThat(budget.stretch(WINDOW / 2)).as("within the first window").isEqualTo(1);
        assertThat(windowAt(WINDOW, 0.10)).isEqualTo(2);
        assertThat(windowAt(2 * WINDOW, 0.10)).isEqualTo(4);
        assertThat(windowAt(3 * WINDOW, 0.10)).as("capped").isEqualTo(RefreshBudget.MAX_STRETCH);
    }

    @Test
    void quietWindowHalvesDownToOne() {
        budget.start(0);
        windowAt(WINDOW, 0.20);
        windowAt(2 * WINDOW, 0.20);

        assertThat(windowAt(3 * WINDOW, 0.04)).as("between half the target and the target").isEqualTo(4);
        assertThat(windowAt(4 * WINDOW, 0.01)).isEqualTo(2);
        assertThat(windowAt(5 * WINDOW, 0.01)).isEqualTo(1);
        assertThat(windowAt(6 * WINDOW, 0.0)).isEqualTo(1);
    }

    @Test
    void startResetsTheStretch() {
        budget.start(0);
        windowAt(WINDOW, 0.5);

        budget.start(10 * WINDOW);

        assertThat(budget.stretch(10 * WINDOW + 1)).isEqualTo(1);
    }

    @Test
    void countsThisJvmsCompilation() {
        // The JIT has compiled methods of the test run by now, so the total cannot be zero.
        assertThat(RefreshBudget.drawingAndCompilingNanos()).isPositive();
    }
}
