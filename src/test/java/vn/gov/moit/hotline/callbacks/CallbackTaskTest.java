package vn.gov.moit.hotline.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.TestClock;
import vn.gov.moit.hotline.telephony.CallLogService;
import vn.gov.moit.hotline.telephony.CallLogEvents;

/** The callers to call back, through the call log's events and the callbacks API, as an operator sees them. */
@QuarkusTest
class CallbackTaskTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    TestClock clock;

    @Inject
    CallLogService calls;

    @BeforeEach
    void monday9am() {
        clock.set(TestClock.START);
    }

    @Test
    void aRepeatMissJoinsTheCallersOpenTaskDueByTheTargetAfterTheFirstMiss() {
        String number = number();
        long first = abandoned(number, clock.instant());
        String secondCall = abandonedCall(number, clock.instant().plus(Duration.ofMinutes(20)));

        Map<String, Object> task = openTaskOf(number);
        assertThat(task).containsEntry("misses", 2).containsEntry("attempts", 0).containsEntry("state", "OPEN")
                .containsEntry("ticketId", (int) first)
                // The caller gave up 30 s after arriving: the hour counts from then.
                .containsEntry("dueAt", clock.instant().plusSeconds(30).plus(Duration.ofHours(1)).toString());
        // The second call's ticket is merged into the first: one entry to call back, every call on it.
        assertThat(ticketOfCall(secondCall)).isEqualTo(first);
        assertThat(history(first)).anyMatch(h -> "DUPLICATE_LINKED".equals(h.get("action")));
        assertThat(ticket(first).getString("status")).isEqualTo("CALLBACK_PENDING");
    }

    @Test
    void failedAttemptsAreCountedAndTheLastAllowedClosesTheTaskAsUnreachable() {
        String number = number();
        long ticket = abandoned(number, clock.instant());
        Map<String, Object> task = openTaskOf(number);
        for (int i = 1; i <= 2; i++) {
            task = attempt(task, false).statusCode(200).body("state", equalTo("OPEN")).body("attempts", equalTo(i))
                    .extract().jsonPath().getMap("");
            assertThat(ticket(ticket).getString("status")).isEqualTo("CALLBACK_PENDING");
        }
        attempt(task, false).statusCode(200).body("state", equalTo("UNREACHABLE")).body("attempts", equalTo(3));
        assertThat(ticket(ticket).getString("status")).isEqualTo("CLOSED");
        assertThat(history(ticket)).filteredOn(h -> "CALLBACK_FAILED".equals(h.get("action"))).hasSize(3);
        assertThat(openTaskIds(number)).isEmpty();
        // A closed task cannot be called back again.
        attempt(task, true).statusCode(409).body("type", equalTo("urn:problem:hotline:stale-version"));
    }

    @Test
    void reachingTheCallerClosesTheTaskAndTheTicketIsWorkedAsNew() {
        String number = number();
        long ticket = abandoned(number, clock.instant());
        Map<String, Object> task = openTaskOf(number);
        attempt(task, true).statusCode(200).body("state", equalTo("REACHED"));
        assertThat(ticket(ticket).getString("status")).isEqualTo("NEW");
        attempt(Map.of("id", task.get("id"), "version", ((Number) task.get("version")).intValue() + 1), true)
                .statusCode(409).body("type", equalTo("urn:problem:hotline:callback-closed"));
    }

    @Test
    void aCallerWhoCallsInAgainAndIsAnsweredClosesTheirTaskByThemselves() {
        String number = number();
        String missed = abandonedCall(number, clock.instant());
        long missedTicket = ticketOfCall(missed);
        assertThat(openTaskIds(number)).hasSize(1);
        long answered = answered(number, clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(openTaskIds(number)).isEmpty();
        // The missed call joins the conversation that reached the caller.
        assertThat(ticket(missedTicket).getString("status")).isEqualTo("DUPLICATE");
        assertThat(ticket(missedTicket).getLong("duplicateOf")).isEqualTo(answered);
        assertThat(ticketOfCall(missed)).isEqualTo(answered);
    }

    @Test
    void withheldCallersAreCountedAndListedAsNotCallable() {
        long before = as(OPERATOR).get("/api/callbacks?size=1").then().statusCode(200).extract().jsonPath()
                .getLong("withheld");
        abandoned(null, clock.instant());
        JsonPath list = as(OPERATOR).get("/api/callbacks?size=1").then().statusCode(200).extract().jsonPath();
        assertThat(list.getLong("withheld")).isEqualTo(before + 1);
        Map<String, Object> task = as(OPERATOR).get("/api/callbacks/withheld?size=1").then().statusCode(200)
                .extract().jsonPath().getMap("items[0]");
        assertThat(task).containsEntry("withheld", true).containsEntry("state", "NOT_CALLABLE")
                .containsEntry("callerNumber", null);
        attempt(task, true).statusCode(409).body("type", equalTo("urn:problem:hotline:callback-closed"));
    }

    @Test
    void theWorklistIsSortedByDueTimePagedAndTotalled() {
        Instant base = clock.instant().plus(Duration.ofDays(400));
        String late = number();
        String early = number();
        abandoned(late, base.plus(Duration.ofMinutes(30)));
        abandoned(early, base);
        JsonPath all = as(OPERATOR).get("/api/callbacks?size=200").then().statusCode(200).extract().jsonPath();
        List<String> due = all.getList("items.dueAt");
        assertThat(due).isSorted();
        List<String> numbers = all.getList("items.callerNumber");
        assertThat(numbers.indexOf(early)).isLessThan(numbers.indexOf(late));
        long total = all.getLong("total");
        JsonPath page = as(OPERATOR).get("/api/callbacks?size=1&page=1").then().statusCode(200).extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(total);
        assertThat(page.getList("items")).hasSize(1);
        as(OPERATOR).get("/api/callbacks?size=0").then().statusCode(400).body("violations[0].field", equalTo("size"));
    }

    @Test
    void whenAsteriskCannotBeReachedCallingBackIsA503AndNothingIsRecorded() {
        String number = number();
        abandoned(number, clock.instant());
        Map<String, Object> task = openTaskOf(number);
        // No AMI host in this test profile: the exchange cannot be reached.
        as(OPERATOR).body(Map.of("version", task.get("version"))).post("/api/callbacks/" + task.get("id") + "/calls")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("pbx-unavailable"));
        assertThat(openTaskOf(number)).containsEntry("attempts", 0).containsEntry("calling", false)
                .containsEntry("version", task.get("version"));
        assertThat(as(OPERATOR).get("/api/callbacks/" + task.get("id") + "/attempts").then().statusCode(200)
                .extract().jsonPath().getList("")).isEmpty();
    }

    // --- Helpers ----------------------------------------------------------------------------------------

    private static String number() {
        return "0918" + String.format("%06d", 300000 + SEQ.incrementAndGet());
    }

    /** A caller who gave up in the queue; returns the call's ticket. */
    private long abandoned(String number, Instant at) {
        return ticketOfCall(abandonedCall(number, at));
    }

    /** The same; returns the call's Linkedid. */
    private String abandonedCall(String number, Instant at) {
        String linkedid = "1798000000." + SEQ.incrementAndGet();
        CallLogEvents.abandoned(calls, linkedid, number, at);
        return linkedid;
    }

    /** A caller answered by operator1; returns the call's ticket. */
    private long answered(String number, Instant at) {
        String linkedid = "1798000000." + SEQ.incrementAndGet();
        CallLogEvents.answeredOn1001(calls, linkedid, number, at);
        return ticketOfCall(linkedid);
    }

    private static long ticketOfCall(String linkedid) {
        return as(OPERATOR).queryParam("linkedid", linkedid).get("/api/calls").then().statusCode(200).extract()
                .jsonPath().getLong("items[0].ticketId");
    }

    private static Map<String, Object> openTaskOf(String number) {
        List<Map<String, Object>> items = as(OPERATOR).get("/api/callbacks?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(t -> number.equals(t.get("callerNumber"))).findFirst()
                .orElseThrow(() -> new AssertionError("no open task for " + number));
    }

    private static List<Object> openTaskIds(String number) {
        List<Map<String, Object>> items = as(OPERATOR).get("/api/callbacks?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(t -> number.equals(t.get("callerNumber"))).map(t -> t.get("id")).toList();
    }

    private static io.restassured.response.ValidatableResponse attempt(Map<String, Object> task, boolean reached) {
        return as(OPERATOR).body(Map.of("version", task.get("version"), "reached", reached))
                .post("/api/callbacks/" + task.get("id") + "/attempts").then();
    }

    private static JsonPath ticket(long id) {
        return as(OPERATOR).get("/api/tickets/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> history(long id) {
        return as(OPERATOR).get("/api/tickets/" + id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("");
    }
}
