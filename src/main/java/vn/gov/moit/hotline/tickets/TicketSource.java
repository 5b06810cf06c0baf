package vn.gov.moit.hotline.tickets;

/** How a ticket came in. */
public enum TicketSource {
    /** Created by the call log when a hotline call arrived. */
    PHONE,
    /** Created when an operator called a missed caller back. */
    CALLBACK,
    /** Reported by a field officer of a province or commune. */
    FIELD_OFFICER_REPORT,
    /** Typed in by an operator (e-mail, letter, walk-in). */
    MANUAL
}
