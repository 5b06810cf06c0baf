package vn.gov.moit.hotline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.AmiServer;
import vn.gov.moit.hotline.telephony.demo.CallGenerator;
import vn.gov.moit.hotline.telephony.demo.CallGenerator.TimedEvent;
import vn.gov.moit.hotline.telephony.demo.CallTemplate;

/**
 * What a hot standby costs: two packaged instances on one PostgreSQL database, both logged in to one AMI server,
 * R calls a second (the stream manager.conf's eventfilter lines leave) for S seconds. The listener writes; the
 * standby translates and keeps the last {@code standby-buffer-time} of events. Per instance: CPU in cores over
 * the measured window (after the buffer's time has filled it), heap after a full GC before the traffic and at
 * its end ({@code jcmd GC.run}, then {@code GC.heap_info}), VmRSS; for the standby the events kept and the heap
 * they take per event.
 *
 * <pre>
 * StandbyBench jdbcUrl user password [seconds rate]   (default 90 100; built for PostgreSQL: -Dbench.app=target/quarkus-app-pg)
 * </pre>
 */
public final class StandbyBench {

    /** The buffer fills for this long (the default standby-buffer-time) before the CPU is measured. */
    private static final int FILL_SECONDS = 60;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 90;
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        if (seconds <= FILL_SECONDS) {
            throw new IllegalArgumentException("seconds must be more than the buffer's " + FILL_SECONDS + " s");
        }
        BenchData.migrate(url, user, password, true);
        Set<String> kept = CaptureBench.keptByManagerConf(Path.of("telephony-config/manager.conf"));
        int n = seconds * rate;
        CallGenerator generator = new CallGenerator(20261203L, true);
        List<CallTemplate> templates = CaptureBench.templates();
        java.time.Instant first = java.time.Instant.now();
        List<List<AmiMessage>> calls = new ArrayList<>(n);
        long events = 0;
        for (int i = 0; i < n; i++) {
            List<AmiMessage> call = CaptureBench.call(generator, templates, i, first, 1000 / rate, kept).stream()
                    .map(TimedEvent::event).toList();
            calls.add(call);
            events += call.size();
        }
        List<String> props = new ArrayList<>(List.of("-Dquarkus.datasource.jdbc.url=" + url,
                "-Dquarkus.datasource.username=" + user, "-Dquarkus.datasource.password=" + password,
                "-Dquarkus.flyway.migrate-at-start=true",
                // The instances share one session key, as in production.
                "-Dquarkus.http.auth.session.encryption-key=standby-bench-session-key"));
        try (AmiServer server = CaptureBench.server()) {
            List<String> jvm = CaptureBench.jvmOptions();
            try (BenchApp listener = start(server, Files.createTempDirectory("hotline-listener"), jvm, props)) {
                awaitLogins(server, 1);
                try (BenchApp standby = start(server, Files.createTempDirectory("hotline-standby"), jvm, props)) {
                    awaitLogins(server, 2);
                    BenchApp.sleep(3000);
                    long listenerHeap0 = heapAfterGcKiB(listener);
                    long standbyHeap0 = heapAfterGcKiB(standby);
                    long listenerRss0 = listener.procMiB("VmRSS");
                    long standbyRss0 = standby.procMiB("VmRSS");
                    String load = BenchApp.load();
                    long t0 = System.nanoTime();
                    long period = 1_000_000_000L / rate;
                    long listenerCpu = 0;
                    long standbyCpu = 0;
                    for (int i = 0; i < n; i++) {
                        if (i == FILL_SECONDS * rate) {
                            listenerCpu = listener.cpuMillis();
                            standbyCpu = standby.cpuMillis();
                        }
                        long wait = t0 + i * period - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        server.publishAll(calls.get(i));
                    }
                    double measured = (System.nanoTime() - t0) / 1e9 - FILL_SECONDS;
                    double listenerCores = (listener.cpuMillis() - listenerCpu) / 1000.0 / measured;
                    double standbyCores = (standby.cpuMillis() - standbyCpu) / 1000.0 / measured;
                    long listenerRss = listener.procMiB("VmRSS");
                    long standbyRss = standby.procMiB("VmRSS");
                    double keptEvents = standby.metric("hotline_ami_standby_kept");
                    double dropped = standby.metric("hotline_ami_standby_dropped_total");
                    long listenerHeap = heapAfterGcKiB(listener);
                    long standbyHeap = heapAfterGcKiB(standby);
                    double created = listener.metric("hotline_calls_created_total");
                    System.out.printf("RESULT standby rate=%d/s seconds=%d calls=%d events=%d (%.0f/s) created=%.0f | "
                            + "measured %.0f s after %d s of filling | listener: cpu %.3f cores, heap after GC %d -> %d MiB,"
                            + " VmRSS %d -> %d MiB | standby: cpu %.3f cores, heap after GC %d -> %d MiB, VmRSS %d -> %d MiB,"
                            + " kept %.0f events (dropped %.0f), %.0f bytes of heap per kept event | %s -> %s%n",
                            rate, seconds, n, events, (double) events / seconds, created, measured, FILL_SECONDS,
                            listenerCores, listenerHeap0 / 1024, listenerHeap / 1024, listenerRss0, listenerRss, standbyCores,
                            standbyHeap0 / 1024, standbyHeap / 1024, standbyRss0, standbyRss, keptEvents, dropped,
                            keptEvents > 0 ? (standbyHeap - standbyHeap0) * 1024.0 / keptEvents : Double.NaN, load,
                            BenchApp.load());
                }
            }
        }
        System.exit(0);
    }

    private static BenchApp start(AmiServer server, Path home, List<String> jvm, List<String> props) throws IOException {
        List<String> all = new ArrayList<>(props);
        all.addAll(List.of("-Dhotline.ami.host=127.0.0.1", "-Dhotline.ami.port=" + server.port(),
                "-Dhotline.ami.secret=bench-secret", "-Dhotline.ami.username=hotline",
                "-Dhotline.ami.election.lease=4s", "-Dhotline.ami.election.renew-interval=1s"));
        return BenchApp.start(home, jvm, all);
    }

    private static void awaitLogins(AmiServer server, int clients) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (server.loggedInClients() < clients) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fewer than " + clients + " AMI clients logged in");
            }
            BenchApp.sleep(50);
        }
        BenchApp.sleep(2000);
    }

    /** The used heap in KiB after a full collection, from {@code jcmd}. */
    private static long heapAfterGcKiB(BenchApp app) throws IOException, InterruptedException {
        jcmd(app.process.pid(), "GC.run");
        String info = jcmd(app.process.pid(), "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap use in: " + info);
        }
        return Long.parseLong(m.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
