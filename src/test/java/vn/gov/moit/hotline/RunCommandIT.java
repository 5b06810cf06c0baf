package vn.gov.moit.hotline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, taken from the README itself, starts the packaged application: readiness
 * answers UP, the demo PBX's calls reach the call log through asterisk-java inside the packaged jar (whose
 * event classes are found by classpath scanning), and what was stored survives a restart (the H2 file).
 */
class RunCommandIT {

    private static final Pattern RUN = Pattern.compile("^(java .*-jar target/quarkus-app/quarkus-run\\.jar)\\s*$",
            Pattern.MULTILINE);

    private Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
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
        // A busier demo PBX so that a call is complete within seconds.
        Map<String, Object> call = awaitCompletedCall(base);
        assertThat(call.get("ticketId")).as("the demo call has a ticket").isNotNull();
        assertThat(call.get("operatorName")).asString().startsWith("Operator 100");

        Number id = given().baseUri(base).auth().preemptive().basic("operator1", "demo").contentType("application/json")
                .body(Map.of("source", "MANUAL", "summary", "kept across restarts"))
                .post("/api/tickets").then().statusCode(201).extract().path("id");
        app.destroy();
        app.waitFor();

        app = start(home, port);
        awaitReady(port);
        given().baseUri(base).auth().preemptive().basic("operator1", "demo").get("/api/tickets/" + id)
                .then().statusCode(200).body("summary", equalTo("kept across restarts"));
    }

    private static Process start(Path home, int port) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = RUN.matcher(readme);
        assertThat(m.find()).as("README.md has a line 'java ... -jar target/quarkus-app/quarkus-run.jar'").isTrue();
        List<String> command = new ArrayList<>(Arrays.asList(m.group(1).trim().split("\\s+")));
        command.add(1, "-Dquarkus.http.port=" + port);
        command.add(1, "-Dhotline.demo.calls-per-minute=120");
        String jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString();
        command.set(command.size() - 1, jar);
        return new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("app.log").toFile())
                .start();
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

    private static Map<String, Object> awaitCompletedCall(String base) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> calls = given().baseUri(base).auth().preemptive().basic("supervisor", "demo")
                    .queryParam("outcome", "COMPLETED").get("/api/calls").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            if (!calls.isEmpty()) {
                return calls.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no demo call was completed within 90 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
