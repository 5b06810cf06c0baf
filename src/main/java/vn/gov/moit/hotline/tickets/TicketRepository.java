package vn.gov.moit.hotline.tickets;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
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

    /**
     * The order of a desk list, a search whose only criteria are equalities on {@code fixedColumns} (status, or
     * status and fieldCode) sorted by createdAt and id: the fixed columns first, then createdAt and id, all in the
     * requested direction. The rows come in the same order (the fixed columns have one value in the result), but
     * the database can now read the page from ticket_status_created_idx or ticket_status_field_created_idx (V6)
     * in index order, 20 entries, instead of sorting every match (H2 uses an index for ORDER BY only when the
     * ORDER BY starts with the index's columns). Any other sort is returned as it is.
     */
    static Sort deskOrder(Sort requested, String... fixedColumns) {
        List<Sort.Column> columns = requested.getColumns();
        if (columns.size() != 2 || !columns.get(0).getName().equals("createdAt") || !columns.get(1).getName().equals("id")
                || columns.get(0).getDirection() != columns.get(1).getDirection()) {
            return requested;
        }
        Sort.Direction direction = columns.get(0).getDirection();
        Sort order = Sort.by(fixedColumns[0], direction);
        for (int i = 1; i < fixedColumns.length; i++) {
            order = order.and(fixedColumns[i], direction);
        }
        return order.and("createdAt", direction).and("id", direction);
    }
}
