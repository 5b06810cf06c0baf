package vn.gov.moit.hotline.callbacks;

/** Where a callback task stands. */
public enum CallbackState {
    /** Someone must call the caller back. */
    OPEN,
    /** The caller was reached (called back, or answered when calling in again). */
    REACHED,
    /** The configured number of attempts failed. */
    UNREACHABLE,
    /** The caller's number is withheld: there is nobody to call. Counted, never hidden. */
    NOT_CALLABLE
}
