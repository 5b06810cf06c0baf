package vn.gov.moit.hotline.reporting;

/** How a hotline call ended, as far as the monthly report needs to know. */
enum CallOutcome {
    /** An operator took the call and the conversation has not (yet) been recorded as completed. */
    ANSWERED,
    /** An operator took the call and the conversation ended normally. */
    COMPLETED,
    /** The caller left the queue before an operator answered. */
    ABANDONED,
    /** The call never reached the queue or an operator (greeting hang-up, after hours, queue timeout...). */
    MISSED,
    /** The call was in progress when the telephony connection was lost; its end is not known. */
    OUTCOME_UNKNOWN;

    boolean answered() {
        return this == ANSWERED || this == COMPLETED;
    }
}
