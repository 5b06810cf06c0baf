package vn.gov.moit.hotline.tickets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Removes callers' personal data from finished tickets once it is no longer kept (see the retention feature). */
@ApplicationScoped
public class TicketRetention {

    private final TicketRepository tickets;

    TicketRetention(TicketRepository tickets) {
        this.tickets = tickets;
    }

    /**
     * Sets the caller number and name to null, and {@code caller_redacted}, on every CLOSED ticket closed before
     * {@code cutoff} and every DUPLICATE ticket last changed before it. The ticket keeps its anonymised form
     * (field, province, caller type, dates, status, department, texts) and its version: it is not an edit. Open
     * tickets keep their caller whatever their age: someone is still working on them.
     *
     * @return how many tickets lost caller data
     */
    @Transactional
    public int redactCallersBefore(Instant cutoff) {
        return tickets.getEntityManager().createNativeQuery("update ticket"
                        + " set caller_number = null, caller_name = null, caller_redacted = true"
                        + " where (caller_number is not null or caller_name is not null)"
                        + " and ((status = 'CLOSED' and closed_at < ?1)"
                        + " or (status = 'DUPLICATE' and updated_at < ?1))")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
