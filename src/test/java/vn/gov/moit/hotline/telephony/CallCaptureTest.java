package vn.gov.moit.hotline.telephony;

import vn.gov.moit.hotline.Metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.Api.SUPERVISOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.telephony.AmiTestServerResource.server;
import static vn.gov.moit.hotline.telephony.AmiTestServerResource.transcript;
import static vn.gov.moit.hotline.telephony.DerivedCalls.derived;
import static vn.gov.moit.hotline.telephony.DerivedCalls.indexOf;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Eventually;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.CallTemplate;

/**
 * The real asterisk-java connector of the application, logged in to the AMI test server, replays the calls
 * recorded from Asterisk 22; the call log and the tickets must say exactly what the README of the recorded transcripts (test resources, ami/) says.
 */
@QuarkusTest
@QuarkusTestResource(value = AmiTestServerResource.class, restrictToAnnotatedClass = true)
class CallCaptureTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    CallLogService callLog;

    @Test
    void anAnsweredCallIsLoggedWithItsOperatorWaitAndTalkAndOpensOneTicket() {
        server().publishAll(transcript("answered.ami"));
        assertCaptured(TranscriptExpectations.answered());
    }

    @Test
    void anAbandonedCallPutsItsTicketOnTheCallbackList() {
        server().publishAll(transcript("abandoned.ami"));
        Map<String, Object> call = assertCaptured(TranscriptExpectations.abandoned());
        assertThat(as(SUPERVISOR).queryParam("size", 200).get("/api/tickets/callbacks").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Integer.class)).contains((Integer) call.get("ticketId"));
    }

    @Test
    void aWithheldCallerIsStoredAsWithheldNeverAsANumber() {
        server().publishAll(transcript("anonymous.ami"));
        assertCaptured(TranscriptExpectations.anonymous());
    }

    /**
     * anonymous.ami as Asterisk 22.10.1 writes it when the trunk gives no caller ID at all: the caller's
     * channels say {@code <unknown>}, and the operator's Local leg then carries the dialled hotline number.
     */
    @Test
    void aCallerWithoutCallerIdIsWithheldNeverTheHotlinesOwnNumber() {
        List<AmiMessage> events = renumbered(transcript("anonymous.ami"), "1795333923.", "1795933923.").stream()
                .map(m -> {
                    boolean operatorLeg = m.get("Channel") != null && m.get("Channel").startsWith("Local/1002@agents");
                    return m.mapValues((key, value) -> key.endsWith("CallerIDNum") && "anonymous".equals(value)
                            ? (operatorLeg ? "024222021115" : "<unknown>") : value);
                }).toList();
        assertThat(events).anyMatch(m -> "NewCallerid".equals(m.eventName()) && "024222021115".equals(m.get("CallerIDNum")));
        server().publishAll(events);
        Map<String, Object> call = awaitCall("1795933923.28", "COMPLETED");
        assertThat(call).containsEntry("callerNumber", null).containsEntry("callerWithheld", true)
                .containsEntry("operatorName", "Operator 1002");
        assertThat(ticketOf(call).getString("callerNumber")).isNull();
        assertThat(ticketOf(call).getBoolean("callerWithheld")).isTrue();
    }

    /** Asterisk 22 sometimes sends no AgentComplete: who hung up comes from the first channel to hang up. */
    @Test
    void whoHungUpIsInferredWhenAgentCompleteNeverComes() {
        List<AmiMessage> callerFirst = renumbered(transcript("answered.ami"), "1795333853.", "1795953853.").stream()
                .filter(m -> !"AgentComplete".equals(m.eventName())).toList();
        server().publishAll(callerFirst);
        Map<String, Object> call = awaitCall("1795953853.0", "COMPLETED");
        assertThat(call).containsEntry("hungUpBy", "caller").containsEntry("hungUpInferred", true);
        assertThat(call.get("talkSeconds")).isNotNull();

        // The operator's leg hangs up first: the operator ended the call.
        List<AmiMessage> agentFirst = new java.util.ArrayList<>(renumbered(transcript("answered.ami"), "1795333853.",
                "1795963853.").stream().filter(m -> !"AgentComplete".equals(m.eventName())).toList());
        AmiMessage operatorHangup = agentFirst.stream().filter(m -> "Hangup".equals(m.eventName())
                && m.get("Channel").startsWith("Local/1001@agents")).findFirst().orElseThrow();
        agentFirst.remove(operatorHangup);
        agentFirst.add(agentFirst.indexOf(agentFirst.stream().filter(m -> "Hangup".equals(m.eventName())).findFirst()
                .orElseThrow()), operatorHangup);
        server().publishAll(agentFirst);
        assertThat(awaitCall("1795963853.0", "COMPLETED")).containsEntry("hungUpBy", "agent")
                .containsEntry("hungUpInferred", true);

        // With AgentComplete, Asterisk's word stands and nothing is inferred.
        server().publishAll(renumbered(transcript("answered.ami"), "1795333853.", "1795973853."));
        assertThat(awaitCall("1795973853.0", "COMPLETED")).containsEntry("hungUpBy", "caller")
                .containsEntry("hungUpInferred", false);
    }

    /** The same events with other Uniqueids and Linkedid (every value beginning with {@code from}). */
    private static List<AmiMessage> renumbered(List<AmiMessage> events, String from, String to) {
        return events.stream().map(m -> m.mapValues((key, value) -> value != null && value.startsWith(from)
                ? to + value.substring(from.length()) : value)).toList();
    }

    @Test
    void sixCallersWithinTwoSecondsAreSixCallsWithTheirOwnFigures() {
        server().publishAll(transcript("burst.ami"));
        TranscriptExpectations.burst().forEach(CallCaptureTest::assertCaptured);
    }

    @Test
    void replayingEveryTranscriptAgainChangesNothing() throws Exception {
        List<String> files = TranscriptExpectations.TRANSCRIPTS;
        files.forEach(f -> server().publishAll(transcript(f)));
        awaitCall("1795333892.20", "ABANDONED");
        awaitCall("1795333853.0", "COMPLETED");
        Thread.sleep(1000);
        JsonPath before = as(SUPERVISOR).queryParam("size", 200).get("/api/calls").then().extract().jsonPath();
        long ticketsBefore = ticketTotal();

        files.forEach(f -> server().publishAll(transcript(f)));
        files.forEach(f -> server().publishAll(transcript(f)));
        Thread.sleep(2000);

        JsonPath after = as(SUPERVISOR).queryParam("size", 200).get("/api/calls").then().extract().jsonPath();
        assertThat(after.getLong("total")).isEqualTo(before.getLong("total"));
        assertThat(after.getList("items")).isEqualTo(before.getList("items"));
        assertThat(ticketTotal()).isEqualTo(ticketsBefore);
    }

    @Test
    void theSameEventsFromTwoListenersAtOnceMakeOneCallAndOneTicket() throws Exception {
        String linkedid = "1795400000.1";
        Instant t0 = Instant.parse("2026-11-23T03:00:00Z");
        List<CallEvent> events = List.of(
                new CallEvent.ChannelEntered(linkedid, t0, "PJSIP/trunk-0001", linkedid, "from-pstn", "+84 24 222 021115",
                        "0977000111", "Hai Listener"),
                new CallEvent.QueueJoined(linkedid, t0.plusSeconds(1), "PJSIP/trunk-0001", "hotline", "0977000111", "Hai Listener"),
                new CallEvent.AgentConnected(linkedid, t0.plusSeconds(5), "hotline", "Operator 1002", "PJSIP/1002", 4),
                new CallEvent.AgentCompleted(linkedid, t0.plusSeconds(65), "hotline", "Operator 1002", "PJSIP/1002", 4, 60, "agent"),
                new CallEvent.ChannelHungUp(linkedid, t0.plusSeconds(65), "PJSIP/trunk-0001", linkedid, 16, "Normal Clearing"));
        long ticketsBefore = ticketTotal();
        CountDownLatch go = new CountDownLatch(1);
        Runnable listener = () -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.forEach(callLog::accept);
        };
        CompletableFuture<Void> a = CompletableFuture.runAsync(listener);
        CompletableFuture<Void> b = CompletableFuture.runAsync(listener);
        go.countDown();
        CompletableFuture.allOf(a, b).get();

        Map<String, Object> call = awaitCall(linkedid, "COMPLETED");
        assertThat(call).containsEntry("did", "024222021115").containsEntry("operatorUsername", "operator2")
                .containsEntry("talkSeconds", 60).containsEntry("hungUpBy", "agent");
        assertThat(as(SUPERVISOR).queryParam("linkedid", linkedid).get("/api/calls").then().extract().jsonPath()
                .getInt("total")).isEqualTo(1);
        assertThat(ticketTotal()).isEqualTo(ticketsBefore + 1);
    }

    @Test
    void aConnectionDroppedMidCallReconnectsAndTheCallIsCompletedOnce() {
        List<AmiMessage> call = derived(CallTemplate.answeredCall(), Instant.parse("2026-11-23T04:00:00Z"), "0966000001");
        String linkedid = call.get(0).get("Linkedid");
        int split = indexOf(call, "AgentConnect") + 1;
        int logins = server().loginCount();
        long ticketsBefore = ticketTotal();

        server().publishAll(call.subList(0, split));
        awaitCall(linkedid, "ANSWERED");
        server().dropConnections();
        Eventually.get("the connector to log in again", WAIT, () -> server().loginCount() > logins);
        server().publishAll(call.subList(split, call.size()));

        Map<String, Object> done = awaitCall(linkedid, "COMPLETED");
        assertThat(done).containsEntry("talkSeconds", 8).containsEntry("flagged", false)
                .containsEntry("callerNumber", "0966000001");
        assertThat(ticketTotal()).isEqualTo(ticketsBefore + 1);
    }

    @Test
    void aCallThatEndedWhileTheConnectionWasDownIsClosedAsOutcomeUnknown() {
        List<AmiMessage> call = derived(CallTemplate.abandonedCall(), Instant.parse("2026-11-23T05:00:00Z"), "0966000002");
        String linkedid = call.get(0).get("Linkedid");
        int split = indexOf(call, "QueueCallerJoin") + 1;
        int logins = server().loginCount();

        server().publishAll(call.subList(0, split));
        awaitCall(linkedid, "QUEUED");
        // Asterisk restarts: the call is gone with it, and nobody was listening when it ended.
        server().refuseConnectionsFor(Duration.ofMillis(800));
        server().publishAll(call.subList(split, call.size()));
        Eventually.get("the connector to log in again", WAIT, () -> server().loginCount() > logins);

        Map<String, Object> closed = awaitCall(linkedid, "OUTCOME_UNKNOWN");
        assertThat(closed).containsEntry("flagged", true);
        assertThat(ticketOf(closed).getString("status")).isEqualTo("CALLBACK_PENDING");
    }

    @Test
    void garbageAndTruncatedEventsAreSkippedAndCountedAndCapturingGoesOn() {
        double before = malformedCount();
        server().publishRaw("\u0001\u0002 not an AMI line\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        server().publishRaw("Event: QueueCallerJoin\r\nPrivilege: agent,all\r\nQueue: hotline\r\nLinkedid: \r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        server().publishRaw("Event: NoSuchEventInAsterisk\r\nLinkedid: 1.1\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        List<AmiMessage> call = derived(CallTemplate.answeredCall(), Instant.parse("2026-11-23T06:00:00Z"), "0966000003");
        server().publishAll(call);

        assertThat(awaitCall(call.get(0).get("Linkedid"), "COMPLETED")).containsEntry("callerNumber", "0966000003");
        assertThat(malformedCount()).isGreaterThan(before);
    }

    @Test
    void theOperatorSeesTheCallOnTheirExtensionWhileItLastsAndCanJoinItToTheCallersOpenTicket() {
        long open = vn.gov.moit.hotline.Api.triagedTicket("Hỏi lại về hồ sơ đã gửi"); // caller 0912345678
        List<AmiMessage> call = derived(CallTemplate.answeredCall(), Instant.parse("2026-11-23T07:00:00Z"), "0912345678");
        String linkedid = call.get(0).get("Linkedid");
        int split = indexOf(call, "AgentConnect") + 1;

        server().publishAll(call.subList(0, split));
        awaitCall(linkedid, "ANSWERED");
        Map<String, Object> current = as("operator1").get("/api/calls/current").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertThat(current).containsEntry("linkedid", linkedid).containsEntry("repeatCaller", true);
        as("operator2").get("/api/calls/current").then().statusCode(204);

        // The operator joins the call to the caller's open ticket: the call's own ticket becomes a duplicate.
        Number own = (Number) current.get("ticketId");
        int version = as("operator1").get("/api/tickets/" + own).then().extract().path("version");
        as("operator1").body(Map.of("version", version, "duplicateOf", open)).post("/api/tickets/" + own + "/duplicate")
                .then().statusCode(200);
        assertThat(awaitCall(linkedid, "ANSWERED").get("ticketId")).isEqualTo((int) open);

        server().publishAll(call.subList(split, call.size()));
        assertThat(awaitCall(linkedid, "COMPLETED").get("ticketId")).isEqualTo((int) open);
        as("operator1").get("/api/calls/current").then().statusCode(204);
    }

    @Test
    void badCallSearchParametersAre400Problems() {
        as(SUPERVISOR).queryParam("outcome", "VANISHED").get("/api/calls").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", org.hamcrest.Matchers.hasItem("outcome"));
        as(SUPERVISOR).queryParam("from", "2026-02-30").get("/api/calls").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("from"));
        as("officer.tmdt").get("/api/calls").then().statusCode(403);
    }

    private static Map<String, Object> assertCaptured(TranscriptExpectations.ExpectedCall expected) {
        Map<String, Object> call = awaitCall(expected.linkedid(), expected.state());
        expected.assertMatches(call, ticketOf(call).getMap("$"));
        return call;
    }

    static Map<String, Object> awaitCall(String linkedid, String state) {
        return Eventually.get("call " + linkedid + " to be " + state, WAIT, () -> {
            List<Map<String, Object>> items = as(SUPERVISOR).queryParam("linkedid", linkedid).get("/api/calls")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            return items.size() == 1 && state.equals(items.get(0).get("state")) ? items.get(0) : null;
        });
    }

    private static JsonPath ticketOf(Map<String, Object> call) {
        assertThat(call.get("ticketId")).as("the call has a ticket").isNotNull();
        return as(SUPERVISOR).get("/api/tickets/" + call.get("ticketId")).then().statusCode(200).extract().jsonPath();
    }

    private static long ticketTotal() {
        return as(SUPERVISOR).queryParam("size", 1).get("/api/tickets").then().extract().jsonPath().getLong("total");
    }

    private static double malformedCount() {
        return Metrics.sum("hotline_ami_events_malformed_total");
    }
}
