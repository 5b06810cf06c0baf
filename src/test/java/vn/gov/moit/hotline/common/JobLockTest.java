package vn.gov.moit.hotline.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.TestClock;

@QuarkusTest
class JobLockTest {

    @Inject
    JobLock lock;

    @Inject
    TestClock clock;

    private String name;

    @BeforeEach
    void freshLockName() {
        clock.set(Instant.parse("2025-06-01T00:00:00Z"));
        name = "test-" + UUID.randomUUID();
    }

    @Test
    void aHeldLockRefusesASecondRunAndIsFreeAgainAfterwards() {
        AtomicInteger inner = new AtomicInteger();
        boolean ran = lock.tryRun(name, Duration.ofMinutes(5), () -> {
            assertThat(lock.tryRun(name, Duration.ofMinutes(5), inner::incrementAndGet)).isFalse();
        });
        assertThat(ran).isTrue();
        assertThat(inner).hasValue(0);
        assertThat(lock.tryRun(name, Duration.ofMinutes(5), inner::incrementAndGet)).isTrue();
        assertThat(inner).hasValue(1);
    }

    @Test
    void aLeaseThatRanOutCanBeTakenOver() {
        AtomicInteger taken = new AtomicInteger();
        lock.tryRun(name, Duration.ofMinutes(5), () -> {
            clock.advance(Duration.ofMinutes(5).plusSeconds(1));
            assertThat(lock.tryRun(name, Duration.ofMinutes(5), taken::incrementAndGet)).isTrue();
        });
        assertThat(taken).hasValue(1);
    }

    @Test
    void theLockIsReleasedWhenTheWorkFails() {
        try {
            lock.tryRun(name, Duration.ofMinutes(5), () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the work's own failure reaches the caller
        }
        assertThat(lock.tryRun(name, Duration.ofMinutes(5), () -> { })).isTrue();
    }

    @Test
    void ofManyThreadsStartingTogetherOnlyOneRuns() throws Exception {
        int threads = 4;
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] futures = new Future<?>[threads];
            for (int i = 0; i < threads; i++) {
                futures[i] = pool.submit(() -> {
                    start.await();
                    return lock.tryRun(name, Duration.ofMinutes(5), () -> {
                        runs.incrementAndGet();
                        try {
                            // Hold the lock until every thread has tried.
                            holding.await(2, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                });
            }
            start.countDown();
            Thread.sleep(500);
            holding.countDown();
            for (Future<?> f : futures) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs).hasValue(1);
    }
}
