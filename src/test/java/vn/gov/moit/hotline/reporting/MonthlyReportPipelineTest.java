package vn.gov.moit.hotline.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.gov.moit.hotline.reporting.ReportFixtures.local;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;
import vn.gov.moit.hotline.TestClock;
import vn.gov.moit.hotline.common.DomainException;

/**
 * The report from rows in the database to the published JSON: known answers for a hand-computed month,
 * month boundaries in the hotline's zone, versions and the job. Months used here (2025-01, -03, -04, -07,
 * -08, -09, -10, -11) are used by no other test class.
 */
@QuarkusTest
class MonthlyReportPipelineTest {

    @Inject
    TestClock clock;

    @Inject
    ReportFixtures db;

    @Inject
    MonthlyReportService service;

    @Inject
    MonthlyReportJob job;

    /**
     * March 2025, hand-computed. Calls: offered 12 (a QUEUED call is still in progress and not counted, the
     * February and April calls are other months); answered 8; abandoned 2 (one short); missed 1; unknown 1.
     */
    @Test
    void aHandComputedMonthIsPublishedWithTheExpectedFigures() {
        long id = 900_000;
        db.call(++id, "COMPLETED", local("2025-03-03T08:15:00"), 10, 100);
        db.call(++id, "COMPLETED", local("2025-03-03T08:40:00"), 20, 200);
        db.call(++id, "COMPLETED", local("2025-03-03T08:50:00"), 25, 140);
        db.call(++id, "COMPLETED", local("2025-03-04T09:05:00"), 40, 300);
        db.call(++id, "ANSWERED", local("2025-03-05T14:00:00"), 30, null);
        db.call(++id, "ABANDONED", local("2025-03-05T14:10:00"), 3, null);
        db.call(++id, "ABANDONED", local("2025-03-10T10:00:00"), 60, null);
        db.call(++id, "MISSED", local("2025-03-10T22:00:00"), null, null);
        db.call(++id, "OUTCOME_UNKNOWN", local("2025-03-15T10:00:00"), null, null);
        db.call(++id, "QUEUED", local("2025-03-20T11:00:00"), null, null);
        // The last second of March and the first of April, local time, are different months.
        for (int i = 0; i < 3; i++) {
            db.call(++id, "COMPLETED", local("2025-03-31T23:59:59"), 5, 60);
            db.call(++id, "COMPLETED", local("2025-04-01T00:00:00"), 5, 60);
        }
        db.call(++id, "COMPLETED", local("2025-02-28T23:59:59"), 5, 60);

        // Tickets: t1 answered on time; t2 late; t3 forwarded, answered after its FIRST deadline (on time for
        // the second one), raised to leaders; t4, t6 resolved on the call (history), t5 resolved on the call
        // (status); t7 a duplicate; t8 opened in February and still open.
        db.ticket(900_101, local("2025-03-03T09:00:00")).status("CLOSED").where("ECOMMERCE", "HA_NOI", "BUSINESS")
                .department("TMDT").closed(local("2025-03-06T09:00:00")).insert();
        db.escalation(900_201, 900_101, "TMDT", local("2025-03-03T09:30:00"), local("2025-03-05T17:00:00"),
                local("2025-03-04T10:00:00"), null);
        db.ticket(900_102, local("2025-03-04T09:00:00")).status("ANSWERED").where("ECOMMERCE", "HA_NOI", "CITIZEN")
                .department("TMDT").insert();
        db.escalation(900_202, 900_102, "TMDT", local("2025-03-04T09:30:00"), local("2025-03-07T17:00:00"),
                local("2025-03-10T09:00:00"), null);
        db.ticket(900_103, local("2025-03-05T08:00:00")).status("ANSWERED").where("ECOMMERCE", "DA_NANG", "CITIZEN")
                .department("CTBV").insert();
        db.escalation(900_203, 900_103, "TMDT", local("2025-03-05T09:00:00"), local("2025-03-06T17:00:00"));
        db.escalation(900_204, 900_103, "CTBV", local("2025-03-06T10:00:00"), local("2025-03-20T17:00:00"),
                local("2025-03-12T09:00:00"), local("2025-03-11T09:00:00"));
        db.ticket(900_104, local("2025-03-08T10:00:00")).status("CLOSED").where("ELECTRICITY", "HA_NOI", "CITIZEN")
                .closed(local("2025-03-08T10:30:00")).insert();
        db.history(900_301, 900_104, local("2025-03-08T10:10:00"), "NEW", "RESOLVED_ON_CALL");
        db.ticket(900_105, local("2025-03-09T10:00:00")).status("RESOLVED_ON_CALL")
                .where("ELECTRICITY", "HO_CHI_MINH", "CITIZEN").insert();
        db.ticket(900_106, local("2025-03-20T10:00:00")).status("CLOSED").where("ELECTRICITY", "HO_CHI_MINH", "BUSINESS")
                .closed(local("2025-03-21T10:00:00")).insert();
        db.history(900_302, 900_106, local("2025-03-20T10:05:00"), "TRIAGED", "RESOLVED_ON_CALL");
        db.ticket(900_107, local("2025-03-21T10:00:00")).status("DUPLICATE").where("ECOMMERCE", "HA_NOI", "CITIZEN")
                .insert();
        db.ticket(900_108, local("2025-02-20T10:00:00")).status("TRIAGED").where("INDUSTRY", "HA_NOI", "CITIZEN")
                .insert();

        clock.set(Instant.parse("2025-05-02T00:00:00Z"));
        Api.as(Api.ADMIN).post("/api/admin/reports/2025-03/build").then().statusCode(200)
                .body("month", equalTo("2025-03")).body("version", equalTo(1)).body("preview", equalTo(false))
                .body("created", equalTo(true));

        JsonPath march = given().get("/api/public/reports/2025-03").then().statusCode(200).extract().jsonPath();
        assertThat(march.getBoolean("preview")).isFalse();
        assertThat(metric(march, "calls.offered")).isEqualTo("12");
        assertThat(metric(march, "calls.answered")).isEqualTo("8");
        // abandoned 2, missed 1, unknown 1 are hidden together (4 of the 12); 8 answered is not small
        assertThat(metric(march, "calls.abandoned")).isEqualTo("x");
        assertThat(metric(march, "calls.missed")).isEqualTo("x");
        assertThat(metric(march, "calls.answer_rate")).isEqualTo("66.7");
        // 2 of 12 abandoned would give the hidden count back
        assertThat(metric(march, "calls.abandon_rate")).isEqualTo("—");
        assertThat(metric(march, "calls.service_level")).isEqualTo("63.6");
        assertThat(metric(march, "calls.average_speed_of_answer")).isEqualTo("18");
        assertThat(metric(march, "calls.average_talk_time")).isEqualTo("131");
        assertThat(metric(march, "calls.longest_wait")).isEqualTo("60");
        assertThat(cell(march, "calls.by_day", "03")).isEqualTo("3");
        assertThat(cell(march, "calls.by_day", "31")).isEqualTo("3");
        assertThat(cell(march, "calls.by_day", "01")).isEqualTo("0");
        assertThat(cell(march, "calls.by_hour", "23")).isEqualTo("3");
        assertThat(cell(march, "calls.by_hour", "00")).isEqualTo("0");

        assertThat(metric(march, "tickets.opened")).isEqualTo("6");
        assertThat(metric(march, "tickets.resolved_on_call")).isEqualTo("3");
        assertThat(metric(march, "tickets.escalated")).isEqualTo("3");
        assertThat(metric(march, "tickets.raised_to_leaders")).isEqualTo("x");
        // 1 of 3 on time (t3 is late against its first deadline; 2 of 3 against the last one): a share of one
        // ticket is not published.
        assertThat(metric(march, "tickets.answered_within_deadline")).isEqualTo("—");
        assertThat(metric(march, "tickets.time_to_answer_median")).isEqualTo("144.0");
        assertThat(metric(march, "tickets.time_to_answer_p90")).isEqualTo("169.0");
        assertThat(metric(march, "tickets.open_at_month_end")).isEqualTo("4");
        assertThat(cell(march, "tickets.by_field", "ECOMMERCE")).isEqualTo("3");
        assertThat(cell(march, "tickets.by_field", "ELECTRICITY")).isEqualTo("3");
        assertThat(cell(march, "tickets.by_province", "HA_NOI")).isEqualTo("3");
        assertThat(cell(march, "tickets.by_province", "DA_NANG")).isEqualTo("x");
        assertThat(cell(march, "tickets.by_department", "UNSPECIFIED")).isEqualTo("3");
        // BUSINESS 2 hidden alone would be 6 - 4: CITIZEN is hidden with it
        assertThat(cell(march, "tickets.by_caller_type", "CITIZEN")).isEqualTo("x");

        Api.as(Api.SUPERVISOR).post("/api/admin/reports/2025-04/build").then().statusCode(200)
                .body("version", equalTo(1));
        JsonPath april = given().get("/api/public/reports/2025-04").then().statusCode(200).extract().jsonPath();
        assertThat(metric(april, "calls.offered")).isEqualTo("3");
        assertThat(cell(april, "calls.by_day", "01")).isEqualTo("3");
        assertThat(cell(april, "calls.by_hour", "00")).isEqualTo("3");
    }

    @Test
    void aMonthWithoutCallsOrTicketsPublishesZerosAndDashes() {
        clock.set(Instant.parse("2025-02-02T00:00:00Z"));
        service.build(YearMonth.of(2025, 1));

        JsonPath january = given().get("/api/public/reports/2025-01").then().statusCode(200).extract().jsonPath();
        assertThat(metric(january, "calls.offered")).isEqualTo("0");
        assertThat(metric(january, "calls.answered")).isEqualTo("0");
        assertThat(metric(january, "tickets.opened")).isEqualTo("0");
        assertThat(metric(january, "tickets.open_at_month_end")).isEqualTo("0");
        assertThat(metric(january, "calls.answer_rate")).isEqualTo("—");
        assertThat(metric(january, "calls.service_level")).isEqualTo("—");
        assertThat(metric(january, "calls.average_speed_of_answer")).isEqualTo("—");
        assertThat(metric(january, "tickets.time_to_answer_median")).isEqualTo("—");
        assertThat(january.getList("breakdowns.find { it.key == 'calls.by_day' }.cells")).hasSize(31);
        given().get("/reports/2025-01").then().statusCode(200);
    }

    @Test
    void theJobPublishesOnceAReRunChangesNothingAndLateDataMakesVersionTwo() {
        long id = 920_000;
        for (int i = 0; i < 5; i++) {
            db.call(++id, "COMPLETED", local("2025-07-1" + i + "T09:00:00"), 10, 120);
        }
        clock.set(Instant.parse("2025-08-02T01:00:00Z"));
        job.nightly();
        JsonPath v1 = given().get("/api/public/reports/2025-07").then().statusCode(200).extract().jsonPath();
        assertThat(v1.getInt("metrics.find { it.key == 'calls.offered' }.value")).isEqualTo(5);
        assertThat(latestVersion("2025-07")).isEqualTo(1);
        // The job also published August's month-to-date preview.
        given().get("/api/public/reports/2025-08").then().statusCode(200).body("preview", equalTo(true));

        clock.set(Instant.parse("2025-08-03T01:00:00Z"));
        job.nightly();
        assertThat(latestVersion("2025-07")).isEqualTo(1);
        assertThat(service.build(YearMonth.of(2025, 7)))
                .isEqualTo(new MonthlyReportService.BuildResult("2025-07", 1, false, false));
        given().get("/api/public/reports/2025-07/versions/2").then().statusCode(404);

        // A call of July recorded late (e.g. by the outage backfill).
        db.call(++id, "ABANDONED", local("2025-07-31T20:00:00"), 45, null);
        clock.set(Instant.parse("2025-08-04T01:00:00Z"));
        job.nightly();
        assertThat(latestVersion("2025-07")).isEqualTo(2);
        given().get("/api/public/reports/2025-07").then().statusCode(200)
                .body("metrics.find { it.key == 'calls.offered' }.value", equalTo(6));
        given().get("/api/public/reports/2025-07/versions/1").then().statusCode(200)
                .body("metrics.find { it.key == 'calls.offered' }.value", equalTo(5))
                .body("dataAsOf", equalTo("2025-08-02T01:00:00Z"));
        given().get("/api/public/reports/2025-07/versions/2").then().statusCode(200)
                .body("metrics.find { it.key == 'calls.offered' }.value", equalTo(6));
    }

    @Test
    void twoBuildsStartedTogetherPublishOneVersion() throws Exception {
        long id = 930_000;
        for (int i = 0; i < 4; i++) {
            db.call(++id, "COMPLETED", local("2025-09-0" + (i + 1) + "T09:00:00"), 10, 120);
        }
        clock.set(Instant.parse("2025-10-02T01:00:00Z"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return service.build(YearMonth.of(2025, 9));
                    } catch (DomainException.Conflict busy) {
                        return busy;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }
            long created = results.stream()
                    .filter(r -> r instanceof MonthlyReportService.BuildResult b && b.created()).count();
            assertThat(created).as("results: %s", results).isEqualTo(1);
            assertThat(results).allSatisfy(r -> assertThat(r).satisfiesAnyOf(
                    x -> assertThat(x).isInstanceOf(DomainException.Conflict.class),
                    x -> assertThat(x).isInstanceOf(MonthlyReportService.BuildResult.class)
                            .extracting("version").isEqualTo(1)));
        } finally {
            pool.shutdownNow();
        }
        assertThat(latestVersion("2025-09")).isEqualTo(1);
        given().get("/api/public/reports/2025-09/versions/2").then().statusCode(404);
    }

    @Test
    void theMonthInProgressIsAPreviewReplacedUntilTheMonthCloses() {
        long id = 940_000;
        for (int i = 0; i < 3; i++) {
            db.call(++id, "COMPLETED", local("2025-10-0" + (i + 1) + "T09:00:00"), 10, 120);
        }
        clock.set(local("2025-10-15T12:00:00"));
        Api.as(Api.ADMIN).post("/api/admin/reports/2025-10/build").then().statusCode(200)
                .body("version", equalTo(0)).body("preview", equalTo(true)).body("created", equalTo(true));
        db.call(++id, "COMPLETED", local("2025-10-16T09:00:00"), 10, 120);
        clock.set(local("2025-10-20T12:00:00"));
        Api.as(Api.ADMIN).post("/api/admin/reports/2025-10/build").then().statusCode(200).body("version", equalTo(0));
        given().get("/api/public/reports/2025-10").then().statusCode(200).body("preview", equalTo(true))
                .body("metrics.find { it.key == 'calls.offered' }.value", equalTo(4));
        assertThat(given().get("/api/public/reports").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.month == '2025-10' }")).hasSize(1);

        clock.set(local("2025-11-01T01:30:00"));
        Api.as(Api.ADMIN).post("/api/admin/reports/2025-10/build").then().statusCode(200)
                .body("version", equalTo(1)).body("preview", equalTo(false));
        given().get("/api/public/reports/2025-10").then().statusCode(200).body("preview", equalTo(false));
        given().get("/api/public/reports/2025-10/versions/0").then().statusCode(404);
    }

    @Test
    void badFutureOrUnpublishedMonthsAreRefusedClearly() {
        clock.set(Instant.parse("2025-08-02T01:00:00Z"));
        for (String bad : List.of("2025-13", "july", "2025-7", "2025-07-01")) {
            Api.as(Api.ADMIN).post("/api/admin/reports/" + bad + "/build").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("month"));
            given().get("/api/public/reports/" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("month"));
        }
        given().get("/reports/2025-13").then().statusCode(400).contentType("application/problem+json");
        Api.as(Api.ADMIN).post("/api/admin/reports/2025-09/build").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("month"));
        given().get("/api/public/reports/2024-02").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/public/reports/2025-07/versions/x").then().statusCode(400)
                .body("violations[0].field", equalTo("version"));
        given().queryParam("format", "xml").get("/api/public/reports/2025-07").then().statusCode(400)
                .body("violations[0].field", equalTo("format"));
        given().queryParam("lang", "fr").get("/reports/2025-07").then().statusCode(400)
                .body("violations[0].field", equalTo("lang"));
    }

    @Test
    void onlyAdministratorsAndSupervisorsMayBuild() {
        clock.set(Instant.parse("2025-12-02T01:00:00Z"));
        given().post("/api/admin/reports/2025-11/build").then().statusCode(401);
        Api.as(Api.OPERATOR).post("/api/admin/reports/2025-11/build").then().statusCode(403);
        Api.as(Api.LEADER).post("/api/admin/reports/2025-11/build").then().statusCode(403);
        Api.as(Api.SUPERVISOR).post("/api/admin/reports/2025-11/build").then().statusCode(200);
    }

    private static int latestVersion(String month) {
        return given().get("/api/public/reports").then().statusCode(200).extract().jsonPath()
                .getInt("find { it.month == '" + month + "' }.latestVersion");
    }

    private static String metric(JsonPath report, String key) {
        return report.getString("metrics.find { it.key == '" + key + "' }.display");
    }

    private static String cell(JsonPath report, String breakdown, String key) {
        return report.getString("breakdowns.find { it.key == '" + breakdown + "' }.cells.find { it.key == '" + key
                + "' }.display");
    }
}
