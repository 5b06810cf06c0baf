package vn.gov.moit.hotline.tickets;

import java.time.Instant;

/**
 * A ticket as clients read it. {@code version} must be sent back with any change. {@code callerRedacted} tells
 * that the caller's number and name were removed after the retention period.
 */
public record TicketView(long id, String reference, TicketSource source, TicketStatus status, String callerNumber,
        boolean callerWithheld, String callerName, boolean callerRedacted, CallerType callerType, String provinceCode, String commune,
        String fieldCode, String category, Priority priority, String summary, String description, String operator,
        String departmentCode, Instant deadline, boolean raisedToLeaders, String resolution, Long duplicateOf,
        Instant createdAt, Instant updatedAt, Instant firstAnsweredAt, Instant closedAt, long version) {

    public static TicketView of(Ticket t) {
        return new TicketView(t.id(), t.reference(), t.source(), t.status(), t.callerNumber(), t.callerWithheld(),
                t.callerName(), t.callerRedacted(), t.callerType(), t.provinceCode(), t.commune(), t.fieldCode(), t.category(),
                t.priority(), t.summary(), t.description(), t.operator(), t.departmentCode(), t.deadline(),
                t.raisedToLeaders(), t.resolution(), t.duplicateOf(), t.createdAt(), t.updatedAt(),
                t.firstAnsweredAt(), t.closedAt(), t.version());
    }
}
