package vn.gov.moit.hotline.tickets;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the departments committed to for tickets: the escalation feature owns these facts and offers them here
 * (it implements this interface), so a ticket's view, the report and the public feed show them without the
 * ticket keeping a copy.
 */
public interface TicketCommitments {

    /**
     * @param deadline the deadline of the ticket's current (latest) assignment
     * @param firstDeadline the deadline of its first assignment: the commitment made when it left the hotline
     * @param raisedToLeaders the ticket was raised to the ministry's leaders
     * @param firstAnsweredAt when a department first answered it
     */
    record Commitment(Instant deadline, Instant firstDeadline, boolean raisedToLeaders, Instant firstAnsweredAt) {
        public static final Commitment NONE = new Commitment(null, null, false, null);
    }

    /** The commitments of those of the tickets that were ever escalated; the others are absent. */
    Map<Long, Commitment> of(Collection<Long> ticketIds);
}
