package vn.gov.moit.hotline.tickets;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket stands. The allowed moves are listed here, in one place; {@link Ticket} refuses any other.
 */
public enum TicketStatus {
    NEW,
    CALLBACK_PENDING,
    TRIAGED,
    ESCALATED,
    IN_PROGRESS,
    ANSWERED,
    RESOLVED_ON_CALL,
    CLOSED,
    REOPENED,
    DUPLICATE;

    /** Statuses in which the ticket still needs work from someone. */
    public static final Set<TicketStatus> OPEN = EnumSet.of(NEW, CALLBACK_PENDING, TRIAGED, ESCALATED, IN_PROGRESS,
            ANSWERED, RESOLVED_ON_CALL, REOPENED);

    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(TRIAGED, RESOLVED_ON_CALL, CALLBACK_PENDING, DUPLICATE);
            case CALLBACK_PENDING -> EnumSet.of(NEW, CLOSED, DUPLICATE);
            case TRIAGED -> EnumSet.of(TRIAGED, ESCALATED, RESOLVED_ON_CALL, DUPLICATE);
            case ESCALATED -> EnumSet.of(IN_PROGRESS, ESCALATED, ANSWERED);
            case IN_PROGRESS -> EnumSet.of(ANSWERED, ESCALATED);
            case ANSWERED -> EnumSet.of(CLOSED, ESCALATED);
            case RESOLVED_ON_CALL -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(REOPENED);
            case REOPENED -> EnumSet.of(TRIAGED, ESCALATED, RESOLVED_ON_CALL, CLOSED, DUPLICATE);
            case DUPLICATE -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return next().contains(target);
    }
}
