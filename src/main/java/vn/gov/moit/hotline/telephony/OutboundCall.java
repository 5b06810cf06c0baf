package vn.gov.moit.hotline.telephony;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A call the hotline placed (a callback): the operator's phone rings first, then Asterisk dials the caller.
 * Keyed by the Linkedid the application gave Originate. Like {@link Call}, every step is idempotent and never
 * goes back, and once ended nothing changes it.
 */
@Entity
@Table(name = "outbound_call")
class OutboundCall extends PanacheEntityBase {

    enum State {
        /** Originate sent; the operator's phone is ringing. */
        DIALLING,
        /** The operator answered; Asterisk is dialling the caller. */
        OPERATOR_ANSWERED,
        /** The caller answered. */
        CALLER_ANSWERED,
        ENDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String linkedid;

    @Column(name = "attempt_key")
    String attemptKey;

    @Column(name = "operator_username")
    String operatorUsername;

    /** The channel Originate rang first (the operator's phone), e.g. Local/1001@agents. */
    @Column(name = "operator_channel")
    String operatorChannel;

    String number;

    @Column(name = "ticket_id")
    Long ticketId;

    @Enumerated(EnumType.STRING)
    State state;

    /** DIALSTATUS of the Dial to the caller (DialEnd), once known. */
    @Column(name = "dial_status")
    String dialStatus;

    @Column(name = "dialled_channel")
    String dialledChannel;

    @Enumerated(EnumType.STRING)
    OutboundCallEnded.Outcome outcome;

    /** Asterisk went as far as dialling the caller (the operator answered their phone first). */
    @Column(name = "caller_dialled")
    boolean callerDialled;

    String detail;

    @Column(name = "hangup_cause")
    Integer hangupCause;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "operator_answered_at")
    Instant operatorAnsweredAt;

    @Column(name = "answered_at")
    Instant answeredAt;

    @Column(name = "ended_at")
    Instant endedAt;

    @Column(name = "talk_seconds")
    Integer talkSeconds;

    @Version
    long version;

    /** Set by the step that ended the call: the operator's own phone never answered (the caller was not called). */
    @Transient
    boolean operatorUnreached;

    static OutboundCall byLinkedid(String linkedid) {
        return find("linkedid", linkedid).firstResult();
    }

    boolean ended() {
        return state == State.ENDED;
    }

    /** Whether a channel is one of the operator's (the Local channel's halves carry a suffix). */
    boolean operatorSide(String channel) {
        return channel != null && channel.startsWith(operatorChannel);
    }

    /** OriginateResponse: the operator answered, or their phone could not be rung or did not answer. */
    boolean originated(boolean success, Integer reason, Instant at) {
        if (state != State.DIALLING) {
            return false;
        }
        if (success) {
            state = State.OPERATOR_ANSWERED;
            operatorAnsweredAt = at;
            callerDialled = true;
            return true;
        }
        end(OutboundCallEnded.Outcome.FAILED, "operator's phone: " + originateReason(reason), at);
        operatorUnreached = true;
        return true;
    }

    /** DialEnd of the Dial to the caller. */
    boolean dialEnded(String destChannel, String status, Instant at) {
        if (ended() || status == null || dialStatus != null) {
            return false;
        }
        dialStatus = status;
        if (destChannel != null) {
            dialledChannel = destChannel;
        }
        if ("ANSWER".equals(status)) {
            state = State.CALLER_ANSWERED;
            answeredAt = at;
        }
        return true;
    }

    /**
     * A channel of the call hung up. The caller's channel ending an answered call ends it; the channel
     * Originate created (its uniqueid is the Linkedid) ends it in any case, with the outcome the Dial gave or,
     * without one, the hangup cause.
     */
    boolean hungUp(String channel, String uniqueid, Integer cause, String causeText, Instant at) {
        if (ended()) {
            return false;
        }
        if (!operatorSide(channel) && dialledChannel == null) {
            dialledChannel = channel;
        }
        boolean callerChannel = channel != null && channel.equals(dialledChannel);
        if (callerChannel) {
            hangupCause = cause;
        }
        if (state == State.CALLER_ANSWERED) {
            if (callerChannel || linkedid.equals(uniqueid)) {
                talkSeconds = (int) Duration.between(answeredAt, at).toSeconds();
                end(OutboundCallEnded.Outcome.ANSWERED, null, at);
                return true;
            }
            return false;
        }
        if (!linkedid.equals(uniqueid)) {
            return callerChannel;
        }
        if (state == State.DIALLING) {
            end(OutboundCallEnded.Outcome.FAILED, "operator's phone hung up (" + causeText + ")", at);
            operatorUnreached = true;
        } else {
            int c = hangupCause != null ? hangupCause : cause == null ? 0 : cause;
            end(dialStatus != null ? fromDialStatus(dialStatus) : fromCause(c), dialStatus != null
                    ? "DIALSTATUS " + dialStatus : "hangup cause " + c, at);
        }
        return true;
    }

    /** No OriginateResponse in time, or the call was gone after a reconnection: over, outcome failed. */
    void givenUp(String why, Instant at) {
        if (!ended()) {
            end(OutboundCallEnded.Outcome.FAILED, why, at);
        }
    }

    private void end(OutboundCallEnded.Outcome o, String why, Instant at) {
        state = State.ENDED;
        outcome = o;
        detail = why;
        endedAt = at;
    }

    static OutboundCallEnded.Outcome fromDialStatus(String status) {
        return switch (status) {
            case "ANSWER" -> OutboundCallEnded.Outcome.ANSWERED;
            case "BUSY" -> OutboundCallEnded.Outcome.BUSY;
            // CANCEL: the operator hung up while the caller's phone rang.
            case "NOANSWER", "CANCEL" -> OutboundCallEnded.Outcome.NO_ANSWER;
            case "CONGESTION" -> OutboundCallEnded.Outcome.CONGESTION;
            default -> OutboundCallEnded.Outcome.FAILED;
        };
    }

    /** Q.850 causes: 17 user busy; 18, 19 no answer; 34, 38, 41, 42, 44 congestion; the rest failed. */
    static OutboundCallEnded.Outcome fromCause(int cause) {
        return switch (cause) {
            case 17 -> OutboundCallEnded.Outcome.BUSY;
            case 18, 19 -> OutboundCallEnded.Outcome.NO_ANSWER;
            case 34, 38, 41, 42, 44 -> OutboundCallEnded.Outcome.CONGESTION;
            default -> OutboundCallEnded.Outcome.FAILED;
        };
    }

    private static String originateReason(Integer reason) {
        return switch (reason == null ? -1 : reason) {
            case 3 -> "rang out unanswered";
            case 5 -> "busy";
            case 8 -> "congestion";
            case 1 -> "hung up";
            default -> "could not be rung (reason " + reason + ")";
        };
    }
}
