package vn.gov.moit.hotline.tickets;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Tickets as the hotline looks them up: by reference, by caller, by department. */
@ApplicationScoped
public class TicketRepository implements PanacheRepository<Ticket> {

    /** Open tickets of a caller opened since a moment, newest first: the repeat-caller suggestions. */
    public List<Ticket> openOfCaller(String callerNumber, Instant since) {
        return list("callerNumber = ?1 and createdAt >= ?2 and status in ?3 order by createdAt desc, id desc",
                callerNumber, since, TicketStatus.OPEN);
    }
}
