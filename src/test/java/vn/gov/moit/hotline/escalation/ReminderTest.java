package vn.gov.moit.hotline.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.gov.moit.hotline.Api.ADMIN;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.Api.version;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;
import vn.gov.moit.hotline.TestClock;

/**
 * Reminders at 50 % and 90 % of a NORMAL ticket's three working days, counted in working time across a weekend:
 * each once, in the ticket's history and in the outbox for the department's officers.
 */
@QuarkusTest
class ReminderTest {

    @Inject
    TestClock clock;

    @Inject
    EscalationService escalations;

    @Test
    void theDepartmentIsRemindedAtHalfAndNinetyPercentOfItsWorkingTimeOnceEach() {
        // Friday 27 November 2026, 16:00 in Hanoi: 1 h of Friday, Monday's 7 h 30, and so on.
        clock.set(Instant.parse("2026-11-27T09:00:00Z"));
        long id = Api.triagedTicket("Nhắc hạn: hàng giả trên sàn");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id))).post("/api/escalations/tickets/" + id)
                .then().statusCode(200).body("deadline", equalTo("2026-12-02T09:00:00Z")); // Wednesday 16:00

        // Half of 22 h 30 is 11 h 15: Friday 1 h, Monday 7 h 30, Tuesday 2 h 45 from 08:00 = Tuesday 10:45.
        clock.set(Instant.parse("2026-11-30T10:00:00Z")); // Monday 17:00: 8 h 30 used
        escalations.remind();
        assertThat(reminders(id)).isEmpty();
        clock.set(Instant.parse("2026-12-01T03:44:00Z")); // Tuesday 10:44
        escalations.remind();
        assertThat(reminders(id)).isEmpty();
        clock.set(Instant.parse("2026-12-01T03:45:00Z")); // Tuesday 10:45
        escalations.remind();
        assertThat(reminders(id)).containsExactly("TMDT: 50% of the time used, deadline 2026-12-02T09:00:00Z");
        escalations.remind();
        assertThat(reminders(id)).hasSize(1);

        // 90 % is 20 h 15: Wednesday 4 h in the morning and 15 min after lunch = 13:45.
        clock.set(Instant.parse("2026-12-02T06:45:00Z"));
        escalations.remind();
        assertThat(reminders(id)).containsExactly("TMDT: 50% of the time used, deadline 2026-12-02T09:00:00Z",
                "TMDT: 90% of the time used, deadline 2026-12-02T09:00:00Z");

        List<Map<String, Object>> outbox = as(ADMIN).queryParam("ticket", id).get("/api/admin/notifications").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(outbox).filteredOn(n -> n.get("kind").equals("REMINDER"))
                .extracting(n -> n.get("recipient")).containsExactly("officer.tmdt@hotline.test", "officer.tmdt@hotline.test");
        assertThat(outbox).filteredOn(n -> n.get("kind").equals("REMINDER")).extracting(n -> (String) n.get("subject"))
                .anySatisfy(s -> assertThat(s).contains("90%")).anySatisfy(s -> assertThat(s).contains("50%"));
    }

    private static List<String> reminders(long id) {
        return as(OPERATOR).get("/api/tickets/" + id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.action == 'REMINDER_SENT' }.note", String.class);
    }
}
