package vn.gov.moit.hotline.tickets;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.PersistenceException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Tickets as the hotline looks them up: by reference, by caller, by department. */
@ApplicationScoped
class TicketRepository implements PanacheRepository<Ticket> {

    /** Open tickets of a caller opened since a moment, newest first: the repeat-caller suggestions. */
    List<Ticket> openOfCaller(String callerNumber, Instant since) {
        return list("callerNumber = ?1 and createdAt >= ?2 and status in ?3 order by createdAt desc, id desc",
                callerNumber, since, TicketStatus.OPEN);
    }

    /**
     * Reserves the next {@code count} numbers of the year's register of references and returns the first. The
     * counter's row stays locked until the calling transaction ends, so numbers are consecutive: a rollback
     * gives them back (V9).
     */
    long reserveReferenceNumbers(String prefix, int year, int count) {
        if (incrementCounter(year, count) == 0) {
            startCounter(prefix, year);
            if (incrementCounter(year, count) == 0) {
                throw new IllegalStateException("no reference counter for " + year);
            }
        }
        return ((Number) getEntityManager()
                .createNativeQuery("select last_number from ticket_reference_counter where year_number = ?1")
                .setParameter(1, year).getSingleResult()).longValue() - count + 1;
    }

    private int incrementCounter(int year, int count) {
        return getEntityManager()
                .createNativeQuery("update ticket_reference_counter set last_number = last_number + ?2 where year_number = ?1")
                .setParameter(1, year).setParameter(2, count).executeUpdate();
    }

    /**
     * Creates the year's counter in a transaction of its own, after the highest reference of that year already
     * stored; when another transaction created it at the same moment, its row is the one used.
     */
    private void startCounter(String prefix, int year) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                List<?> highest = getEntityManager().createNativeQuery("select reference from ticket where reference like ?1"
                        + " order by length(reference) desc, reference desc").setParameter(1, prefix + "-" + year + "-%")
                        .setMaxResults(1).getResultList();
                long last = highest.isEmpty() ? 0 : Long.parseLong(((String) highest.get(0)).substring(prefix.length() + 6));
                getEntityManager().createNativeQuery("insert into ticket_reference_counter (year_number, last_number) "
                        + "values (?1, ?2)").setParameter(1, year).setParameter(2, last).executeUpdate();
            });
        } catch (PersistenceException alreadyThere) {
            // Created by a concurrent first ticket of the year: the increment that follows uses its row.
        }
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
