package vn.gov.moit.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.telephony.ami.RecordingSink.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.telephony.CallEvent.AgentCompleted;
import vn.gov.moit.hotline.telephony.CallEvent.AgentConnected;
import vn.gov.moit.hotline.telephony.CallEvent.ChannelHungUp;
import vn.gov.moit.hotline.telephony.CallEvent.QueueJoined;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.FaultyAmiServer;
import vn.gov.moit.hotline.telephony.demo.RecordedAmi;

/** Failures of Asterisk and of the network, against the real asterisk-java connection over TCP. */
class AmiConnectorResilienceTest {

    private static final String LINKEDID = "1795333853.0";
    private final List<AmiMessage> answered = RecordedAmi.read("answered.ami");
    private final RecordingSink sink = new RecordingSink();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private FaultyAmiServer server;
    private AmiConnector connector;

    @BeforeEach
    void server() throws Exception {
        server = new FaultyAmiServer("hotline", "hotline-secret", Clock.systemUTC());
        server.start(0);
    }

    @AfterEach
    void close() {
        if (connector != null) {
            connector.shutdown();
        }
        server.close();
    }

    @Test
    void retriesTheFirstLoginUntilAsteriskListens() throws Exception {
        server.stopListening();
        connector = connector(TestAmiConfig.forPort(server.port()));
        connector.start();

        Thread.sleep(1500);
        assertThat(connector.state()).isIn(AmiState.DISCONNECTED, AmiState.CONNECTING);
        server.resumeListening();

        await(Duration.ofSeconds(5), "login after Asterisk came up", () -> connector.state() == AmiState.CONNECTED);
        assertThat(server.loginCount()).isEqualTo(1);
        await(Duration.ofSeconds(5), "resync", () -> sink.resyncs.size() == 1);
        assertThat(registry.counter("hotline.ami.reconnects").count()).isZero();
    }

    @Test
    void networkFailureMidCallReconnectsAndResyncsTheCallStillUp() throws Exception {
        connector = connected(TestAmiConfig.forPort(server.port()));
        int connect = indexOf("AgentConnect");
        server.publishAll(answered.subList(0, connect + 1));
        await(Duration.ofSeconds(5), "AgentConnected", () -> !sink.all(AgentConnected.class).isEmpty());

        server.dropConnections();

        await(Duration.ofSeconds(10), "reconnect", () -> server.loginCount() == 2
                && connector.state() == AmiState.CONNECTED);
        await(Duration.ofSeconds(5), "second resync", () -> sink.resyncs.size() == 2);
        assertThat(List.copyOf(sink.resyncs)).containsExactly(Set.of(), Set.of(LINKEDID));
        assertThat(registry.counter("hotline.ami.reconnects").count()).isEqualTo(1);

        server.publishAll(answered.subList(connect + 1, answered.size()));
        await(Duration.ofSeconds(5), "rest of the call", () -> sink.all(ChannelHungUp.class).size() == 4);
        assertThat(sink.all(AgentCompleted.class)).singleElement()
                .satisfies(c -> assertThat(c.talkSeconds()).isEqualTo(8));
        assertThat(server.loggedInClients()).isEqualTo(1);
    }

    @Test
    void asteriskRestartReconnectsWithBackoffAndResyncsNothingUp() throws Exception {
        connector = connected(TestAmiConfig.forPort(server.port()));
        server.publishAll(answered.subList(0, indexOf("AgentConnect") + 1));

        server.refuseConnectionsFor(Duration.ofSeconds(2));
        await(Duration.ofSeconds(2), "drop noticed", () -> connector.state() != AmiState.CONNECTED);

        await(Duration.ofSeconds(10), "reconnect", () -> connector.state() == AmiState.CONNECTED);
        await(Duration.ofSeconds(5), "second resync", () -> sink.resyncs.size() == 2);
        // The restarted Asterisk has no channels: the call in progress ended while nobody listened.
        assertThat(List.copyOf(sink.resyncs).get(1)).isEmpty();
        assertThat(server.loginCount()).isEqualTo(2);
    }

    @Test
    void silentServerIsNoticedWithinTheReadTimeoutAndReconnected() throws Exception {
        TestAmiConfig config = TestAmiConfig.forPort(server.port())
                .withPing(Duration.ofMillis(400), Duration.ofMillis(1000))
                .withLoginTimeout(Duration.ofMillis(800));
        connector = connected(config);

        server.setSilent(true);
        long silentSince = System.nanoTime();
        await(Duration.ofSeconds(3), "half-open connection noticed", () -> connector.state() != AmiState.CONNECTED);
        assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).isLessThan(Duration.ofMillis(2000));

        server.setSilent(false);
        await(Duration.ofSeconds(10), "reconnect", () -> connector.state() == AmiState.CONNECTED);
        assertThat(server.loginCount()).isEqualTo(2);
        await(Duration.ofSeconds(2), "old socket closed", () -> server.loggedInClients() == 1);
        server.publishAll(answered);
        await(Duration.ofSeconds(5), "events after reconnect", () -> sink.all(ChannelHungUp.class).size() == 4);
    }

    @Test
    void aBusyConnectionWhosePingAnswersAreLateIsKeptAndAQuietOneIsNot() throws Exception {
        TestAmiConfig config = TestAmiConfig.forPort(server.port())
                .withPing(Duration.ofMillis(400), Duration.ofMillis(1000))
                .withLoginTimeout(Duration.ofMillis(800));
        connector = connected(config);

        // Pings go unanswered for 3 s (two unanswered pings take 2 s at most) while events keep coming.
        server.setPingsUnanswered(true);
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            server.publishAll(answered.subList(0, 5));
            Thread.sleep(100);
        }
        assertThat(connector.state()).isEqualTo(AmiState.CONNECTED);
        assertThat(server.loginCount()).isEqualTo(1);

        // Without events, the unanswered pings mean a dead connection.
        long quietSince = System.nanoTime();
        await(Duration.ofSeconds(6), "dead connection noticed", () -> server.loginCount() == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - quietSince)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void garbageTruncatedAndUnknownEventsAreCountedAndSkipped() throws Exception {
        connector = connected(TestAmiConfig.forPort(server.port()));

        server.publishRaw(bytes("\u0001\u0002 not an AMI line\r\n\r\n"));
        // A Hangup cut short before its Linkedid.
        server.publishRaw(bytes("Event: Hangup\r\nPrivilege: call,all\r\nChannel: Local/x-00000009;1\r\n"
                + "Uniqueid: 1795333999.9\r\n\r\n"));
        server.publishRaw(bytes("Event: NoSuchEventInAsterisk\r\nLinkedid: 1.1\r\n\r\n"));
        server.publishRaw(bytes("Event: QueueCallerJoin\r\nQueue: hotline\r\nLinkedid: \r\n\r\n"));
        server.publishAll(answered);

        await(Duration.ofSeconds(5), "the good call", () -> sink.all(ChannelHungUp.class).size() == 4);
        assertThat(registry.counter("hotline.ami.events.malformed").count()).isEqualTo(2);
        assertThat(sink.byCall()).containsOnlyKeys(LINKEDID);
        assertThat(sink.all(QueueJoined.class)).singleElement()
                .satisfies(j -> assertThat(j.callerNumber()).isEqualTo("0912345678"));
        assertThat(connector.state()).isEqualTo(AmiState.CONNECTED);
        assertThat(server.loginCount()).isEqualTo(1);
    }

    @Test
    void standbyLogsOffAndStartResumes() throws Exception {
        connector = connected(TestAmiConfig.forPort(server.port()));

        connector.stop();
        assertThat(connector.state()).isEqualTo(AmiState.STANDBY);
        await(Duration.ofSeconds(2), "logged off", () -> server.loggedInClients() == 0);
        server.publishAll(answered);
        Thread.sleep(200);
        assertThat(sink.events).isEmpty();

        connector.start();
        await(Duration.ofSeconds(5), "connected again", () -> connector.state() == AmiState.CONNECTED);
        assertThat(server.loginCount()).isEqualTo(2);
    }

    @Test
    void wrongSecretKeepsRetryingAndStaysDown() throws Exception {
        server.close();
        server = new FaultyAmiServer("hotline", "another-secret", Clock.systemUTC());
        server.start(0);
        connector = connector(TestAmiConfig.forPort(server.port()));
        connector.start();

        Thread.sleep(1500);
        assertThat(connector.state()).isIn(AmiState.DISCONNECTED, AmiState.CONNECTING);
        assertThat(server.loginCount()).isZero();
        assertThat(new AmiReadinessCheck(connector).call().getStatus().name()).isEqualTo("DOWN");
    }

    private AmiConnector connector(AmiConfig config) {
        return new AmiConnector(config, sink, Clock.systemUTC(), registry, Optional::empty);
    }

    private AmiConnector connected(AmiConfig config) throws InterruptedException {
        AmiConnector c = connector(config);
        c.start();
        await(Duration.ofSeconds(5), "login", () -> c.state() == AmiState.CONNECTED);
        await(Duration.ofSeconds(5), "first resync", () -> sink.resyncs.size() == 1);
        assertThat(new AmiReadinessCheck(c).call().getStatus().name()).isEqualTo("UP");
        return c;
    }

    private int indexOf(String event) {
        for (int i = 0; i < answered.size(); i++) {
            if (event.equals(answered.get(i).eventName())) {
                return i;
            }
        }
        throw new AssertionError(event);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
