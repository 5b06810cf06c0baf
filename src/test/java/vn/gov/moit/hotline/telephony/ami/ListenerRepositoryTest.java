package vn.gov.moit.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.TestClock;

/**
 * What a listener shutting down reads about the other instances: the standbys that reported lately, connected ones
 * first; not itself, not a listener, not one silent for longer than the freshness asked, not one that left.
 */
@QuarkusTest
class ListenerRepositoryTest {

    private static final Duration FRESH = Duration.ofSeconds(15);

    @Inject
    ListenerRepository roster;

    @Inject
    TestClock clock;

    private String me;

    @BeforeEach
    void at() {
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        me = "me-" + UUID.randomUUID();
    }

    @Test
    void theFreshStandbysConnectedFirstAndNeverTheListenerItself() {
        String starting = "starting-" + UUID.randomUUID();
        String ready = "ready-" + UUID.randomUUID();
        String gone = "gone-" + UUID.randomUUID();
        roster.report(gone, false, true);
        clock.advance(FRESH.plusSeconds(1));
        roster.report(me, true, true);
        roster.report(starting, false, false);
        assertThat(roster.standbys(me, FRESH)).filteredOn(s -> s.instance().startsWith("starting-") || s.instance()
                .startsWith("ready-") || s.instance().startsWith("gone-"))
                .containsExactly(new ListenerRepository.Standby(starting, false));

        roster.report(ready, false, true);
        assertThat(roster.standbys(me, FRESH)).filteredOn(s -> s.instance().equals(ready) || s.instance().equals(starting))
                .containsExactly(new ListenerRepository.Standby(ready, true), new ListenerRepository.Standby(starting, false));
        // Seen from a standby, the listener is not a standby to hand over to.
        assertThat(roster.standbys(ready, FRESH)).extracting(ListenerRepository.Standby::instance).doesNotContain(me, ready);

        roster.remove(ready);
        // Reported again as the listener (it was elected): no longer a standby.
        roster.report(starting, true, true);
        assertThat(roster.standbys(me, FRESH)).extracting(ListenerRepository.Standby::instance)
                .doesNotContain(ready, starting, gone);
    }
}
