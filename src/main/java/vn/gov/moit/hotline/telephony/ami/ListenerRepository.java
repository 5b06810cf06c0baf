package vn.gov.moit.hotline.telephony.ami;

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
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.gov.moit.hotline.common.JdbcTime;

/**
 * The instances taking part in the listener election (table {@code ami_instance}): each reports at every election
 * step whether it listens and whether it is logged in to Asterisk, so that a listener shutting down can tell that
 * a standby is connected before it gives the lease up ({@link AmiLeaderElection}). A row not renewed for a day
 * (an instance killed long ago) is deleted by whoever reports next. Each step is a transaction of its own.
 */
@ApplicationScoped
class ListenerRepository {

    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Records this instance's role and connection now. */
    void report(String instance, boolean listener, boolean connected) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                int updated;
                try (PreparedStatement update = c.prepareStatement(
                        "update ami_instance set listener = ?, connected = ?, seen_at = ? where instance = ?")) {
                    update.setBoolean(1, listener);
                    update.setBoolean(2, connected);
                    update.setObject(3, JdbcTime.utc(now));
                    update.setString(4, instance);
                    updated = update.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement insert = c.prepareStatement(
                            "insert into ami_instance (instance, listener, connected, seen_at) values (?, ?, ?, ?)")) {
                        insert.setString(1, instance);
                        insert.setBoolean(2, listener);
                        insert.setBoolean(3, connected);
                        insert.setObject(4, JdbcTime.utc(now));
                        insert.executeUpdate();
                    }
                }
                try (PreparedStatement purge = c.prepareStatement("delete from ami_instance where seen_at < ?")) {
                    purge.setObject(1, JdbcTime.utc(now.minus(FORGOTTEN_AFTER)));
                    purge.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A standby in the election, and whether it is logged in to Asterisk. */
    record Standby(String instance, boolean connected) {
    }

    /** The standbys other than {@code except} that reported within {@code fresh}, connected ones first. */
    List<Standby> standbys(String except, Duration fresh) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement select = c.prepareStatement("select instance, connected from ami_instance"
                            + " where instance <> ? and not listener and seen_at >= ? order by connected desc, seen_at desc")) {
                select.setString(1, except);
                select.setObject(2, JdbcTime.utc(clock.instant().minus(fresh)));
                List<Standby> standbys = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        standbys.add(new Standby(rs.getString(1), rs.getBoolean(2)));
                    }
                }
                return standbys;
            }
        });
    }

    /** This instance leaves the election (a clean shutdown). */
    void remove(String instance) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement delete = c.prepareStatement("delete from ami_instance where instance = ?")) {
                delete.setString(1, instance);
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
