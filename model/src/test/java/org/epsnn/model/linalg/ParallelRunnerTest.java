package org.epsnn.model.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelRunnerTest {

    @Test
    void everyIndexRunsExactlyOnce() {
        try (ParallelRunner runner = new ParallelRunner(2)) {
            for (int count : new int[] {1, 2, 3, 7, 8, 9, 125, 1000}) {
                AtomicIntegerArray visits = new AtomicIntegerArray(count);
                runner.forEachChunk(count, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        visits.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < count; i++) {
                    assertThat(visits.get(i)).as("index %d of %d", i, count).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void pieceBoundariesStayFixed() {
        try (ParallelRunner runner = new ParallelRunner(2)) {
            Set<List<Integer>> first = ConcurrentHashMap.newKeySet();
            runner.forEachPiece(100, 2, 4, (from, to) -> first.add(List.of(from, to)));
            Set<List<Integer>> second = ConcurrentHashMap.newKeySet();
            // A slow first piece lets the other thread take most of the rest this time.
            runner.forEachPiece(100, 2, 4, (from, to) -> {
                if (from == 0) {
                    sleep(50);
                }
                second.add(List.of(from, to));
            });
            assertThat(first).hasSize(8).isEqualTo(second);
        }
    }

    @Test
    void freeThreadTakesTheShareOfABusyOne() throws InterruptedException {
        try (ParallelRunner runner = new ParallelRunner(2)) {
            Set<String> otherThreadNames = ConcurrentHashMap.newKeySet();
            Set<Integer> otherPieces = ConcurrentHashMap.newKeySet();
            CountDownLatch released = new CountDownLatch(1);
            runner.forEachPiece(8, 2, 4, (from, to) -> {
                if (from == 0) {
                    // The first piece blocks its thread until the other thread has done the rest.
                    try {
                        released.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                otherThreadNames.add(Thread.currentThread().getName());
                otherPieces.add(from);
                if (from == 7) {
                    released.countDown();
                }
            });
            assertThat(otherPieces).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
            assertThat(otherThreadNames).hasSize(1);
        }
    }

    @Test
    void failureOfAPieceReachesTheCaller() {
        try (ParallelRunner runner = new ParallelRunner(2)) {
            assertThatThrownBy(() -> runner.forEachChunk(100, (from, to) -> {
                if (from <= 60 && 60 < to) {
                    throw new IllegalStateException("piece with index 60 failed");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("piece with index 60 failed");
        }
    }

    @Test
    void singleThreadRunsOnCaller() {
        try (ParallelRunner runner = new ParallelRunner(1)) {
            Thread caller = Thread.currentThread();
            int[] calls = new int[1];
            runner.forEachChunk(50, (from, to) -> {
                assertThat(Thread.currentThread()).isSameAs(caller);
                assertThat(from).isZero();
                assertThat(to).isEqualTo(50);
                calls[0]++;
            });
            assertThat(calls[0]).isEqualTo(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
