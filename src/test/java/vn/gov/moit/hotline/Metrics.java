package vn.gov.moit.hotline;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/**
 * Reads {@code /q/metrics} as an administrator, through a page session opened once: unlike HTTP Basic, a
 * session's requests check no password and touch no credential cache, so reading the metrics does not change
 * the password and cache counters a test measures.
 */
public final class Metrics {

    private static String session;

    private Metrics() {
    }

    /** The Prometheus text, logging in again when the session ended (a test moved its clock far ahead). */
    public static synchronized String scrape() {
        if (session != null) {
            Response r = given().cookie("quarkus-credential", session).redirects().follow(false).get("/q/metrics");
            if (r.statusCode() == 200) {
                return r.asString();
            }
        }
        session = Api.logIn(Api.ADMIN, "demo");
        return given().cookie("quarkus-credential", session).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of the samples whose line starts with {@code prefix} (a metric's name, or its name and labels). */
    public static double sum(String prefix) {
        return scrape().lines().filter(l -> l.startsWith(prefix + (prefix.contains("{") ? "" : "{")) || l.startsWith(prefix + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
