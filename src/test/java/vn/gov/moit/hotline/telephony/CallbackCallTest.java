package vn.gov.moit.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.SUPERVISOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.telephony.AmiTestServerResource.server;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Eventually;
import vn.gov.moit.hotline.TestClock;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.PbxActionsModel.Callee;

/**
 * Click to call and the operators' presence, through the application's real asterisk-java connections and the
 * AMI test server, which answers Originate, QueueAdd, QueueRemove and QueuePause as Asterisk 22 does.
 */
@QuarkusTest
@QuarkusTestResource(value = AmiTestServerResource.class, restrictToAnnotatedClass = true)
class CallbackCallTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Map<String, Callee> CALLEES = new ConcurrentHashMap<>();

    @Inject
    TestClock clock;

    @Inject
    CallLogService calls;

    @Inject
    OutboundCalls outbound;

    @BeforeAll
    static void pbx() {
        // The calls' own time runs a hundred times faster; their timestamps keep the true durations.
        server().pbx().timeScale(0.01);
        server().pbx().callees(n -> CALLEES.getOrDefault(n, Callee.answers(Duration.ofSeconds(30))));
    }

    @AfterAll
    static void leavePbx() {
        server().pbx().timeScale(1.0);
    }

    @BeforeEach
    void monday9am() {
        clock.set(TestClock.START);
    }

    @Test
    void anAnsweredCallbackClosesTheTaskAndIsAnOutboundCallOnTheTicket() {
        String number = number(Callee.answers(Duration.ofSeconds(42)));
        long ticket = abandoned(number);
        Map<String, Object> task = openTask(number);

        JsonPath started = call(task).then().statusCode(202).extract().jsonPath();
        assertThat(started.getBoolean("task.calling")).isTrue();
        assertThat(started.getString("attempt.outcome")).isNull();

        JsonPath attempt = awaitAttempt(task);
        assertThat(attempt.getString("outcome")).isEqualTo("ANSWERED");
        assertThat(attempt.getInt("talkSeconds")).isEqualTo(42);
        assertThat(attempt.getBoolean("dialled")).isTrue();
        assertThat(openTaskIds(number)).isEmpty();
        // The outbound call is on the same ticket, with the operator and the talk time.
        List<Map<String, Object>> placed = as(OPERATOR).get("/api/calls/callbacks?ticket=" + ticket).then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(placed).singleElement().satisfies(c -> assertThat(c).containsEntry("outcome", "ANSWERED")
                .containsEntry("operatorUsername", "operator1").containsEntry("number", number)
                .containsEntry("talkSeconds", 42).containsEntry("state", "ENDED"));
        assertThat(history(ticket)).anyMatch(h -> "CALLED_BACK".equals(h.get("action"))
                && "callback:ANSWERED".equals(h.get("note")) && "operator1".equals(h.get("actor")));
        // Reached: the ticket is worked like a new one.
        assertThat(as(OPERATOR).get("/api/tickets/" + ticket).then().extract().path("status").toString())
                .isEqualTo("NEW");
    }

    @Test
    void busyNoAnswerAndCongestionAreCountedAndTheLastAllowedAttemptClosesTheTaskAsUnreachable() {
        String number = number(Callee.dialStatus("BUSY"));
        long ticket = abandoned(number);
        for (String[] step : new String[][] {{"BUSY", "BUSY"}, {"NOANSWER", "NO_ANSWER"}, {"CONGESTION", "CONGESTION"}}) {
            CALLEES.put(number, Callee.dialStatus(step[0]));
            Map<String, Object> task = taskById(openTaskIdOrClosed(number, ticket));
            call(task).then().statusCode(202);
            assertThat(awaitAttempt(task).getString("outcome")).isEqualTo(step[1]);
        }
        assertThat(openTaskIds(number)).isEmpty();
        assertThat(as(OPERATOR).get("/api/tickets/" + ticket).then().extract().path("status").toString())
                .isEqualTo("CLOSED");
        assertThat(history(ticket)).filteredOn(h -> "CALLBACK_FAILED".equals(h.get("action"))
                || "CALLED_BACK".equals(h.get("action"))).extracting(h -> h.get("note"))
                .contains("callback:BUSY", "callback:NO_ANSWER", "callback:CONGESTION");
    }

    @Test
    void aCallThatCouldNotBePlacedIsAFailedAttempt() {
        String number = number(Callee.dialStatus("CHANUNAVAIL"));
        abandoned(number);
        Map<String, Object> task = openTask(number);
        call(task).then().statusCode(202);
        assertThat(awaitAttempt(task).getString("outcome")).isEqualTo("FAILED");
        assertThat(openTask(number)).containsEntry("attempts", 1).containsEntry("calling", false);
    }

    @Test
    void theOperatorsOwnPhoneNotAnsweringIsNotCountedAgainstTheCaller() {
        String number = number(Callee.OPERATOR_AWAY);
        abandoned(number);
        Map<String, Object> task = openTask(number);
        call(task).then().statusCode(202);
        JsonPath attempt = awaitAttempt(task);
        assertThat(attempt.getString("outcome")).isEqualTo("FAILED");
        assertThat(attempt.getBoolean("counted")).isFalse();
        assertThat(attempt.getString("detail")).contains("operator's phone");
        assertThat(openTask(number)).containsEntry("attempts", 0).containsEntry("calling", false);
    }

    @Test
    void anOriginateResponseThatNeverComesTimesOutIntoAFailedAttempt() {
        String number = number(Callee.SILENT);
        abandoned(number);
        Map<String, Object> task = openTask(number);
        call(task).then().statusCode(202);
        // Still ringing as far as anyone knows: nobody else starts a call.
        Map<String, Object> calling = openTask(number);
        assertThat(calling).containsEntry("calling", true);
        assertThat(call(calling).then().statusCode(409).extract().path("type").toString())
                .endsWith("callback-in-progress");
        clock.advance(Duration.ofMinutes(2));
        outbound.giveUpUnanswered();
        JsonPath attempt = awaitAttempt(task);
        assertThat(attempt.getString("outcome")).isEqualTo("FAILED");
        assertThat(attempt.getString("detail")).contains("no answer from Asterisk");
        assertThat(openTask(number)).containsEntry("attempts", 1).containsEntry("calling", false);
    }

    @Test
    void twoOperatorsClickingTheSameTaskAtOnceStartOneCall() throws Exception {
        String number = number(Callee.answers(Duration.ofSeconds(5)));
        long ticket = abandoned(number);
        Map<String, Object> task = openTask(number);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> click1 = () -> call(OPERATOR, task).statusCode();
            Callable<Integer> click2 = () -> call("operator2", task).statusCode();
            Future<Integer> a = two.submit(click1);
            Future<Integer> b = two.submit(click2);
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(202, 409);
        } finally {
            two.shutdown();
        }
        awaitAttempt(task);
        assertThat(as(OPERATOR).get("/api/calls/callbacks?ticket=" + ticket).then().extract().jsonPath()
                .getList("")).hasSize(1);
        assertThat(as(OPERATOR).get("/api/callbacks/" + task.get("id") + "/attempts").then().extract().jsonPath()
                .getList("")).hasSize(1);
    }

    @Test
    void aWithheldCallerOrAClosedTaskCannotBeCalled() {
        abandoned(null);
        Map<String, Object> withheld = as(OPERATOR).get("/api/callbacks/withheld?size=1").then().statusCode(200)
                .extract().jsonPath().getMap("items[0]");
        assertThat(call(withheld).then().statusCode(409).contentType("application/problem+json")
                .extract().path("detail").toString()).contains("withheld");
    }

    @Test
    void anOperatorLogsInPausesWithAReasonResumesAndASupervisorLogsThemOut() {
        presence(OPERATOR, "me", "LOGIN", null).then().statusCode(202);
        awaitState("operator1", "AVAILABLE");
        assertThat(server().pbx().isMember("hotline", "Local/1001@agents/n")).isTrue();

        assertThat(presence(OPERATOR, "me", "PAUSE", "lunch").then().statusCode(400)
                .extract().path("violations[0].field").toString()).isEqualTo("reason");
        presence(OPERATOR, "me", "PAUSE", "meal").then().statusCode(202);
        Map<String, Object> paused = awaitState("operator1", "PAUSED");
        assertThat(paused).containsEntry("pauseReason", "meal");

        clock.advance(Duration.ofMinutes(25));
        presence(OPERATOR, "me", "RESUME", null).then().statusCode(202);
        awaitState("operator1", "AVAILABLE");

        // A call rings and is answered, then the wrap-up.
        server().publish(member("QueueMemberStatus", "6", "0"));
        awaitState("operator1", "RINGING");
        server().publish(member("QueueMemberStatus", "2", "1"));
        awaitState("operator1", "TALKING");
        clock.advance(Duration.ofMinutes(3));
        server().publish(member("QueueMemberStatus", "1", "0"));
        awaitState("operator1", "WRAP_UP");
        server().publish(AmiMessage.of("Event", "AgentRingNoAnswer", "Privilege", "agent,all", "Queue", "hotline",
                "Interface", "Local/1001@agents/n", "MemberName", "Operator 1001", "RingTime", "15",
                "Channel", "Local/1001@agents-00000001;1", "Linkedid", "1799000000.1", "Uniqueid", "1799000000.2"));
        until(() -> ((Number) operator("operator1").get("ringsNotAnsweredToday")).intValue() >= 1);

        // Only a supervisor may act for someone else.
        presence("operator2", "operator1", "LOGOUT", null).then().statusCode(403);
        presence(SUPERVISOR, "operator1", "LOGOUT", null).then().statusCode(202);
        awaitState("operator1", "LOGGED_OUT");
        assertThat(server().pbx().isMember("hotline", "Local/1001@agents/n")).isFalse();

        // The day's figures keep the pause with its reason, though Asterisk forgot it on unpause.
        List<Map<String, Object>> days = as(SUPERVISOR).get("/api/presence/statistics?from=2026-11-23").then()
                .statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> day = days.stream().filter(d -> "operator1".equals(d.get("username"))).findFirst()
                .orElseThrow();
        assertThat(day).containsEntry("period", "2026-11-23");
        assertThat(((Map<?, ?>) day.get("pauseSecondsByReason")).get("meal")).isEqualTo(25 * 60);
        assertThat(((Number) day.get("ringsNotAnswered")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) day.get("loggedInSeconds")).intValue()).isEqualTo(28 * 60);
    }

    @Test
    void pausingAnOperatorWhoIsNotInTheQueueIsAConflict() {
        presence(SUPERVISOR, "operator2", "LOGOUT", null).then().statusCode(202);
        awaitState("operator2", "LOGGED_OUT");
        assertThat(presence("operator2", "me", "PAUSE", "break").then().statusCode(409)
                .extract().path("type").toString()).endsWith("not-in-queue");
    }

    // --- Helpers ----------------------------------------------------------------------------------------

    private static void until(java.util.function.BooleanSupplier condition) {
        Eventually.get("the condition", WAIT, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    private static AmiMessage member(String event, String status, String inCall) {
        return AmiMessage.of("Event", event, "Privilege", "agent,all", "Queue", "hotline", "MemberName",
                "Operator 1001", "Interface", "Local/1001@agents/n", "StateInterface", "PJSIP/1001",
                "Membership", "dynamic", "Penalty", "0", "CallsTaken", "0", "LastCall", "0", "LastPause", "0",
                "LoginTime", "0", "InCall", inCall, "Status", status, "Paused", "0", "PausedReason", "",
                "Ringinuse", "0", "Wrapuptime", "15");
    }

    private static io.restassured.response.Response presence(String as, String who, String action, String reason) {
        Map<String, Object> body = reason == null ? Map.of("action", action) : Map.of("action", action, "reason", reason);
        return as(as).body(body).post("/api/presence/" + who);
    }

    private static Map<String, Object> operator(String username) {
        List<Map<String, Object>> all = as(SUPERVISOR).get("/api/presence").then().statusCode(200).extract()
                .jsonPath().getList("");
        return all.stream().filter(o -> username.equals(o.get("username"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> awaitState(String username, String state) {
        until(() -> state.equals(operator(username).get("state")));
        return operator(username);
    }

    private static String number(Callee callee) {
        String n = "0919" + String.format("%06d", 400000 + SEQ.incrementAndGet());
        CALLEES.put(n, callee);
        return n;
    }

    private long abandoned(String number) {
        String linkedid = "1799100000." + SEQ.incrementAndGet();
        CallLogEvents.abandoned(calls, linkedid, number, clock.instant());
        return as(OPERATOR).queryParam("linkedid", linkedid).get("/api/calls").then().statusCode(200).extract()
                .jsonPath().getLong("items[0].ticketId");
    }

    private static io.restassured.response.Response call(Map<String, Object> task) {
        return call(OPERATOR, task);
    }

    private static io.restassured.response.Response call(String as, Map<String, Object> task) {
        return as(as).body(Map.of("version", task.get("version"))).post("/api/callbacks/" + task.get("id") + "/calls");
    }

    /** The task's newest attempt once it has an outcome. */
    private static JsonPath awaitAttempt(Map<String, Object> task) {
        String path = "/api/callbacks/" + task.get("id") + "/attempts";
        until(() -> as(OPERATOR).get(path).then().extract().jsonPath()
                .getString("[0].outcome") != null);
        return new JsonPath(as(OPERATOR).get(path).then().extract().jsonPath().prettify()).setRootPath("[0]");
    }

    private static Map<String, Object> openTask(String number) {
        return as(OPERATOR).get("/api/callbacks?size=200").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(t -> number.equals(t.get("callerNumber")))
                .findFirst().orElseThrow(() -> new AssertionError("no open task for " + number));
    }

    private static List<Object> openTaskIds(String number) {
        return as(OPERATOR).get("/api/callbacks?size=200").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(t -> number.equals(t.get("callerNumber")))
                .map(t -> t.get("id")).toList();
    }

    private static long openTaskIdOrClosed(String number, long ticket) {
        List<Object> ids = openTaskIds(number);
        assertThat(ids).as("open task of " + number + " (ticket " + ticket + ")").hasSize(1);
        return ((Number) ids.get(0)).longValue();
    }

    private static Map<String, Object> taskById(long id) {
        return as(OPERATOR).get("/api/callbacks?size=200").then().extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(t -> ((Number) t.get("id")).longValue() == id)
                .findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> history(long id) {
        return as(OPERATOR).get("/api/tickets/" + id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("");
    }
}
