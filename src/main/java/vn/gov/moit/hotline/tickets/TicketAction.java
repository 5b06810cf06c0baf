package vn.gov.moit.hotline.tickets;

/** What a row of a ticket's history records; the names are stored in {@code ticket_history.action}. */
public enum TicketAction {
    CREATED,
    TRIAGED,
    RESOLVED_ON_CALL,
    CLOSED,
    REOPENED,
    MARKED_DUPLICATE,
    DUPLICATE_LINKED,
    CALLBACK_NEEDED,
    CALLED_BACK,
    CALLBACK_FAILED,
    ESCALATED,
    ACCEPTED,
    ANSWERED,
    FORWARDED,
    RAISED_TO_LEADERS,
    REMINDER_SENT,
    DEADLINE_BREACHED
}
