package vn.gov.moit.hotline.telephony.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.telephony.CallEvent;
import vn.gov.moit.hotline.telephony.CallEventSink;
import vn.gov.moit.hotline.telephony.QueueMemberEvent;
import vn.gov.moit.hotline.telephony.QueueMembers;

/**
 * Keeps one asterisk-java connection to Asterisk's AMI alive and feeds the call log from it.
 *
 * <p>asterisk-java never retries a failed first login and reconnects on its own only at fixed intervals, so the
 * connector owns the whole lifecycle: each attempt uses a fresh connection, failures and drops are retried with
 * exponential backoff forever, a Ping plus a socket read timeout notice half-open connections (a connection
 * whose events keep coming is alive even when the answer to a Ping is late), and every
 * successful (re)login is followed by {@code CoreShowChannels} and {@link CallEventSink#resynced}. All lifecycle
 * work runs on one supervisor thread; asterisk-java's event thread only translates and hands off.
 */
@Singleton
public class AmiConnector {

    private static final Logger LOG = Logger.getLogger(AmiConnector.class);
    /** How far before the last event heard a standby taking over applies what it kept. */
    private static final Duration REPLAY_MARGIN = Duration.ofSeconds(5);
    /** Unanswered pings in a row that mean the connection is dead. */
    private static final int MAX_PING_FAILURES = 2;

    private final AmiConfig config;
    private final CallEventSink sink;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Supplier<Optional<AmiEndpoint>> fallbackEndpoint;
    private final AmiEventTranslator translator;
    private final CallEventDispatcher dispatcher;
    private final Consumer<QueueMemberEvent> members;
    /** The member events, few and in order, on one thread of their own so the call events never wait for them. */
    private final ExecutorService memberThread;
    private final ScheduledExecutorService supervisor;
    private final Counter reconnects;
    private final Counter malformed;
    private final Map<Class<?>, Counter> eventCounters = new ConcurrentHashMap<>();

    private volatile AmiState state = AmiState.OFF;

    /**
     * Whether the events go to the call log (the elected listener) or are only kept (a hot standby); see
     * {@link #startStandby()} and {@link #activate()}.
     */
    private volatile boolean active = true;
    /** A standby's recent events, oldest first, and since when it has them without a break; guarded by itself. */
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private Instant keptSince;
    private final Counter keptDropped;

    /** One event a standby keeps, with when it read it. */
    private record Kept(Instant readAt, CallEvent event) {
    }

    // Touched only on the supervisor thread.
    private boolean running;
    private boolean everConnected;
    private long generation;
    private AmiEndpoint endpoint;
    /** Written on the supervisor thread only; read by {@link #connected()} from any. */
    private volatile ManagerConnection connection;
    private Duration backoff;
    private int pingFailures;
    /** When the last event of the current connection reached the listener ({@link System#nanoTime()}). */
    private volatile long lastEventNanos;
    private ScheduledFuture<?> pending;
    private ScheduledFuture<?> pingTask;

    @Inject
    AmiConnector(AmiConfig config, CallEventSink sink, QueueMembers members, Clock clock, MeterRegistry registry,
            Instance<AmiEndpointProvider> providers) {
        this(config, sink, members::accept, clock, registry, () -> providers.stream()
                .map(AmiEndpointProvider::amiEndpoint)
                .flatMap(Optional::stream)
                .findFirst());
    }

    AmiConnector(AmiConfig config, CallEventSink sink, Clock clock, MeterRegistry registry,
            Supplier<Optional<AmiEndpoint>> fallbackEndpoint) {
        this(config, sink, e -> { }, clock, registry, fallbackEndpoint);
    }

    AmiConnector(AmiConfig config, CallEventSink sink, Consumer<QueueMemberEvent> members, Clock clock,
            MeterRegistry registry, Supplier<Optional<AmiEndpoint>> fallbackEndpoint) {
        this.members = members;
        Counter membersDropped = registry.counter("hotline.ami.member-events.dropped");
        this.memberThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(config.dispatcherQueueCapacity()), r -> {
                    Thread t = new Thread(r, "ami-members");
                    t.setDaemon(true);
                    return t;
                }, (task, pool) -> membersDropped.increment());
        this.config = config;
        this.sink = sink;
        this.clock = clock;
        this.registry = registry;
        this.fallbackEndpoint = fallbackEndpoint;
        this.translator = new AmiEventTranslator(clock);
        this.reconnects = registry.counter("hotline.ami.reconnects");
        this.keptDropped = registry.counter("hotline.ami.standby.dropped");
        Gauge.builder("hotline.ami.standby.kept", kept, k -> {
            synchronized (k) {
                return k.size();
            }
        }).description("events a hot standby keeps").register(registry);
        this.malformed = registry.counter("hotline.ami.events.malformed");
        this.dispatcher = new CallEventDispatcher(sink, config.dispatcherThreads(), config.dispatcherQueueCapacity(),
                config.dispatcherBatchSize(),
                registry.counter("hotline.ami.events.dropped"), registry.counter("hotline.ami.events.failed"));
        this.supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ami-supervisor");
            t.setDaemon(true);
            return t;
        });
        for (AmiState s : AmiState.values()) {
            Gauge.builder("hotline.ami.connection.state", this, c -> c.state == s ? 1 : 0)
                    .tag("state", s.name())
                    .description("1 for the AMI connection's current state")
                    .register(registry);
        }
    }

    // Runs after the demo PBX (priority 10) has started, so its endpoint is there to be found.
    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (config.enabled() && config.election().enabled()) {
            LOG.info(config.election().hotStandby()
                    ? "AMI listener connects as a hot standby until elected (hotline.ami.election.hot-standby=true)"
                    : "AMI listener waits for the election (hotline.ami.election.enabled=true)");
        } else if (config.enabled()) {
            start();
        } else {
            LOG.info("AMI listener switched off (hotline.ami.enabled=false)");
        }
    }

    // Before the demo PBX stops (priority 100), so the logoff reaches a live server.
    void onStop(@Observes @Priority(10) ShutdownEvent event) {
        shutdown();
    }

    /** The connection's state right now. */
    public AmiState state() {
        return state;
    }

    /** Whether this instance is logged in to Asterisk now, as the listener or as a hot standby keeping the events. */
    public boolean connected() {
        return connection != null;
    }

    /** Where the connector connects (or last tried to), for logs and health data; empty when not configured. */
    public Optional<AmiEndpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /**
     * Starts listening: resolves the endpoint (configuration first, then an {@link AmiEndpointProvider}) and
     * connects, retrying forever. Does nothing when already running; stays {@link AmiState#OFF} when there is
     * nothing to connect to.
     */
    public void start() {
        // Asynchronous: the first login may wait for Asterisk for a long time and must not hold up startup.
        try {
            supervisor.execute(this::doStart);
        } catch (RejectedExecutionException e) {
            LOG.warn("AMI connector already shut down");
        }
    }

    /**
     * Connects as a hot standby: the events are translated and kept for {@code standby-buffer-time}, not written;
     * {@link #activate()} makes this instance the listener.
     */
    public void startStandby() {
        active = false;
        start();
    }

    /**
     * Makes a hot standby the listener: the events it kept from shortly before the last one the call log heard
     * (on whichever instance) are applied first, in order, then everything live; then the resync, with the gap
     * (if any) between the last event heard and the first one kept. A connector that is not running starts.
     */
    public void activate() {
        try {
            supervisor.execute(this::doActivate);
        } catch (RejectedExecutionException e) {
            LOG.warn("AMI connector already shut down");
        }
    }

    /** Back to a hot standby (another instance was elected): the connection stays, the events are kept again. */
    public void deactivate() {
        runOnSupervisor(() -> {
            active = false;
            synchronized (kept) {
                kept.clear();
                keptSince = connection != null ? clock.instant() : null;
            }
            state = AmiState.STANDBY;
        });
    }

    private void doActivate() {
        if (!running) {
            active = true;
            doStart();
            return;
        }
        if (active) {
            return;
        }
        Instant heardUntil = sink.heardUntil().orElse(null);
        Instant since;
        int replayed = 0;
        synchronized (kept) {
            since = keptSince;
            // Idempotent transitions make the events the old listener already applied harmless; those from well
            // before its last event heard are not worth applying again.
            Instant from = heardUntil == null ? null : heardUntil.minus(REPLAY_MARGIN);
            for (Kept k : kept) {
                if (from == null || !k.event().at().isBefore(from)) {
                    dispatcher.dispatch(k.event());
                    replayed++;
                }
            }
            kept.clear();
            active = true;
        }
        LOG.infof("AMI listener taking over from a hot standby: %d kept events applied (heard until %s, kept since %s)",
                replayed, heardUntil, since);
        ManagerConnection c = connection;
        if (c != null) {
            state = AmiState.CONNECTED;
            resync(c, since != null ? since : clock.instant());
        } else {
            // Not connected now: the next login, already scheduled, resyncs as the listener.
            state = AmiState.DISCONNECTED;
        }
    }

    /**
     * Stops listening and logs off (standby: another instance listens); returns once logged off.
     * {@link #start()} resumes.
     */
    public void stop() {
        runOnSupervisor(() -> doStop(AmiState.STANDBY));
    }

    /** Logs off, delivers what is queued (up to the drain timeout) and releases the threads. */
    public void shutdown() {
        if (supervisor.isShutdown()) {
            return;
        }
        runOnSupervisor(() -> {
            if (active && connection != null) {
                // Everything until the logoff was received and is delivered by the drain below: a standby taking
                // over applies what it kept from then on, and no gap opens for the time since the last ping.
                try {
                    sink.heard(clock.instant());
                } catch (RuntimeException e) {
                    LOG.warnf("Could not record that Asterisk was heard: %s", e.toString());
                }
            }
            doStop(state == AmiState.OFF ? AmiState.OFF : AmiState.STANDBY);
        });
        supervisor.shutdownNow();
        dispatcher.shutdown(config.shutdownDrainTimeout());
        memberThread.shutdown();
    }

    private void runOnSupervisor(Runnable task) {
        try {
            supervisor.submit(task).get(config.loginTimeout().multipliedBy(4).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("AMI connector task did not complete: %s", e.toString());
        }
    }

    private void doStart() {
        if (running) {
            return;
        }
        endpoint = AmiEndpoint.resolve(config, fallbackEndpoint);
        if (endpoint == null) {
            state = AmiState.OFF;
            LOG.info("No AMI host configured (hotline.ami.host): calls are not captured");
            return;
        }
        running = true;
        backoff = config.reconnectBackoffMin();
        LOG.infof("AMI listener starting for %s", endpoint);
        connect();
    }

    private void doStop(AmiState finalState) {
        running = false;
        generation++;
        cancel(pending);
        cancel(pingTask);
        ManagerConnection c = connection;
        connection = null;
        close(c);
        state = finalState;
    }

    private void connect() {
        if (!running) {
            return;
        }
        state = active ? AmiState.CONNECTING : AmiState.STANDBY;
        long gen = ++generation;
        ManagerConnection c = newConnection(endpoint, gen);
        try {
            c.login();
        } catch (Exception e) {
            close(c);
            state = active ? AmiState.DISCONNECTED : AmiState.STANDBY;
            LOG.warnf("AMI login to %s failed (%s); retrying in %s", endpoint, e.toString(), backoff);
            retryLater();
            return;
        }
        if (gen != generation || !running) {
            close(c);
            return;
        }
        connection = c;
        state = active ? AmiState.CONNECTED : AmiState.STANDBY;
        if (everConnected) {
            reconnects.increment();
        }
        everConnected = true;
        backoff = config.reconnectBackoffMin();
        pingFailures = 0;
        LOG.infof("AMI connected to %s (%s)%s", endpoint, c.getVersion(), active ? "" : " as a hot standby");
        if (active) {
            resync(c, clock.instant());
        } else {
            synchronized (kept) {
                // What came before this connection is not known to this standby.
                kept.clear();
                keptSince = clock.instant();
            }
        }
        long ping = config.pingInterval().toMillis();
        pingTask = supervisor.scheduleWithFixedDelay(() -> ping(gen), ping, ping, TimeUnit.MILLISECONDS);
    }

    private ManagerConnection newConnection(AmiEndpoint ep, long gen) {
        DefaultManagerConnection c = new DefaultManagerConnection(ep.host(), ep.port(), ep.username(), ep.secret());
        int loginTimeout = (int) config.loginTimeout().toMillis();
        c.setDefaultResponseTimeout(loginTimeout);
        c.setDefaultEventTimeout(loginTimeout);
        c.setSocketTimeout(loginTimeout);
        c.setSocketReadTimeout((int) effectiveReadTimeout().toMillis());
        // asterisk-java finds event classes by classpath scanning, which finds none in some packagings.
        for (Class<? extends ManagerEvent> type : AmiEventTranslator.TRANSLATED) {
            c.registerUserEventClass(type);
        }
        c.registerUserEventClass(CoreShowChannelEvent.class);
        c.registerUserEventClass(CoreShowChannelsCompleteEvent.class);
        c.registerUserEventClass(FullyBootedEvent.class);
        c.addEventListener(new Listener(gen));
        return c;
    }

    private Duration effectiveReadTimeout() {
        Duration twicePing = config.pingInterval().multipliedBy(2);
        return config.readTimeout().compareTo(twicePing) < 0 ? twicePing : config.readTimeout();
    }

    private void resync(ManagerConnection c, Instant heardSince) {
        try {
            ResponseEvents answer = c.sendEventGeneratingAction(new CoreShowChannelsAction(),
                    config.loginTimeout().toMillis());
            if (answer.getResponse() instanceof ManagerError error) {
                LOG.errorf("CoreShowChannels refused (%s): calls in progress are not resynced", error.getMessage());
                return;
            }
            Set<String> linkedids = answer.getEvents().stream()
                    .filter(CoreShowChannelEvent.class::isInstance)
                    .map(e -> ((CoreShowChannelEvent) e).getLinkedid())
                    .filter(l -> l != null && !l.isBlank())
                    .collect(Collectors.toUnmodifiableSet());
            sink.resynced(linkedids, clock.instant(), heardSince);
            LOG.infof("AMI resynced: %d calls in progress", linkedids.size());
        } catch (Exception e) {
            LOG.errorf(e, "AMI resync failed: calls in progress are not resynced");
        }
    }

    private void ping(long gen) {
        ManagerConnection c = connection;
        if (gen != generation || c == null) {
            return;
        }
        long sent = System.nanoTime();
        boolean ok;
        try {
            ManagerResponse r = c.sendAction(new PingAction(), config.loginTimeout().toMillis());
            ok = r != null && !(r instanceof ManagerError);
        } catch (Exception e) {
            ok = false;
        }
        // Under an event storm the answer waits behind thousands of events in asterisk-java's queue and comes
        // too late; events still arriving prove the connection alive all the same.
        if (ok || lastEventNanos - sent > 0) {
            pingFailures = 0;
            try {
                if (active) {
                    sink.heard(clock.instant());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Could not record that Asterisk was heard: %s", e.toString());
            }
        } else if (++pingFailures >= MAX_PING_FAILURES) {
            dropped(gen, "no answer to " + MAX_PING_FAILURES + " pings");
        }
    }

    /** The connection of generation {@code gen} is gone: close it (stopping asterisk-java's own reconnect) and retry. */
    private void dropped(long gen, String why) {
        if (gen != generation || !running) {
            return;
        }
        LOG.warnf("AMI connection to %s lost (%s); reconnecting", endpoint, why);
        generation++;
        cancel(pingTask);
        ManagerConnection c = connection;
        connection = null;
        close(c);
        state = active ? AmiState.DISCONNECTED : AmiState.STANDBY;
        backoff = config.reconnectBackoffMin();
        retryLater();
    }

    private void retryLater() {
        Duration wait = backoff;
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.reconnectBackoffMax()) > 0 ? config.reconnectBackoffMax() : doubled;
        pending = supervisor.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void close(ManagerConnection c) {
        if (c == null) {
            return;
        }
        ManagerConnectionState s = c.getState();
        if (s == ManagerConnectionState.CONNECTED || s == ManagerConnectionState.RECONNECTING) {
            try {
                // In RECONNECTING this only flips the state, which ends asterisk-java's reconnect thread.
                c.logoff();
            } catch (RuntimeException e) {
                LOG.debugf("AMI logoff failed: %s", e.toString());
            }
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private Counter eventCounter(ManagerEvent e) {
        return eventCounters.computeIfAbsent(e.getClass(), type -> {
            String name = type.getSimpleName();
            String amiName = name.endsWith("Event") ? name.substring(0, name.length() - 5) : name;
            return registry.counter("hotline.ami.events", "type", amiName);
        });
    }

    /**
     * A standby keeps the event, dropping what is older than the buffer time or beyond its size (counted; the
     * reconciliation covers it, as the buffer then starts later). False when the connector became the listener
     * meanwhile: the event is then dispatched.
     */
    private boolean keep(CallEvent event) {
        synchronized (kept) {
            if (active) {
                return false;
            }
            Instant now = clock.instant();
            kept.addLast(new Kept(now, event));
            Instant oldest = now.minus(config.election().standbyBufferTime());
            while (!kept.isEmpty() && (kept.size() > config.election().standbyBufferEvents()
                    || kept.peekFirst().readAt().isBefore(oldest))) {
                Kept gone = kept.pollFirst();
                if (kept.size() >= config.election().standbyBufferEvents()) {
                    keptDropped.increment();
                }
                keptSince = gone.readAt();
            }
            return true;
        }
    }

    /** Runs on asterisk-java's event thread: count, translate, hand off. Nothing here may block. */
    private final class Listener implements ManagerEventListener {
        private final long gen;

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public void onManagerEvent(ManagerEvent event) {
            if (event instanceof DisconnectEvent) {
                try {
                    supervisor.execute(() -> dropped(gen, "disconnected"));
                } catch (RejectedExecutionException e) {
                    // shutting down
                }
                return;
            }
            if (event instanceof ConnectEvent || event.getClass() == DialEvent.class || event.getClass() == BridgeEvent.class) {
                // ConnectEvent is asterisk-java's own; Dial and Bridge are legacy events it synthesises.
                return;
            }
            lastEventNanos = System.nanoTime();
            eventCounter(event).increment();
            CallEvent callEvent;
            try {
                callEvent = translator.translate(event);
            } catch (RuntimeException e) {
                malformed.increment();
                LOG.debugf("Skipped malformed AMI event: %s", e.getMessage());
                return;
            }
            if (callEvent != null) {
                if (!active && keep(callEvent)) {
                    return;
                }
                dispatcher.dispatch(callEvent);
                return;
            }
            QueueMemberEvent memberEvent = translator.translateMember(event);
            // A standby leaves the operators' states to the listener: they are current again at the next change.
            if (memberEvent != null && active) {
                memberThread.execute(() -> {
                    try {
                        members.accept(memberEvent);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Queue member event refused: %s", memberEvent);
                    }
                });
            }
        }
    }
}
