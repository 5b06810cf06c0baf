package vn.gov.moit.hotline.telephony.ami;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.common.JobLock;
import vn.gov.moit.hotline.common.LeaderLease;

/**
 * Makes exactly one of the instances sharing the database listen to Asterisk: the holder of the lease
 * {@value #LEASE} ({@link LeaderLease}) delivers the {@link AmiConnector}'s events to the call log; the others
 * are standbys ({@link AmiState#STANDBY}): hot ones ({@code hotline.ami.election.hot-standby}) connected and
 * keeping the recent events, which they apply when elected, cold ones with the connector stopped. Every instance renews or tries to take the lease every
 * {@code hotline.ami.election.renew-interval}; when the leader dies without a word, another one takes over
 * within the lease plus one interval. A leader that cannot renew (database down) stops listening before its
 * lease could run out, so two instances never listen at once on account of the election. With one instance
 * (the embedded H2) the lease is simply always held.
 *
 * <p>Every instance also reports at each step whether it listens and is logged in to Asterisk
 * ({@link ListenerRepository}). On a clean shutdown (SIGTERM, a rolling deploy) a leader with hot standbys goes on
 * listening until one of them reports being connected ({@code hotline.ami.election.handover-timeout} at most),
 * then logs off, delivers the events already received to the call log, and only then releases the lease; the
 * standby takes over at its next renewal and applies what it kept meanwhile, so a planned restart leaves no gap.
 */
@Singleton
class AmiLeaderElection {

    static final String LEASE = "ami-listener";
    private static final Logger LOG = Logger.getLogger(AmiLeaderElection.class);

    @Inject
    AmiConfig config;

    @Inject
    AmiConnector connector;

    @Inject
    JobLock lock;

    @Inject
    ListenerRepository roster;

    private volatile LeaderLease lease;
    private ScheduledExecutorService timer;

    // After the connector's own start-up observer (priority 100), which leaves the start to the election.
    void onStart(@Observes @Priority(110) StartupEvent event) {
        if (!config.enabled() || !config.election().enabled()) {
            return;
        }
        AmiConfig.Election election = config.election();
        String holder = election.instanceId().filter(id -> !id.isBlank()).orElseGet(AmiLeaderElection::instanceId);
        boolean hot = election.hotStandby();
        if (hot) {
            // Connected and keeping the events before the first election: a takeover loses nothing.
            connector.startStandby();
        }
        lease = new LeaderLease(lock, System::nanoTime, LEASE, holder, election.lease(), election.renewInterval(),
                new LeaderLease.Listener() {
                    @Override
                    public void elected() {
                        if (hot) {
                            connector.activate();
                        } else {
                            connector.start();
                        }
                    }

                    @Override
                    public void standingBy() {
                        if (hot) {
                            connector.deactivate();
                        } else {
                            connector.stop();
                        }
                    }
                });
        LOG.infof("AMI listener election: this instance is %s (lease %s, renewed every %s)", holder, election.lease(),
                election.renewInterval());
        timer = Executors.newScheduledThreadPool(3, r -> {
            Thread t = new Thread(r, "ami-election");
            t.setDaemon(true);
            return t;
        });
        long renew = election.renewInterval().toMillis();
        // Checked four times per interval, on another thread, so that a renewal hanging on the database
        // does not delay stepping down.
        long check = Math.max(50, renew / 4);
        LeaderLease l = lease;
        timer.scheduleWithFixedDelay(() -> guarded(l::renew), 0, renew, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> guarded(l::check), check, check, TimeUnit.MILLISECONDS);
        // On a thread of its own too: a renewal waits while a standing-by connector finishes a login attempt, and
        // a standby must still say whether it is connected.
        timer.scheduleWithFixedDelay(() -> guarded(() -> roster.report(holder, l.isLeader(), connector.connected())),
                0, renew, TimeUnit.MILLISECONDS);
    }

    // Before the connector's own shutdown observer (priority 10): wait for a standby, stop electing, log off and
    // drain, release.
    void onStop(@Observes @Priority(5) ShutdownEvent event) {
        LeaderLease l = lease;
        if (l == null) {
            return;
        }
        if (l.isLeader() && config.election().hotStandby()) {
            // The renewals go on meanwhile: this instance listens until a standby is there to take over.
            awaitConnectedStandby(l.holder());
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connector.shutdown();
        l.release();
        guarded(() -> roster.remove(l.holder()));
    }

    private void awaitConnectedStandby(String holder) {
        AmiConfig.Election election = config.election();
        long deadline = System.nanoTime() + election.handoverTimeout().toNanos();
        // A report older than the lease is from an instance gone since.
        Duration fresh = election.lease();
        while (true) {
            List<ListenerRepository.Standby> standbys;
            try {
                standbys = roster.standbys(holder, fresh);
            } catch (RuntimeException e) {
                LOG.warnf("Could not look for a connected standby (%s): giving the AMI listener up", e.toString());
                return;
            }
            if (standbys.isEmpty()) {
                LOG.info("No other instance stands by: giving the AMI listener up; the calls until the next listener"
                        + " connects are reconciled as a gap");
                return;
            }
            if (standbys.get(0).connected()) {
                LOG.infof("Handing the AMI listener over to %s, connected to Asterisk as a hot standby",
                        standbys.get(0).instance());
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                LOG.warnf("No standby connected to Asterisk within %s (%s): giving the AMI listener up; the calls until"
                        + " the next listener connects are reconciled as a gap", election.handoverTimeout(), standbys);
                return;
            }
            try {
                Thread.sleep(Math.min(200, election.renewInterval().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** This instance's name in the lease table; empty when there is no election. */
    Optional<String> holder() {
        return Optional.ofNullable(lease).map(LeaderLease::holder);
    }

    /** Whether this instance was elected to listen; empty when there is no election. */
    Optional<Boolean> leader() {
        return Optional.ofNullable(lease).map(LeaderLease::isLeader);
    }

    private static void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and go on.
            LOG.errorf(e, "AMI listener election step failed");
        }
    }

    static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
        String suffix = ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
        // job_lock.holder is varchar(200)
        return (host.length() > 150 ? host.substring(0, 150) : host) + suffix;
    }
}
