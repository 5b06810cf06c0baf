package vn.gov.moit.hotline.telephony;

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
import java.time.Duration;
import java.time.Instant;

/**
 * One hotline call, keyed by Asterisk's Linkedid. Every method is idempotent and never moves the call
 * backwards, so that events delivered twice (replay, reconnect, two listeners) change nothing.
 */
@Entity
@Table(name = "call_record")
class Call extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "call_record_seq")
    @SequenceGenerator(name = "call_record_seq", sequenceName = "call_record_seq", allocationSize = 50)
    Long id;

    String linkedid;

    @Enumerated(EnumType.STRING)
    CallState state;

    String did;

    @Column(name = "caller_number")
    String callerNumber;

    @Column(name = "caller_withheld")
    boolean callerWithheld = true;

    @Column(name = "caller_name")
    String callerName;

    /** The caller's number and name were removed after the retention period (CallRetention). */
    @Column(name = "caller_redacted")
    boolean callerRedacted;

    String queue;

    @Column(name = "operator_name")
    String operatorName;

    @Column(name = "operator_interface")
    String operatorInterface;

    @Column(name = "operator_username")
    String operatorUsername;

    @Column(name = "caller_channel")
    String callerChannel;

    /** The uniqueid of the caller's channel when it is not the Linkedid (BackfilledCall#callerUniqueid). */
    @Column(name = "caller_uniqueid")
    String callerUniqueid;

    @Column(name = "arrived_at")
    Instant arrivedAt;

    @Column(name = "queued_at")
    Instant queuedAt;

    @Column(name = "answered_at")
    Instant answeredAt;

    @Column(name = "ended_at")
    Instant endedAt;

    @Column(name = "wait_seconds")
    Integer waitSeconds;

    @Column(name = "talk_seconds")
    Integer talkSeconds;

    @Column(name = "hung_up_by")
    String hungUpBy;

    /** hungUpBy was inferred from the first channel to hang up, for want of AgentComplete. */
    @Column(name = "hung_up_inferred")
    boolean hungUpInferred;

    @Column(name = "hangup_cause")
    Integer hangupCause;

    @Column(name = "hangup_cause_text")
    String hangupCauseText;

    @Column(name = "missed_reason")
    String missedReason;

    boolean flagged;

    @Column(name = "ticket_id")
    Long ticketId;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Version
    long version;

    static Call byLinkedid(String linkedid) {
        return find("linkedid", linkedid).firstResult();
    }

    static Call arrived(String linkedid, String did, String channel, Instant at) {
        Call c = new Call();
        c.linkedid = linkedid;
        c.state = CallState.ARRIVED;
        c.did = did;
        c.callerChannel = channel;
        c.arrivedAt = at;
        c.updatedAt = at;
        return c;
    }

    /**
     * A finished call read back from Asterisk's files after an outage. Flagged: its record comes from a file,
     * not from the events, and some figures may be missing.
     */
    static Call backfilled(BackfilledCall b, String number, String name, String operatorUsername, Long ticketId) {
        Call c = arrived(b.linkedid(), b.did(), b.callerChannel(), b.arrivedAt());
        c.state = b.state();
        c.callerNumber = number;
        c.callerWithheld = number == null;
        c.callerName = name;
        c.queue = b.queue();
        c.operatorName = b.operatorName();
        c.operatorInterface = b.operatorInterface();
        c.operatorUsername = operatorUsername;
        c.answeredAt = b.answeredAt();
        c.endedAt = b.endedAt();
        c.waitSeconds = b.waitSeconds();
        c.talkSeconds = b.talkSeconds();
        c.hungUpBy = b.hungUpBy();
        c.missedReason = b.note() == null || b.note().length() <= 100 ? b.note() : b.note().substring(0, 100);
        c.flagged = true;
        c.ticketId = ticketId;
        c.callerUniqueid = b.callerUniqueid();
        c.updatedAt = b.lastSeen();
        return c;
    }

    boolean ended() {
        return endedAt != null;
    }

    /**
     * The other file's record of a call already logged from one file: what this one lacks and that one knows
     * (queue_log names the operator and the wait; Master.csv the DID and the caller's name). Live figures are
     * never replaced.
     */
    boolean completeFrom(BackfilledCall b, String operator) {
        if (!flagged) {
            return false;
        }
        boolean changed = false;
        if (operatorName == null && b.operatorName() != null) {
            operatorName = b.operatorName();
            changed = true;
        }
        if (operatorUsername == null && operator != null) {
            operatorUsername = operator;
            changed = true;
        }
        if (waitSeconds == null && b.waitSeconds() != null) {
            waitSeconds = b.waitSeconds();
            changed = true;
        }
        if (did == null && b.did() != null) {
            did = b.did();
            changed = true;
        }
        if (hungUpBy == null && b.hungUpBy() != null) {
            hungUpBy = b.hungUpBy();
            changed = true;
        }
        return changed;
    }

    /** The latest event that carries a real number wins; a withheld marker never erases a known number. */
    boolean identify(String number, String name) {
        if (callerRedacted) {
            // A replay or a late backfill must not bring back what retention removed.
            return false;
        }
        boolean changed = false;
        if (number != null && !number.equals(callerNumber)) {
            callerNumber = number;
            callerWithheld = false;
            changed = true;
        }
        if (name != null && !name.equals(callerName)) {
            callerName = name;
            changed = true;
        }
        return changed;
    }

    /**
     * Whether a channel is the caller's: the one that entered the inbound context or joined the queue, or the
     * other half of that Local channel (Local/…;1 and …;2). An operator's leg never is.
     */
    boolean callerSide(String channel) {
        if (callerChannel == null || channel == null) {
            return false;
        }
        return channel.equals(callerChannel)
                || (channel.startsWith("Local/") && localPair(channel).equals(localPair(callerChannel)));
    }

    private static String localPair(String channel) {
        return channel.endsWith(";1") || channel.endsWith(";2") ? channel.substring(0, channel.length() - 2) : channel;
    }

    void queued(String queueName, String channel, Instant at) {
        if (queue == null) {
            queue = queueName;
        }
        if (channel != null && !ended()) {
            callerChannel = channel;
        }
        if (state == CallState.ARRIVED || state == CallState.OUTCOME_UNKNOWN) {
            revive();
            state = CallState.QUEUED;
            queuedAt = at;
            touch(at);
        }
    }

    /** An operator picked up; a call already ended or answered keeps what it has. */
    boolean answered(String memberName, String memberInterface, String username, Integer holdSeconds, Instant at) {
        if (!waiting()) {
            return false;
        }
        revive();
        state = CallState.ANSWERED;
        answeredAt = at;
        waitSeconds = holdSeconds;
        operatorName = memberName;
        operatorInterface = memberInterface;
        operatorUsername = username;
        touch(at);
        return true;
    }

    boolean completed(String memberName, String memberInterface, String username, Integer holdSeconds,
            Integer talk, String reason, Instant at) {
        if (waiting()) {
            answered(memberName, memberInterface, username, holdSeconds, at);
        }
        // A hangup seen first closed the call with a measured talk time and an inferred side; Asterisk's own
        // figures replace them.
        boolean closedByHangup = state == CallState.COMPLETED && (hungUpBy == null || hungUpInferred);
        if (state != CallState.ANSWERED && !closedByHangup) {
            return false;
        }
        state = CallState.COMPLETED;
        talkSeconds = talk;
        hungUpBy = reason;
        hungUpInferred = false;
        if (waitSeconds == null) {
            waitSeconds = holdSeconds;
        }
        touch(at);
        return true;
    }

    boolean abandoned(Integer holdSeconds, Instant at) {
        if (!waiting()) {
            return false;
        }
        revive();
        state = CallState.ABANDONED;
        waitSeconds = holdSeconds;
        missedReason = "caller left the queue";
        touch(at);
        return true;
    }

    /**
     * The caller's channel hung up: the call is over. A call still waiting or in the greeting becomes
     * missed; a call still talking (its AgentComplete not seen yet) completes with the talk time measured here.
     *
     * @return true when this hangup ended the call
     */
    boolean hungUp(String channel, Integer cause, String causeText, Instant at) {
        if (ended()) {
            return false;
        }
        if (state == CallState.ANSWERED && hungUpBy == null && channel != null) {
            // The first channel of the conversation to hang up says who ended it, in case Asterisk sends no
            // AgentComplete (it sometimes does not when the caller hangs up first).
            hungUpBy = callerSide(channel) ? "caller" : "agent";
            hungUpInferred = true;
            if (!channel.equals(callerChannel)) {
                touch(at);
                return true;
            }
        }
        if (callerChannel != null && !callerChannel.equals(channel)) {
            return false;
        }
        endedAt = at;
        hangupCause = cause;
        hangupCauseText = causeText;
        if (state == CallState.ARRIVED || state == CallState.QUEUED) {
            missedReason = state == CallState.ARRIVED ? "hung up before reaching the queue"
                    : "left the queue without an answer";
            state = CallState.MISSED;
        } else if (state == CallState.ANSWERED) {
            state = CallState.COMPLETED;
            talkSeconds = (int) Duration.between(answeredAt, at).toSeconds();
        }
        touch(at);
        return true;
    }

    /**
     * Not answered yet. A call closed as outcome-unknown counts too: events of it that were still on their
     * way when the connection came back (or a call that started during the resync) are taken, and only the
     * flag remembers that its record has a gap.
     */
    private boolean waiting() {
        return state == CallState.ARRIVED || state == CallState.QUEUED || state == CallState.OUTCOME_UNKNOWN;
    }

    private void revive() {
        if (state == CallState.OUTCOME_UNKNOWN) {
            endedAt = null;
            missedReason = null;
        }
    }

    /** Asterisk no longer has the call after a lost connection: how it ended is unknown. */
    void outcomeUnknown(Instant at) {
        if (!state.inProgress()) {
            return;
        }
        state = CallState.OUTCOME_UNKNOWN;
        flagged = true;
        endedAt = at;
        missedReason = "connection to Asterisk lost while the call was in progress";
        touch(at);
    }

    private void touch(Instant at) {
        if (updatedAt == null || at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }
}
