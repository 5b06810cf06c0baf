package vn.gov.moit.hotline.bench;

import java.lang.management.ManagementFactory;
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
            // Each kind first runs unmeasured at its own rate for bench.warmup-seconds, until the JIT has compiled
            // its path: measured from a cold start, the compiler threads take much of the two cores and the first
            // kind at 500/s builds a queue that an open-loop load never drains.
            int warmUp = Integer.getInteger("bench.warmup-seconds", 10);
            kind(app, "public-read(no auth)", publicRead, rate, warmUp, seconds);
            kind(app, "ticket-by-id", byId, rate, warmUp, seconds);
            kind(app, "ticket-list(status+field, page 0 size 20, createdAt desc)", list, rate, warmUp, seconds);
            kind(app, "triage(PUT)", triage, Math.max(1, rate / 5), warmUp, seconds);
            System.out.printf("RESULT api-footprint tickets=%d startupMs=%d rssMiB=%d hwmMiB=%d%n", tickets,
                    app.readyMillis, app.procMiB("VmRSS"), app.procMiB("VmHWM"));
        }
    }

    /** The CPU time of this load generator's process (the JVM's own count). */
    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void kind(BenchApp app, String name, IntFunction<HttpRequest> requests, int rate, int warmUpSeconds,
            int seconds) throws Exception {
        if (warmUpSeconds > 0) {
            run(app, "WARMUP", name, requests, rate, warmUpSeconds);
        }
        run(app, "RESULT", name, requests, rate, seconds);
    }

    /**
     * Sends {@code rate} requests a second for {@code seconds}; at most 2,000 outstanding (beyond: counted, not sent).
     * Prints per kind: requests due, sent, answered; the achieved rate of 2xx answers; latency percentiles from
     * each request's due time; errors (non-2xx answers, and requests that failed or timed out after 30 s); the
     * bcrypt checks the application ran meanwhile; the application's CPU time per answered request and in cores, and
     * this load generator's, which shares the machine; and the load average before and after.
     */
    static void run(BenchApp app, String label, String name, IntFunction<HttpRequest> requests, int rate, int seconds)
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
        long appCpuBefore = app.cpuMillis();
        long clientCpuBefore = clientCpuNanos();
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
        double appCpuSeconds = (app.cpuMillis() - appCpuBefore) / 1e3;
        double clientCpuSeconds = (clientCpuNanos() - clientCpuBefore) / 1e9;
        double[] ms = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int ok = ms.length - non2xx.get() - failed.get();
        System.out.printf("%s api %s target=%d/s due=%d sent=%d notSent=%d answered=%d ok=%d errors=%d "
                + "(non2xx=%d failed=%d) sentRate=%.0f/s achieved=%.0f/s p50=%.1fms p90=%.1fms p99=%.1fms "
                + "max=%.1fms bcrypt=%.0f appCpu=%.2fms/req (%.2f cores) clientCpu=%.2f cores %s, after: %s%n",
                label, name, rate, n, all.size(), notSent.get(), ms.length, ok, non2xx.get() + failed.get(),
                non2xx.get(), failed.get(), all.size() / sendSeconds, ok / elapsed, BenchApp.percentile(ms, 50),
                BenchApp.percentile(ms, 90), BenchApp.percentile(ms, 99), ms.length == 0 ? Double.NaN : ms[ms.length - 1],
                app.metric("hotline_security_password_verifications_total") - bcryptBefore,
                appCpuSeconds * 1e3 / Math.max(1, ms.length), appCpuSeconds / elapsed, clientCpuSeconds / elapsed,
                loadBefore, BenchApp.load());
    }
}
