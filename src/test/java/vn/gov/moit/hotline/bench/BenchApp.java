package vn.gov.moit.hotline.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}, or the directory named by the system
 * property {@code bench.app}) started as a process on loopback, the way production runs it: its start-up time,
 * its resident memory from {@code /proc}, its metrics, and an HTTP client with the demo users' credentials.
 */
final class BenchApp implements AutoCloseable {

    static final String PASSWORD = "demo";

    final Path home;
    final int port;
    final Process process;
    final long startNanos;
    /**
     * HTTP/1.1, as browsers and a TLS-terminating proxy talk to the application. The JDK client's default, HTTP/2,
     * upgrades a cleartext connection to h2c and sends every request over that one connection, which one event-loop
     * thread then serves: 18% of the application's CPU went to HTTP/2 framing in a by-id profile.
     */
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    long readyMillis = -1;

    private BenchApp(Path home, int port, Process process, long startNanos) {
        this.home = home;
        this.port = port;
        this.process = process;
        this.startNanos = startNanos;
    }

    /** Starts the jar in {@code home} (its H2 file goes to {@code home/data}) with extra -D settings and JVM options. */
    static BenchApp start(Path home, List<String> jvmOptions, List<String> properties) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dhotline.security.demo-users=true");
        command.add("-Dhotline.report.enabled=false");
        command.add("-Dhotline.escalation.watch.enabled=false");
        command.addAll(properties);
        command.add("-jar");
        command.add(appDir().resolve("quarkus-run.jar").toString());
        Files.createDirectories(home);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("app.log").toFile())).start();
        BenchApp app = new BenchApp(home, port, p, t0);
        app.awaitReady();
        return app;
    }

    static Path appDir() {
        return Path.of(System.getProperty("bench.app", "target/quarkus-app")).toAbsolutePath();
    }

    /** The JDBC URL of the H2 file the application uses when started in {@code home}. */
    static String h2Url(Path home) {
        return "jdbc:h2:file:" + home.toAbsolutePath().resolve("data/hotline") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited; see " + home.resolve("app.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    readyMillis = (System.nanoTime() - startNanos) / 1_000_000;
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException("not ready within 120 s; see " + home.resolve("app.log"));
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user));
    }

    HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a Prometheus sample line starting with {@code prefix} (name and labels), summed over matches. */
    double metric(String prefix) throws IOException, InterruptedException {
        // Metrics are for administrators and supervisors (the demo users' password).
        String body = http.send(HttpRequest.newBuilder(URI.create(base() + "/q/metrics")).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(("supervisor:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith(prefix)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** The {@code total} of a paged list. */
    static long total(String pageJson) {
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(pageJson);
        if (!m.find()) {
            throw new IllegalStateException("no total in " + pageJson);
        }
        return Long.parseLong(m.group(1));
    }

    /** A line of {@code /proc/<pid>/status} in MiB, e.g. VmRSS or VmHWM. */
    long procMiB(String key) {
        return procMiB(process.pid(), key);
    }

    static long procMiB(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time the application has used so far, all threads, in milliseconds: on a shared machine the CPU spent
     * per call is a steadier figure than calls per second.
     */
    long cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    /** Stops the application as an operator would (SIGTERM) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code uptime}'s load averages, to print beside every figure: the machine is shared. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "load ?";
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
