package vn.gov.moit.hotline.telephony;

import java.time.Instant;

/**
 * What the telephony adapter tells the call log, in the project's own words. Every event belongs to one
 * call, keyed by Asterisk's {@code Linkedid}; {@code at} is when Asterisk raised it (its {@code Timestamp}
 * header when present, otherwise when it was read). Caller numbers are passed as Asterisk wrote them;
 * the call log decides what is a withheld number.
 */
public sealed interface CallEvent {

    String linkedid();

    Instant at();

    /** A channel of the call appeared or moved in the dialplan (Newchannel, Newexten). */
    record ChannelEntered(String linkedid, Instant at, String channel, String uniqueid, String context,
            String exten, String callerNumber, String callerName) implements CallEvent {
    }

    /** The caller's identity became known or changed (NewCallerid). */
    record CallerIdentified(String linkedid, Instant at, String channel, String callerNumber, String callerName)
            implements CallEvent {
    }

    /** The caller entered a queue (QueueCallerJoin). */
    record QueueJoined(String linkedid, Instant at, String channel, String queue, String callerNumber,
            String callerName) implements CallEvent {
    }

    /** An operator picked the call up from the queue (AgentConnect). */
    record AgentConnected(String linkedid, Instant at, String queue, String memberName, String memberInterface,
            Integer holdSeconds) implements CallEvent {
    }

    /** The conversation with the operator ended (AgentComplete); reason is "caller", "agent" or "transfer". */
    record AgentCompleted(String linkedid, Instant at, String queue, String memberName, String memberInterface,
            Integer holdSeconds, Integer talkSeconds, String reason) implements CallEvent {
    }

    /** The caller left the queue unanswered (QueueCallerAbandon); holdSeconds is a duration. */
    record QueueAbandoned(String linkedid, Instant at, String queue, Integer holdSeconds) implements CallEvent {
    }

    /** A channel of the call hung up (Hangup). */
    record ChannelHungUp(String linkedid, Instant at, String channel, String uniqueid, Integer cause,
            String causeText) implements CallEvent {
    }

    /**
     * Asterisk's answer to an Originate the hotline sent (OriginateResponse): whether the first channel, the
     * operator's phone, answered; reason is Asterisk's control code (4 answered, 5 busy, 8 congestion, 3 rang
     * out, 0 or 1 failed).
     */
    record OriginateResponded(String linkedid, Instant at, boolean success, Integer reason) implements CallEvent {
    }

    /** A Dial of the call ended (DialEnd): status is Asterisk's DIALSTATUS (ANSWER, BUSY, NOANSWER, ...). */
    record DialEnded(String linkedid, Instant at, String channel, String destChannel, String status)
            implements CallEvent {
    }
}
