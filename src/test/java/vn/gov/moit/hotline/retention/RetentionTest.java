package vn.gov.moit.hotline.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.gov.moit.hotline.Api.ADMIN;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.SUPERVISOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.Api.version;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;
import vn.gov.moit.hotline.TestClock;
import vn.gov.moit.hotline.telephony.CallEvent;
import vn.gov.moit.hotline.telephony.CallLogService;

/**
 * After the retention period the caller's number and name go from old calls and from closed or duplicate
 * tickets; every other column of every row, and every open ticket, stays exactly as it was.
 */
@QuarkusTest
class RetentionTest {

    /** Monday 23 November 2026: with the default 365 days, the cutoff is 23 November 2025. */
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant OLD = Instant.parse("2025-10-06T03:00:00Z");
    private static final Instant RECENT = Instant.parse("2026-11-02T03:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    CallLogService callLog;

    @Inject
    DataSource dataSource;

    @Test
    void callerDataPastThePeriodIsRemovedAndNothingElseChanges() throws SQLException {
        clock.set(OLD);
        String oldCall = call("1759720000.1", OLD, "0977000201", "Nguoi Goi Cu");
        long oldClosed = closedTicket("Đã đóng từ năm trước");
        long oldDuplicate = duplicateTicket(Api.triagedTicket("Bản gốc năm trước"));
        long oldOpen = Api.triagedTicket("Còn mở từ năm trước");
        long closedLate = Api.triagedTicket("Mở năm trước, đóng gần đây");
        clock.set(RECENT);
        String recentCall = call("1762052400.2", RECENT, "0977000202", "Nguoi Goi Moi");
        long recentClosed = closedTicket("Đóng gần đây");
        close(closedLate);
        clock.set(NOW);

        Map<Object, Map<String, Object>> callsBefore = rows("call_record");
        Map<Object, Map<String, Object>> ticketsBefore = rows("ticket");
        Instant cutoff = NOW.minus(Duration.ofDays(365));

        JsonPath result = as(ADMIN).post("/api/admin/retention/run").then().statusCode(200).extract().jsonPath();

        assertThat(Instant.parse(result.getString("cutoff"))).isEqualTo(cutoff);
        Map<Object, Map<String, Object>> callsAfter = rows("call_record");
        Map<Object, Map<String, Object>> ticketsAfter = rows("ticket");
        int expectedCalls = assertRedactedExactly(callsBefore, callsAfter,
                row -> before(row.get("ended_at") != null ? row.get("ended_at") : row.get("arrived_at"), cutoff));
        int expectedTickets = assertRedactedExactly(ticketsBefore, ticketsAfter,
                row -> ("CLOSED".equals(row.get("status")) && before(row.get("closed_at"), cutoff))
                        || ("DUPLICATE".equals(row.get("status")) && before(row.get("updated_at"), cutoff)));
        assertThat(result.getInt("callRecords")).isEqualTo(expectedCalls).isPositive();
        assertThat(result.getInt("tickets")).isEqualTo(expectedTickets).isPositive();

        // This test's own rows, as a user reads them.
        assertThat(callOf(oldCall)).containsEntry("callerNumber", null).containsEntry("callerName", null)
                .containsEntry("callerRedacted", true).containsEntry("state", "COMPLETED").containsEntry("talkSeconds", 60);
        assertThat(callOf(recentCall)).containsEntry("callerNumber", "0977000202")
                .containsEntry("callerName", "Nguoi Goi Moi").containsEntry("callerRedacted", false);
        long oldCallTicket = ((Number) callOf(oldCall).get("ticketId")).longValue();
        assertThat(ticket(oldCallTicket).getString("callerNumber")).as("the old call's ticket is still open")
                .isEqualTo("0977000201");
        for (long id : new long[] {oldClosed, oldDuplicate}) {
            JsonPath t = ticket(id);
            assertThat(t.getString("callerNumber")).isNull();
            assertThat(t.getString("callerName")).isNull();
            assertThat(t.getBoolean("callerRedacted")).isTrue();
            assertThat(t.getString("fieldCode")).isEqualTo("ECOMMERCE");
            assertThat(t.getString("provinceCode")).isEqualTo("HA_NOI");
            assertThat(t.getString("callerType")).isEqualTo("BUSINESS");
        }
        for (long id : new long[] {oldOpen, closedLate, recentClosed}) {
            assertThat(ticket(id).getString("callerNumber")).isEqualTo("0912345678");
            assertThat(ticket(id).getString("callerName")).isEqualTo("Nguyen Van An");
        }

        // A second run finds nothing left to remove.
        as(ADMIN).post("/api/admin/retention/run").then().statusCode(200)
                .body("callRecords", equalTo(0)).body("tickets", equalTo(0));
        assertThat(rows("ticket")).isEqualTo(ticketsAfter);
        assertThat(rows("call_record")).isEqualTo(callsAfter);

        // Replaying the old call's events (a backfill, a reconnect) does not bring its caller back.
        call(oldCall, OLD, "0977000201", "Nguoi Goi Cu");
        assertThat(rows("call_record")).isEqualTo(callsAfter);
        assertThat(rows("ticket")).isEqualTo(ticketsAfter);
    }

    @Test
    void onlyAnAdministratorRunsItNow() {
        as(SUPERVISOR).post("/api/admin/retention/run").then().statusCode(403)
                .contentType("application/problem+json");
        given().post("/api/admin/retention/run").then().statusCode(401);
    }

    /** Every row is unchanged, except those matching {@code due} with caller data, which lose exactly that. */
    private static int assertRedactedExactly(Map<Object, Map<String, Object>> before,
            Map<Object, Map<String, Object>> after, Predicate<Map<String, Object>> due) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        int redacted = 0;
        for (var entry : before.entrySet()) {
            Map<String, Object> expected = new HashMap<>(entry.getValue());
            boolean hasCaller = expected.get("caller_number") != null || expected.get("caller_name") != null;
            if (due.test(expected) && hasCaller) {
                expected.put("caller_number", null);
                expected.put("caller_name", null);
                expected.put("caller_redacted", true);
                redacted++;
            }
            assertThat(after.get(entry.getKey())).as("row %s", entry.getKey()).isEqualTo(expected);
        }
        return redacted;
    }

    private static boolean before(Object timestamp, Instant cutoff) {
        return timestamp != null && ((OffsetDateTime) timestamp).toInstant().isBefore(cutoff);
    }

    private Map<Object, Map<String, Object>> rows(String table) throws SQLException {
        Map<Object, Map<String, Object>> rows = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select * from " + table + " order by id")) {
            ResultSetMetaData meta = rs.getMetaData();
            Set<String> timestamps = new HashSet<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.getColumnTypeName(i).toLowerCase().contains("timestamp")) {
                    timestamps.add(meta.getColumnLabel(i).toLowerCase());
                }
            }
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnLabel(i).toLowerCase();
                    row.put(column, timestamps.contains(column) ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
                }
                rows.put(row.get("id"), row);
            }
        }
        return rows;
    }

    private String call(String linkedid, Instant t0, String number, String name) {
        for (CallEvent e : List.of(
                new CallEvent.ChannelEntered(linkedid, t0, "PJSIP/trunk-0001", linkedid, "from-pstn", "024 222 021115",
                        number, name),
                new CallEvent.QueueJoined(linkedid, t0.plusSeconds(1), "PJSIP/trunk-0001", "hotline", number, name),
                new CallEvent.AgentConnected(linkedid, t0.plusSeconds(5), "hotline", "Operator 1001", "PJSIP/1001", 4),
                new CallEvent.AgentCompleted(linkedid, t0.plusSeconds(65), "hotline", "Operator 1001", "PJSIP/1001", 4,
                        60, "caller"),
                new CallEvent.ChannelHungUp(linkedid, t0.plusSeconds(65), "PJSIP/trunk-0001", linkedid, 16,
                        "Normal Clearing"))) {
            callLog.accept(e);
        }
        assertThat(callOf(linkedid)).containsEntry("state", "COMPLETED");
        return linkedid;
    }

    private static Map<String, Object> callOf(String linkedid) {
        return as(SUPERVISOR).queryParam("linkedid", linkedid).get("/api/calls").then().statusCode(200)
                .extract().jsonPath().getMap("items[0]");
    }

    private static long closedTicket(String summary) {
        long id = Api.triagedTicket(summary);
        close(id);
        return id;
    }

    private static void close(long id) {
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id), "resolution", "Đã hướng dẫn trên cuộc gọi"))
                .post("/api/tickets/" + id + "/resolve-on-call").then().statusCode(200);
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id)))
                .post("/api/tickets/" + id + "/close").then().statusCode(200);
    }

    private static long duplicateTicket(long original) {
        long id = Api.triagedTicket("Trùng với " + original);
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id), "duplicateOf", original))
                .post("/api/tickets/" + id + "/duplicate").then().statusCode(200);
        return id;
    }

    private static JsonPath ticket(long id) {
        return as(SUPERVISOR).get("/api/tickets/" + id).then().statusCode(200).extract().jsonPath();
    }
}
