package vn.gov.moit.hotline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 2xx means on disk: four clients create and triage tickets against the packaged application, which is
 * killed with SIGKILL in the middle of it and started again on the same data. Every ticket whose creation was
 * answered 201 is there, every triage answered 200 is there, and no reference appears twice. Also: the
 * session cookie is Secure in the production profile.
 */
class KillDuringWritesIT {

    private static final String SCHEMA = "kill_during_writes";
    private static final int WRITERS = 4;

    private PackagedApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        PackagedApp.dropSchema(SCHEMA);
    }

    @Test
    void everyWriteAnswered2xxSurvivesAKill() throws Exception {
        Path home = Files.createTempDirectory("hotline-kill");
        List<String> options = new ArrayList<>(List.of("-Dhotline.security.demo-users=true"));
        options.addAll(PackagedApp.databaseOptions(SCHEMA));
        app = PackagedApp.start("writes", home, options).awaitReady(Duration.ofSeconds(90));
        String base = app.baseUri();

        // Production profile: the session cookie is only ever sent over HTTPS.
        Response login = given().baseUri(base).formParam("j_username", "operator1").formParam("j_password", "demo")
                .redirects().follow(false).post("/j_security_check");
        assertThat(login.header("Set-Cookie")).contains("quarkus-credential=").contains("; Secure").containsIgnoringCase("HttpOnly");

        Map<Long, String> created = new ConcurrentHashMap<>();
        Set<Long> triaged = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    try {
                        Response r = as(base).body(Map.of("source", "MANUAL", "callerNumber", "0912 345 678",
                                "summary", "Ghi " + writer + "-" + i)).post("/api/tickets");
                        if (r.statusCode() != 201) {
                            continue;
                        }
                        long id = r.<Number>path("id").longValue();
                        created.put(id, r.path("reference"));
                        Response t = as(base).body(Map.of("version", r.<Integer>path("version"), "callerType", "BUSINESS",
                                "provinceCode", "HA_NOI", "fieldCode", "ECOMMERCE", "priority", "NORMAL",
                                "summary", "Đã phân loại " + writer + "-" + i)).put("/api/tickets/" + id + "/triage");
                        if (t.statusCode() == 200) {
                            triaged.add(id);
                        } else if (t.statusCode() < 500) {
                            unexpected.add("triage " + id + ": " + t.statusCode() + " " + t.asString());
                        }
                    } catch (RuntimeException killedMidRequest) {
                        // the connection dies with the process: that request was never acknowledged
                    }
                }
            });
        }
        Eventually.get("some writes answered", Duration.ofSeconds(60), () -> triaged.size() >= 200);
        app.kill();
        running.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(unexpected).isEmpty();

        app = PackagedApp.start("writes-again", home, options).awaitReady(Duration.ofSeconds(90));
        List<Map<String, Object>> stored = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = as(app.baseUri()).queryParam("size", 200).queryParam("page", page)
                    .queryParam("sort", "id,asc").get("/api/tickets").then().statusCode(200).extract().jsonPath().getList("items");
            stored.addAll(items);
            if (items.size() < 200) {
                break;
            }
        }
        Map<Long, Map<String, Object>> byId = new java.util.HashMap<>();
        Set<String> references = new HashSet<>();
        for (Map<String, Object> t : stored) {
            byId.put(((Number) t.get("id")).longValue(), t);
            assertThat(references.add((String) t.get("reference"))).as("reference %s appears once", t.get("reference")).isTrue();
        }
        List<Long> lost = created.keySet().stream().filter(id -> !byId.containsKey(id)).sorted().toList();
        assertThat(lost).as("creates answered 201 (of %d) that are gone after the kill", created.size()).isEmpty();
        List<Long> lostTriage = triaged.stream().filter(id -> !"TRIAGED".equals(byId.get(id).get("status"))).sorted().toList();
        assertThat(lostTriage).as("triages answered 200 (of %d) that are gone", triaged.size()).isEmpty();
        created.forEach((id, reference) -> assertThat(byId.get(id).get("reference")).isEqualTo(reference));
    }

    private static io.restassured.specification.RequestSpecification as(String base) {
        return given().baseUri(base).auth().preemptive().basic("operator1", "demo").contentType("application/json");
    }
}
