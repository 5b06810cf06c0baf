package vn.gov.moit.hotline.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.gov.moit.hotline.Api.OFFICER_TMDT;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.SUPERVISOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.Api.version;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;
import vn.gov.moit.hotline.TestClock;
import vn.gov.moit.hotline.common.JobLock;

@QuarkusTest
class DeadlineWatchTest {

    @Inject
    TestClock clock;

    @Inject
    EscalationService escalations;

    @Inject
    DeadlineWatchJob job;

    @Inject
    JobLock lock;

    @BeforeEach
    void fridayAfternoon() {
        // Friday 27 November 2026, 16:00 in Hanoi.
        clock.set(Instant.parse("2026-11-27T09:00:00Z"));
    }

    @Test
    void anUrgentTicketMissedOverTheWeekendIsMarkedBreachedAndRaisedOnce() {
        long id = Api.triagedTicket("Khẩn: mất điện diện rộng");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id), "callerType", "CITIZEN", "provinceCode", "HA_NOI",
                "fieldCode", "ELECTRICITY", "priority", "URGENT", "summary", "Khẩn: mất điện diện rộng"))
                .put("/api/tickets/" + id + "/triage").then().statusCode(200);
        // URGENT counts 4 hours around the clock: Friday 16:00 -> 20:00 local.
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id))).post("/api/escalations/tickets/" + id)
                .then().statusCode(200).body("departmentCode", equalTo("DL"))
                .body("deadline", equalTo("2026-11-27T13:00:00Z"));

        clock.set(Instant.parse("2026-11-27T10:30:00Z")); // 17:30, due within the 4 h window
        as(SUPERVISOR).queryParam("dueSoon", "true").get("/api/escalations").then().statusCode(200)
                .body("items.ticketId", hasItem((int) id));
        as(SUPERVISOR).queryParam("breached", "true").get("/api/escalations").then().statusCode(200)
                .body("items.ticketId", not(hasItem((int) id)));
        escalations.markBreaches();
        as(OPERATOR).get("/api/tickets/" + id).then().body("raisedToLeaders", equalTo(false));

        clock.set(Instant.parse("2026-11-27T13:00:01Z")); // one second late
        assertThat(escalations.markBreaches()).isGreaterThanOrEqualTo(1);
        as(OPERATOR).get("/api/tickets/" + id).then().body("raisedToLeaders", equalTo(true));
        as(SUPERVISOR).queryParam("breached", "true").get("/api/escalations").then().statusCode(200)
                .body("items.find { it.ticketId == " + id + " }.breached", equalTo(true))
                .body("items.find { it.ticketId == " + id + " }.raiseReason", equalTo("deadline 2026-11-27T13:00:00Z passed"));
        as(SUPERVISOR).queryParam("raised", "true").get("/api/escalations").then().statusCode(200)
                .body("items.ticketId", hasItem((int) id));

        // Running the watch again changes nothing.
        clock.set(Instant.parse("2026-11-27T14:00:00Z"));
        escalations.markBreaches();
        var actions = as(OPERATOR).get("/api/tickets/" + id + "/history").then().extract().jsonPath()
                .getList("action", String.class);
        assertThat(actions).containsExactly("CREATED", "TRIAGED", "TRIAGED", "ESCALATED", "DEADLINE_BREACHED",
                "RAISED_TO_LEADERS");
        assertThat(as(OPERATOR).get("/api/tickets/" + id + "/history").then().extract().jsonPath()
                .getString("find { it.action == 'RAISED_TO_LEADERS' }.actor")).isEqualTo("system");
    }

    @Test
    void theDepartmentDeskListsItsPendingTicketsSoonestDeadlineFirst() {
        long normal = Api.triagedTicket("Bình thường");
        long high = Api.triagedTicket("Ưu tiên cao");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, high), "callerType", "BUSINESS", "provinceCode", "HA_NOI",
                "fieldCode", "ECOMMERCE", "priority", "HIGH", "summary", "Ưu tiên cao"))
                .put("/api/tickets/" + high + "/triage").then().statusCode(200);
        as(OPERATOR).body(Map.of("version", version(OPERATOR, normal))).post("/api/escalations/tickets/" + normal).then().statusCode(200);
        as(OPERATOR).body(Map.of("version", version(OPERATOR, high))).post("/api/escalations/tickets/" + high).then().statusCode(200);

        var ids = as(OFFICER_TMDT).queryParam("pending", "true").queryParam("size", 200).get("/api/escalations")
                .then().statusCode(200).extract().jsonPath().getList("items.ticketId", Long.class);
        assertThat(ids).containsSubsequence(high, normal);
        assertThat(as(OFFICER_TMDT).queryParam("size", 200).get("/api/escalations").then().extract().jsonPath()
                .getList("items.departmentCode", String.class)).containsOnly("TMDT");
    }

    @Test
    void theScheduledWatchRunsOnOneInstanceAtATime() {
        long id = Api.triagedTicket("Khẩn: một lần trên nhiều máy chủ");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id), "callerType", "CITIZEN", "provinceCode", "HA_NOI",
                "fieldCode", "ELECTRICITY", "priority", "URGENT", "summary", "Khẩn: một lần trên nhiều máy chủ"))
                .put("/api/tickets/" + id + "/triage").then().statusCode(200);
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id))).post("/api/escalations/tickets/" + id)
                .then().statusCode(200);
        clock.set(Instant.parse("2026-11-27T13:00:01Z"));

        // Another instance is running the watch: this one skips its run.
        assertThat(lock.acquireOrRenew(DeadlineWatchJob.LOCK, "other-instance", Duration.ofMinutes(4))).isTrue();
        job.watch();
        as(OPERATOR).get("/api/tickets/" + id).then().body("raisedToLeaders", equalTo(false));

        assertThat(lock.release(DeadlineWatchJob.LOCK, "other-instance")).isTrue();
        job.watch();
        as(OPERATOR).get("/api/tickets/" + id).then().body("raisedToLeaders", equalTo(true));
    }
}
