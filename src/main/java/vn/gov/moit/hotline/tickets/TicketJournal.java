package vn.gov.moit.hotline.tickets;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail of tickets: every change, by whom, when, from which status to which. Written only by
 * {@link TicketService}, in the same step as the change it records.
 */
@ApplicationScoped
public class TicketJournal {

    /** One history row as clients read it. */
    public record Entry(Instant at, String actor, TicketAction action, TicketStatus fromStatus, TicketStatus toStatus,
            String departmentCode, String note) {
    }

    void record(Ticket ticket, String actor, TicketAction action, TicketStatus from, String note, Instant at) {
        TicketHistory h = new TicketHistory();
        h.ticketId = ticket.id();
        h.at = at;
        h.actor = actor;
        h.action = action;
        h.fromStatus = from;
        h.toStatus = ticket.status();
        h.departmentCode = ticket.departmentCode();
        h.note = note;
        h.persist();
    }

    List<Entry> of(long ticketId) {
        return TicketHistory.<TicketHistory>list("ticketId = ?1 order by at, id", ticketId).stream()
                .map(h -> new Entry(h.at, h.actor, h.action, h.fromStatus, h.toStatus, h.departmentCode, h.note))
                .toList();
    }
}
