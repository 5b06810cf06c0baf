package vn.gov.moit.hotline.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * A named lock in the database (table {@code job_lock}) so that a job runs once across threads and
 * instances sharing the database. The lock is a lease: it is taken by one conditional update, which the
 * database applies to one caller at a time, and it expires by itself after {@code lease} if its holder dies,
 * so a crashed instance never blocks the job for good. Standard SQL only: it works on H2 and PostgreSQL.
 *
 * <p>Each step runs in a transaction of its own, committed before the work starts and after it ends, so
 * other instances see the lock at once and the work's own transactions are independent of it.
 *
 * <p>Two uses: {@link #tryRun} holds a lock for the length of one piece of work (a nightly job);
 * {@link #acquireOrRenew} and {@link #release} hold it for as long as the holder keeps renewing it (a leader
 * election, such as the one active AMI listener). Lease times come from each instance's {@link Clock}: the
 * instances' clocks must agree (NTP) to well within the shortest lease.
 */
@ApplicationScoped
public class JobLock {

    private static final Logger LOG = Logger.getLogger(JobLock.class);

    /** Names this process in {@code holder}, to tell in the table which instance holds a lock. */
    private final String instance = UUID.randomUUID().toString();

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /**
     * Runs {@code work} if no one else holds the lock {@code name}, holding it meanwhile.
     *
     * @param lease how long the lock stays taken if it is never released; longer than the work can take
     * @return true when the work ran, false when someone else held the lock
     */
    public boolean tryRun(String name, Duration lease, Runnable work) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
        String holder = instance + "/" + UUID.randomUUID();
        createIfMissing(name);
        boolean acquired = QuarkusTransaction.requiringNew().call(() -> acquire(name, holder, lease, false));
        if (!acquired) {
            return false;
        }
        try {
            work.run();
        } finally {
            if (!release(name, holder)) {
                LOG.warnf("Lock %s had expired and was taken by another holder before its work ended", name);
            }
        }
        return true;
    }

    /**
     * Takes the lock {@code name} for {@code holder} when it is free or its lease has run out, or extends it
     * when {@code holder} already has it; in both cases it is then held until now + {@code lease}. One
     * conditional update, so of several holders asking at once exactly one gets a free lock.
     *
     * @param holder who asks, the same text at every renewal (e.g. an instance id)
     * @return true when {@code holder} holds the lock now
     */
    public boolean acquireOrRenew(String name, String holder, Duration lease) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(holder, "holder");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
        createIfMissing(name);
        return QuarkusTransaction.requiringNew().call(() -> acquire(name, holder, lease, true));
    }

    /**
     * Gives up the lock {@code name} if {@code holder} has it, so another holder can take it at once.
     *
     * @return false when {@code holder} did not hold it (it had expired and someone else took it)
     */
    public boolean release(String name, String holder) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement update = c.prepareStatement(
                            "update job_lock set holder = null, locked_until = null where name = ? and holder = ?")) {
                update.setString(1, name);
                update.setString(2, holder);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Who holds the lock {@code name} right now, if anyone (a lease that ran out is held by no one). */
    public Optional<String> holder(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement select = c.prepareStatement(
                            "select holder from job_lock where name = ? and locked_until >= ?")) {
                select.setString(1, name);
                select.setObject(2, utc(clock.instant()));
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private void createIfMissing(String name) {
        boolean exists = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement select = c.prepareStatement("select count(*) from job_lock where name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            }
        });
        if (exists) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection();
                        PreparedStatement insert = c.prepareStatement(
                                "insert into job_lock (name, holder, locked_until) values (?, null, null)")) {
                    insert.setString(1, name);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            // Another thread or instance inserted the row between our look and our insert: that is all we
            // wanted. Any other failure shows up again, and is reported, in the update that follows.
            LOG.debugf("job_lock row %s not inserted (%s); assuming a concurrent insert", name, e.getMessage());
        }
    }

    private boolean acquire(String name, String holder, Duration lease, boolean renew) throws SQLException {
        Instant now = clock.instant();
        // The database applies conditional updates of one row one at a time, re-checking the condition
        // against the committed row (H2 and PostgreSQL alike): of several callers at once, one matches.
        String sql = "update job_lock set holder = ?, locked_until = ? where name = ? and "
                + (renew ? "(holder = ? or locked_until is null or locked_until < ?)"
                        : "(locked_until is null or locked_until < ?)");
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            int i = 1;
            update.setString(i++, holder);
            update.setObject(i++, utc(now.plus(lease)));
            update.setString(i++, name);
            if (renew) {
                update.setString(i++, holder);
            }
            update.setObject(i, utc(now));
            // A database that hangs must not keep a leader believing it renewed: give up after the lease.
            update.setQueryTimeout((int) Math.max(1, lease.toSeconds()));
            return update.executeUpdate() == 1;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
