package vn.gov.moit.hotline.presence;

/** Where an operator stands in the hotline queue. */
public enum PresenceState {
    /** Not a member of the queue. */
    LOGGED_OUT,
    /** In the queue, free for the next caller. */
    AVAILABLE,
    /** Their phone is ringing with a caller. */
    RINGING,
    /** On a call. */
    TALKING,
    /** Just off a call: the queue's wrap-up time before the next one. */
    WRAP_UP,
    /** In the queue but paused, with a reason. */
    PAUSED,
    /** In the queue but their phone cannot be reached (not registered). */
    UNAVAILABLE
}
