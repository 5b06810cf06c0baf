package vn.gov.moit.hotline.telephony;

import java.util.EnumSet;
import java.util.Set;

/** Where a hotline call stands, from the moment it reaches the hotline until it ends. */
public enum CallState {
    /** In the hotline's dialplan (greeting), not yet in the queue. */
    ARRIVED,
    /** Waiting in the hotline queue. */
    QUEUED,
    /** Talking to an operator. */
    ANSWERED,
    /** Answered and over. */
    COMPLETED,
    /** The caller left the queue before an operator answered. */
    ABANDONED,
    /** Never queued or answered: hung up in the greeting, after hours, no operator, queue timeout. */
    MISSED,
    /** In progress when the connection to Asterisk was lost, and gone when it came back. */
    OUTCOME_UNKNOWN;

    public static final Set<CallState> IN_PROGRESS = EnumSet.of(ARRIVED, QUEUED, ANSWERED);

    public boolean inProgress() {
        return IN_PROGRESS.contains(this);
    }
}
