package vn.gov.moit.hotline.escalation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.gov.moit.hotline.common.DomainException;

/** One department's assignment of a ticket, with its deadline; a forward ends one and starts the next. */
@Entity
@Table(name = "escalation")
class Escalation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "escalation_seq")
    @SequenceGenerator(name = "escalation_seq", sequenceName = "escalation_seq", allocationSize = 50)
    Long id;

    @Column(name = "ticket_id")
    long ticketId;

    @Column(name = "department_code")
    String departmentCode;

    @Enumerated(EnumType.STRING)
    EscalationState state;

    Instant deadline;

    @Column(name = "escalated_by")
    String escalatedBy;

    @Column(name = "escalated_at")
    Instant escalatedAt;

    String note;

    @Column(name = "accepted_by")
    String acceptedBy;

    @Column(name = "accepted_at")
    Instant acceptedAt;

    @Column(name = "answered_by")
    String answeredBy;

    @Column(name = "answered_at")
    Instant answeredAt;

    String answer;

    @Column(name = "closed_at")
    Instant closedAt;

    @Column(name = "breached_at")
    Instant breachedAt;

    @Column(name = "raised_at")
    Instant raisedAt;

    @Column(name = "raised_by")
    String raisedBy;

    @Column(name = "raise_reason")
    String raiseReason;

    /** How many of the reminder points ({@code hotline.escalation.reminders}) this assignment has passed. */
    @Column(name = "reminders_sent")
    int remindersSent;

    @Version
    long version;

    static Escalation open(long ticketId, String department, Instant deadline, String by, Instant now, String note) {
        Escalation e = new Escalation();
        e.ticketId = ticketId;
        e.departmentCode = department;
        e.state = EscalationState.OPEN;
        e.deadline = deadline;
        e.escalatedBy = by;
        e.escalatedAt = now;
        e.note = note;
        return e;
    }

    /** The escalation of a ticket that still waits for its department, if any. */
    static Escalation pendingOf(long ticketId) {
        return find("ticketId = ?1 and state in ?2 order by escalatedAt desc, id desc", ticketId,
                EscalationState.PENDING).firstResult();
    }

    private void requirePending() {
        if (!EscalationState.PENDING.contains(state)) {
            throw new DomainException.Conflict("illegal-transition", "the escalation is already " + state);
        }
    }

    void accept(String by, Instant now) {
        if (state != EscalationState.OPEN) {
            throw new DomainException.Conflict("illegal-transition", "the escalation is already " + state);
        }
        state = EscalationState.ACCEPTED;
        acceptedBy = by;
        acceptedAt = now;
    }

    void answer(String by, String text, Instant now) {
        requirePending();
        state = EscalationState.ANSWERED;
        answeredBy = by;
        answeredAt = now;
        answer = text;
        closedAt = now;
    }

    void forwarded(Instant now) {
        requirePending();
        state = EscalationState.FORWARDED;
        closedAt = now;
    }

    void raised(String by, String reason, Instant now) {
        raisedAt = now;
        raisedBy = by;
        raiseReason = reason;
    }

    boolean breached() {
        return breachedAt != null || (closedAt != null && closedAt.isAfter(deadline));
    }
}
