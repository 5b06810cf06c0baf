package vn.gov.moit.hotline.telephony;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Eventually;
import vn.gov.moit.hotline.PackagedApp;
import vn.gov.moit.hotline.telephony.demo.AmiServer;

/**
 * The packaged jar, logged in to the AMI test server, captures the Asterisk 22 transcripts exactly as the
 * in-process {@link CallCaptureTest} does: asterisk-java inside the packaged application recognises every
 * event (its classpath scanning has failed in some packagings), and the records match field for field.
 */
class PackagedCaptureIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SCHEMA = "it_capture_" + UUID.randomUUID().toString().substring(0, 8);

    private static AmiServer server;
    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        server = new AmiServer("hotline", "hotline-secret", Clock.systemUTC());
        int amiPort = server.start(0);
        List<String> options = new ArrayList<>(List.of(
                "-Dhotline.ami.host=127.0.0.1",
                "-Dhotline.ami.port=" + amiPort,
                "-Dhotline.ami.secret=hotline-secret",
                "-Dhotline.security.demo-users=true"));
        options.addAll(PackagedApp.databaseOptions(SCHEMA));
        app = PackagedApp.start("capture", Files.createTempDirectory("hotline-capture"), options)
                .awaitReady(Duration.ofSeconds(90));
        Eventually.get("the packaged application to log in to the AMI test server", WAIT,
                () -> app.amiState().filter("CONNECTED"::equals).isPresent() && server.loggedInClients() == 1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
        PackagedApp.dropSchema(SCHEMA);
    }

    @Test
    void everyTranscriptIsCapturedAsTheReadmeOfTheTranscriptsSays() {
        TranscriptExpectations.TRANSCRIPTS.forEach(f -> server.publishAll(AmiTestServerResource.transcript(f)));

        for (TranscriptExpectations.ExpectedCall expected : TranscriptExpectations.all()) {
            Map<String, Object> call = awaitCall(expected.linkedid(), expected.state());
            Map<String, Object> ticket = given().baseUri(app.baseUri()).auth().preemptive().basic("supervisor", "demo")
                    .get("/api/tickets/" + call.get("ticketId")).then().statusCode(200).extract().jsonPath().getMap("$");
            expected.assertMatches(call, ticket);
        }
        assertThat(given().baseUri(app.baseUri()).auth().preemptive().basic("supervisor", "demo")
                .get("/api/calls").then().statusCode(200).extract().jsonPath().getInt("total"))
                .as("one record per call, nothing else").isEqualTo(TranscriptExpectations.all().size());
    }

    private static Map<String, Object> awaitCall(String linkedid, String state) {
        return Eventually.get("call " + linkedid + " to be " + state, WAIT, () -> {
            List<Map<String, Object>> items = given().baseUri(app.baseUri()).auth().preemptive()
                    .basic("supervisor", "demo").queryParam("linkedid", linkedid).get("/api/calls")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            return items.size() == 1 && state.equals(items.get(0).get("state")) ? items.get(0) : null;
        });
    }
}
