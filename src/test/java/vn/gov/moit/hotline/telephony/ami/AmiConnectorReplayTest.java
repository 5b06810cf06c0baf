package vn.gov.moit.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.telephony.ami.RecordingSink.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.telephony.CallEvent;
import vn.gov.moit.hotline.telephony.CallEventSink;
import vn.gov.moit.hotline.telephony.CallEvent.AgentCompleted;
import vn.gov.moit.hotline.telephony.CallEvent.AgentConnected;
import vn.gov.moit.hotline.telephony.CallEvent.CallerIdentified;
import vn.gov.moit.hotline.telephony.CallEvent.ChannelEntered;
import vn.gov.moit.hotline.telephony.CallEvent.ChannelHungUp;
import vn.gov.moit.hotline.telephony.CallEvent.QueueAbandoned;
import vn.gov.moit.hotline.telephony.CallEvent.QueueJoined;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.AmiServer;
import vn.gov.moit.hotline.telephony.demo.RecordedAmi;

/** The real transcripts, replayed over TCP to the real asterisk-java connection, give the expected call events. */
class AmiConnectorReplayTest {

    private static final Map<String, Class<? extends CallEvent>> TRANSLATED = Map.of(
            "Newchannel", ChannelEntered.class, "Newexten", ChannelEntered.class,
            "NewCallerid", CallerIdentified.class, "QueueCallerJoin", QueueJoined.class,
            "AgentConnect", AgentConnected.class, "AgentComplete", AgentCompleted.class,
            "QueueCallerAbandon", QueueAbandoned.class, "Hangup", ChannelHungUp.class);

    private final Instant now = Instant.parse("2026-12-01T02:00:00Z");
    private final RecordingSink sink = new RecordingSink();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private AmiServer server;
    private AmiConnector connector;

    @BeforeEach
    void connect() throws Exception {
        server = new AmiServer("hotline", "hotline-secret", Clock.systemUTC());
        int port = server.start(0);
        connector = new AmiConnector(TestAmiConfig.forPort(port), sink, Clock.fixed(now, ZoneOffset.UTC), registry,
                Optional::empty);
        long started = System.nanoTime();
        connector.start();
        await(Duration.ofSeconds(10), "login", () -> connector.state() == AmiState.CONNECTED);
        // CoreSettings is answered, so asterisk-java's version probe does not stall the login (~18 s otherwise).
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        await(Duration.ofSeconds(5), "resync", () -> !sink.resyncs.isEmpty());
        assertThat(sink.resyncs.peek()).isEmpty();
    }

    @AfterEach
    void close() {
        connector.shutdown();
        server.close();
    }

    @Test
    void answeredCall() throws Exception {
        List<AmiMessage> transcript = replay("answered.ami");

        Map<String, List<CallEvent>> calls = sink.byCall();
        assertThat(calls).containsOnlyKeys("1795333853.0");
        List<CallEvent> call = calls.get("1795333853.0");
        assertThat(call).extracting(e -> (Object) e.getClass()).containsExactlyElementsOf(expectedTypes(transcript));
        QueueJoined joined = only(call, QueueJoined.class);
        assertThat(joined.callerNumber()).isEqualTo("0912345678");
        assertThat(joined.callerName()).isEqualTo("Nguyen Van An");
        assertThat(joined.queue()).isEqualTo("hotline");
        assertThat(joined.channel()).isEqualTo("Local/024222021115@from-pstn-00000000;2");
        AgentConnected connected = only(call, AgentConnected.class);
        assertThat(connected.memberName()).isEqualTo("Operator 1001");
        assertThat(connected.memberInterface()).isEqualTo("Local/1001@agents/n");
        assertThat(connected.holdSeconds()).isEqualTo(2);
        AgentCompleted completed = only(call, AgentCompleted.class);
        assertThat(completed.talkSeconds()).isEqualTo(8);
        assertThat(completed.holdSeconds()).isEqualTo(2);
        assertThat(completed.reason()).isEqualTo("caller");
        assertThat(call.stream().filter(ChannelHungUp.class::isInstance).map(e -> ((ChannelHungUp) e).channel()))
                .containsExactly("Local/024222021115@from-pstn-00000000;1", "Local/1001@agents-00000001;1",
                        "Local/1001@agents-00000001;2", "Local/024222021115@from-pstn-00000000;2");
        ChannelEntered first = (ChannelEntered) call.get(0);
        assertThat(first.context()).isEqualTo("from-pstn");
        assertThat(first.exten()).isEqualTo("024222021115");
        assertThat(first.callerNumber()).as("<unknown> at Newchannel").isNull();
        // No Timestamp header in these recordings: the injected clock dates the events.
        assertThat(call).allSatisfy(e -> assertThat(e.at()).isEqualTo(now));
        assertThat(registry.counter("hotline.ami.events", "type", "NewChannel").count()).isEqualTo(4);
        assertThat(registry.counter("hotline.ami.events", "type", "VarSet").count()).isPositive();
        assertThat(registry.counter("hotline.ami.events", "type", "DialBegin").count()).isEqualTo(2);
        assertThat(registry.find("hotline.ami.events").tag("type", "Dial").counter()).isNull();
        assertThat(sink.concurrentDeliveries).isEmpty();
    }

    @Test
    void abandonedCall() throws Exception {
        List<AmiMessage> transcript = replay("abandoned.ami");

        List<CallEvent> call = sink.byCall().values().iterator().next();
        assertThat(sink.byCall()).hasSize(1);
        assertThat(call).extracting(e -> (Object) e.getClass()).containsExactlyElementsOf(expectedTypes(transcript));
        assertThat(only(call, QueueJoined.class).callerNumber()).isEqualTo("0987654321");
        assertThat(only(call, QueueJoined.class).callerName()).isEqualTo("Tran Thi Binh");
        assertThat(only(call, QueueAbandoned.class).holdSeconds()).isEqualTo(3);
        assertThat(only(call, QueueAbandoned.class).queue()).isEqualTo("hotline");
        assertThat(call).noneMatch(AgentConnected.class::isInstance);
    }

    @Test
    void withheldCaller() throws Exception {
        replay("anonymous.ami");

        List<CallEvent> call = sink.byCall().values().iterator().next();
        assertThat(only(call, QueueJoined.class).callerNumber()).isEqualTo("anonymous");
        assertThat(only(call, AgentConnected.class).memberName()).isEqualTo("Operator 1002");
        assertThat(only(call, AgentConnected.class).holdSeconds()).isEqualTo(2);
        assertThat(only(call, AgentCompleted.class).talkSeconds()).isEqualTo(5);
    }

    @Test
    void burstOfSixOverlappingCalls() throws Exception {
        List<AmiMessage> transcript = replay("burst.ami");

        Map<String, List<CallEvent>> calls = sink.byCall();
        assertThat(calls).hasSize(6);
        Map<String, String> outcomes = new java.util.TreeMap<>();
        for (List<CallEvent> call : calls.values()) {
            QueueJoined joined = only(call, QueueJoined.class);
            String outcome = call.stream().filter(QueueAbandoned.class::isInstance).map(QueueAbandoned.class::cast)
                    .map(a -> "abandoned " + a.holdSeconds()).findFirst()
                    .orElseGet(() -> {
                        AgentConnected c = only(call, AgentConnected.class);
                        AgentCompleted d = only(call, AgentCompleted.class);
                        return c.memberName() + " wait " + c.holdSeconds() + " talk " + d.talkSeconds();
                    });
            outcomes.put(joined.callerNumber(), outcome);
        }
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "0911000001", "Operator 1001 wait 2 talk 17",
                "0911000002", "Operator 1002 wait 5 talk 12",
                "0911000003", "abandoned 6",
                "0911000004", "Operator 1002 wait 19 talk 5",
                "02363888999", "Operator 1001 wait 20 talk 10",
                "0911000006", "abandoned 3"));
        String daNang = calls.entrySet().stream()
                .filter(e -> "02363888999".equals(only(e.getValue(), QueueJoined.class).callerNumber()))
                .findFirst().orElseThrow().getKey();
        assertThat(only(calls.get(daNang), QueueJoined.class).callerName()).isEqualTo("So Cong Thuong Da Nang");
        // Per call, the order Asterisk sent.
        for (Map.Entry<String, List<CallEvent>> call : calls.entrySet()) {
            List<AmiMessage> own = transcript.stream().filter(e -> call.getKey().equals(e.get("Linkedid"))).toList();
            assertThat(call.getValue()).extracting(e -> (Object) e.getClass())
                    .containsExactlyElementsOf(expectedTypes(own));
        }
        assertThat(sink.concurrentDeliveries).isEmpty();
    }

    @Test
    void shutdownDeliversTheEventsAlreadyReceivedBeforeItReturns() throws Exception {
        // A second connector whose call log is stuck until shutdown has begun (a slow database under SIGTERM).
        CountDownLatch stuck = new CountDownLatch(1);
        List<CallEvent> delivered = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry slowRegistry = new SimpleMeterRegistry();
        AmiConnector slow = new AmiConnector(TestAmiConfig.forPort(server.port()), new CallEventSink() {
            @Override
            public void accept(CallEvent event) {
                try {
                    stuck.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                delivered.add(event);
            }

            @Override
            public void resynced(Set<String> activeLinkedids, Instant at) {
            }
        }, Clock.fixed(now, ZoneOffset.UTC), slowRegistry, Optional::empty);
        slow.start();
        await(Duration.ofSeconds(10), "second login", () -> slow.state() == AmiState.CONNECTED);

        List<AmiMessage> transcript = replay("burst.ami");
        double read = eventsRead(registry);
        await(Duration.ofSeconds(10), "the second connector to read the burst", () -> eventsRead(slowRegistry) == read);
        Thread.sleep(100);
        assertThat(delivered).isEmpty();

        Thread stopping = new Thread(slow::shutdown);
        stopping.start();
        Thread.sleep(300);
        assertThat(stopping.isAlive()).as("shutdown waits for the queued events").isTrue();
        stuck.countDown();
        stopping.join(10_000);

        assertThat(stopping.isAlive()).isFalse();
        assertThat(delivered).hasSize(expectedTypes(transcript).size());
        assertThat(slow.state()).isEqualTo(AmiState.STANDBY);
    }

    private static double eventsRead(SimpleMeterRegistry registry) {
        return registry.find("hotline.ami.events").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private List<AmiMessage> replay(String file) throws InterruptedException {
        List<AmiMessage> transcript = RecordedAmi.read(file);
        int expected = expectedTypes(transcript).size();
        server.publishAll(transcript);
        await(Duration.ofSeconds(10), expected + " call events", () -> sink.events.size() >= expected);
        Thread.sleep(100); // nothing more should come
        assertThat(sink.events).hasSize(expected);
        assertThat(registry.counter("hotline.ami.events.malformed").count()).isZero();
        return transcript;
    }

    /** What the transcript should give, worked out from the event names alone (not through asterisk-java). */
    private static List<Object> expectedTypes(List<AmiMessage> transcript) {
        return transcript.stream().map(e -> TRANSLATED.get(e.eventName())).filter(t -> t != null)
                .map(t -> (Object) t).toList();
    }

    private static <T extends CallEvent> T only(List<CallEvent> call, Class<T> type) {
        List<T> found = call.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unused")
    private static Set<String> linkedids(List<CallEvent> events) {
        return events.stream().map(CallEvent::linkedid).collect(java.util.stream.Collectors.toSet());
    }
}
