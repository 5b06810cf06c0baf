package vn.gov.moit.hotline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, taken from the README itself, starts the packaged application: readiness
 * answers UP, it listens on the loopback address only (the demo's users all have the password "demo"), the demo PBX's calls reach the call log through asterisk-java inside the packaged jar (whose
 * event classes are found by classpath scanning), and what was stored survives a restart (the H2 file).
 */
class RunCommandIT {

    /** The quick start's one line: build, then run; the part after {@code &&} is the run command. */
    private static final Pattern RUN = Pattern.compile(
            "^mvn [^\\n]*package[^\\n]*&& (java .*-jar target/quarkus-app/quarkus-run\\.jar)\\s*$", Pattern.MULTILINE);

    private static final String SCHEMA = "run_command";

    private Process app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
        PackagedApp.dropSchema(SCHEMA);
    }

    @Test
    void theReadmeRunCommandStartsTheJarAndKeepsDataAcrossRestarts() throws Exception {
        Path home = Files.createTempDirectory("hotline-run");
        int port = freePort();

        app = start(home, port);
        awaitReady(port);
        String base = "http://127.0.0.1:" + port;
        given().baseUri(base).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(base).get("/q/openapi").then().statusCode(200);
        // A busier demo PBX so that an operator answers a call within seconds.
        Map<String, Object> call = awaitAnsweredCall(base);
        assertThat(call.get("ticketId")).as("the demo call has a ticket").isNotNull();
        assertThat(call.get("operatorName")).asString().startsWith("Operator 100");

        // The demo users' password is "demo": the demo listens on the loopback address only.
        assertThat(Files.readString(home.resolve("app.log"))).contains("Listening on: http://127.0.0.1:" + port);
        for (InetAddress other : nonLoopbackAddresses()) {
            assertThatThrownBy(() -> new Socket(other, port).close()).as("port %d on %s", port, other)
                    .isInstanceOf(IOException.class);
        }

        // The session key is made once, kept owner-only beside the database, and never printed.
        Path keyFile = home.resolve("data/session.key");
        String key = PackagedApp.SESSION_KEY;
        if (!PackagedApp.onPostgres()) {
            assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            key = Files.readString(keyFile).trim();
        }
        assertThat(key).hasSizeGreaterThanOrEqualTo(16);
        String cookie = Api.logIn("operator1", "demo", base);

        var created = given().baseUri(base).auth().preemptive().basic("operator1", "demo").contentType("application/json")
                .body(Map.of("source", "MANUAL", "summary", "kept across restarts"))
                .post("/api/tickets").then().statusCode(201).extract();
        Number id = created.path("id");
        String before = created.path("reference");
        app.destroy();
        app.waitFor();

        app = start(home, port);
        awaitReady(port);
        given().baseUri(base).auth().preemptive().basic("operator1", "demo").get("/api/tickets/" + id)
                .then().statusCode(200).body("summary", equalTo("kept across restarts"));
        // The same key after the restart: the page session goes on.
        if (!PackagedApp.onPostgres()) {
            assertThat(Files.readString(keyFile).trim()).isEqualTo(key);
        }
        given().baseUri(base).cookie("quarkus-credential", cookie).get("/api/tickets/" + id).then().statusCode(200);
        String output = Files.readString(home.resolve("app.log"));
        assertThat(output).doesNotContain(key).doesNotContainIgnoringCase("encryption key")
                .doesNotContainIgnoringCase("temporary key");
        // References are a register: the first ticket after the restart takes the next number, no jump. (The demo
        // PBX may open a call's ticket in between, so the newest reference of all is compared.)
        String after = given().baseUri(base).auth().preemptive().basic("operator1", "demo").contentType("application/json")
                .body(Map.of("source", "MANUAL", "summary", "after the restart"))
                .post("/api/tickets").then().statusCode(201).extract().path("reference");
        List<String> references = given().baseUri(base).auth().preemptive().basic("supervisor", "demo")
                .queryParam("size", 200).queryParam("sort", "reference,asc").get("/api/tickets").then().statusCode(200)
                .extract().jsonPath().getList("items.reference");
        assertThat(references).contains(before, after);
        for (int i = 0; i < references.size(); i++) {
            assertThat(number(references.get(i))).as("reference %d of %s", i, references).isEqualTo(number(references.get(0)) + i);
        }
    }

    @Test
    void withAServerDatabaseAndNoSessionKeyTheApplicationRefusesToStart() throws Exception {
        Path home = Files.createTempDirectory("hotline-nokey");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:9/hotline",
                "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString())
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(home.resolve("out.log").toFile());
        builder.environment().remove("HOTLINE_SESSION_ENCRYPTION_KEY");
        builder.environment().remove("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        Process refused = builder.start();
        assertThat(refused.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isNotZero();
        assertThat(Files.readString(home.resolve("out.log"))).contains("HOTLINE_SESSION_ENCRYPTION_KEY");
        assertThat(home.resolve("data")).doesNotExist();
    }

    private static long number(String reference) {
        return Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1));
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Collections.list(nic.getInetAddresses()).stream().filter(a -> !a.isLinkLocalAddress()).forEach(found::add);
            }
        }
        return found;
    }

    private static Process start(Path home, int port) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = RUN.matcher(readme);
        assertThat(m.find()).as("README.md has a line 'java ... -jar target/quarkus-app/quarkus-run.jar'").isTrue();
        List<String> command = new ArrayList<>(Arrays.asList(m.group(1).trim().split("\\s+")));
        command.add(1, "-Dquarkus.http.port=" + port);
        command.add(1, "-Dhotline.demo.calls-per-minute=120");
        // On the PostgreSQL pass the jar is built for PostgreSQL: a schema of its own, and the session key an
        // operator gives there (on H2 the application keeps one of its own, which this test checks).
        command.addAll(1, PackagedApp.databaseOptions(SCHEMA));
        String jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString();
        command.set(command.size() - 1, jar);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("app.log").toFile()));
        if (PackagedApp.onPostgres()) {
            builder.environment().put("HOTLINE_SESSION_ENCRYPTION_KEY", PackagedApp.SESSION_KEY);
        }
        return builder.start();
    }

    private void awaitReady(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the application is running").isTrue();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("/q/health/ready did not answer UP within 90 s");
    }

    private static Map<String, Object> awaitAnsweredCall(String base) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> calls = given().baseUri(base).auth().preemptive().basic("supervisor", "demo")
                    .queryParam("size", 200).get("/api/calls").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            var answered = calls.stream().filter(c -> c.get("operatorName") != null).findFirst();
            if (answered.isPresent()) {
                return answered.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no demo call was answered within 90 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
