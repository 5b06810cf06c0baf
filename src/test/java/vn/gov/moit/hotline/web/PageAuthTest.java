package vn.gov.moit.hotline.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;

/**
 * The two ways in: the pages' form login with its session cookie, and HTTP Basic for API clients, which
 * keeps answering exactly as before.
 */
@QuarkusTest
class PageAuthTest {

    private static String sessionOf(String user, String password) {
        return given().redirects().follow(false).formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check").then().statusCode(302).extract().cookie("quarkus-credential");
    }

    @Test
    void aPageWithoutSessionSendsToTheLoginFormAndTheApiStillAnswers401Problem() {
        for (String page : new String[] {"/console", "/desk", "/board", "/calls", "/admin", "/tickets/1"}) {
            given().redirects().follow(false).get(page).then().statusCode(302).header("Location", endsWith("/login"));
        }
        given().get("/api/tickets").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        // The pages' own calls get no Basic challenge, which would open the browser's login dialog.
        given().header("X-Requested-With", "XMLHttpRequest").get("/api/tickets").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", nullValue());
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginFormWithAnError() {
        given().redirects().follow(false).formParam("j_username", "operator1").formParam("j_password", "wrong")
                .post("/j_security_check").then().statusCode(303).header("Location", endsWith("/login?error=true"));
    }

    @Test
    void theSessionCookieOpensThePagesAndTheApiForItsOwnUserOnly() {
        String session = sessionOf("operator1", "demo");
        given().cookie("quarkus-credential", session).get("/console").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("operator1"));
        given().cookie("quarkus-credential", session).get("/api/tickets").then().statusCode(200);
        // The operator's role still limits what the cookie opens.
        given().cookie("quarkus-credential", session).get("/api/escalations").then().statusCode(403);
        // Another role's page sends to the user's own page.
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/desk").then().statusCode(303)
                .header("Location", endsWith("/console"));
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/admin").then().statusCode(303)
                .header("Location", endsWith("/console"));
    }

    @Test
    void loggingOutRemovesTheSessionCookie() {
        String session = sessionOf("supervisor", "demo");
        given().cookie("quarkus-credential", session).redirects().follow(false).post("/logout").then()
                .statusCode(303).header("Location", endsWith("/login?loggedOut=true"))
                .header("Set-Cookie", containsString("quarkus-credential=;"));
    }

    @Test
    void anotherDepartmentsTicketPageIsNotFound() {
        long id = Api.triagedTicket("Trang phiếu của TMĐT");
        Api.as(Api.OPERATOR).body(Map.of("version", Api.version(Api.OPERATOR, id))).post("/api/escalations/tickets/" + id)
                .then().statusCode(200);
        given().cookie("quarkus-credential", sessionOf("officer.tmdt", "demo")).get("/tickets/" + id).then()
                .statusCode(200);
        given().cookie("quarkus-credential", sessionOf("officer.tttn", "demo")).get("/tickets/" + id).then()
                .statusCode(404).contentType(containsString("text/html")).body(containsString("Không tìm thấy"));
    }

    @Test
    void validationMessagesFollowTheRequestsLanguage() {
        long id = Api.triagedTicket("Ngôn ngữ");
        Map<String, Object> incomplete = Map.of("version", Api.version(Api.OPERATOR, id));
        Api.as(Api.OPERATOR).header("Accept-Language", "vi").body(incomplete).put("/api/tickets/" + id + "/triage")
                .then().statusCode(400).body("violations.message", hasItem("không được để trống"));
        Api.as(Api.OPERATOR).body(incomplete).put("/api/tickets/" + id + "/triage")
                .then().statusCode(400).body("violations.message", hasItem("must not be blank"));
    }

    @Test
    void theLanguageSwitchRemembersTheChoiceAndStaysOnThisSite() {
        given().redirects().follow(false).get("/lang?to=en&back=/board").then().statusCode(303)
                .header("Location", endsWith("/board")).cookie("hotline-lang", equalTo("en"));
        given().redirects().follow(false).get("/lang?to=en&back=//elsewhere.example/").then().statusCode(303)
                .header("Location", endsWith("/"));
        given().cookie("hotline-lang", "en").get("/login").then().statusCode(200).body(containsString("Log in"));
        given().get("/login").then().statusCode(200).body(containsString("Đăng nhập"));
    }

    @Test
    void theLabelsOfStatusesAndCallerTypesFollowTheLanguage() {
        String session = sessionOf(Api.OPERATOR, "demo");
        given().cookie("quarkus-credential", session).cookie("hotline-lang", "en").get("/console").then().statusCode(200)
                .body(containsString(">Callback pending</option>"), containsString(">Business</option>"));
        given().cookie("quarkus-credential", session).get("/console").then().statusCode(200)
                .body(containsString(">Chờ gọi lại</option>"), containsString(">Doanh nghiệp</option>"));
    }
}
