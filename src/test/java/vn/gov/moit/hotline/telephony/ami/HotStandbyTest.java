package vn.gov.moit.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.telephony.ami.RecordingSink.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.telephony.CallEvent;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.AmiServer;
import vn.gov.moit.hotline.telephony.demo.RecordedAmi;

/**
 * A hot standby: connected, it keeps the events without delivering them; made the listener, it delivers what it
 * kept from shortly before the last event the call log heard, then everything live, and tells since when it
 * heard Asterisk without a break.
 */
class HotStandbyTest {

    private AmiServer server;
    private AmiConnector connector;

    @AfterEach
    void close() {
        connector.shutdown();
        server.close();
    }

    @Test
    void aStandbyKeepsTheEventsAndTheListenerItBecomesDeliversThemInOrder() throws Exception {
        server = new AmiServer("hotline", "hotline-secret", Clock.systemUTC());
        int port = server.start(0);
        Sink sink = new Sink();
        connector = new AmiConnector(TestAmiConfig.forPort(port), sink, Clock.systemUTC(), new SimpleMeterRegistry(),
                Optional::empty);
        Instant before = Instant.now();
        connector.startStandby();
        await(Duration.ofSeconds(10), "login", () -> server.loggedInClients() == 1);
        assertThat(connector.state()).isEqualTo(AmiState.STANDBY);

        // A whole call while standing by: nothing is delivered, nothing resynced.
        List<AmiMessage> call = RecordedAmi.read("answered.ami").stream().filter(m -> m.eventName() != null).toList();
        server.publishAll(call);
        Thread.sleep(500);
        assertThat(sink.events).isEmpty();
        assertThat(sink.heardSince).isEmpty();

        // Elected: the kept events come first, in Asterisk's order, then the resync.
        connector.activate();
        await(Duration.ofSeconds(5), "takeover", () -> connector.state() == AmiState.CONNECTED
                && !sink.heardSince.isEmpty());
        await(Duration.ofSeconds(5), "the kept events", () -> sink.all(CallEvent.AgentCompleted.class).size() == 1);
        assertThat(sink.events.peek()).isInstanceOf(CallEvent.ChannelEntered.class);
        assertThat(sink.byCall()).containsOnlyKeys("1795333853.0");
        // It heard Asterisk from its own login on, before the last event heard (the watermark): no gap.
        assertThat(sink.heardSince.peek()).isBetween(before, Instant.now());
        int delivered = sink.events.size();

        // Live now; and back to standing by when another instance is elected.
        server.publishAll(RecordedAmi.read("abandoned.ami").stream().filter(m -> m.eventName() != null).toList());
        await(Duration.ofSeconds(5), "live events", () -> sink.all(CallEvent.QueueAbandoned.class).size() == 1);
        connector.deactivate();
        assertThat(connector.state()).isEqualTo(AmiState.STANDBY);
        int afterLive = sink.events.size();
        assertThat(afterLive).isGreaterThan(delivered);
        server.publishAll(call);
        Thread.sleep(300);
        assertThat(sink.events).hasSize(afterLive);
        assertThat(server.loggedInClients()).as("the connection stays").isEqualTo(1);
    }

    /** The call log of this test: records, and says the last event heard was just now. */
    private static final class Sink extends RecordingSink {
        final ConcurrentLinkedQueue<Instant> heardSince = new ConcurrentLinkedQueue<>();

        @Override
        public void resynced(Set<String> activeLinkedids, Instant at, Instant since) {
            heardSince.add(since);
        }

        @Override
        public Optional<Instant> heardUntil() {
            // The recorded call's own timestamps are from its recording, long before: apply everything kept.
            return Optional.of(Instant.EPOCH);
        }
    }
}
