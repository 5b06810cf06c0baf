package vn.gov.moit.hotline.escalation;

import java.time.Instant;
import vn.gov.moit.hotline.tickets.Priority;

/**
 * Something about a department's assignment that people must be told of, fired (synchronously, inside the
 * transaction of the change) by {@link EscalationService}: whoever tells them writes in the same transaction, so
 * the change and the telling commit or roll back together.
 *
 * @param escalationId the assignment; with {@code kind} and {@code level} it names the event once
 * @param actor who did it ({@code system} for the deadline watch)
 * @param text the note, answer or reason given, if any
 * @param level for a reminder, its number (1 for the first point) and {@code percent} the allowance used
 */
public record EscalationNotice(Kind kind, long escalationId, long ticketId, String reference, String summary,
        Priority priority, String departmentCode, Instant deadline, String escalatedBy, String actor, String text,
        int level, int percent, Instant at) {

    public enum Kind {
        /** The department has a new ticket (escalated or forwarded to it). */
        ESCALATED,
        /** A reminder point before the deadline has passed without an answer. */
        REMINDER,
        /** The deadline passed without an answer. */
        BREACHED,
        /** The ticket was raised to the ministry's leaders. */
        RAISED,
        /** The department answered: the operator calls the caller back and closes. */
        ANSWERED
    }
}
