package vn.gov.moit.hotline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.telephony.DerivedCalls;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.CallTemplate;
import vn.gov.moit.hotline.telephony.demo.FaultyAmiServer;

/**
 * Two packaged instances on one PostgreSQL database and one Asterisk (the AMI test server): both are connected,
 * exactly one writes; when it is killed (SIGKILL, nothing released) the hot standby takes over, the call in
 * progress is recorded once, with one ticket, and a call that began and ended while nobody wrote is recorded
 * from the standby's kept events; a report build triggered on both at once publishes one version; and a clean
 * stop (SIGTERM) releases the lease so the standby takes over at once, losing no call and leaving no gap; in a
 * rolling deploy the listener stopped goes on listening until the next instance is connected to Asterisk.
 *
 * <p>Needs a database two processes share, so it runs on the PostgreSQL pass of {@code .ci/run} only.
 */
class TwoInstancesIT {

    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final Duration RENEW = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SCHEMA = "it_two_" + UUID.randomUUID().toString().substring(0, 8);

    private final List<PackagedApp> apps = new ArrayList<>();
    private FaultyAmiServer server;
    private GreenMail smtp;

    @AfterEach
    void stopAll() throws Exception {
        for (PackagedApp app : apps) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        PackagedApp.dropSchema(SCHEMA);
    }

    @Test
    void oneInstanceListensTheOtherTakesOverWhenItDiesAndJobsRunOnce() throws Exception {
        assumeTrue(PackagedApp.onPostgres(), "TwoInstancesIT needs a database shared by two processes: it runs on "
                + "the PostgreSQL pass (QUARKUS_DATASOURCE_DB_KIND=postgresql and QUARKUS_DATASOURCE_JDBC_URL, see .ci/run)");
        server = new FaultyAmiServer("hotline", "hotline-secret", Clock.systemUTC());
        int amiPort = server.start(0);
        int smtpPort = PackagedApp.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path home = Files.createTempDirectory("hotline-two");
        List<String> options = new ArrayList<>(List.of(
                "-Dhotline.ami.host=127.0.0.1", "-Dhotline.ami.port=" + amiPort, "-Dhotline.ami.secret=hotline-secret",
                "-Dhotline.ami.ping-interval=1s", "-Dhotline.ami.read-timeout=3s",
                "-Dhotline.ami.reconnect-backoff-min=100ms", "-Dhotline.ami.reconnect-backoff-max=500ms",
                "-Dhotline.ami.election.lease=" + LEASE.toSeconds() + "s",
                "-Dhotline.ami.election.renew-interval=" + RENEW.toSeconds() + "s",
                "-Dhotline.security.demo-users=true",
                // Asterisk's tables are reconciled soon after a gap.
                "-Dhotline.telephony.reconcile.source=tables", "-Dhotline.telephony.reconcile.delay=2s",
                "-Dhotline.telephony.reconcile.every=1s",
                // Both send the outbox to one SMTP server.
                "-Dquarkus.mailer.host=127.0.0.1", "-Dquarkus.mailer.port=" + smtpPort, "-Dquarkus.mailer.start-tls=DISABLED",
                "-Dhotline.notifications.send-every=1s"));
        options.addAll(PackagedApp.databaseOptions(SCHEMA));

        // The first one migrates the schema; the second joins it.
        PackagedApp first = started(PackagedApp.start("first", home.resolve("first"), options));
        PackagedApp second = started(PackagedApp.start("second", home.resolve("second"), options));

        // Exactly one listens, and it stays that way over several renewals.
        Eventually.get("one instance to listen and the other to stand by", WAIT,
                () -> Set.of(state(first), state(second)).equals(Set.of("CONNECTED", "STANDBY")));
        Thread.sleep(RENEW.multipliedBy(3).toMillis());
        assertThat(Set.of(state(first), state(second))).isEqualTo(Set.of("CONNECTED", "STANDBY"));
        // Both are logged in (the standby keeps the events, hot); only the listener writes.
        assertThat(server.loggedInClients()).as("AMI logins at once").isEqualTo(2);
        PackagedApp leader = "CONNECTED".equals(state(first)) ? first : second;
        PackagedApp standby = leader == first ? second : first;
        assertThat(standby.amiReadiness()).containsEntry("election", "standby");
        assertThat(leader.amiReadiness()).containsEntry("election", "listener");

        // Tickets escalated through both: both send the outbox, and each message goes out once.
        List<String> escalated = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            PackagedApp through = i % 2 == 0 ? first : second;
            var created = given().baseUri(through.baseUri()).auth().preemptive().basic("operator1", "demo")
                    .contentType("application/json").body(Map.of("source", "MANUAL", "callerType", "BUSINESS",
                            "provinceCode", "HA_NOI", "fieldCode", "ECOMMERCE", "priority", "NORMAL", "summary", "Hai máy " + i))
                    .post("/api/tickets").then().statusCode(201).extract();
            escalated.add(created.path("reference"));
            given().baseUri(through.baseUri()).auth().preemptive().basic("operator1", "demo").contentType("application/json")
                    .body(Map.of("version", created.<Integer>path("version")))
                    .post("/api/escalations/tickets/" + created.<Number>path("id")).then().statusCode(200);
        }
        Eventually.get("the escalations' messages", WAIT, () -> smtp.getReceivedMessages().length >= escalated.size() ? true : null);
        Thread.sleep(2500);
        List<String> subjects = Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(subjects).hasSize(escalated.size());
        for (String reference : escalated) {
            assertThat(subjects).filteredOn(x -> x.startsWith("[" + reference + "]")).as("messages about " + reference).hasSize(1);
        }

        // A call in a closed month; the leader sees it answered, then dies without a word.
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1);
        String number = "09660" + String.format("%05d", (int) (Math.random() * 100_000));
        List<AmiMessage> call = DerivedCalls.derived(CallTemplate.answeredCall(),
                month.atDay(10).atTime(9, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(), number);
        String linkedid = call.get(0).get("Linkedid");
        int split = DerivedCalls.indexOf(call, "AgentConnect") + 1;
        server.publishAll(call.subList(0, split));
        awaitCall(standby, linkedid, Set.of("ANSWERED"));

        Instant killed = Instant.now();
        leader.kill();
        // A caller rings and gives up while nobody writes: the hot standby keeps the events.
        String during = "09661" + String.format("%05d", (int) (Math.random() * 100_000));
        List<AmiMessage> short1 = DerivedCalls.derived(CallTemplate.abandonedCall(), Instant.now(), during);
        server.publishAll(short1);
        Eventually.get("the standby to take over", LEASE.plus(RENEW).plus(WAIT),
                () -> "CONNECTED".equals(state(standby)));
        Duration takeover = Duration.between(killed, Instant.now());
        assertThat(takeover).as("takeover within lease + renew interval").isLessThan(LEASE.plus(RENEW).plusSeconds(5));
        assertThat(server.loggedInClients()).isEqualTo(1);
        // The call that began and ended in the takeover's window is in the log, live (not flagged), once.
        Map<String, Object> kept = awaitCall(standby, short1.get(0).get("Linkedid"), Set.of("ABANDONED"));
        assertThat(kept).containsEntry("flagged", false).containsEntry("callerNumber", during);

        server.publishAll(call.subList(split, call.size()));
        Map<String, Object> recorded = awaitCall(standby, linkedid, Set.of("COMPLETED", "OUTCOME_UNKNOWN"));
        assertThat(recorded.get("ticketId")).isNotNull();
        Thread.sleep(1000);
        assertThat(calls(standby, linkedid)).as("one record of the call").hasSize(1);
        assertThat(as(standby).queryParam("caller", number).get("/api/tickets").then().statusCode(200)
                .extract().jsonPath().getInt("total")).as("one ticket of the call").isEqualTo(1);

        assertThat(calls(standby, short1.get(0).get("Linkedid"))).hasSize(1);

        // The killed instance comes back, as a standby.
        PackagedApp back = started(PackagedApp.start("first-again", home.resolve("first-again"), options));
        Thread.sleep(RENEW.multipliedBy(3).toMillis());
        assertThat(state(back)).isEqualTo("STANDBY");
        assertThat(state(standby)).isEqualTo("CONNECTED");
        assertThat(server.loggedInClients()).isEqualTo(2);

        // Both build the month's report at once: one version is published.
        List<HttpResponse<String>> builds = buildAtOnce(month, standby, back);
        assertThat(builds).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 409));
        assertThat(builds.stream().filter(r -> r.statusCode() == 200 && r.body().contains("\"created\":true")).count())
                .as("builds that published a version: %s", builds.stream().map(HttpResponse::body).toList()).isEqualTo(1);
        assertThat(given().baseUri(back.baseUri()).get("/api/public/reports").then().statusCode(200).extract()
                .jsonPath().getInt("find { it.month == '" + month + "' }.latestVersion")).isEqualTo(1);
        given().baseUri(back.baseUri()).get("/api/public/reports/" + month + "/versions/2").then().statusCode(404);

        // A page session ends on every instance: logged out on one, its cookie is refused by the other.
        String cookie = Api.logIn("operator1", "demo", standby.baseUri());
        given().baseUri(back.baseUri()).cookie("quarkus-credential", cookie).get("/api/tickets/callbacks?size=1").then()
                .statusCode(200);
        given().baseUri(standby.baseUri()).cookie("quarkus-credential", cookie).redirects().follow(false).post("/logout")
                .then().statusCode(303);
        given().baseUri(back.baseUri()).cookie("quarkus-credential", cookie).get("/api/tickets/callbacks?size=1").then()
                .statusCode(401);
        // A password changed through one ends the sessions the other let in.
        String other = Api.logIn("operator2", "demo", back.baseUri());
        int version = given().baseUri(standby.baseUri()).auth().preemptive().basic("admin", "demo")
                .get("/api/admin/users/operator2").then().statusCode(200).extract().path("version");
        given().baseUri(standby.baseUri()).auth().preemptive().basic("admin", "demo").contentType("application/json")
                .body(Map.of("version", version, "role", "operator", "displayName", "Operator 1002", "extension", "1002",
                        "password", "mat-khau-moi-2026"))
                .put("/api/admin/users/operator2").then().statusCode(200);
        given().baseUri(back.baseUri()).cookie("quarkus-credential", other).get("/api/tickets/callbacks?size=1").then()
                .statusCode(401);

        // A clean stop (SIGTERM) releases the lease: the other instance takes over without waiting for it to run out.
        PackagedApp listening = standby;
        String holder = (String) listening.amiReadiness().get("instance");
        listening.stop();
        Instant stopped = Instant.now();
        assertThat(listening.logTail()).contains("released the lease ami-listener");
        assertThat(PackagedApp.queryOne(SCHEMA, "select holder from job_lock where name = 'ami-listener'"))
                .as("the lease is not held by the stopped instance").isNotEqualTo(Optional.of(holder));
        String handedOver = "09662" + String.format("%05d", (int) (Math.random() * 100_000));
        List<AmiMessage> short2 = DerivedCalls.derived(CallTemplate.abandonedCall(), Instant.now(), handedOver);
        server.publishAll(short2);
        Eventually.get("the standby to take over after the clean stop", WAIT, () -> "CONNECTED".equals(state(back)));
        Duration graceful = Duration.between(stopped, Instant.now());
        assertThat(graceful).as("takeover after a clean stop, faster than the lease").isLessThan(LEASE);
        System.out.printf("TAKEOVER after SIGKILL %d ms, after SIGTERM %d ms (lease %s, renew %s)%n",
                takeover.toMillis(), graceful.toMillis(), LEASE, RENEW);
        // A planned restart loses nothing: the call of the hand-over is there, live, once; and no window was missed.
        assertThat(awaitCall(back, short2.get(0).get("Linkedid"), Set.of("ABANDONED"))).containsEntry("flagged", false);
        assertThat(calls(back, short2.get(0).get("Linkedid"))).hasSize(1);
        assertThat(gaps(back)).isEmpty();

        // A rolling deploy: the next instance is up but Asterisk does not let it in yet. The listener, stopped,
        // goes on listening until the next one is connected, and only then gives the lease up.
        server.setLoginsUnanswered(true);
        PackagedApp next = started(PackagedApp.start("next", home.resolve("next"), options));
        assertThat(next.amiReadiness()).containsEntry("state", "STANDBY").containsEntry("connected", false);
        String nextHolder = (String) next.amiReadiness().get("instance");
        CompletableFuture<Integer> stopping = CompletableFuture.supplyAsync(() -> {
            try {
                return back.stop();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(RENEW.multipliedBy(2).toMillis());
        assertThat(back.isAlive()).as("the listener waits for a connected standby before it stops").isTrue();
        String whileWaiting = "09663" + String.format("%05d", (int) (Math.random() * 100_000));
        List<AmiMessage> short3 = DerivedCalls.derived(CallTemplate.abandonedCall(), Instant.now(), whileWaiting);
        server.publishAll(short3);
        assertThat(awaitCall(next, short3.get(0).get("Linkedid"), Set.of("ABANDONED"))).containsEntry("flagged", false);
        server.setLoginsUnanswered(false);
        stopping.get();
        assertThat(back.logTail()).contains("Handing the AMI listener over to " + nextHolder);
        Eventually.get("the next instance to take over after the hand-over", WAIT, () -> "CONNECTED".equals(state(next)));
        String afterHandover = "09664" + String.format("%05d", (int) (Math.random() * 100_000));
        List<AmiMessage> short4 = DerivedCalls.derived(CallTemplate.abandonedCall(), Instant.now(), afterHandover);
        server.publishAll(short4);
        assertThat(awaitCall(next, short4.get(0).get("Linkedid"), Set.of("ABANDONED"))).containsEntry("flagged", false);
        assertThat(calls(next, short3.get(0).get("Linkedid"))).hasSize(1);
        assertThat(gaps(next)).as("no window missed in the rolling deploy").isEmpty();
    }

    private static List<Object> gaps(PackagedApp app) {
        return as(app).get("/api/calls/gaps").then().statusCode(200).extract().jsonPath().getList("");
    }

    private PackagedApp started(PackagedApp app) {
        apps.add(app);
        return app.awaitReady(Duration.ofSeconds(90));
    }

    private static String state(PackagedApp app) {
        return app.amiState().orElse("(not answering)");
    }

    private static RequestSpecification as(PackagedApp app) {
        return given().baseUri(app.baseUri()).auth().preemptive().basic("supervisor", "demo");
    }

    private static List<Map<String, Object>> calls(PackagedApp app, String linkedid) {
        return as(app).queryParam("linkedid", linkedid).get("/api/calls").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private static Map<String, Object> awaitCall(PackagedApp app, String linkedid, Set<String> states) {
        return Eventually.get("call " + linkedid + " to be one of " + states, WAIT, () -> {
            List<Map<String, Object>> items = calls(app, linkedid);
            return items.size() == 1 && states.contains(items.get(0).get("state")) ? items.get(0) : null;
        });
    }

    private static List<HttpResponse<String>> buildAtOnce(YearMonth month, PackagedApp... apps) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (PackagedApp app : apps) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUri() + "/api/admin/reports/" + month + "/build"))
                    .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build();
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : futures) {
            responses.add(f.get());
        }
        return responses;
    }
}
