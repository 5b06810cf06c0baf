package vn.gov.moit.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the call log and the tickets must show after each Asterisk 22 transcript of the recorded transcripts (test resources, ami/) is replayed
 * (its README): one place, used by the in-process {@code CallCaptureTest} and the packaged-jar
 * {@code PackagedCaptureIT}, so the two cannot drift apart.
 */
public final class TranscriptExpectations {

    /** The transcripts, in the order they are replayed. */
    public static final List<String> TRANSCRIPTS = List.of("answered.ami", "abandoned.ami", "anonymous.ami", "burst.ami");

    private TranscriptExpectations() {
    }

    /**
     * One call of a transcript: its final state, the fields of its record in {@code /api/calls}, and the fields of
     * its ticket in {@code /api/tickets/{id}} (null values included: they must be null).
     */
    public record ExpectedCall(String transcript, String linkedid, String state, Map<String, Object> call,
            Map<String, Object> ticket) {

        /** Asserts a call record and its ticket, both as the API returns them. */
        public void assertMatches(Map<String, Object> actualCall, Map<String, Object> actualTicket) {
            assertThat(actualCall).as("call %s of %s", linkedid, transcript).containsEntry("linkedid", linkedid)
                    .containsEntry("state", state);
            call.forEach((field, value) -> assertThat(actualCall).as("call %s of %s", linkedid, transcript)
                    .containsEntry(field, value));
            assertThat(actualCall.get("ticketId")).as("call %s has a ticket", linkedid).isNotNull();
            ticket.forEach((field, value) -> assertThat(actualTicket).as("ticket of call %s of %s", linkedid, transcript)
                    .containsEntry(field, value));
            assertThat(actualTicket.get("reference")).isEqualTo(actualCall.get("ticketReference"));
        }
    }

    public static ExpectedCall answered() {
        return new ExpectedCall("answered.ami", "1795333853.0", "COMPLETED",
                fields("callerNumber", "0912345678", "callerName", "Nguyen Van An", "callerWithheld", false,
                        "did", "024222021115", "queue", "hotline", "operatorName", "Operator 1001",
                        "operatorInterface", "Local/1001@agents/n", "operatorUsername", "operator1",
                        "waitSeconds", 2, "talkSeconds", 8, "hungUpBy", "caller", "hangupCause", 16,
                        "hangupCauseText", "Normal Clearing", "flagged", false),
                fields("source", "PHONE", "status", "NEW", "callerNumber", "0912345678", "operator", "operator1"));
    }

    public static ExpectedCall abandoned() {
        return new ExpectedCall("abandoned.ami", "1795333881.4", "ABANDONED",
                fields("callerNumber", "0987654321", "callerName", "Tran Thi Binh", "waitSeconds", 3,
                        "operatorName", null, "talkSeconds", null),
                fields("status", "CALLBACK_PENDING"));
    }

    public static ExpectedCall anonymous() {
        return new ExpectedCall("anonymous.ami", "1795333923.28", "COMPLETED",
                fields("callerNumber", null, "callerWithheld", true, "operatorName", "Operator 1002",
                        "operatorUsername", "operator2", "waitSeconds", 2, "talkSeconds", 5),
                fields("callerNumber", null, "callerWithheld", true));
    }

    /** Six callers within two seconds: six calls with their own figures. */
    public static List<ExpectedCall> burst() {
        return List.of(
                burst("1795333890.8", "COMPLETED", "0911000001", "Operator 1001", 2, 17),
                burst("1795333890.10", "COMPLETED", "0911000002", "Operator 1002", 5, 12),
                burst("1795333891.14", "ABANDONED", "0911000003", null, 6, null),
                burst("1795333891.16", "COMPLETED", "0911000004", "Operator 1002", 19, 5),
                withCall(burst("1795333892.18", "COMPLETED", "02363888999", "Operator 1001", 20, 10),
                        "callerName", "So Cong Thuong Da Nang"),
                burst("1795333892.20", "ABANDONED", "0911000006", null, 3, null));
    }

    /** Every call of every transcript. */
    public static List<ExpectedCall> all() {
        return Stream.of(List.of(answered(), abandoned(), anonymous()), burst()).flatMap(List::stream).toList();
    }

    private static ExpectedCall burst(String linkedid, String state, String number, String operator, Integer wait,
            Integer talk) {
        return new ExpectedCall("burst.ami", linkedid, state,
                fields("callerNumber", number, "operatorName", operator, "waitSeconds", wait, "talkSeconds", talk),
                fields("callerNumber", number));
    }

    private static ExpectedCall withCall(ExpectedCall e, String field, Object value) {
        Map<String, Object> call = new LinkedHashMap<>(e.call());
        call.put(field, value);
        return new ExpectedCall(e.transcript(), e.linkedid(), e.state(), Collections.unmodifiableMap(call), e.ticket());
    }

    /** Field names and values in pairs; values may be null (Map.of refuses them). */
    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
