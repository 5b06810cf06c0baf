package vn.gov.moit.hotline.presence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stretch of time in the queue (LOGGED_IN), paused with its reason (PAUSED), or a ring not answered
 * (RING_NO_ANSWER, one instant). Written only by {@link PresenceService}.
 */
@Entity
@Table(name = "presence_interval")
class PresenceInterval extends PanacheEntityBase {

    enum Kind {
        LOGGED_IN, PAUSED, RING_NO_ANSWER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String username;

    @Enumerated(EnumType.STRING)
    Kind kind;

    String reason;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "ended_at")
    Instant endedAt;

    static void open(String username, Kind kind, String reason, Instant at) {
        if (openOf(username, kind) != null) {
            return;
        }
        PresenceInterval i = new PresenceInterval();
        i.username = username;
        i.kind = kind;
        i.reason = reason;
        i.startedAt = at;
        if (kind == Kind.RING_NO_ANSWER) {
            i.endedAt = at;
        }
        i.persist();
    }

    static void close(String username, Kind kind, Instant at) {
        PresenceInterval i = openOf(username, kind);
        if (i != null) {
            i.endedAt = at.isBefore(i.startedAt) ? i.startedAt : at;
        }
    }

    static PresenceInterval openOf(String username, Kind kind) {
        return kind == Kind.RING_NO_ANSWER ? null
                : find("username = ?1 and kind = ?2 and endedAt is null", username, kind).firstResult();
    }
}
