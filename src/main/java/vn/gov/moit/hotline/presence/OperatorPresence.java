package vn.gov.moit.hotline.presence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Where one operator stands in the queue now, as the member events last said. Written only by {@link PresenceService}. */
@Entity
@Table(name = "operator_presence")
class OperatorPresence extends PanacheEntityBase {

    @Id
    String username;

    @Column(name = "member_interface")
    String memberInterface;

    @Enumerated(EnumType.STRING)
    PresenceState state;

    @Column(name = "pause_reason")
    String pauseReason;

    /** The reason this application asked Asterisk to pause for, until the pause event confirms it. */
    @Column(name = "requested_reason")
    String requestedReason;

    @Column(name = "state_since")
    Instant stateSince;

    @Column(name = "wrapup_until")
    Instant wrapupUntil;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Version
    long version;

    static OperatorPresence loggedOut(String username, String memberInterface, Instant at) {
        OperatorPresence p = new OperatorPresence();
        p.username = username;
        p.memberInterface = memberInterface;
        p.state = PresenceState.LOGGED_OUT;
        p.stateSince = at;
        p.updatedAt = at;
        return p;
    }

    boolean inQueue() {
        return state != PresenceState.LOGGED_OUT;
    }

    /** The state as of {@code now}: a wrap-up that is over is availability. */
    PresenceState stateAt(Instant now) {
        return state == PresenceState.WRAP_UP && wrapupUntil != null && !now.isBefore(wrapupUntil)
                ? PresenceState.AVAILABLE : state;
    }

    Instant sinceAt(Instant now) {
        return stateAt(now) != state ? wrapupUntil : stateSince;
    }

    /** Moves to a state; the time in state starts again only when it changed. @return whether it changed */
    boolean moveTo(PresenceState to, String reason, Instant at) {
        updatedAt = at;
        if (to == state && java.util.Objects.equals(reason, pauseReason)) {
            return false;
        }
        state = to;
        pauseReason = to == PresenceState.PAUSED ? reason : null;
        stateSince = at;
        if (to != PresenceState.WRAP_UP) {
            wrapupUntil = null;
        }
        return true;
    }
}
