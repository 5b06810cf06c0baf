package vn.gov.moit.hotline.telephony;

import java.time.Instant;

/**
 * A finished hotline call as read back from Asterisk's own files after an outage, ready to be logged. It
 * carries only what the file states: caller number and name as Asterisk wrote them (the call log decides what
 * is withheld), the operator's member name and/or interface, and null for whatever the file cannot tell.
 *
 * @param state COMPLETED, ABANDONED or MISSED
 * @param note why the call is flagged, kept as the call's {@code missedReason} (at most 100 characters)
 * @param callerUniqueid the uniqueid of the caller's channel that joined the queue: queue_log's callid, the
 *     Queue record's uniqueid in Master.csv. It differs from the Linkedid for a caller behind a Local channel,
 *     and is how an import recognises a call the other file (or live capture) already logged.
 */
public record BackfilledCall(String linkedid, CallState state, String did, String callerNumber, String callerName,
        String queue, String callerChannel, String operatorName, String operatorInterface, Instant arrivedAt,
        Instant answeredAt, Instant endedAt, Integer waitSeconds, Integer talkSeconds, String hungUpBy,
        String note, String callerUniqueid) {

    /** When the call last changed: its end when known. */
    Instant lastSeen() {
        Instant last = arrivedAt;
        for (Instant t : new Instant[] {answeredAt, endedAt}) {
            if (t != null && t.isAfter(last)) {
                last = t;
            }
        }
        return last;
    }
}
