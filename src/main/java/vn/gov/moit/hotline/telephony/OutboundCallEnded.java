package vn.gov.moit.hotline.telephony;

import java.time.Instant;

/**
 * A call the hotline placed is over, fired inside the transaction that ended it. {@code operatorUnreached}: the
 * operator's own phone was never answered, so the caller was not called at all.
 */
public record OutboundCallEnded(String attemptKey, long callId, Long ticketId, String operatorUsername,
        String number, Outcome outcome, boolean operatorUnreached, Instant answeredAt, Instant endedAt,
        Integer talkSeconds, String detail) {

    /** How the call went, as a CDR's disposition says it. */
    public enum Outcome {
        ANSWERED, BUSY, NO_ANSWER, CONGESTION, FAILED
    }
}
