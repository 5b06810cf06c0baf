package vn.gov.moit.hotline.common;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Leadership among instances sharing the database: whoever holds the {@link JobLock} row {@code name} leads,
 * and keeps it by renewing it every {@code renewInterval}; a leader that dies without releasing it (kill -9,
 * power loss) is replaced once its lease has run out.
 *
 * <p>The caller drives it: {@link #renew()} every {@code renewInterval}, and {@link #check()} more often on
 * another thread (a renewal can hang on an unreachable database). The listener is told the state at the
 * first renewal and at every change, one call at a time; its methods must be idempotent.
 *
 * <p>A leader that cannot reach the database cannot renew, and another instance will take the lease once it
 * runs out. So a leader steps down on its own ({@link #check()}) when its last successful renewal is
 * {@code lease - renewInterval} old: by then it has not been able to renew for a whole interval, and it still
 * has one interval of its lease left, during which nobody else can be elected.
 *
 * <p>How long ago the last renewal was is measured on a monotonic ticker ({@code System::nanoTime} in
 * production), not on the wall clock: a clock stepped by NTP must neither make a healthy leader step down nor
 * keep a cut-off one leading. The lease's end in the database is set by {@link JobLock} from the wall clock.
 *
 * <p>Why a lease row and not a PostgreSQL advisory lock: an advisory lock belongs to a database session, so
 * it needs a connection held open outside the pool for as long as the leadership lasts, and a pooled or
 * proxied connection (PgBouncer in transaction mode) silently loses it; it also exists on PostgreSQL only.
 * The lease is one conditional update on an ordinary table, works through the pool on H2 and PostgreSQL,
 * and its state can be read in the table.
 */
public final class LeaderLease {

    private static final Logger LOG = Logger.getLogger(LeaderLease.class);

    /** What to do when leadership is won or lost. */
    public interface Listener {
        /** This instance leads now. */
        void elected();

        /** This instance does not lead (lost the lease, stepped down, or was never elected). */
        void standingBy();
    }

    private final JobLock lock;
    private final LongSupplier nanoTicker;
    private final String name;
    private final String holder;
    private final Duration lease;
    private final Duration renewInterval;
    private final Listener listener;
    private final AtomicBoolean leader = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private final Object transitions = new Object();
    private volatile Long lastRenewed;

    /**
     * @param nanoTicker a monotonic time in nanoseconds, {@code System::nanoTime}
     * @param lease how long the leadership outlives the leader's last renewal; more than twice {@code renewInterval}
     */
    public LeaderLease(JobLock lock, LongSupplier nanoTicker, String name, String holder, Duration lease, Duration renewInterval,
            Listener listener) {
        this.lock = Objects.requireNonNull(lock);
        this.nanoTicker = Objects.requireNonNull(nanoTicker);
        this.name = Objects.requireNonNull(name);
        this.holder = Objects.requireNonNull(holder);
        this.lease = Objects.requireNonNull(lease);
        this.renewInterval = Objects.requireNonNull(renewInterval);
        this.listener = Objects.requireNonNull(listener);
        if (renewInterval.isNegative() || renewInterval.isZero() || lease.compareTo(renewInterval.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("the lease (" + lease + ") must be more than twice the renew interval ("
                    + renewInterval + ")");
        }
    }

    /** Who this instance is in the lock table. */
    public String holder() {
        return holder;
    }

    /** Whether this instance leads, as far as it knows. */
    public boolean isLeader() {
        return leader.get();
    }

    /** Takes or renews the lease once; reports a change of leadership to the listener. */
    public void renew() {
        // Taken before the update, which sets the lease from a later instant: the local idea of when the lease
        // ends is never later than the database's.
        long attempted = nanoTicker.getAsLong();
        boolean held;
        try {
            held = lock.acquireOrRenew(name, holder, lease);
        } catch (RuntimeException e) {
            LOG.warnf("Could not renew the lease %s (%s)", name, e.toString());
            check();
            if (!reported.getAndSet(true)) {
                apply();
            }
            return;
        }
        if (held) {
            lastRenewed = attempted;
        }
        boolean was = leader.getAndSet(held);
        boolean first = !reported.getAndSet(true);
        if (was != held || first) {
            LOG.infof(held ? "%s elected for %s" : "%s stands by for %s: another instance holds the lease", holder, name);
        }
        if (was != held || first) {
            apply();
        }
    }

    /** Steps down when the lease has not been renewed for too long (the database is unreachable). */
    public void check() {
        Long last = lastRenewed;
        if (leader.get() && last != null
                && nanoTicker.getAsLong() - last >= lease.minus(renewInterval).toNanos()
                && leader.compareAndSet(true, false)) {
            LOG.warnf("%s stands by for %s: the lease could not be renewed for %s", holder, name,
                    Duration.ofNanos(nanoTicker.getAsLong() - last));
            apply();
        }
    }

    /**
     * Stops leading and gives the lease up at once, so another instance is elected without waiting for it to
     * run out. The listener is not called: the caller is shutting down.
     */
    public void release() {
        leader.set(false);
        try {
            if (lock.release(name, holder)) {
                LOG.infof("%s released the lease %s", holder, name);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not release the lease %s (%s); it runs out by itself", name, e.toString());
        }
    }

    // renew() and check() may run on different threads: each change is followed by applying the state as it
    // is then, one at a time, so the last one applied is always the current state.
    private void apply() {
        synchronized (transitions) {
            if (leader.get()) {
                listener.elected();
            } else {
                listener.standingBy();
            }
        }
    }
}
