package vn.gov.moit.hotline.tickets;

import java.time.Instant;

/**
 * A ticket as clients read it. {@code version} must be sent back with any change. {@code callerRedacted} tells
 * that the caller's number and name were removed after the retention period. {@code deadline},
 * {@code raisedToLeaders} and {@code firstAnsweredAt} are the departments' commitments ({@link TicketCommitments}).
 */
public record TicketView(long id, String reference, TicketSource source, TicketStatus status, String callerNumber,
        boolean callerWithheld, String callerName, boolean callerRedacted, CallerType callerType, String provinceCode, String commune,
        String fieldCode, String category, Priority priority, String summary, String description, String operator,
        String departmentCode, Instant deadline, boolean raisedToLeaders, String resolution, Long duplicateOf,
        Instant createdAt, Instant updatedAt, Instant firstAnsweredAt, Instant closedAt, long version) {

    static TicketView of(Ticket t, TicketCommitments.Commitment c) {
        return of(new Row(t.id(), t.reference(), t.source(), t.status(), t.callerNumber(), t.callerWithheld(),
                t.callerName(), t.callerRedacted(), t.callerType(), t.provinceCode(), t.commune(), t.fieldCode(),
                t.category(), t.priority(), t.summary(), t.description(), t.operator(), t.departmentCode(),
                t.resolution(), t.duplicateOf(), t.createdAt(), t.updatedAt(), t.closedAt(), t.version()), c);
    }

    static TicketView of(Row r, TicketCommitments.Commitment c) {
        return new TicketView(r.id, r.reference, r.source, r.status, r.callerNumber, r.callerWithheld, r.callerName,
                r.callerRedacted, r.callerType, r.provinceCode, r.commune, r.fieldCode, r.category, r.priority,
                r.summary, r.description, r.operator, r.departmentCode, c.deadline(), c.raisedToLeaders(),
                r.resolution, r.duplicateOf, r.createdAt, r.updatedAt, c.firstAnsweredAt(), r.closedAt, r.version);
    }

    /**
     * The ticket's own columns, which lists read straight from the query (a projection: no entity hydrated,
     * snapshot and tracked for rows that are only read). The parameter names are the entity's fields.
     */
    record Row(Long id, String reference, TicketSource source, TicketStatus status, String callerNumber,
            boolean callerWithheld, String callerName, boolean callerRedacted, CallerType callerType,
            String provinceCode, String commune, String fieldCode, String category, Priority priority, String summary,
            String description, String operator, String departmentCode, String resolution, Long duplicateOf,
            Instant createdAt, Instant updatedAt, Instant closedAt, long version) {
    }
}
