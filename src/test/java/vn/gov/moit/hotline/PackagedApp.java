package vn.gov.moit.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a process of its own, for the
 * {@code XxxIT} tests: started with {@code -D} options in a working directory of its own (its embedded H2 file
 * goes there), stopped with SIGTERM or killed with SIGKILL.
 *
 * <p>On the PostgreSQL pass of {@code .ci/run} the process inherits the datasource's environment variables;
 * {@link #databaseOptions} then points it at a schema of its own, so the test sees only its own data.
 */
public final class PackagedApp implements AutoCloseable {

    /** The session key every packaged instance of a test is given (HOTLINE_SESSION_ENCRYPTION_KEY). */
    public static final String SESSION_KEY = "packaged-app-test-session-key";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private PackagedApp(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the jar in {@code home} with {@code options} ({@code -Dkey=value}) and a free HTTP port. */
    public static PackagedApp start(String name, Path home, List<String> options) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
        Path log = home.resolve(name + ".log");
        try {
            Files.createDirectories(home);
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // As in production: the instances share one session key, given as a secret.
            builder.environment().putIfAbsent("HOTLINE_SESSION_ENCRYPTION_KEY", SESSION_KEY);
            Process process = builder.start();
            return new PackagedApp(name, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers UP. */
    public PackagedApp awaitReady(Duration timeout) {
        Eventually.get(name + " to be ready", timeout, () -> {
            assertThat(process.isAlive()).as("%s is running; its log:%n%s", name, logTail()).isTrue();
            return readiness().map(r -> "UP".equals(r.getString("status"))).orElse(false);
        });
        return this;
    }

    /** The readiness answer, whatever its status; empty while the application does not answer. */
    public Optional<JsonPath> readiness() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUri() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body().startsWith("{") ? Optional.of(new JsonPath(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The data of the AMI readiness check: {@code state}, {@code election}, {@code instance}, ... */
    public Map<String, Object> amiReadiness() {
        return readiness().map(r -> r.<String, Object>getMap("checks.find { it.name == 'asterisk-ami' }.data"))
                .orElse(Map.of());
    }

    /** The AMI connection state as readiness reports it, e.g. CONNECTED or STANDBY; empty if not answering. */
    public Optional<String> amiState() {
        return Optional.ofNullable((String) amiReadiness().get("state"));
    }

    /** kill -9: the process ends at once, releasing nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("%s is killed", name).isTrue();
        assertThat(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false))
                .as("process %d is gone", process.pid()).isFalse();
    }

    /** SIGTERM, as an orchestrator stops a container; waits for the clean shutdown and returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("%s stops within 40 s", name).isTrue();
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** The end of the application's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Whether the tests run against PostgreSQL (the second pass of .ci/run), not the embedded H2. */
    public static boolean onPostgres() {
        return "postgresql".equalsIgnoreCase(env("QUARKUS_DATASOURCE_DB_KIND").orElse(""))
                || env("HOTLINE_TEST_JDBC_URL").orElse("").startsWith("jdbc:postgresql:");
    }

    /**
     * Options that give the application a database of its own: on PostgreSQL a fresh schema of the shared
     * database (created by Flyway), on H2 nothing (the file in its working directory is fresh).
     */
    public static List<String> databaseOptions(String schema) {
        if (!onPostgres()) {
            return List.of();
        }
        String url = jdbcUrl();
        return List.of("-Dquarkus.datasource.jdbc.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "-Dquarkus.flyway.schemas=" + schema);
    }

    /** Drops a schema {@link #databaseOptions} had the application create (PostgreSQL only). */
    public static void dropSchema(String schema) throws SQLException {
        if (!onPostgres()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(), env("QUARKUS_DATASOURCE_USERNAME").orElse(null),
                env("QUARKUS_DATASOURCE_PASSWORD").orElse(null)); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    /** Runs one query on the application's schema (PostgreSQL only) and returns the first column of the first row. */
    public static Optional<Object> queryOne(String schema, String sql) throws SQLException {
        try (Connection c = connect(schema); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable(rs.getObject(1)) : Optional.empty();
        }
    }

    /** A connection to the application's schema (PostgreSQL only). */
    public static Connection connect(String schema) throws SQLException {
        String url = jdbcUrl();
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                env("QUARKUS_DATASOURCE_USERNAME").orElse(null), env("QUARKUS_DATASOURCE_PASSWORD").orElse(null));
    }

    private static String jdbcUrl() {
        return env("QUARKUS_DATASOURCE_JDBC_URL").or(() -> env("HOTLINE_TEST_JDBC_URL"))
                .orElseThrow(() -> new IllegalStateException("QUARKUS_DATASOURCE_JDBC_URL is not set"));
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
