package vn.gov.moit.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.SUPERVISOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.telephony.AmiTestServerResource.server;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Eventually;
import vn.gov.moit.hotline.TestClock;

/**
 * The AMI connection is cut while calls begin and end; when it is back, the window is a gap, reconciled from the
 * rows Asterisk 22 wrote to its cdr and queue_log tables (test resources, asterisk-tables/, in Asterisk's own
 * column layout, moved into the outage): every call once, flagged, the missed caller on the callback list.
 */
@QuarkusTest
@QuarkusTestResource(value = AmiTestServerResource.class, restrictToAnnotatedClass = true)
class CaptureGapTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ZoneId PBX = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    /** The recorded rows' first instant. */
    private static final Instant RECORDED = Instant.parse("2026-12-02T04:16:09Z");

    @Inject
    TestClock clock;

    @Inject
    CaptureGaps gaps;

    @Inject
    DataSource dataSource;

    @Test
    void callsOfAConnectionCutAreReconciledFromAsterisksTablesOnceEachAndFlagged() throws Exception {
        // Later than anything heard before, in whatever order the tests run.
        clock.advance(Duration.ofDays(1));
        awaitHeard();
        server().stopListening();
        // Three calls while nobody listens: two answered, one that met an empty queue.
        clock.advance(Duration.ofSeconds(10));
        Instant outage = clock.instant();
        String suffix = insertRecordedCalls(outage, "7");
        clock.advance(Duration.ofMinutes(2));
        server().resumeListening();
        Map<String, Object> gap = Eventually.get("a gap", WAIT, () -> latestGap(outage));
        assertThat(gap).containsEntry("state", "PENDING");
        assertThat(Instant.parse((String) gap.get("from"))).isBefore(outage);

        // Not before Asterisk has had time to write the window's records.
        assertThat(gaps.reconcile(clock.instant())).isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(gaps.reconcile(clock.instant())).isEqualTo(3);
        gap = latestGap(outage);
        assertThat(gap).containsEntry("state", "RECONCILED").containsEntry("callsAdded", 3);

        Map<String, Object> first = call("179" + suffix + "184977.189");
        assertThat(first).containsEntry("state", "COMPLETED").containsEntry("callerNumber", "0915000001")
                .containsEntry("operatorUsername", "operator2").containsEntry("flagged", true)
                .containsEntry("talkSeconds", 4);
        assertThat(call("179" + suffix + "185002.196")).containsEntry("callerName", "Nguyễn Thị Hoà")
                .containsEntry("operatorUsername", "operator1");
        Map<String, Object> missed = call("179" + suffix + "185005.200");
        assertThat(missed).containsEntry("state", "MISSED").containsEntry("flagged", true);
        // The missed caller is on the callback list at once.
        List<Map<String, Object>> tasks = as(OPERATOR).get("/api/callbacks?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(tasks).anyMatch(t -> "0915000003".equals(t.get("callerNumber")));

        // Again, or over a wider window: nothing twice.
        assertThat(gaps.reconcile(clock.instant().plus(Duration.ofDays(1)))).isZero();
        assertThat(as(SUPERVISOR).queryParam("caller", "0915000001").queryParam("size", 100).get("/api/calls")
                .then().extract().jsonPath().getList("items.linkedid")).containsOnlyOnce("179" + suffix + "184977.189");
    }

    @Test
    void whenAsterisksTablesCannotBeReadTheGapStaysPendingAndIsRetried() throws Exception {
        clock.advance(Duration.ofDays(1));
        awaitHeard();
        server().stopListening();
        clock.advance(Duration.ofSeconds(10));
        Instant outage = clock.instant();
        String suffix = insertRecordedCalls(outage, "8");
        clock.advance(Duration.ofMinutes(1));
        server().resumeListening();
        Eventually.get("a gap", WAIT, () -> latestGap(outage));
        clock.advance(Duration.ofMinutes(6));
        sql("alter table cdr rename to cdr_away");
        try {
            assertThat(gaps.reconcile(clock.instant())).isZero();
        } finally {
            sql("alter table cdr_away rename to cdr");
        }
        Map<String, Object> gap = latestGap(outage);
        assertThat(gap).containsEntry("state", "PENDING").containsEntry("attempts", 1);
        assertThat((String) gap.get("lastError")).isNotBlank();
        assertThat(Instant.parse((String) gap.get("nextTryAt"))).isAfter(clock.instant());
        // Retried after the wait, with nothing lost.
        clock.advance(Duration.ofMinutes(2));
        assertThat(gaps.reconcile(clock.instant())).isEqualTo(3);
        assertThat(latestGap(outage)).containsEntry("state", "RECONCILED");
        assertThat(call("179" + suffix + "185005.200")).containsEntry("state", "MISSED");
    }

    // --- Helpers ----------------------------------------------------------------------------------------

    /** Waits for the listener to be connected and to have answered a ping (the watermark moved). */
    private void awaitHeard() throws InterruptedException {
        Eventually.get("the listener connected", WAIT, () -> server().loggedInClients() > 0 ? Boolean.TRUE : null);
        Thread.sleep(2500);
    }

    /**
     * The recorded cdr and queue_log rows, their ids renumbered (1796 becomes 179{digit}) and moved so that the
     * first starts at {@code at}; returns the digit's id part.
     */
    private String insertRecordedCalls(Instant at, String digit) throws IOException, SQLException {
        Duration shift = Duration.between(RECORDED, at);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("insert into cdr (calldate, clid, src, dst, dcontext, "
                    + "channel, dstchannel, lastapp, lastdata, duration, billsec, disposition, amaflags, accountcode, "
                    + "uniqueid, userfield, peeraccount, linkedid, sequence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?)")) {
                for (CSVRecord r : csv("cdr-sample.csv")) {
                    Instant calldate = OffsetDateTime.parse(r.get("calldate").replace(" ", "T").replace("+00", "Z")
                            .replace("Z", "+00:00")).toInstant().plus(shift);
                    q.setObject(1, calldate.atOffset(ZoneOffset.UTC));
                    String[] text = {"clid", "src", "dst", "dcontext", "channel", "dstchannel", "lastapp", "lastdata"};
                    for (int i = 0; i < text.length; i++) {
                        q.setString(2 + i, r.get(text[i]));
                    }
                    q.setInt(10, Integer.parseInt(r.get("duration")));
                    q.setInt(11, Integer.parseInt(r.get("billsec")));
                    q.setString(12, r.get("disposition"));
                    q.setInt(13, Integer.parseInt(r.get("amaflags")));
                    q.setString(14, r.get("accountcode"));
                    q.setString(15, renumber(r.get("uniqueid"), digit));
                    q.setString(16, r.get("userfield"));
                    q.setString(17, r.get("peeraccount"));
                    q.setString(18, renumber(r.get("linkedid"), digit));
                    q.setInt(19, Integer.parseInt(r.get("sequence")));
                    q.executeUpdate();
                }
            }
            try (PreparedStatement q = c.prepareStatement("insert into queue_log (time, callid, queuename, agent, "
                    + "event, data, data1, data2, data3, data4, data5) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (CSVRecord r : csv("queue_log-sample.csv")) {
                    // Written in the PBX's local time (the recording's PBX ran in UTC).
                    Instant time = LocalDateTime.parse(r.get("time").replace(' ', 'T')).toInstant(ZoneOffset.UTC)
                            .plus(shift);
                    q.setString(1, LOCAL.format(time.atZone(PBX)));
                    q.setString(2, renumber(r.get("callid"), digit));
                    String[] text = {"queuename", "agent", "event", "data", "data1"};
                    for (int i = 0; i < text.length; i++) {
                        q.setString(3 + i, r.get(text[i]));
                    }
                    q.setString(8, renumber(r.get("data2"), digit));
                    q.setString(9, r.get("data3"));
                    q.setString(10, r.get("data4"));
                    q.setString(11, r.get("data5"));
                    q.executeUpdate();
                }
            }
        }
        return digit;
    }

    private static String renumber(String id, String digit) {
        return id.startsWith("1796") ? "179" + digit + id.substring(4) : id;
    }

    private static List<CSVRecord> csv(String name) throws IOException {
        try (Reader in = new InputStreamReader(CaptureGapTest.class.getResourceAsStream("/asterisk-tables/" + name),
                StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The gap that covers {@code at}, if there is one yet. */
    private static Map<String, Object> latestGap(Instant at) {
        List<Map<String, Object>> all = as(SUPERVISOR).get("/api/calls/gaps").then().statusCode(200).extract()
                .jsonPath().getList("");
        return all.stream().filter(g -> !Instant.parse((String) g.get("from")).isAfter(at)
                && !Instant.parse((String) g.get("to")).isBefore(at)).findFirst().orElse(null);
    }

    private static Map<String, Object> call(String linkedid) {
        List<Map<String, Object>> items = as(SUPERVISOR).queryParam("linkedid", linkedid).get("/api/calls").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(items).as("call " + linkedid).hasSize(1);
        return items.get(0);
    }
}
