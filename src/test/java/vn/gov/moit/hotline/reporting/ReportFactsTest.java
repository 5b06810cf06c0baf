package vn.gov.moit.hotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.moit.hotline.reporting.ReportFixtures.local;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The month's facts as read from the database, a day at a time: every row of the month exactly once,
 * whatever day boundary it sits on, and nothing of other months. May 2024 is used by no other test class, and
 * every ticket here is closed in June 2024, so no other month's report sees them.
 */
@QuarkusTest
class ReportFactsTest {

    private static final Instant START = local("2024-05-01T00:00:00");
    private static final Instant END = local("2024-06-01T00:00:00");
    private static final Instant CLOSED = local("2024-06-15T09:00:00");

    @Inject
    ReportFixtures db;

    @Inject
    ReportFacts facts;

    @Test
    void everyCallAndTicketOfTheMonthIsReadOnceWhicheverDayBoundaryItIsOn() {
        long id = 950_000;
        List<Instant> expectedCalls = new ArrayList<>();
        List<Instant> expectedTickets = new ArrayList<>();
        for (int day = 1; day <= 31; day++) {
            Instant midnight = local("2024-05-%02dT00:00:00".formatted(day));
            Instant lastSecond = local("2024-05-%02dT23:59:59".formatted(day));
            for (Instant at : List.of(midnight, lastSecond)) {
                db.call(++id, "COMPLETED", at, 10, 60);
                expectedCalls.add(at);
                db.ticket(++id, at).status("CLOSED").closed(CLOSED).insert();
                expectedTickets.add(at);
            }
        }
        db.call(++id, "QUEUED", local("2024-05-20T10:00:00"), null, null);
        db.call(++id, "COMPLETED", local("2024-04-30T23:59:59"), 10, 60);
        db.call(++id, "COMPLETED", END, 10, 60);
        // Opened before the month: read when still open at its start (closed at or after it), else not.
        Instant openAtStart = local("2024-04-10T09:00:00");
        db.ticket(++id, openAtStart).status("CLOSED").closed(CLOSED).insert();
        expectedTickets.add(openAtStart);
        Instant closedAtStart = local("2024-04-11T09:00:00");
        db.ticket(++id, closedAtStart).status("CLOSED").closed(START).insert();
        expectedTickets.add(closedAtStart);
        db.ticket(++id, local("2024-04-12T09:00:00")).status("CLOSED").closed(local("2024-04-30T23:59:59")).insert();
        db.ticket(++id, END).status("CLOSED").closed(CLOSED).insert();

        List<CallFact> calls = new ArrayList<>();
        List<TicketFact> tickets = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            facts.calls(START, END, calls::add);
            facts.tickets(START, END, tickets::add);
        });

        assertThat(calls).extracting(CallFact::arrivedAt).containsExactlyInAnyOrderElementsOf(expectedCalls);
        assertThat(tickets).extracting(TicketFact::openedAt).containsExactlyInAnyOrderElementsOf(expectedTickets);
    }

    @Test
    void readingOutsideATransactionIsRefusedSoPostgreSqlCanStreamTheRows() {
        assertThatThrownBy(() -> facts.calls(START, END, call -> { }))
                .isInstanceOf(TransactionalException.class);
        assertThatThrownBy(() -> facts.tickets(START, END, ticket -> { }))
                .isInstanceOf(TransactionalException.class);
    }
}
