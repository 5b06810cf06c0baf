package vn.gov.moit.hotline.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;

/**
 * Lists by status, or by status and field, are read in the order of their indexes (TicketRepository.deskOrder): the
 * client still sees every match, newest (or oldest) first, ties by id, and the right total.
 */
@QuarkusTest
class TicketDeskListTest {

    private static final Comparator<Map<String, Object>> NEWEST_FIRST = Comparator
            .comparing((Map<String, Object> t) -> Instant.parse((String) t.get("createdAt")))
            .thenComparing(t -> ((Number) t.get("id")).longValue()).reversed();

    @Test
    void aStatusAndFieldListIsNewestFirstAndComplete() {
        long a = Api.triagedTicket("Desk list A");
        long b = Api.triagedTicket("Desk list B");
        long c = Api.triagedTicket("Desk list C");

        JsonPath newest = list(Map.of("status", "TRIAGED", "field", "ECOMMERCE", "size", 200));
        List<Map<String, Object>> items = newest.getList("items");
        assertThat(items).isSortedAccordingTo(NEWEST_FIRST)
                .allSatisfy(t -> assertThat(t).containsEntry("status", "TRIAGED").containsEntry("fieldCode", "ECOMMERCE"));
        assertThat(ids(items)).containsSubsequence(c, b, a);
        assertThat(newest.getLong("total")).isEqualTo(items.size());
        Map<String, Object> byId = as(OPERATOR).get("/api/tickets/" + c).then().statusCode(200).extract().jsonPath()
                .getMap("$");
        assertThat(items).filteredOn(t -> ((Number) t.get("id")).longValue() == c).singleElement().isEqualTo(byId);

        List<Map<String, Object>> oldest = list(Map.of("status", "TRIAGED", "field", "ECOMMERCE", "size", 200,
                "sort", "createdAt,asc")).getList("items");
        assertThat(oldest).isSortedAccordingTo(NEWEST_FIRST.reversed());
        assertThat(ids(oldest)).containsSubsequence(a, b, c);
    }

    @Test
    void aStatusListPagesThroughEveryMatchOnce() {
        Api.triagedTicket("Desk list D");
        Api.triagedTicket("Desk list E");
        long total = list(Map.of("status", "TRIAGED", "size", 1)).getLong("total");

        List<Map<String, Object>> all = list(Map.of("status", "TRIAGED", "size", 200)).getList("items");
        List<Long> paged = new java.util.ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            paged.addAll(ids(list(Map.of("status", "TRIAGED", "size", 2, "page", page)).getList("items")));
        }
        assertThat(all).hasSize((int) total).isSortedAccordingTo(NEWEST_FIRST)
                .allSatisfy(t -> assertThat(t).containsEntry("status", "TRIAGED"));
        assertThat(paged).isEqualTo(ids(all));
    }

    private static JsonPath list(Map<String, Object> query) {
        return as(OPERATOR).queryParams(query).get("/api/tickets").then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> ids(List<Map<String, Object>> items) {
        return items.stream().map(t -> ((Number) t.get("id")).longValue()).toList();
    }
}
