package vn.gov.moit.hotline.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.event.ConnectEvent;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.AmiServer;
import vn.gov.moit.hotline.telephony.demo.CallGenerator;
import vn.gov.moit.hotline.telephony.demo.CallGenerator.CallSpec;
import vn.gov.moit.hotline.telephony.demo.CallGenerator.TimedEvent;
import vn.gov.moit.hotline.telephony.demo.CallTemplate;

/**
 * Call capture at national-hotline scale: renumbered copies of the three real transcripts (answered, abandoned,
 * withheld caller), interleaved as overlapping calls, published by an {@link AmiServer} on loopback.
 *
 * <pre>
 * CaptureBench bare    full|filtered N   the ceiling: a bare asterisk-java connection whose listener only counts
 * CaptureBench app     full|filtered N   the packaged application: calls/s and events/s until every call is final
 * CaptureBench latency full|filtered S R the packaged application, R calls/s for S seconds: Hangup to readable
 * </pre>
 *
 * "filtered" drops, before publishing, what telephony-config/manager.conf's eventfilter lines drop at the source.
 */
public final class CaptureBench {

    private static final String USER = "hotline";
    private static final String SECRET = "bench-secret";

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        boolean filtered = args[1].equals("filtered");
        Set<String> kept = filtered ? keptByManagerConf(Path.of("telephony-config/manager.conf")) : null;
        switch (mode) {
            case "bare" -> bare(kept, Integer.parseInt(args[2]));
            case "app" -> app(kept, Integer.parseInt(args[2]));
            case "latency" -> latency(kept, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("mode: bare, app or latency");
        }
        System.exit(0);
    }

    /** The event names the include filters of manager.conf let through. */
    static Set<String> keptByManagerConf(Path managerConf) throws IOException {
        Pattern include = Pattern.compile("^eventfilter\\(action\\(include\\),name\\((\\w+)\\)\\)");
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(managerConf)) {
            Matcher m = include.matcher(line.trim());
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no eventfilter include lines in " + managerConf);
        }
        return names;
    }

    static List<CallTemplate> templates() {
        return List.of(CallTemplate.answeredCall(), CallTemplate.abandonedCall(), CallTemplate.anonymousCall());
    }

    /** Call {@code i}: the templates in turn, a distinct caller, starting {@code spacingMillis} after call i-1. */
    static List<TimedEvent> call(CallGenerator generator, List<CallTemplate> templates, int i, Instant first,
            long spacingMillis, Set<String> kept) {
        CallTemplate t = templates.get(i % templates.size());
        List<TimedEvent> events = generator.derive(t, new CallSpec(first.plusMillis(i * spacingMillis),
                String.format("09%08d", i), "Bench Caller", t.operator(), 3, t.holdSeconds(), t.talkSeconds()));
        return kept == null ? events : events.stream().filter(e -> kept.contains(e.event().eventName())).toList();
    }

    /** N calls starting 20 ms apart, interleaved by time as one PBX's stream (about 3,000 calls overlap). */
    static List<AmiMessage> stream(int n, Set<String> kept) {
        CallGenerator generator = new CallGenerator(20251123L, true);
        List<CallTemplate> templates = templates();
        Instant first = Instant.now().minusSeconds(3600);
        List<List<TimedEvent>> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            calls.add(call(generator, templates, i, first, 20, kept));
        }
        return CallGenerator.interleave(calls);
    }

    static AmiServer server() throws IOException {
        AmiServer server = new AmiServer(USER, SECRET, Clock.systemUTC());
        server.start(0);
        return server;
    }

    /** Publishes in blocks of 500 events, as fast as the socket takes them; returns the nanos it took. */
    static long publish(AmiServer server, List<AmiMessage> events) {
        long t0 = System.nanoTime();
        for (int i = 0; i < events.size(); i += 500) {
            server.publishAll(events.subList(i, Math.min(events.size(), i + 500)));
        }
        return System.nanoTime() - t0;
    }

    static void bare(Set<String> kept, int n) throws Exception {
        List<AmiMessage> events = stream(n, kept);
        try (AmiServer server = server()) {
            DefaultManagerConnection c = new DefaultManagerConnection("127.0.0.1", server.port(), USER, SECRET);
            AtomicLong count = new AtomicLong();
            AtomicLong last = new AtomicLong();
            c.addEventListener(e -> {
                if (!(e instanceof ConnectEvent)) {
                    count.incrementAndGet();
                    last.set(System.nanoTime());
                }
            });
            c.login();
            BenchApp.sleep(500);
            count.set(0);
            String load = BenchApp.load();
            long cpu0 = readerCpuNanos();
            long t0 = System.nanoTime();
            long publishNanos = publish(server, events);
            awaitStable(count, 2000);
            double seconds = (last.get() - t0) / 1e9;
            double cpuMsPerCall = (readerCpuNanos() - cpu0) / 1e6 / n;
            System.out.printf("RESULT capture-bare stream=%s calls=%d eventsPublished=%d eventsReceived=%d "
                    + "seconds=%.2f events/s=%.0f calls/s=%.0f publishSeconds=%.2f readerCpuMsPerCall=%.3f %s%n",
                    kept == null ? "full" : "filtered", n, events.size(), count.get(), seconds,
                    count.get() / seconds, n / seconds, publishNanos / 1e9, cpuMsPerCall, load);
            c.logoff();
        }
    }

    /** CPU time of asterisk-java's own threads (reader, event pump) in this process. */
    private static long readerCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.dumpAllThreads(false, false)) {
            if (t.getThreadName().startsWith("Asterisk-Java")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    private static void awaitStable(AtomicLong count, long quietMillis) {
        long seen = -1;
        while (count.get() != seen) {
            seen = count.get();
            BenchApp.sleep(quietMillis);
        }
    }

    static BenchApp startApp(AmiServer server, Path home, List<String> jvm) throws IOException {
        List<String> props = new ArrayList<>(List.of("-Dhotline.ami.host=127.0.0.1", "-Dhotline.ami.port=" + server.port(),
                "-Dhotline.ami.secret=" + SECRET, "-Dhotline.ami.username=" + USER));
        props.addAll(datasourceProperties());
        return BenchApp.start(home, jvm, props);
    }

    /** -Dquarkus.datasource... from the system property bench.datasource (space separated), for PostgreSQL runs. */
    static List<String> datasourceProperties() {
        String ds = System.getProperty("bench.datasource", "").trim();
        return ds.isEmpty() ? List.of() : Arrays.asList(ds.split("\\s+"));
    }

    static List<String> jvmOptions() {
        String opts = System.getProperty("bench.jvm", "").trim();
        return opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+"));
    }

    static void awaitLogin(AmiServer server) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (server.loggedInClients() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application did not log in to the AMI server");
            }
            BenchApp.sleep(50);
        }
        BenchApp.sleep(1000); // its resync (CoreShowChannels) is done
    }

    static void app(Set<String> kept, int n) throws Exception {
        List<AmiMessage> events = stream(n, kept);
        Path home = Files.createTempDirectory("hotline-capture");
        try (AmiServer server = server(); BenchApp app = startApp(server, home, jvmOptions())) {
            awaitLogin(server);
            BenchApp.sleep(2000);
            long rssIdle = app.procMiB("VmRSS");
            AtomicLong rssMax = new AtomicLong();
            ExecutorService sampler = Executors.newSingleThreadExecutor();
            sampler.execute(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    rssMax.accumulateAndGet(app.procMiB("VmRSS"), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            double eventsBefore = app.metric("hotline_ami_events_total");
            String load = BenchApp.load();
            long cpu0 = app.cpuMillis();
            long t0 = System.nanoTime();
            long publishNanos = publish(server, events);
            // Every call created and no call left in a non-final state; give up after 150 s or 10 s without progress.
            long deadline = t0 + 150_000_000_000L;
            double created = 0;
            double lastProgress = -1;
            long lastProgressAt = System.nanoTime();
            long finalAt = -1;
            while (System.nanoTime() < deadline) {
                created = app.metric("hotline_calls_created_total");
                double received = app.metric("hotline_ami_events_total") - eventsBefore;
                if (created + received != lastProgress) {
                    lastProgress = created + received;
                    lastProgressAt = System.nanoTime();
                }
                if (created >= n && nonFinal(app) == 0) {
                    finalAt = System.nanoTime();
                    break;
                }
                if (System.nanoTime() - lastProgressAt > 10_000_000_000L) {
                    break;
                }
                BenchApp.sleep(created >= n ? 100 : 250);
            }
            sampler.shutdownNow();
            long cpuMillis = app.cpuMillis() - cpu0;
            double received = app.metric("hotline_ami_events_total") - eventsBefore;
            double dropped = app.metric("hotline_ami_events_dropped_total");
            double failed = app.metric("hotline_ami_events_failed_total");
            long nonFinal = nonFinal(app);
            long end = finalAt > 0 ? finalAt : lastProgressAt;
            double seconds = (end - t0) / 1e9;
            System.out.printf("RESULT capture-app stream=%s calls=%d complete=%s created=%.0f nonFinal=%d "
                    + "eventsPublished=%d eventsReceived=%.0f dispatcherDropped=%.0f failed=%.0f seconds=%.2f "
                    + "calls/s=%.0f events/s=%.0f publishSeconds=%.2f startupMs=%d rssIdleMiB=%d rssMaxMiB=%d "
                    + "hwmMiB=%d cpuMsPerCall=%.3f %s%n",
                    kept == null ? "full" : "filtered", n, finalAt > 0, created, nonFinal, events.size(), received,
                    dropped, failed, seconds, (created - nonFinal) / seconds, received / seconds,
                    publishNanos / 1e9, app.readyMillis, rssIdle, rssMax.get(), app.procMiB("VmHWM"),
                    (double) cpuMillis / n, load);
        }
    }

    /** Calls created but not yet in a final state (three list totals as the supervisor). */
    static long nonFinal(BenchApp app) throws IOException, InterruptedException {
        long sum = 0;
        for (String s : List.of("ARRIVED", "QUEUED", "ANSWERED")) {
            HttpResponse<String> r = app.get("supervisor", "/api/calls?size=1&outcome=" + s);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /api/calls: " + r.statusCode() + " " + r.body());
            }
            sum += BenchApp.total(r.body());
        }
        return sum;
    }

    /**
     * R calls a second for S seconds (after 5 s of warm-up), each call's events published at its start time with
     * the final Hangup and what follows written last. The time from writing that Hangup to the call appearing
     * ended on the live feed ({@code /api/calls/live}, sent after the commit) is the latency; one call a second is
     * also polled through {@code GET /api/calls?linkedid=} to check the feed against what a client reads.
     */
    static void latency(Set<String> kept, int seconds, int rate) throws Exception {
        int warm = 5 * rate;
        int n = warm + seconds * rate;
        CallGenerator generator = new CallGenerator(20251124L, true);
        List<CallTemplate> templates = templates();
        Instant first = Instant.now().minusSeconds(600);
        List<List<AmiMessage>> heads = new ArrayList<>(n);
        List<List<AmiMessage>> tails = new ArrayList<>(n);
        List<String> linkedids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<AmiMessage> events = call(generator, templates, i, first, 1000 / rate, kept).stream()
                    .map(TimedEvent::event).toList();
            int lastHangup = -1;
            for (int k = 0; k < events.size(); k++) {
                if ("Hangup".equals(events.get(k).eventName())) {
                    lastHangup = k;
                }
            }
            heads.add(events.subList(0, lastHangup));
            tails.add(events.subList(lastHangup, events.size()));
            linkedids.add(events.stream().map(e -> e.get("Linkedid")).filter(l -> l != null).findFirst().orElseThrow());
        }
        Path home = Files.createTempDirectory("hotline-latency");
        Map<String, Long> hangupAt = new ConcurrentHashMap<>();
        Map<String, Long> endedAt = new ConcurrentHashMap<>();
        Pattern ended = Pattern.compile("\"linkedid\":\"([^\"]+)\".*\"endedAt\":\"");
        try (AmiServer server = server(); BenchApp app = startApp(server, home, jvmOptions())) {
            awaitLogin(server);
            app.http.sendAsync(app.request("supervisor", "/api/calls/live").header("Accept", "text/event-stream")
                    .timeout(java.time.Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
                        Matcher m = ended.matcher(line);
                        if (m.find()) {
                            endedAt.putIfAbsent(m.group(1), System.nanoTime());
                        }
                    }));
            BenchApp.sleep(1000);
            ExecutorService pollers = Executors.newFixedThreadPool(4);
            List<Double> polled = java.util.Collections.synchronizedList(new ArrayList<>());
            String load = BenchApp.load();
            long t0 = System.nanoTime();
            long periodNanos = 1_000_000_000L / rate;
            for (int i = 0; i < n; i++) {
                long due = t0 + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                server.publishAll(heads.get(i));
                long at = System.nanoTime();
                server.publishAll(tails.get(i));
                String linkedid = linkedids.get(i);
                hangupAt.put(linkedid, at);
                if (i >= warm && i % rate == 0) {
                    pollers.execute(() -> polled.add(pollUntilEnded(app, linkedid, at)));
                }
            }
            long publishSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (endedAt.size() < n && System.nanoTime() < deadline) {
                BenchApp.sleep(200);
            }
            pollers.shutdown();
            pollers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            double[] ms = linkedids.subList(warm, n).stream().filter(endedAt::containsKey)
                    .mapToDouble(l -> (endedAt.get(l) - hangupAt.get(l)) / 1e6).sorted().toArray();
            double[] pollMs = polled.stream().mapToDouble(Double::doubleValue).filter(d -> d >= 0).sorted().toArray();
            System.out.printf("RESULT capture-latency stream=%s rate=%d/s seconds=%d measuredCalls=%d seen=%d "
                    + "p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms | GET-by-linkedid sample=%d p50=%.1fms p99=%.1fms "
                    + "publishSeconds=%d %s%n",
                    kept == null ? "full" : "filtered", rate, seconds, n - warm, ms.length,
                    BenchApp.percentile(ms, 50), BenchApp.percentile(ms, 90), BenchApp.percentile(ms, 99),
                    ms.length == 0 ? Double.NaN : ms[ms.length - 1], pollMs.length, BenchApp.percentile(pollMs, 50),
                    BenchApp.percentile(pollMs, 99), publishSeconds, load);
        }
    }

    /** Polls GET /api/calls?linkedid= until the call has ended; milliseconds since {@code hangupNanos}, or -1. */
    private static double pollUntilEnded(BenchApp app, String linkedid, long hangupNanos) {
        long deadline = hangupNanos + 10_000_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                HttpResponse<String> r = app.get("supervisor", "/api/calls?size=1&linkedid=" + linkedid);
                if (r.statusCode() == 200 && r.body().contains("\"endedAt\":\"")) {
                    return (System.nanoTime() - hangupNanos) / 1e6;
                }
                Thread.sleep(2);
            }
        } catch (IOException | InterruptedException e) {
            return -1;
        }
        return -1;
    }
}
