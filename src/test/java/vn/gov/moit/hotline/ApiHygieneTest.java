package vn.gov.moit.hotline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.gov.moit.hotline.Api.ADMIN;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.SUPERVISOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.Api.version;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each class of bad request that a fuzzer found answered with a 500 or without a problem body: every one is
 * now a 4xx problem+json that names what was wrong.
 */
@QuarkusTest
class ApiHygieneTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    @BeforeEach
    void monday9am() {
        clock.set(TestClock.START);
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ",,,", ",desc", "createdAt,", "createdAt,desc,", "nosuch"})
    void aBadSortOnEveryListIsA400NamingSort(String sort) {
        for (String list : new String[] {"/api/tickets", "/api/calls", "/api/escalations"}) {
            as(SUPERVISOR).queryParam("sort", sort).get(list).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("sort"));
        }
    }

    /** Typed query parameters (common.TypedParams): a bad value is a 400 naming the parameter, never a 404. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/tickets?status=NOPE|status", "/api/tickets?priority=3|priority",
            "/api/tickets?from=2026-13-01|from", "/api/tickets?to=yesterday|to", "/api/tickets?page=x|page",
            "/api/tickets?size=1.5|size", "/api/tickets?size=0|size", "/api/tickets?sort=deadline|sort",
            "/api/tickets/repeat-suggestions?number=0912345678&exclude=-1|exclude",
            "/api/escalations?breached=maybe|breached", "/api/escalations?state=SHUT|state",
            "/api/calls?outcome=LOST|outcome", "/api/calls?from=1.1.2026|from",
            "/api/public/reports/2025-06/versions/v1|version"})
    void aBadTypedParameterIsA400NamingIt(String caseText) {
        String[] parts = caseText.split("\\|");
        as(SUPERVISOR).get(parts[0]).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(parts[1]));
    }

    @Test
    void typedParametersTakeAnyCaseAndBlankMeansAbsent() {
        as(SUPERVISOR).get("/api/tickets?status=triaged&priority=&from=&page=").then().statusCode(200);
        as(SUPERVISOR).get("/api/escalations?pending=YES&breached=0").then().statusCode(200);
    }

    @Test
    void aMissingOrNullBodyOnTheDirectoryIsA400() {
        for (String path : new String[] {"/api/directory/departments/TMDT", "/api/directory/routing-rules/ECOMMERCE"}) {
            as(ADMIN).body("null").put(path).then().statusCode(400).contentType("application/problem+json");
            as(ADMIN).body("").put(path).then().statusCode(400).contentType("application/problem+json");
            given().auth().preemptive().basic(ADMIN, "demo").contentType(ContentType.JSON).put(path).then()
                    .statusCode(400).contentType("application/problem+json");
            given().auth().preemptive().basic(ADMIN, "demo").put(path).then().statusCode(415)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aKeyGivenTwiceIsA400NamingIt() {
        long id = Api.triagedTicket("khóa lặp");
        as(OPERATOR).body("{\"version\":" + version(OPERATOR, id) + ",\"resolution\":\"a\",\"resolution\":\"b\"}")
                .post("/api/tickets/" + id + "/resolve-on-call").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("resolution"))
                .body("violations.message", hasItem("is given more than once"));
        as(OPERATOR).get("/api/tickets/" + id).then().body("status", equalTo("TRIAGED"));
    }

    @Test
    void unknownPropertiesAndWrongTypesAreRefusedNamingTheField() {
        as(OPERATOR).body(Map.of("source", "MANUAL", "sumary", "lỗi chính tả")).post("/api/tickets").then()
                .statusCode(400).body("violations.field", hasItem("sumary"))
                .body("violations.message", hasItem("is not a known field"));
        as(OPERATOR).body(Map.of("source", "MANUAL", "summary", true)).post("/api/tickets").then()
                .statusCode(400).body("violations.field", hasItem("summary"));
        as(OPERATOR).body(Map.of("source", "MANUAL", "summary", 12345)).post("/api/tickets").then()
                .statusCode(400).body("violations.field", hasItem("summary"));
        long id = Api.triagedTicket("kiểu sai");
        as(OPERATOR).body("{\"version\":1.5,\"resolution\":\"x\"}").post("/api/tickets/" + id + "/resolve-on-call")
                .then().statusCode(400).body("violations.field", hasItem("version"));
        as(OPERATOR).body("{\"version\":\"" + version(OPERATOR, id) + "\",\"resolution\":\"x\"}")
                .post("/api/tickets/" + id + "/resolve-on-call").then().statusCode(400)
                .body("violations.field", hasItem("version"));
        as(OPERATOR).get("/api/tickets/" + id).then().body("status", equalTo("TRIAGED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "a\\u0000b", "\\ud800", "x\\udfffy", "\\udc00\\ud800"})
    void aNulOrHalfASurrogatePairInATextIsA400NamingTheFieldOnEveryDatabase(String escaped) {
        long before = as(OPERATOR).get("/api/tickets").then().extract().<Integer>path("total");
        as(OPERATOR).body("{\"source\":\"MANUAL\",\"callerType\":\"BUSINESS\",\"provinceCode\":\"HA_NOI\","
                + "\"fieldCode\":\"ECOMMERCE\",\"priority\":\"NORMAL\",\"summary\":\"" + escaped + "\"}")
                .post("/api/tickets").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("summary"));
        assertThat(as(OPERATOR).get("/api/tickets").then().extract().<Integer>path("total")).isEqualTo((int) before);
        // A well-formed pair (an emoji) is text like any other.
        as(OPERATOR).body(Map.of("source", "MANUAL", "summary", "Cảm ơn \uD83D\uDE00")).post("/api/tickets").then()
                .statusCode(201).body("summary", equalTo("Cảm ơn \uD83D\uDE00"));
    }

    @Test
    void aNulInAnAddressIsA400() {
        RawHttp.Answer answer = new RawHttp(base).send("GET", "/api/admin/users/a%00b", ADMIN, null, null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/{x}", "/<script>", "/a|b", "/a^b", "/a\"b", "/a`b", "/%", "/a%zz", "/Hà-Nội",
        "//evil.example/", "/\\evil.example", "https://evil.example/", "/%2F%2Fevil.example"})
    void theLanguageSwitchGoesBackOnlyToAPathOfThisSite(String back) {
        String location = given().redirects().follow(false).queryParam("to", "en").queryParam("back", back)
                .get("/lang").then().statusCode(303).extract().header("Location");
        // A path of this site: never another host, a scheme or a character a browser would read otherwise.
        assertThat(location).isIn("/", back);
        assertThat(location).startsWith("/").doesNotStartWith("//").doesNotContain("://").doesNotContain("\\");
        assertThat(location.chars()).allMatch(c -> c > 0x20 && c < 0x7f);
    }

    @Test
    void theLanguageSwitchKeepsAnOrdinaryPath() {
        given().redirects().follow(false).queryParam("to", "en").queryParam("back", "/reports/2025-07?x=1")
                .get("/lang").then().statusCode(303).header("Location", equalTo("/reports/2025-07?x=1"));
    }

    @Test
    void tooLongAddressesTooLargeHeadersAndTooLargeBodiesAreProblems() {
        RawHttp http = new RawHttp(base);
        RawHttp.Answer longAddress = http.send("GET", "/api/public/reports?x=" + "a".repeat(5000), null, null, null);
        assertThat(longAddress.status()).isEqualTo(414);
        assertThat(longAddress.header("content-type")).isEqualTo("application/problem+json");
        assertThat(longAddress.body()).contains("\"status\":414");
        RawHttp.Answer bigHeaders = http.exchange(("GET /api/public/reports HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "b".repeat(25_000) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8), null);
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertThat(bigHeaders.header("content-type")).isEqualTo("application/problem+json");
        assertThat(bigHeaders.body()).contains("\"status\":431");
        RawHttp.Answer bigBody = http.exchange(("POST /api/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: "
                + "application/json\r\nContent-Length: 900000000\r\n\r\n").getBytes(StandardCharsets.UTF_8), null);
        assertThat(bigBody.status()).isEqualTo(413);
        assertThat(bigBody.header("content-type")).isEqualTo("application/problem+json");
        assertThat(bigBody.body()).contains("\"status\":413");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01", "1970-01", "2023-12"})
    void aMonthBeforeTheHotlinesFirstCannotBeBuiltNorIsItPublished(String month) {
        as(ADMIN).post("/api/admin/reports/" + month + "/build").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("month"))
                .body("detail", containsString("first month"));
        given().get("/api/public/reports/" + month).then().statusCode(404);
    }
}
