package vn.gov.moit.hotline.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.TestClock;

/**
 * Two instances' leases on one database, driven by hand with the test clock: who leads, and when it changes; and
 * that a leader's wall clock jumping ahead does not make it step down.
 */
@QuarkusTest
class LeaderLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final Duration RENEW = Duration.ofSeconds(5);

    @Inject
    JobLock lock;

    @Inject
    TestClock clock;

    private String name;

    /** The instances' monotonic tickers follow the test clock here, as the database's lease times do. */
    private long ticker() {
        return clock.millis() * 1_000_000L;
    }

    @BeforeEach
    void freshLease() {
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        name = "leader-" + UUID.randomUUID();
    }

    @Test
    void oneOfTwoLeadsAndTheOtherTakesOverOnlyOnceTheSilentLeadersLeaseRanOut() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        LeaderLease first = new LeaderLease(lock, this::ticker, name, "a", LEASE, RENEW, a);
        LeaderLease second = new LeaderLease(lock, this::ticker, name, "b", LEASE, RENEW, b);

        first.renew();
        second.renew();
        assertThat(first.isLeader()).isTrue();
        assertThat(second.isLeader()).isFalse();
        assertThat(a.events).containsExactly("elected");
        assertThat(b.events).containsExactly("standby");
        assertThat(lock.holder(name)).contains("a");

        // The leader renews; the standby keeps standing by and is not told again.
        clock.advance(RENEW);
        first.renew();
        second.renew();
        assertThat(a.events).containsExactly("elected");
        assertThat(b.events).containsExactly("standby");

        // The leader dies (kill -9: no release). Until its lease runs out nobody else leads.
        clock.advance(LEASE.minusSeconds(1));
        second.renew();
        assertThat(second.isLeader()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        second.renew();
        assertThat(second.isLeader()).isTrue();
        assertThat(b.events).containsExactly("standby", "elected");

        // The old leader comes back: it finds the lease taken and stands by.
        first.renew();
        assertThat(first.isLeader()).isFalse();
        assertThat(a.events).containsExactly("elected", "standby");
    }

    @Test
    void aLeaderThatCannotRenewStopsLeadingBeforeItsLeaseCouldRunOut() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        FailingLock failing = new FailingLock(lock);
        LeaderLease first = new LeaderLease(failing, this::ticker, name, "a", LEASE, RENEW, a);
        LeaderLease second = new LeaderLease(lock, this::ticker, name, "b", LEASE, RENEW, b);
        first.renew();
        second.renew();
        Instant lastRenewed = clock.instant();

        failing.down = true;
        clock.advance(RENEW);
        first.renew();
        first.check();
        assertThat(first.isLeader()).as("one failed renewal: the lease has time left").isTrue();

        clock.advance(RENEW);
        first.renew();
        first.check();
        assertThat(first.isLeader()).as("lease - renew interval without renewal").isFalse();
        assertThat(a.events).containsExactly("elected", "standby");
        Instant steppedDown = clock.instant();

        // The other instance can only take over after that.
        second.renew();
        assertThat(second.isLeader()).isFalse();
        clock.set(lastRenewed.plus(LEASE).plusMillis(1));
        second.renew();
        assertThat(second.isLeader()).isTrue();
        assertThat(steppedDown).isBefore(clock.instant());
    }

    @Test
    void aWallClockStepDoesNotMakeTheLeaderStepDown() {
        Recorder a = new Recorder();
        long[] monotonic = {0};
        LeaderLease first = new LeaderLease(lock, () -> monotonic[0], name, "a", LEASE, RENEW, a);
        first.renew();

        // NTP steps the wall clock five hours ahead while a second of real time passes.
        clock.advance(Duration.ofHours(5));
        monotonic[0] += Duration.ofSeconds(1).toNanos();
        first.check();
        first.renew();
        assertThat(first.isLeader()).isTrue();
        assertThat(a.events).containsExactly("elected");
        assertThat(lock.holder(name)).contains("a");
    }

    @Test
    void aReleasedLeaseIsTakenAtTheNextRenewal() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        LeaderLease first = new LeaderLease(lock, this::ticker, name, "a", LEASE, RENEW, a);
        LeaderLease second = new LeaderLease(lock, this::ticker, name, "b", LEASE, RENEW, b);
        first.renew();
        second.renew();

        first.release();
        second.renew();
        assertThat(second.isLeader()).isTrue();
        assertThat(lock.holder(name)).contains("b");
    }

    @Test
    void aLeaseShorterThanTwoRenewIntervalsIsRefused() {
        assertThatThrownBy(() -> new LeaderLease(lock, this::ticker, name, "a",
                Duration.ofSeconds(10), RENEW, new Recorder())).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class Recorder implements LeaderLease.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void elected() {
            events.add("elected");
        }

        @Override
        public void standingBy() {
            events.add("standby");
        }
    }

    /** The database as one instance sees it: reachable, or not at all. */
    private static final class FailingLock extends JobLock {
        private final JobLock real;
        volatile boolean down;

        FailingLock(JobLock real) {
            this.real = real;
        }

        @Override
        public boolean acquireOrRenew(String name, String holder, Duration lease) {
            if (down) {
                throw new IllegalStateException("connection refused");
            }
            return real.acquireOrRenew(name, holder, lease);
        }

        @Override
        public boolean release(String name, String holder) {
            return real.release(name, holder);
        }
    }
}
