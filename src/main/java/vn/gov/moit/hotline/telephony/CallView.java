package vn.gov.moit.hotline.telephony;

import java.time.Instant;

/**
 * A call as operators and supervisors read it. {@code repeatCaller} tells that the caller has other open
 * tickets; it is worked out for reads of one call or a page, and left null in the live feed. {@code callerRedacted}
 * tells that the caller's number and name were removed after the retention period.
 */
public record CallView(long id, String linkedid, CallState state, String did, String callerNumber,
        boolean callerWithheld, String callerName, boolean callerRedacted, String queue, String operatorName, String operatorInterface,
        String operatorUsername, Instant arrivedAt, Instant queuedAt, Instant answeredAt, Instant endedAt,
        Integer waitSeconds, Integer talkSeconds, String hungUpBy, boolean hungUpInferred, Integer hangupCause, String hangupCauseText,
        String missedReason, boolean flagged, Long ticketId, String ticketReference, Boolean repeatCaller) {

    static CallView of(Call c, String ticketReference, Boolean repeatCaller) {
        return new CallView(c.id, c.linkedid, c.state, c.did, c.callerNumber, c.callerWithheld, c.callerName, c.callerRedacted, c.queue,
                c.operatorName, c.operatorInterface, c.operatorUsername, c.arrivedAt, c.queuedAt, c.answeredAt,
                c.endedAt, c.waitSeconds, c.talkSeconds, c.hungUpBy, c.hungUpInferred, c.hangupCause, c.hangupCauseText, c.missedReason,
                c.flagged, c.ticketId, ticketReference, repeatCaller);
    }
}
