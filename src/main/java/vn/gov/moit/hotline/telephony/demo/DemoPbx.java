package vn.gov.moit.hotline.telephony.demo;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.telephony.ami.AmiConfig;
import vn.gov.moit.hotline.telephony.ami.AmiEndpoint;
import vn.gov.moit.hotline.telephony.ami.AmiEndpointProvider;
import vn.gov.moit.hotline.telephony.demo.CallGenerator.TimedEvent;

/**
 * A pretend Asterisk for demonstrations: when {@code hotline.demo.enabled=true} and no AMI host is configured,
 * it runs the {@link AmiServer} on a loopback port, plays generated hotline calls on it in real time, and offers
 * its endpoint to the AMI connector, which then connects to it exactly as to a real Asterisk.
 */
@Singleton
public class DemoPbx implements AmiEndpointProvider {

    private static final Logger LOG = Logger.getLogger(DemoPbx.class);
    private static final String USER = "demo";
    /** Calls are planned this far ahead so each one's events can be queued in time order. */
    private static final long PLAN_AHEAD_SECONDS = 60;
    private static final long TICK_MILLIS = 200;

    private final DemoConfig config;
    private final AmiConfig amiConfig;
    private final Clock clock;
    private final PriorityQueue<Queued> due = new PriorityQueue<>(
            Comparator.comparing(Queued::at).thenComparingLong(Queued::seq));
    private long seq;
    private volatile AmiServer server;
    private volatile String secret;
    private ScheduledExecutorService ticker;
    private DemoTraffic traffic;

    public DemoPbx(DemoConfig config, AmiConfig amiConfig, Clock clock) {
        this.config = config;
        this.amiConfig = amiConfig;
        this.clock = clock;
    }

    // Before the AMI connector (priority 100) so that the endpoint exists when the connector asks for it.
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (amiConfig.host().filter(h -> !h.isBlank()).isPresent()) {
            LOG.info("Demo PBX not started: a real AMI host is configured (hotline.ami.host)");
            return;
        }
        start();
    }

    // After the AMI connector has logged off (priority 10).
    void onStop(@Observes @Priority(100) ShutdownEvent event) {
        stop();
    }

    /** Starts the server and the call traffic; returns the bound loopback port. */
    public synchronized int start() {
        if (server != null) {
            return server.port();
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        secret = HexFormat.of().formatHex(random);
        AmiServer s = new AmiServer(USER, secret, clock);
        // Callers called back: most answer, some are busy, do not pick up or cannot be reached.
        java.util.Random outcomes = new java.util.Random(config.seed());
        s.pbx().callees(number -> {
            int roll = outcomes.nextInt(100);
            return roll < 60 ? PbxActionsModel.Callee.answers(java.time.Duration.ofSeconds(20 + outcomes.nextInt(100)))
                    : roll < 75 ? PbxActionsModel.Callee.dialStatus("NOANSWER")
                    : roll < 90 ? PbxActionsModel.Callee.dialStatus("BUSY")
                    : PbxActionsModel.Callee.dialStatus("CONGESTION");
        });
        int port;
        try {
            port = s.start(config.port());
        } catch (IOException e) {
            throw new UncheckedIOException("Demo PBX could not listen on port " + config.port(), e);
        }
        server = s;
        traffic = new DemoTraffic(config.seed(), config.callsPerMinute(), clock.instant());
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-pbx");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.warn("\n*************************************************************\n"
                + "* DEMO PBX: generated calls, not a real Asterisk            *\n"
                + "* AMI on 127.0.0.1:" + port + ", about " + config.callsPerMinute() + " calls a minute\n"
                + "* Set hotline.demo.enabled=false and hotline.ami.host for real calls\n"
                + "*************************************************************");
        return port;
    }

    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running demo server, for tests and benchmarks; empty when the demo is not running. */
    public Optional<AmiServer> server() {
        return Optional.ofNullable(server);
    }

    @Override
    public Optional<AmiEndpoint> amiEndpoint() {
        AmiServer s = server;
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(new AmiEndpoint(InetAddress.getLoopbackAddress().getHostAddress(), s.port(), USER, secret));
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            for (List<TimedEvent> call : traffic.callsArrivingBefore(now.plusSeconds(PLAN_AHEAD_SECONDS))) {
                for (TimedEvent e : call) {
                    due.add(new Queued(e.at(), seq++, e.event()));
                }
            }
            List<AmiMessage> batch = new ArrayList<>();
            while (!due.isEmpty() && !due.peek().at().isAfter(now)) {
                batch.add(due.poll().event());
            }
            AmiServer s = server;
            if (!batch.isEmpty() && s != null) {
                s.publishAll(batch);
            }
        } catch (RuntimeException e) {
            // One bad tick must not stop the demo: the scheduler cancels a task that throws.
            LOG.errorf(e, "Demo PBX tick failed");
        }
    }

    private record Queued(Instant at, long seq, AmiMessage event) {
    }
}
