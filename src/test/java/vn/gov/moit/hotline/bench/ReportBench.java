package vn.gov.moit.hotline.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly report of a national-hotline month: 1,000,000 calls and 300,000 tickets (seeded, deterministic)
 * written with JDBC into a freshly migrated database, then {@code POST /api/admin/reports/{month}/build} on the
 * packaged application, timed, with the application's peak resident memory; beside it the floor, a hand-written
 * SQL aggregation of the same figures.
 *
 * <pre>
 * ReportBench h2 [calls tickets]
 * ReportBench pg jdbcUrl user password [calls tickets]   (the application must be built for PostgreSQL:
 *                                                          -Dbench.app=target/quarkus-app-pg)
 * </pre>
 */
public final class ReportBench {

    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static void main(String[] args) throws Exception {
        boolean pg = args[0].equals("pg");
        Path home = Files.createTempDirectory("hotline-report");
        String url = pg ? args[1] : BenchApp.h2Url(home);
        String user = pg ? args[2] : "hotline";
        String password = pg ? args[3] : "hotline";
        int rest = pg ? 4 : 1;
        int calls = args.length > rest ? Integer.parseInt(args[rest]) : 1_000_000;
        int tickets = args.length > rest + 1 ? Integer.parseInt(args[rest + 1]) : 300_000;
        Instant start = MONTH.atDay(1).atStartOfDay(ZONE).toInstant();
        Instant end = MONTH.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();

        long t0 = System.nanoTime();
        BenchData.migrate(url, user, password, pg);
        System.out.printf("migrated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        try (Connection c = BenchData.connect(url, user, password)) {
            BenchData.calls(c, 1, calls, start, end, 1L);
            System.out.printf("calls written at %.1f s%n", (System.nanoTime() - t0) / 1e9);
            // 300,000 tickets of the month and 5% more opened in September, some still open at the month's start.
            BenchData.tickets(url, user, password, 1, tickets, start, end, 2L);
            BenchData.tickets(url, user, password, tickets + 1L, tickets / 20, start.minusSeconds(30L * 86_400), start, 3L);
            if (pg) {
                c.setAutoCommit(true);
                c.createStatement().execute("analyze");
            }
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("seeded %d calls, %d tickets in %.1f s (%s)%n", calls, tickets, seedSeconds, BenchApp.load());

        double floor;
        try (Connection c = BenchData.connect(url, user, password)) {
            // Once only: H2 hands back a cached result when the same query runs again on unchanged tables.
            floor = floor(c, start, end);
        }
        System.out.printf("floor: %.2f s%n", floor);

        List<String> props = new ArrayList<>(CaptureBench.datasourceProperties());
        if (pg) {
            props.addAll(List.of("-Dquarkus.datasource.jdbc.url=" + url, "-Dquarkus.datasource.username=" + user,
                    "-Dquarkus.datasource.password=" + password));
        }
        try (BenchApp app = BenchApp.start(home, CaptureBench.jvmOptions(), props)) {
            long hwmBefore = app.procMiB("VmHWM");
            String load = BenchApp.load();
            double[] builds = new double[2];
            String body = "";
            for (int i = 0; i < builds.length; i++) {
                long b0 = System.nanoTime();
                HttpResponse<String> r = app.http.send(app.request("supervisor", "/api/admin/reports/" + MONTH + "/build")
                        .timeout(java.time.Duration.ofMinutes(3)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                builds[i] = (System.nanoTime() - b0) / 1e9;
                body = r.statusCode() + " " + r.body();
                if (r.statusCode() != 200 && r.statusCode() != 201) {
                    throw new IllegalStateException("build: " + body + "; see " + home.resolve("app.log"));
                }
            }
            HttpResponse<String> json = app.get("supervisor", "/api/public/reports/" + MONTH);
            System.out.printf("RESULT report db=%s calls=%d tickets=%d seedSeconds=%.1f firstBuild=%.2fs "
                    + "secondBuild=%.2fs floor=%.2fs ratio=%.1fx startupMs=%d rssBeforeMiB=%d hwmBeforeBuildMiB=%d "
                    + "hwmAfterBuildMiB=%d reportBytes=%d (%s) %s%n",
                    pg ? "postgresql" : "h2", calls, tickets, seedSeconds, builds[0], builds[1], floor,
                    Math.min(builds[0], builds[1]) / floor, app.readyMillis, app.procMiB("VmRSS"), hwmBefore,
                    app.procMiB("VmHWM"), json.body().length(), body, load);
        }
    }

    /**
     * The report's figures as SQL aggregates: calls by day, hour and outcome with the wait and talk sums and the
     * service-level and short-abandon counts; tickets by field, province, department, caller type and status with
     * the resolved-on-call and escalated flags; the median and 90th percentile of time to first answer. Returns
     * the seconds the three queries took.
     */
    static double floor(Connection c, Instant start, Instant end) throws Exception {
        long t0 = System.nanoTime();
        long rows = 0;
        String local = "(arrived_at at time zone 'Asia/Ho_Chi_Minh')";
        rows += rows(c, "select d, h, state, count(*), "
                + "sum(case when state in ('ANSWERED','COMPLETED') and wait_seconds <= 30 then 1 else 0 end), "
                + "sum(case when state = 'ABANDONED' and wait_seconds < 5 then 1 else 0 end), "
                + "sum(wait_seconds), count(wait_seconds), sum(talk_seconds), count(talk_seconds), max(wait_seconds) "
                + "from (select extract(day from " + local + ") d, extract(hour from " + local + ") h, state, "
                + "wait_seconds, talk_seconds from call_record where arrived_at >= ? and arrived_at < ? "
                + "and state not in ('ARRIVED','QUEUED')) x group by d, h, state", start, end, false);
        rows += rows(c, """
                select t.field_code, t.province_code, t.department_code, t.caller_type, t.status,
                       count(*),
                       sum(case when t.status = 'RESOLVED_ON_CALL' or exists (select 1 from ticket_history h
                           where h.ticket_id = t.id and h.to_status = 'RESOLVED_ON_CALL') then 1 else 0 end),
                       sum(case when exists (select 1 from escalation e where e.ticket_id = t.id) then 1 else 0 end),
                       sum(case when exists (select 1 from escalation e where e.ticket_id = t.id
                           and e.raised_at is not null) then 1 else 0 end),
                       sum(case when (select min(e.answered_at) from escalation e where e.ticket_id = t.id)
                           <= (select e.deadline from escalation e where e.ticket_id = t.id
                           order by e.escalated_at, e.id fetch first 1 rows only) then 1 else 0 end)
                from ticket t
                where t.created_at >= ? and t.created_at < ? and t.status <> 'DUPLICATE'
                group by t.field_code, t.province_code, t.department_code, t.caller_type, t.status""", start, end, false);
        rows += rows(c, """
                select percentile_disc(0.5) within group (order by s), percentile_disc(0.9) within group (order by s),
                       count(*)
                from (select extract(epoch from (a.first_answered_at - t.created_at)) s from ticket t
                      join (select ticket_id, min(answered_at) first_answered_at from escalation
                            where answered_at is not null group by ticket_id) a on a.ticket_id = t.id
                      where t.created_at >= ? and t.created_at < ? and t.status <> 'DUPLICATE') x""", start, end, false);
        rows += rows(c, "select count(*) from ticket where created_at < ? and (closed_at is null or closed_at >= ?) "
                + "and status <> 'DUPLICATE'", end, end, false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (rows == 0) {
            throw new IllegalStateException("the floor queries found nothing");
        }
        return seconds;
    }

    private static long rows(Connection c, String sql, Instant a, Instant b, boolean print) throws Exception {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, BenchData.utc(a));
            q.setObject(2, BenchData.utc(b));
            long n = 0;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }
}
