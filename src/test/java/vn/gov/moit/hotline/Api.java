package vn.gov.moit.hotline;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** REST Assured requests as one of the demo users (password "demo", created in the test profile). */
public final class Api {

    public static final String OPERATOR = "operator1";
    public static final String OFFICER_TMDT = "officer.tmdt";
    public static final String OFFICER_TTTN = "officer.tttn";
    public static final String SUPERVISOR = "supervisor";
    public static final String LEADER = "leader";
    public static final String ADMIN = "admin";

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Creates a manual ticket, triaged as e-commerce (routed to TMDT); returns its id. */
    public static long triagedTicket(String summary) {
        Number id = as(OPERATOR).body(Map.of(
                "source", "MANUAL",
                "callerNumber", "0912 345 678",
                "callerName", "Nguyen Van An",
                "callerType", "BUSINESS",
                "provinceCode", "HA_NOI",
                "commune", "Phường Ba Đình",
                "fieldCode", "ECOMMERCE",
                "priority", "NORMAL",
                "summary", summary))
                .post("/api/tickets").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    /** Logs in on the form, as a browser does, and returns the session cookie it would keep. */
    public static String logIn(String username, String password) {
        return logIn(username, password, null);
    }

    /** The same against another server (a packaged application's base address), or the test's own when null. */
    public static String logIn(String username, String password, String baseUri) {
        var request = baseUri == null ? given() : given().baseUri(baseUri);
        io.restassured.response.Response r = request.formParam("j_username", username).formParam("j_password", password)
                .redirects().follow(false).post("/j_security_check");
        r.then().statusCode(302);
        String cookie = r.cookie("quarkus-credential");
        if (cookie == null || cookie.isBlank()) {
            throw new AssertionError("no session cookie for " + username);
        }
        return cookie;
    }

    public static int version(String user, long ticketId) {
        return as(user).get("/api/tickets/" + ticketId).then().statusCode(200).extract().path("version");
    }
}
