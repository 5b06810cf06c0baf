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
import java.time.Instant;
import vn.gov.moit.hotline.telephony.OutboundCallEnded;

/**
 * One attempt to call a caller back: dialled by the system (click to call, its outcome from Asterisk) or
 * recorded by hand (a call made some other way). Written only by {@link CallbackService}.
 */
@Entity
@Table(name = "callback_attempt")
class CallbackAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "task_id")
    long taskId;

    @Column(name = "operator_username")
    String operatorUsername;

    /** Placed through Asterisk (true) or recorded by hand. */
    boolean dialled;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "ended_at")
    Instant endedAt;

    /** Null while the call is being placed. */
    @Enumerated(EnumType.STRING)
    OutboundCallEnded.Outcome outcome;

    /** Counts towards the attempts after which the caller is unreachable (not when the operator's phone failed). */
    boolean counted = true;

    @Column(name = "talk_seconds")
    Integer talkSeconds;

    String detail;

    static CallbackAttempt of(long taskId, String operator, boolean dialled, Instant at) {
        CallbackAttempt a = new CallbackAttempt();
        a.taskId = taskId;
        a.operatorUsername = operator;
        a.dialled = dialled;
        a.startedAt = at;
        return a;
    }

    void ended(OutboundCallEnded.Outcome o, boolean countsAgainstCaller, Integer talk, String why, Instant at) {
        outcome = o;
        counted = countsAgainstCaller;
        talkSeconds = talk;
        detail = why;
        endedAt = at;
    }
}
