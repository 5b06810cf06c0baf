package vn.gov.moit.hotline.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A busy desk list's total is counted once a second; a small one every time. */
class DeskListTotalsTest {

    private final AtomicLong nanos = new AtomicLong(5_000);
    private final DeskListTotals totals = new DeskListTotals(Duration.ofSeconds(1), nanos::get);
    private final AtomicInteger counts = new AtomicInteger();
    private final Map<String, Object> triagedEcommerce = Map.of("status", TicketStatus.TRIAGED, "field", "ECOMMERCE");

    private long count(long total) {
        counts.incrementAndGet();
        return total;
    }

    @Test
    void aLargeTotalIsReusedUntilItIsASecondOld() {
        assertThat(totals.total(triagedEcommerce, () -> count(8_500))).isEqualTo(8_500);
        nanos.addAndGet(999_000_000L);
        assertThat(totals.total(triagedEcommerce, () -> count(8_501))).isEqualTo(8_500);
        assertThat(counts).hasValue(1);

        nanos.addAndGet(1_000_000L);
        assertThat(totals.total(triagedEcommerce, () -> count(8_502))).isEqualTo(8_502);
        assertThat(counts).hasValue(2);
    }

    @Test
    void whileOneRequestCountsAgainTheOthersKeepTheLastTotal() {
        totals.total(triagedEcommerce, () -> count(8_500));
        nanos.addAndGet(2_000_000_000L);

        long recounted = totals.total(triagedEcommerce, () -> {
            // Another request for the same list while this one counts.
            assertThat(totals.total(triagedEcommerce, () -> count(-1))).isEqualTo(8_500);
            return count(8_600);
        });

        assertThat(recounted).isEqualTo(8_600);
        assertThat(counts).hasValue(2);
        assertThat(totals.total(triagedEcommerce, () -> count(-1))).isEqualTo(8_600);
    }

    @Test
    void requestsArrivingDuringTheFirstCountWaitForIt() throws Exception {
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Long> firstRequest = threads.submit(() -> totals.total(triagedEcommerce, () -> {
                counting.countDown();
                await(release);
                return count(8_500);
            }));
            counting.await(10, TimeUnit.SECONDS);
            Future<Long> secondRequest = threads.submit(() -> totals.total(triagedEcommerce, () -> count(-1)));
            Thread.sleep(100);
            assertThat(secondRequest).isNotDone();

            release.countDown();
            assertThat(firstRequest.get(10, TimeUnit.SECONDS)).isEqualTo(8_500);
            assertThat(secondRequest.get(10, TimeUnit.SECONDS)).isEqualTo(8_500);
            assertThat(counts).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachListHasItsOwnTotal() {
        totals.total(triagedEcommerce, () -> count(8_500));

        assertThat(totals.total(Map.of("status", TicketStatus.TRIAGED), () -> count(120_000))).isEqualTo(120_000);
        assertThat(totals.total(Map.of("status", TicketStatus.TRIAGED, "field", "ENERGY"), () -> count(7_000)))
                .isEqualTo(7_000);
    }

    @Test
    void aSmallTotalIsAlwaysCounted() {
        assertThat(totals.total(triagedEcommerce, () -> count(999))).isEqualTo(999);
        assertThat(totals.total(triagedEcommerce, () -> count(1_000))).isEqualTo(1_000);
        assertThat(totals.total(triagedEcommerce, () -> count(1_001))).isEqualTo(1_000);
        nanos.addAndGet(2_000_000_000L);
        assertThat(totals.total(triagedEcommerce, () -> count(3))).isEqualTo(3);
        assertThat(totals.total(triagedEcommerce, () -> count(4))).isEqualTo(4);
        assertThat(counts).hasValue(4);
    }

    @Test
    void aTimeToLiveOfZeroCountsEveryTime() {
        DeskListTotals always = new DeskListTotals(Duration.ZERO, nanos::get);

        always.total(triagedEcommerce, () -> count(8_500));
        assertThat(always.total(triagedEcommerce, () -> count(8_501))).isEqualTo(8_501);
    }
}
