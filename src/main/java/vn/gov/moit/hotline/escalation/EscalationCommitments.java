package vn.gov.moit.hotline.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.moit.hotline.tickets.TicketCommitments;

/**
 * The escalation feature's answer to what the departments committed to for tickets (the ticket keeps no copy).
 * Reads four columns of the tickets' escalations, first to last, without loading entities: the report asks this
 * for hundreds of thousands of tickets in one transaction.
 */
@ApplicationScoped
class EscalationCommitments implements TicketCommitments {

    @Override
    public Map<Long, Commitment> of(Collection<Long> ticketIds) {
        Map<Long, Commitment> found = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return found;
        }
        List<Object[]> rows = Escalation.getEntityManager().createQuery("select e.ticketId, e.deadline, e.raisedAt, "
                        + "e.answeredAt from Escalation e where e.ticketId in ?1 order by e.escalatedAt, e.id", Object[].class)
                .setParameter(1, ticketIds).getResultList();
        for (Object[] row : rows) {
            long ticketId = (Long) row[0];
            Instant deadline = (Instant) row[1];
            Commitment before = found.get(ticketId);
            found.put(ticketId, before == null
                    ? new Commitment(deadline, deadline, row[2] != null, (Instant) row[3])
                    // The latest assignment's deadline; a raise stays (a forward carries it on), the first answer stays.
                    : new Commitment(deadline, before.firstDeadline(), before.raisedToLeaders() || row[2] != null,
                            before.firstAnsweredAt() != null ? before.firstAnsweredAt() : (Instant) row[3]));
        }
        return found;
    }
}
