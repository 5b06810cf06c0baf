package vn.gov.moit.hotline.security;

import vn.gov.moit.hotline.Metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.Api.ADMIN;
import static vn.gov.moit.hotline.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * HTTP Basic clients send their password with every request: it is checked against the bcrypt hash once and then
 * trusted for a while, as {@code /q/metrics} shows, but never a wrong one, and never after the user changed.
 */
@QuarkusTest
class CredentialCacheHttpTest {

    private static final String VERIFICATIONS = "hotline_security_password_verifications_total";
    private static final String HITS = "hotline_security_credential_cache_hits_total";

    @Test
    void theSamePasswordAgainIsNotCheckedAgainButAWrongOneIsRefused() {
        createOperator("cache.an", "first-password");
        double checks = metric(VERIFICATIONS);
        double hits = metric(HITS);

        callbacks("cache.an", "first-password", 200);
        assertThat(metric(VERIFICATIONS)).isEqualTo(checks + 1);
        callbacks("cache.an", "first-password", 200);
        callbacks("cache.an", "first-password", 200);
        assertThat(metric(VERIFICATIONS)).isEqualTo(checks + 1);
        assertThat(metric(HITS)).isEqualTo(hits + 2);

        callbacks("cache.an", "wrong-password", 401);
        callbacks("cache.an", "wrong-password", 401);
        assertThat(metric(VERIFICATIONS)).isEqualTo(checks + 3);
        assertThat(metric(VERIFICATIONS + "{outcome=\"refused\"")).isGreaterThanOrEqualTo(2);
        callbacks("cache.an", "first-password", 200);
        assertThat(metric(VERIFICATIONS)).isEqualTo(checks + 3);
    }

    @Test
    void requestsArrivingTogetherShareOneCheck() throws Exception {
        createOperator("cache.dung", "first-password");
        double checks = metric(VERIFICATIONS);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(clients.submit(() -> callbacks("cache.dung", "first-password", 200)));
            }
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(metric(VERIFICATIONS)).isEqualTo(checks + 1);
    }

    @Test
    void aNewPasswordOrRoleTakesEffectAtOnce() {
        createOperator("cache.binh", "first-password");
        callbacks("cache.binh", "first-password", 200);
        callbacks("cache.binh", "first-password", 200);

        update("cache.binh", "operator", "second-password");
        callbacks("cache.binh", "first-password", 401);
        callbacks("cache.binh", "second-password", 200);

        // Leaders may read tickets but not work the callback list.
        update("cache.binh", "leader", null);
        callbacks("cache.binh", "second-password", 403);
        given().auth().preemptive().basic("cache.binh", "second-password").get("/api/tickets?size=1").then()
                .statusCode(200);
    }

    @Test
    void aRemovedUserIsRefusedAtOnce() {
        createOperator("cache.chi", "first-password");
        callbacks("cache.chi", "first-password", 200);
        callbacks("cache.chi", "first-password", 200);

        as(ADMIN).delete("/api/admin/users/cache.chi").then().statusCode(204);

        callbacks("cache.chi", "first-password", 401);
    }

    private static void createOperator(String username, String password) {
        as(ADMIN).body(Map.of("username", username, "password", password, "role", "operator",
                "displayName", "Cache test " + username)).post("/api/admin/users").then().statusCode(201);
    }

    private static void update(String username, String role, String password) {
        int version = as(ADMIN).get("/api/admin/users/" + username).then().statusCode(200).extract().path("version");
        Map<String, Object> body = new HashMap<>(Map.of("version", version, "role", role, "displayName", "Changed"));
        if (password != null) {
            body.put("password", password);
        }
        as(ADMIN).body(body).put("/api/admin/users/" + username).then().statusCode(200);
    }

    /** The callback list: operators and supervisors only. */
    private static void callbacks(String username, String password, int expectedStatus) {
        given().auth().preemptive().basic(username, password).get("/api/tickets/callbacks?size=1").then()
                .statusCode(expectedStatus);
    }

    private static double metric(String prefix) {
        return Metrics.sum(prefix);
    }
}
