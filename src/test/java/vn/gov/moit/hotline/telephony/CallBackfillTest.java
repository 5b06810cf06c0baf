package vn.gov.moit.hotline.telephony;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.gov.moit.hotline.Api.ADMIN;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.SUPERVISOR;
import static vn.gov.moit.hotline.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The backfill after an AMI outage, through its endpoint. The Master.csv rows are the Cdr records Asterisk 22
 * wrote for the calls of the recorded transcripts (test resources, ami/) (answered.ami, abandoned.ami, anonymous.ami), with the linkedid and
 * sequence columns of {@code newcdrcolumns=yes} added; each test renumbers the ids (as the transcripts'
 * README asks) so that its calls are its own.
 */
@QuarkusTest
class CallBackfillTest {

    private static final String FROM = "2026-11-22T07:50:00Z";
    private static final String TO = "2026-11-22T08:00:00Z";

    @Test
    void masterCsvCallsAreCreatedWithTheirTicketsAndAgainNothingIsCreated() {
        String file = answered(1) + abandoned(1) + anonymous(1);

        JsonPath first = backfill("cdr-csv", FROM, TO, file).statusCode(200).extract().jsonPath();
        assertThat(first.getInt("linesRead")).isEqualTo(8);
        assertThat(first.getInt("callsInWindow")).isEqualTo(3);
        assertThat(first.getInt("created")).isEqualTo(3);
        assertThat(first.getInt("alreadyPresent")).isZero();
        assertThat(first.getList("skipped")).isEmpty();

        Map<String, Object> answered = call(id(1, "1795333853.0"));
        assertThat(answered).containsEntry("state", "COMPLETED").containsEntry("callerNumber", "0912345678")
                .containsEntry("callerName", "Nguyen Van An").containsEntry("callerWithheld", false)
                .containsEntry("did", "024222021115").containsEntry("queue", "hotline")
                .containsEntry("operatorInterface", "Local/1001@agents").containsEntry("operatorUsername", "operator1")
                .containsEntry("arrivedAt", "2026-11-22T07:50:53Z").containsEntry("answeredAt", "2026-11-22T07:50:55Z")
                .containsEntry("endedAt", "2026-11-22T07:51:03Z").containsEntry("talkSeconds", 8)
                .containsEntry("waitSeconds", null).containsEntry("flagged", true)
                .containsEntry("missedReason", "backfilled from Master.csv: wait unknown");
        JsonPath ticket = ticketOf(answered);
        assertThat(ticket.getString("source")).isEqualTo("PHONE");
        assertThat(ticket.getString("status")).isEqualTo("NEW");
        assertThat(ticket.getString("callerNumber")).isEqualTo("0912345678");
        assertThat(ticket.getString("operator")).isEqualTo("operator1");

        Map<String, Object> abandoned = call(id(1, "1795333881.4"));
        assertThat(abandoned).containsEntry("state", "MISSED").containsEntry("callerNumber", "0987654321")
                .containsEntry("operatorUsername", null).containsEntry("flagged", true)
                .containsEntry("missedReason", "backfilled from Master.csv: left the queue without an answer");
        assertThat(ticketOf(abandoned).getString("status")).isEqualTo("CALLBACK_PENDING");
        as(SUPERVISOR).queryParam("size", 200).get("/api/tickets/callbacks").then().statusCode(200)
                .body("items.id", hasItem(((Number) abandoned.get("ticketId")).intValue()));

        Map<String, Object> anonymous = call(id(1, "1795333923.28"));
        assertThat(anonymous).containsEntry("state", "COMPLETED").containsEntry("callerNumber", null)
                .containsEntry("callerWithheld", true).containsEntry("callerName", null)
                .containsEntry("operatorUsername", "operator2").containsEntry("talkSeconds", 5);
        assertThat(ticketOf(anonymous).getBoolean("callerWithheld")).isTrue();

        long tickets = ticketTotal();
        JsonPath again = backfill("cdr-csv", FROM, TO, file).statusCode(200).extract().jsonPath();
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("alreadyPresent")).isEqualTo(3);
        assertThat(ticketTotal()).isEqualTo(tickets);
        assertThat(calls(id(1, "1795333853.0"))).hasSize(1);
    }

    @Test
    void onlyCallsArrivingInTheWindowAreImportedAndAnEarlierImportIsNotDuplicated() {
        // The outage is [07:51:00, 08:00:00): the answered call (07:50:53) is outside it, the others inside.
        String window = "2026-11-22T07:51:00Z";
        JsonPath first = backfill("cdr-csv", window, TO, answered(2) + abandoned(2)).statusCode(200).extract()
                .jsonPath();
        assertThat(first.getInt("callsInWindow")).isEqualTo(1);
        assertThat(first.getInt("created")).isEqualTo(1);
        assertThat(calls(id(2, "1795333853.0"))).isEmpty();

        // A later, wider import of a longer file: what is already logged stays, only the rest is created.
        long tickets = ticketTotal();
        JsonPath second = backfill("cdr-csv", FROM, TO, answered(2) + abandoned(2) + anonymous(2)).statusCode(200)
                .extract().jsonPath();
        assertThat(second.getInt("callsInWindow")).isEqualTo(3);
        assertThat(second.getInt("created")).isEqualTo(2);
        assertThat(second.getInt("alreadyPresent")).isEqualTo(1);
        assertThat(ticketTotal()).isEqualTo(tickets + 2);
        assertThat(calls(id(2, "1795333881.4"))).hasSize(1);
    }

    @Test
    void garbageAndCallsOfOtherNumbersAreReportedOrIgnoredNeverFatal() {
        String file = "this is not a CDR\n"
                + answered(3)
                + "\"\",\"0912345678\",\"024222021115\",\"from-pstn\",\"unclosed\n"
                + row("0912000000", "024222021115", "from-pstn", "\"X\" <0912000000>", "PJSIP/trunk-0000aaaa", "",
                        "Queue", "hotline,,,,600", "22/11/2026 07:55", "", "2026-11-22 07:56:00", 60, 0,
                        "ANSWERED", "1795334100.1", "hotline", "1795334100.1", 1)
                // An operator calling out: not a hotline call, not an error either.
                + row("1001", "0987000111", "operators", "\"Operator 1001\" <1001>", "PJSIP/1001-0000000b",
                        "PJSIP/trunk-0000000c", "Dial", "PJSIP/0987000111@trunk", "2026-11-22 07:55:00",
                        "2026-11-22 07:55:05", "2026-11-22 07:56:00", 60, 55, "ANSWERED", "1795334100.7", "",
                        "1795334100.7", 9);

        JsonPath summary = backfill("cdr-csv", FROM, TO, file).statusCode(200).extract().jsonPath();
        assertThat(summary.getInt("created")).isEqualTo(1);
        assertThat(summary.getInt("skippedTotal")).isEqualTo(3);
        List<Map<String, Object>> skipped = summary.getList("skipped");
        assertThat(skipped).extracting(s -> s.get("line")).containsExactly(1, 5, 6);
        assertThat((String) skipped.get(0).get("reason")).contains("expected 18 or 21 fields");
        assertThat((String) skipped.get(1).get("reason")).contains("not closed");
        assertThat((String) skipped.get(2).get("reason")).contains("start is not a time");
        assertThat(calls("1795334100.7")).isEmpty();
    }

    @Test
    void queueLogGivesAsteriskOwnWaitAndTalkAndAbandonedCalls() {
        String file = String.join("\n",
                "1796400000|NONE|hotline|Operator 1001|ADDMEMBER|",
                "1796400000|1796400000.1|hotline|NONE|ENTERQUEUE||0912345678|1",
                "1796400000|1796400000.1|hotline|Operator 1002|RINGNOANSWER|1000",
                "1796400002|1796400000.1|hotline|Operator 1001|CONNECT|2|1796400001.4|1",
                "1796400010|1796400000.1|hotline|Operator 1001|COMPLETECALLER|2|8|1",
                "1796400020|1796400020.5|hotline|NONE|ENTERQUEUE||0987654321|1",
                "1796400023|1796400020.5|hotline|NONE|ABANDON|1|1|3",
                "1796400030|1796400030.9|hotline|NONE|ENTERQUEUE||0911000009|1",
                "1796400031|1796400031.2|other|NONE|ENTERQUEUE||0911000010|1",
                "garbage",
                "soon|1796400040.1|hotline|NONE|ENTERQUEUE||0911000011|1",
                "1796400041|1796400041.1|hotline|Operator 1001|CONNECT|x|1796400041.3|1",
                "");
        String from = "2026-12-04T00:00:00Z";
        String to = "2026-12-05T00:00:00Z";

        JsonPath summary = backfill("queue-log", from, to, file).statusCode(200).extract().jsonPath();
        assertThat(summary.getString("format")).isEqualTo("queue-log");
        assertThat(summary.getInt("linesRead")).isEqualTo(12);
        assertThat(summary.getInt("created")).isEqualTo(2);
        List<Map<String, Object>> skipped = summary.getList("skipped");
        assertThat(skipped).extracting(s -> s.get("line")).containsExactly(8, 10, 11, 12);
        assertThat((String) skipped.get(0).get("reason")).contains("no outcome yet");
        assertThat((String) skipped.get(3).get("reason")).contains("CONNECT data1");

        Map<String, Object> completed = call("1796400000.1");
        assertThat(completed).containsEntry("state", "COMPLETED").containsEntry("callerNumber", "0912345678")
                .containsEntry("operatorName", "Operator 1001").containsEntry("operatorUsername", "operator1")
                .containsEntry("waitSeconds", 2).containsEntry("talkSeconds", 8).containsEntry("hungUpBy", "caller")
                .containsEntry("arrivedAt", "2026-12-04T16:00:00Z").containsEntry("flagged", true);
        assertThat(ticketOf(completed).getString("operator")).isEqualTo("operator1");

        Map<String, Object> abandoned = call("1796400020.5");
        assertThat(abandoned).containsEntry("state", "ABANDONED").containsEntry("callerNumber", "0987654321")
                .containsEntry("waitSeconds", 3).containsEntry("talkSeconds", null);
        assertThat(ticketOf(abandoned).getString("status")).isEqualTo("CALLBACK_PENDING");

        JsonPath again = backfill("queue-log", from, to, file).statusCode(200).extract().jsonPath();
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("alreadyPresent")).isEqualTo(2);
    }

    /**
     * The callers are behind Local channels, so queue_log's callid (the uniqueid of the channel that joined the
     * queue) is not the Linkedid that Master.csv groups by: the two imports still find each other's calls,
     * whichever comes first, and the operator is named.
     */
    @Test
    void queueLogAndMasterCsvOfOneWindowLogEachCallOnceInEitherOrder() {
        for (boolean queueLogFirst : new boolean[] {true, false}) {
            int run = queueLogFirst ? 5 : 6;
            String cdr = answered(run) + abandoned(run);
            String queueLog = queueLog(run);
            String[][] imports = queueLogFirst
                    ? new String[][] {{"queue-log", queueLog}, {"cdr-csv", cdr}}
                    : new String[][] {{"cdr-csv", cdr}, {"queue-log", queueLog}};
            JsonPath first = backfill(imports[0][0], FROM, TO, imports[0][1]).statusCode(200).extract().jsonPath();
            assertThat(first.getInt("created")).as(imports[0][0] + " first").isEqualTo(2);
            JsonPath second = backfill(imports[1][0], FROM, TO, imports[1][1]).statusCode(200).extract().jsonPath();
            assertThat(second.getInt("created")).as(imports[1][0] + " second").isZero();
            assertThat(second.getInt("alreadyPresent")).isEqualTo(2);

            List<Map<String, Object>> answered = new java.util.ArrayList<>(calls(id(run, "1795333853.0")));
            answered.addAll(calls(id(run, "1795333853.1")));
            assertThat(answered).as("the answered call, once").hasSize(1);
            assertThat(answered.get(0)).containsEntry("state", "COMPLETED").containsEntry("callerNumber", "0912345678")
                    .containsEntry("operatorName", "Operator 1001").containsEntry("operatorUsername", "operator1")
                    .containsEntry("waitSeconds", 2).containsEntry("talkSeconds", 8);
            List<Map<String, Object>> abandoned = new java.util.ArrayList<>(calls(id(run, "1795333881.4")));
            abandoned.addAll(calls(id(run, "1795333881.5")));
            assertThat(abandoned).as("the abandoned call, once").hasSize(1);
        }
    }

    /** queue_log's lines for answered.ami and abandoned.ami: keyed by the queue channel's uniqueid. */
    private static String queueLog(int run) {
        String answered = id(run, "1795333853.1");
        String abandoned = id(run, "1795333881.5");
        return String.join("\n",
                "1795333853|" + answered + "|hotline|NONE|ENTERQUEUE||0912345678|1",
                "1795333855|" + answered + "|hotline|Operator 1001|CONNECT|2|" + id(run, "1795333853.3") + "|1",
                "1795333863|" + answered + "|hotline|Operator 1001|COMPLETECALLER|2|8|1",
                "1795333881|" + abandoned + "|hotline|NONE|ENTERQUEUE||0987654321|1",
                "1795333884|" + abandoned + "|hotline|NONE|ABANDON|1|1|3", "");
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        refused(backfill("cdr-csv", null, TO, ""), "from");
        refused(backfill("cdr-csv", "yesterday", TO, ""), "from");
        refused(backfill("cdr-csv", FROM, "2026-11-22 08:00", ""), "to");
        refused(backfill("cdr-csv", TO, FROM, ""), "to");
        refused(backfill("cdr-csv", FROM, FROM, ""), "to");
        refused(backfill("excel", FROM, TO, ""), "format");
        refused(backfill(null, FROM, TO, ""), "format");
    }

    @Test
    void onlyAdministratorsAndSupervisorsMayImportAndTheFileSizeIsBounded() {
        given().auth().preemptive().basic(OPERATOR, "demo").contentType("text/csv").body("")
                .queryParam("format", "cdr-csv").queryParam("from", FROM).queryParam("to", TO)
                .post("/api/admin/calls/backfill").then().statusCode(403).contentType("application/problem+json");
        given().auth().preemptive().basic(ADMIN, "demo").contentType("text/csv").body("")
                .queryParam("format", "cdr-csv").queryParam("from", FROM).queryParam("to", TO)
                .post("/api/admin/calls/backfill").then().statusCode(200).body("linesRead", equalTo(0));

        byte[] tooLarge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'x');
        given().auth().preemptive().basic(ADMIN, "demo").contentType("text/csv").body(tooLarge)
                .queryParam("format", "cdr-csv").queryParam("from", FROM).queryParam("to", TO)
                .post("/api/admin/calls/backfill").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    // --- Master.csv rows from the transcripts' Cdr records --------------------------------------------------

    /** answered.ami: the caller's two Local halves and the member's leg; Operator 1001 took it. */
    private static String answered(int run) {
        String linkedid = id(run, "1795333853.0");
        String clid = "\"Nguyen Van An\" <0912345678>";
        return row("0912345678", "024222021115", "from-pstn", clid, "Local/024222021115@from-pstn-00000000;1", "",
                "Wait", "10", "2026-11-22 07:50:53", "2026-11-22 07:50:53", "2026-11-22 07:51:03", 10, 10, "ANSWERED",
                linkedid, "", linkedid, 1)
                + row("0912345678", "1001", "agents", clid, "Local/1001@agents-00000001;2", "", "Wait", "600",
                        "2026-11-22 07:50:53", "2026-11-22 07:50:55", "2026-11-22 07:51:03", 9, 7, "ANSWERED",
                        id(run, "1795333853.3"), "", linkedid, 3)
                + row("0912345678", "024222021115", "from-pstn", clid, "Local/024222021115@from-pstn-00000000;2",
                        "Local/1001@agents-00000001;1", "Queue", "hotline,r,,,120", "2026-11-22 07:50:53",
                        "2026-11-22 07:50:53", "2026-11-22 07:51:03", 10, 10, "ANSWERED", id(run, "1795333853.1"),
                        "", linkedid, 2);
    }

    /** abandoned.ami: Operator 1002 rang, the caller gave up after 3 s. */
    private static String abandoned(int run) {
        String linkedid = id(run, "1795333881.4");
        String clid = "\"Tran Thi Binh\" <0987654321>";
        return row("0987654321", "024222021115", "from-pstn", clid, "Local/024222021115@from-pstn-00000002;1", "",
                "Wait", "3", "2026-11-22 07:51:21", "2026-11-22 07:51:21", "2026-11-22 07:51:24", 3, 3, "ANSWERED",
                linkedid, "", linkedid, 4)
                + row("0987654321", "024222021115", "from-pstn", clid, "Local/024222021115@from-pstn-00000002;2",
                        "Local/1002@agents-00000003;1", "Queue", "hotline,r,,,120", "2026-11-22 07:51:21",
                        "2026-11-22 07:51:21", "2026-11-22 07:51:24", 3, 3, "NO ANSWER", id(run, "1795333881.5"), "",
                        linkedid, 5);
    }

    /** anonymous.ami: caller ID withheld, Operator 1002 answered. */
    private static String anonymous(int run) {
        String linkedid = id(run, "1795333923.28");
        String clid = "\"\" <anonymous>";
        return row("anonymous", "024222021115", "from-pstn", clid, "Local/024222021115@from-pstn-0000000e;1", "",
                "Wait", "8", "2026-11-22 07:52:03", "2026-11-22 07:52:03", "2026-11-22 07:52:11", 8, 8, "ANSWERED",
                linkedid, "", linkedid, 14)
                + row("anonymous", "1002", "agents", clid, "Local/1002@agents-0000000f;2", "", "Wait", "600",
                        "2026-11-22 07:52:04", "2026-11-22 07:52:06", "2026-11-22 07:52:11", 7, 5, "ANSWERED",
                        id(run, "1795333924.31"), "", linkedid, 16)
                + row("anonymous", "024222021115", "from-pstn", clid, "Local/024222021115@from-pstn-0000000e;2",
                        "Local/1002@agents-0000000f;1", "Queue", "hotline,r,,,120", "2026-11-22 07:52:03",
                        "2026-11-22 07:52:03", "2026-11-22 07:52:11", 8, 8, "ANSWERED", id(run, "1795333923.29"), "",
                        linkedid, 15);
    }

    /** One line as cdr_csv writes it with loguniqueid, loguserfield and newcdrcolumns: strings quoted. */
    private static String row(String src, String dst, String dcontext, String clid, String channel,
            String dstchannel, String lastapp, String lastdata, String start, String answer, String end,
            int duration, int billsec, String disposition, String uniqueid, String userfield, String linkedid,
            int sequence) {
        return String.join(",", q(""), q(src), q(dst), q(dcontext), q(clid), q(channel), q(dstchannel), q(lastapp),
                q(lastdata), q(start), answer.isEmpty() ? "" : q(answer), q(end), String.valueOf(duration),
                String.valueOf(billsec), q(disposition), q("DOCUMENTATION"), q(uniqueid), q(userfield), q(""),
                q(linkedid), String.valueOf(sequence)) + "\n";
    }

    private static String q(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The transcript's id with its seconds moved on by a million per run: the same call, its own ids. */
    private static String id(int run, String uniqueid) {
        int dot = uniqueid.indexOf('.');
        return (Long.parseLong(uniqueid.substring(0, dot)) + run * 1_000_000L) + uniqueid.substring(dot);
    }

    // --- HTTP -----------------------------------------------------------------------------------------------

    private static ValidatableResponse backfill(String format, String from, String to, String body) {
        var request = given().auth().preemptive().basic(SUPERVISOR, "demo").contentType("text/csv").body(body);
        if (format != null) {
            request.queryParam("format", format);
        }
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        return request.post("/api/admin/calls/backfill").then();
    }

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo(field));
    }

    private static List<Map<String, Object>> calls(String linkedid) {
        return as(SUPERVISOR).queryParam("linkedid", linkedid).get("/api/calls").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    private static Map<String, Object> call(String linkedid) {
        List<Map<String, Object>> items = calls(linkedid);
        assertThat(items).as("call " + linkedid).hasSize(1);
        return items.get(0);
    }

    private static JsonPath ticketOf(Map<String, Object> call) {
        assertThat(call.get("ticketId")).as("the call has a ticket").isNotNull();
        return as(SUPERVISOR).get("/api/tickets/" + call.get("ticketId")).then().statusCode(200).extract().jsonPath();
    }

    private static long ticketTotal() {
        return as(SUPERVISOR).queryParam("size", 1).get("/api/tickets").then().extract().jsonPath().getLong("total");
    }
}
