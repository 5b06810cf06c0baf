package vn.gov.moit.hotline.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.gov.moit.hotline.Api.ADMIN;
import static vn.gov.moit.hotline.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;
import vn.gov.moit.hotline.TestClock;

/**
 * A saved session cookie, replayed, stops working when the session should end: after logout, a password
 * change, a role change, the user's removal, too long without use, and too long after the login.
 */
@QuarkusTest
class SessionEndTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void monday9am() {
        clock.set(TestClock.START);
    }

    @Test
    void aCookieSavedBeforeLogoutIsRefusedAfterIt() {
        createOperator("phien.an", "mat-khau-dau");
        String cookie = logIn("phien.an", "mat-khau-dau");
        assertWorks(cookie);

        given().cookie("quarkus-credential", cookie).redirects().follow(false).post("/logout").then().statusCode(303);

        assertRefused(cookie);
    }

    @Test
    void aPasswordChangeEndsTheUsersSessions() {
        createOperator("phien.binh", "mat-khau-dau");
        String first = logIn("phien.binh", "mat-khau-dau");
        String second = logIn("phien.binh", "mat-khau-dau");
        assertWorks(first);

        update("phien.binh", "operator", "mat-khau-moi");

        assertRefused(first);
        assertRefused(second);
        assertWorks(logIn("phien.binh", "mat-khau-moi"));
    }

    @Test
    void aRoleChangeAndARemovalEndTheUsersSessions() {
        createOperator("phien.chi", "mat-khau-dau");
        String cookie = logIn("phien.chi", "mat-khau-dau");
        update("phien.chi", "leader", null);
        assertRefused(cookie);

        String again = logIn("phien.chi", "mat-khau-dau");
        given().cookie("quarkus-credential", again).get("/api/tickets?size=1").then().statusCode(200);
        as(ADMIN).delete("/api/admin/users/phien.chi").then().statusCode(204);
        assertRefused(again);
    }

    @Test
    void aSessionEndsAfterItsIdleTimeAndAfterItsLifetime() {
        createOperator("phien.dung", "mat-khau-dau");
        String idle = logIn("phien.dung", "mat-khau-dau");
        clock.advance(Duration.ofMinutes(119));
        assertWorks(idle);
        clock.advance(Duration.ofMinutes(119));
        assertWorks(idle);
        clock.advance(Duration.ofMinutes(121));
        assertRefused(idle);

        clock.set(TestClock.START);
        String busy = logIn("phien.dung", "mat-khau-dau");
        for (int hour = 1; hour < 14; hour++) {
            clock.advance(Duration.ofHours(1));
            assertWorks(busy);
        }
        clock.advance(Duration.ofHours(1));
        assertRefused(busy);
    }

    static void createOperator(String username, String password) {
        as(ADMIN).body(Map.of("username", username, "password", password, "role", "operator",
                "displayName", "Phiên " + username)).post("/api/admin/users").then().statusCode(201);
    }

    static void update(String username, String role, String password) {
        int version = as(ADMIN).get("/api/admin/users/" + username).then().statusCode(200).extract().path("version");
        Map<String, Object> body = new HashMap<>(Map.of("version", version, "role", role, "displayName", "Đổi"));
        if (password != null) {
            body.put("password", password);
        }
        as(ADMIN).body(body).put("/api/admin/users/" + username).then().statusCode(200);
    }

    static String logIn(String username, String password) {
        return Api.logIn(username, password);
    }

    private static void assertWorks(String cookie) {
        given().cookie("quarkus-credential", cookie).get("/api/tickets/callbacks?size=1").then().statusCode(200);
        given().cookie("quarkus-credential", cookie).redirects().follow(false).get("/console").then().statusCode(200);
    }

    /** The API answers 401 problem+json; a page sends the visitor to the login form. */
    private static void assertRefused(String cookie) {
        given().cookie("quarkus-credential", cookie).get("/api/tickets/callbacks?size=1").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        Response page = given().cookie("quarkus-credential", cookie).redirects().follow(false).get("/console");
        String location = page.then().statusCode(302).extract().header("Location");
        assertThat(page.header("Set-Cookie")).as("the dead cookie is removed").startsWith("quarkus-credential=;");
        assertThat(location).startsWith("/login");
    }
}
