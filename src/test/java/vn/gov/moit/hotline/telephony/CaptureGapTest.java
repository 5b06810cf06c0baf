package vn.gov.moit.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.SUPERVISOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.telephony.AmiTestServerResource.server;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
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

    @Inject
    TestClock clock;

    @Inject
    CaptureGaps gaps;

    @Inject
    DataSource dataSource;

    @Test
    void callsOfAConnectionCutAreReconciledFromAsterisksTablesOnceEachAndFlagged() throws Exception {
        String suffix = "7";
        Instant outage = cutWhileRecordedCallsHappen(suffix, Duration.ofMinutes(2));
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
        String suffix = "8";
        Instant outage = cutWhileRecordedCallsHappen(suffix, Duration.ofMinutes(1));
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

    /**
     * Cuts the AMI connection while the three recorded calls (renumbered with {@code digit}) begin and end, for
     * {@code down}, then lets the listener back in; returns when the calls began.
     */
    private Instant cutWhileRecordedCallsHappen(String digit, Duration down) throws Exception {
        // Later than anything heard before, in whatever order the tests run.
        clock.advance(Duration.ofDays(1));
        awaitHeard();
        server().stopListening();
        // Three calls while nobody listens: two answered, one that met an empty queue.
        clock.advance(Duration.ofSeconds(10));
        Instant outage = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            AsteriskTables.insertRecorded(c, outage, digit, PBX);
        }
        clock.advance(down);
        server().resumeListening();
        return outage;
    }

    /** Waits for the listener to be connected and to have answered a ping (the watermark moved). */
    private void awaitHeard() throws InterruptedException {
        Eventually.get("the listener connected", WAIT, () -> server().loggedInClients() > 0 ? Boolean.TRUE : null);
        Thread.sleep(2500);
    }

    private void sql(String statement) throws java.sql.SQLException {
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
