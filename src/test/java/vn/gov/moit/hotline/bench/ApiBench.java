package vn.gov.moit.hotline.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The REST API over a desk of 1,000,000 tickets (seeded with JDBC into the freshly migrated H2 file before the
 * packaged application starts). An open-loop load generator on loopback sends requests at a fixed rate and
 * measures each latency from the moment the request was due (so a slow server cannot hide its queue):
 * a public read without login (the floor of HTTP plus database), a ticket by id, a filtered list page, and
 * triage updates (PUT with the version read), all as operator1 with HTTP Basic.
 *
 * <pre>ApiBench [tickets [rate [seconds]]]   defaults: 1000000 500 20</pre>
 */
public final class ApiBench {

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path home = Files.createTempDirectory("hotline-api");
        String url = BenchApp.h2Url(home);
        long t0 = System.nanoTime();
        BenchData.migrate(url, "hotline", "hotline", false);
        // The year up to today's midnight (UTC): the same tickets all day long.
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        BenchData.tickets(url, "hotline", "hotline", 1, tickets, today.minusSeconds(365L * 86_400), today, 7L);
        System.out.printf("seeded %d tickets in %.1f s (%s)%n", tickets, (System.nanoTime() - t0) / 1e9, BenchApp.load());

        try (BenchApp app = BenchApp.start(home, CaptureBench.jvmOptions(), CaptureBench.datasourceProperties())) {
            System.out.printf("ready in %d ms, VmRSS %d MiB%n", app.readyMillis, app.procMiB("VmRSS"));
            Random random = new Random(11);
            AtomicLong nextNew = new AtomicLong(10);
            IntFunction<HttpRequest> publicRead = i -> HttpRequest.newBuilder(
                    java.net.URI.create(app.base() + "/api/public/open311/v2/requests.json?size=20")).build();
            IntFunction<HttpRequest> byId = i -> app.request("operator1",
                    "/api/tickets/" + (1 + random.nextInt(tickets))).GET().build();
            IntFunction<HttpRequest> list = i -> app.request("operator1", "/api/tickets?status=TRIAGED&field="
                    + BenchData.FIELDS.get(i % BenchData.FIELDS.size()) + "&page=0&size=20&sort=createdAt,desc")
                    .GET().build();
            IntFunction<HttpRequest> triage = i -> app.request("operator1", "/api/tickets/"
                    + nextNew.getAndAdd(10) + "/triage").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("""
                            {"version":0,"callerType":"BUSINESS","provinceCode":"HA_NOI","fieldCode":"ECOMMERCE",
                             "priority":"NORMAL","summary":"Bench triage"}""")).build();
            // Warm-up: each kind a little, slowly.
            for (IntFunction<HttpRequest> kind : List.of(publicRead, byId, list, triage)) {
                run(app, "warm-up", kind, 20, 5, false);
            }
            run(app, "public-read(no auth)", publicRead, rate, seconds, true);
            run(app, "ticket-by-id", byId, rate, seconds, true);
            run(app, "ticket-list(status+field, page 0 size 20, createdAt desc)", list, rate, seconds, true);
            run(app, "triage(PUT)", triage, Math.max(1, rate / 5), seconds, true);
            System.out.printf("RESULT api-footprint tickets=%d startupMs=%d rssMiB=%d hwmMiB=%d%n", tickets,
                    app.readyMillis, app.procMiB("VmRSS"), app.procMiB("VmHWM"));
        }
    }

    /**
     * Sends {@code rate} requests a second for {@code seconds}; at most 2,000 outstanding (beyond: counted, not sent).
     * Prints per kind: requests due, sent, answered; the achieved rate of 2xx answers; latency percentiles from
     * each request's due time; errors (non-2xx answers, and requests that failed or timed out after 30 s); the
     * bcrypt checks the application ran meanwhile; and the load average before and after.
     */
    static void run(BenchApp app, String name, IntFunction<HttpRequest> requests, int rate, int seconds, boolean print)
            throws Exception {
        int n = rate * seconds;
        long period = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger non2xx = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger notSent = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>(n);
        String loadBefore = BenchApp.load();
        double bcryptBefore = app.metric("hotline_security_password_verifications_total");
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = t0 + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (outstanding.get() >= 2000) {
                notSent.incrementAndGet();
                continue;
            }
            outstanding.incrementAndGet();
            HttpRequest r = requests.apply(i);
            all.add(app.http.sendAsync(r, HttpResponse.BodyHandlers.ofString()).orTimeout(30, TimeUnit.SECONDS)
                    .whenComplete((resp, ex) -> {
                        outstanding.decrementAndGet();
                        latencies.add((System.nanoTime() - due) / 1e6);
                        boolean bad = ex != null || resp.statusCode() / 100 != 2;
                        if (bad && (ex != null ? failed.incrementAndGet() : non2xx.incrementAndGet()) <= 3) {
                            System.err.println(name + ": " + (ex != null ? ex : resp.statusCode() + " " + resp.body()));
                        }
                    }));
        }
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double[] ms = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int ok = ms.length - non2xx.get() - failed.get();
        if (print) {
            System.out.printf("RESULT api %s target=%d/s due=%d sent=%d notSent=%d answered=%d ok=%d errors=%d "
                    + "(non2xx=%d failed=%d) sentRate=%.0f/s achieved=%.0f/s p50=%.1fms p90=%.1fms p99=%.1fms "
                    + "max=%.1fms bcrypt=%.0f %s, after: %s%n",
                    name, rate, n, all.size(), notSent.get(), ms.length, ok, non2xx.get() + failed.get(), non2xx.get(),
                    failed.get(), all.size() / sendSeconds, ok / elapsed, BenchApp.percentile(ms, 50),
                    BenchApp.percentile(ms, 90), BenchApp.percentile(ms, 99), ms.length == 0 ? Double.NaN : ms[ms.length - 1],
                    app.metric("hotline_security_password_verifications_total") - bcryptBefore, loadBefore,
                    BenchApp.load());
        }
    }
}
