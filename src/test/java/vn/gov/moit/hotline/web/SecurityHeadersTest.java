package vn.gov.moit.hotline.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;

/** What every answer tells the browser: no sniffing, no framing, no inline script, no caching of personal data. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void pagesHaveAStrictContentSecurityPolicyAndAreNeverFramed() {
        String cookie = Api.logIn(OPERATOR, "demo");
        for (String page : new String[] {"/console", "/login", "/reports"}) {
            var request = given().redirects().follow(false);
            Response r = (page.equals("/console") ? request.cookie("quarkus-credential", cookie) : request).get(page);
            r.then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "same-origin");
            // No inline script: only script elements with a src, and inert JSON data (the texts, the names).
            assertThat(r.asString().replaceAll("<script src=\"[^\"]+\"></script>", "")
                    .replaceAll("<script id=\"[a-z-]+\" type=\"application/json\">[^<]*</script>", ""))
                    .as(page).doesNotContain("<script");
        }
    }

    @Test
    void answersWithPersonalDataAreNeverStoredAndPublicOnesMayBe() {
        long id = Api.triagedTicket("không lưu bộ nhớ đệm");
        as(OPERATOR).get("/api/tickets/" + id).then().statusCode(200).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        as(OPERATOR).get("/api/tickets").then().header("Cache-Control", "no-store");
        given().get("/api/tickets").then().statusCode(401).header("Cache-Control", "no-store");
        given().get("/api/public/reports").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(), not(containsString("no-store"))));
        // Static files are revalidated, never "immutable", so an upgrade reaches every browser at once.
        given().get("/assets/common.js").then().statusCode(200).header("Cache-Control", "no-cache");
    }

    @Test
    void aForgedHostHeaderNeverBecomesARedirect() {
        Response failed = given().header("Host", "evil.example").formParam("j_username", OPERATOR)
                .formParam("j_password", "wrong").redirects().follow(false).post("/j_security_check");
        assertThat(failed.statusCode()).isBetween(300, 399);
        assertThat(failed.header("Location")).startsWith("/").doesNotContain("evil.example");
        Response page = given().header("Host", "evil.example").redirects().follow(false).get("/console");
        assertThat(page.header("Location")).startsWith("/").doesNotContain("evil.example");
    }

    @Test
    void metricsAreForAdministratorsAndSupervisors() {
        // Without credentials: nothing (a scraper gets the login form's redirect, a 401 with HTTP Basic).
        Response anonymous = given().redirects().follow(false).get("/q/metrics");
        assertThat(anonymous.statusCode()).isIn(302, 401);
        assertThat(anonymous.asString()).doesNotContain("hotline_");
        as(OPERATOR).get("/q/metrics").then().statusCode(403);
        given().auth().preemptive().basic(Api.SUPERVISOR, "demo").get("/q/metrics").then().statusCode(200)
                .body(containsString("hotline_"));
        given().get("/q/health/ready").then().body("status", equalTo("UP"));
    }
}
