package vn.gov.moit.hotline.escalation;

import java.time.Instant;
import vn.gov.moit.hotline.tickets.Priority;
import vn.gov.moit.hotline.tickets.TicketStatus;

/** A department's assignment with what a desk needs to see of its ticket. */
public record EscalationView(long id, long ticketId, String ticketReference, String ticketSummary,
        Priority priority, TicketStatus ticketStatus, String departmentCode, EscalationState state, Instant deadline,
        boolean breached, String escalatedBy, Instant escalatedAt, String note, String acceptedBy, Instant acceptedAt,
        String answeredBy, Instant answeredAt, String answer, boolean raisedToLeaders, Instant raisedAt,
        String raiseReason) {
}
