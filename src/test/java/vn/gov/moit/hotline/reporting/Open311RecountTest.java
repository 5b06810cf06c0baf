package vn.gov.moit.hotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.tickets.TicketCommitments;
import vn.gov.moit.hotline.tickets.TicketFacts;

/**
 * With the background recount on (the production default), a public request reads each month's last count and
 * never counts again itself: a month is counted on the first request that reaches it, then only by the recount.
 */
class Open311RecountTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The month's counts as the ticket desk would give them; the test changes them between requests. */
    private final List<TicketFacts.Count> counts = new ArrayList<>();
    private final List<List<TicketFacts.Left>> leftOutAsked = new ArrayList<>();
    private int countQueries;
    private Open311Requests requests;

    @BeforeEach
    void wire() {
        requests = new Open311Requests();
        requests.tickets = new TicketFacts() {
            @Override
            public List<Count> counts(Instant start, Instant end) {
                countQueries++;
                return List.copyOf(counts);
            }

            @Override
            public List<PublicRequest> publicRequests(PublicQuery query) {
                leftOutAsked.add(query.leftOut());
                return List.of();
            }
        };
        requests.commitments = ids -> Map.of();
        requests.config = config("5m");
        requests.clock = Clock.fixed(Instant.parse("2025-07-20T03:00:00Z"), ZONE);
    }

    @Test
    void aRequestReadsTheLastCountAndTheRecountRefreshesIt() {
        counts.add(new TicketFacts.Count("ECOMMERCE", null, 1));
        counts.add(new TicketFacts.Count("IMPORT_EXPORT", null, 9));
        counts.add(new TicketFacts.Count("CHEMICALS", null, 2));

        requests.find(query());
        assertThat(countQueries).as("the first request counts the month it reaches").isEqualTo(1);
        assertThat(lastLeftOutFields()).containsExactlyInAnyOrder("ECOMMERCE", "CHEMICALS");

        counts.set(0, new TicketFacts.Count("ECOMMERCE", null, 7));
        counts.set(2, new TicketFacts.Count("CHEMICALS", null, 8));
        requests.find(query());
        assertThat(countQueries).as("a later request does not count").isEqualTo(1);
        assertThat(lastLeftOutFields()).containsExactlyInAnyOrder("ECOMMERCE", "CHEMICALS");

        requests.recount();
        assertThat(countQueries).isEqualTo(2);
        requests.find(query());
        assertThat(leftOutAsked.get(leftOutAsked.size() - 1)).as("no cell is small any more").isEmpty();
    }

    @Test
    void offCountsOnEveryRequest() {
        requests.config = config("off");
        counts.add(new TicketFacts.Count("ECOMMERCE", null, 1));
        counts.add(new TicketFacts.Count("IMPORT_EXPORT", null, 9));
        counts.add(new TicketFacts.Count("CHEMICALS", null, 2));
        requests.find(query());
        counts.set(0, new TicketFacts.Count("ECOMMERCE", null, 7));
        counts.set(2, new TicketFacts.Count("CHEMICALS", null, 8));
        requests.find(query());
        assertThat(countQueries).isEqualTo(2);
        assertThat(leftOutAsked.get(leftOutAsked.size() - 1)).isEmpty();
    }

    private static Open311Requests.Query query() {
        return new Open311Requests.Query(null, null, null, null, 0, 20);
    }

    private List<String> lastLeftOutFields() {
        List<TicketFacts.Left> left = leftOutAsked.get(leftOutAsked.size() - 1);
        assertThat(left).hasSize(1);
        assertThat(left.get(0).start()).isEqualTo(YearMonth.of(2025, 7).atDay(1).atStartOfDay(ZONE).toInstant());
        return List.copyOf(left.get(0).fieldCodes());
    }

    /** The settings this needs (a proxy: an implementing class would carry the interface's validation bindings). */
    private static ReportConfig config(String recount) {
        Map<String, Object> values = Map.of("firstMonth", YearMonth.of(2025, 7), "zone", ZONE,
                "suppressionThreshold", 3, "open311Recount", recount);
        return (ReportConfig) Proxy.newProxyInstance(ReportConfig.class.getClassLoader(),
                new Class<?>[] {ReportConfig.class}, (proxy, method, args) -> {
                    if (!values.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return values.get(method.getName());
                });
    }
}
