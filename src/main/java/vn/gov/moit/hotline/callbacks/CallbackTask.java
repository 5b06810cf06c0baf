package vn.gov.moit.hotline.callbacks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The callers to call back: one task per caller number while it is open (a repeat miss joins it, counted),
 * due by the callback target after the first miss. Written only by {@link CallbackService}.
 */
@Entity
@Table(name = "callback_task")
class CallbackTask extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "caller_number")
    String callerNumber;

    /** The number while the task is open, null once closed: at most one open task per number (unique index). */
    @Column(name = "open_number")
    String openNumber;

    boolean withheld;

    /** The ticket of the first missed call; the later misses' tickets are merged into it. */
    @Column(name = "ticket_id")
    long ticketId;

    @Enumerated(EnumType.STRING)
    CallbackState state;

    int misses;

    int attempts;

    @Column(name = "first_missed_at")
    Instant firstMissedAt;

    @Column(name = "last_missed_at")
    Instant lastMissedAt;

    @Column(name = "due_at")
    Instant dueAt;

    @Column(name = "last_attempt_at")
    Instant lastAttemptAt;

    @Column(name = "closed_at")
    Instant closedAt;

    @Column(name = "closed_reason")
    String closedReason;

    /** The attempt being dialled now, if any: while it is, nobody starts another call to this caller. */
    @Column(name = "calling_attempt_id")
    Long callingAttemptId;

    @Version
    long version;

    static CallbackTask missed(String number, long ticketId, Instant at, Instant due) {
        CallbackTask t = new CallbackTask();
        t.callerNumber = number;
        t.withheld = number == null;
        t.openNumber = number;
        t.ticketId = ticketId;
        t.state = number == null ? CallbackState.NOT_CALLABLE : CallbackState.OPEN;
        t.misses = 1;
        t.firstMissedAt = at;
        t.lastMissedAt = at;
        t.dueAt = due;
        if (number == null) {
            t.closedAt = at;
            t.closedReason = "caller ID withheld";
        }
        return t;
    }

    static CallbackTask openOf(String number) {
        return find("openNumber", number).firstResult();
    }

    boolean open() {
        return state == CallbackState.OPEN;
    }

    void missedAgain(Instant at) {
        misses++;
        lastMissedAt = at;
    }

    /** One attempt to call back; closed when reached, or unreachable after the last allowed attempt. */
    void attempted(boolean reached, int maxAttempts, Instant at) {
        attempts++;
        lastAttemptAt = at;
        if (reached) {
            close(CallbackState.REACHED, "reached", at);
        } else if (attempts >= maxAttempts) {
            close(CallbackState.UNREACHABLE, attempts + " attempts failed", at);
        }
    }

    void close(CallbackState to, String reason, Instant at) {
        state = to;
        openNumber = null;
        closedAt = at;
        closedReason = reason;
    }
}
