package vn.gov.moit.hotline.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.panache.common.Sort;
import io.quarkus.panache.common.Sort.Direction;
import org.junit.jupiter.api.Test;

/** A desk list's order names its fixed columns first, in the requested direction; other orders stay as they are. */
class TicketRepositoryTest {

    private static String describe(Sort sort) {
        return String.join(",", sort.getColumns().stream().map(c -> c.getName() + " " + c.getDirection()).toList());
    }

    @Test
    void newestFirstByStatusAndFieldIsReadInIndexOrder() {
        Sort requested = Sort.by("createdAt", Direction.Descending).and("id", Direction.Descending);

        assertThat(describe(TicketRepository.deskOrder(requested, "status", "fieldCode")))
                .isEqualTo("status Descending,fieldCode Descending,createdAt Descending,id Descending");
        assertThat(describe(TicketRepository.deskOrder(requested.ascending(), "status")))
                .isEqualTo("status Ascending,createdAt Ascending,id Ascending");
    }

    @Test
    void otherOrdersAreLeftAlone() {
        Sort byPriority = Sort.by("priority", Direction.Descending).and("id", Direction.Descending);
        Sort mixed = Sort.by("createdAt", Direction.Descending).and("id", Direction.Ascending);

        assertThat(TicketRepository.deskOrder(byPriority, "status")).isSameAs(byPriority);
        assertThat(TicketRepository.deskOrder(mixed, "status")).isSameAs(mixed);
    }
}
