package vn.gov.moit.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.telephony.ami.RecordingSink.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.telephony.CallEvent.QueueJoined;
import vn.gov.moit.hotline.telephony.demo.DemoConfig;
import vn.gov.moit.hotline.telephony.demo.DemoPbx;

/** The demo PBX offers its endpoint when no host is configured, and the connector captures its calls. */
class DemoPbxConnectorTest {

    private final RecordingSink sink = new RecordingSink();
    private DemoPbx demo;
    private AmiConnector connector;

    @AfterEach
    void stop() {
        connector.shutdown();
        demo.stop();
    }

    @Test
    void connectorCapturesGeneratedCalls() throws Exception {
        TestAmiConfig noHost = new TestAmiConfig(Optional.empty(), 5038, Duration.ofSeconds(10),
                Duration.ofSeconds(25), Duration.ofMillis(200), Duration.ofSeconds(5));
        demo = new DemoPbx(demoConfig(600), noHost, Clock.systemUTC());
        demo.start();
        connector = new AmiConnector(noHost, sink, Clock.systemUTC(), new SimpleMeterRegistry(), demo::amiEndpoint);
        Instant started = Instant.now();
        connector.start();

        await(Duration.ofSeconds(5), "connected to the demo", () -> connector.state() == AmiState.CONNECTED);
        assertThat(connector.endpoint()).get().satisfies(e -> assertThat(e.port())
                .isEqualTo(demo.server().orElseThrow().port()));
        // 600 calls a minute: callers reach the queue after a 3-8 s greeting.
        await(Duration.ofSeconds(20), "queued callers", () -> sink.all(QueueJoined.class).size() >= 3);
        QueueJoined joined = sink.all(QueueJoined.class).get(0);
        assertThat(joined.queue()).isEqualTo("hotline");
        // Dated by the Timestamp header the demo PBX writes, which is the (real) time of the event.
        assertThat(joined.at()).isBetween(started.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void withoutTheDemoThereIsNothingToConnectTo() throws Exception {
        TestAmiConfig noHost = new TestAmiConfig(Optional.empty(), 5038, Duration.ofSeconds(10),
                Duration.ofSeconds(25), Duration.ofMillis(200), Duration.ofSeconds(5));
        demo = new DemoPbx(demoConfig(6), noHost, Clock.systemUTC()); // not started
        connector = new AmiConnector(noHost, sink, Clock.systemUTC(), new SimpleMeterRegistry(), demo::amiEndpoint);
        connector.start();
        Thread.sleep(300);
        assertThat(connector.state()).isEqualTo(AmiState.OFF);
        assertThat(new AmiReadinessCheck(connector).call().getStatus().name()).isEqualTo("UP");
    }

    private static DemoConfig demoConfig(double perMinute) {
        return new DemoConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public double callsPerMinute() {
                return perMinute;
            }

            @Override
            public long seed() {
                return 1;
            }

            @Override
            public int port() {
                return 0;
            }
        };
    }
}
