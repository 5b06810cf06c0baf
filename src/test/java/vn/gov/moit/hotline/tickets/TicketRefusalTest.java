package vn.gov.moit.hotline.tickets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.gov.moit.hotline.Api.ADMIN;
import static vn.gov.moit.hotline.Api.LEADER;
import static vn.gov.moit.hotline.Api.OFFICER_TMDT;
import static vn.gov.moit.hotline.Api.OFFICER_TTTN;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.Api.version;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.gov.moit.hotline.Api;
import vn.gov.moit.hotline.TestClock;

/** Every way a request is refused, and the problem+json the client gets for it. */
@QuarkusTest
class TicketRefusalTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void monday9am() {
        clock.set(TestClock.START);
    }

    @Test
    void withoutCredentialsOrWithWrongOnesTheAnswerIs401Problem() {
        given().get("/api/tickets").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic(OPERATOR, "wrong").get("/api/tickets").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void aRoleMayOnlyDoItsOwnWork() {
        long id = Api.triagedTicket("Vai trò");
        as(OFFICER_TMDT).body(Map.of("source", "MANUAL")).post("/api/tickets").then().statusCode(403)
                .contentType("application/problem+json").body("title", equalTo("Forbidden"));
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id))).post("/api/escalations/tickets/" + id).then().statusCode(200);
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id))).post("/api/escalations/tickets/" + id + "/accept")
                .then().statusCode(403).contentType("application/problem+json");
        as(LEADER).body(Map.of("version", version(LEADER, id), "answer", "x")).post("/api/escalations/tickets/" + id + "/answer")
                .then().statusCode(403); // leaders answer only what was raised to them
        as(ADMIN).get("/api/admin/users").then().statusCode(200);
        as(OPERATOR).get("/api/admin/users").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anotherDepartmentsOfficerGets404NotEven403() {
        long id = Api.triagedTicket("Chỉ TMĐT thấy");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id))).post("/api/escalations/tickets/" + id).then().statusCode(200);
        as(OFFICER_TTTN).get("/api/tickets/" + id).then().statusCode(404).contentType("application/problem+json");
        as(OFFICER_TTTN).get("/api/tickets/" + id + "/history").then().statusCode(404);
        as(OFFICER_TTTN).body(Map.of("version", 0)).post("/api/escalations/tickets/" + id + "/accept").then().statusCode(404);
        as(OFFICER_TTTN).get("/api/tickets").then().statusCode(200).body("items.id", not(hasItem((int) id)));
        as(OFFICER_TTTN).queryParam("department", "TMDT").get("/api/escalations").then().statusCode(200)
                .body("items.ticketId", not(hasItem((int) id)));
        as(OFFICER_TMDT).get("/api/tickets/" + id).then().statusCode(200);
    }

    @Test
    void anIllegalTransitionIs409AndNamesBothStatuses() {
        long id = Api.triagedTicket("Chuyển trạng thái sai");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id))).post("/api/tickets/" + id + "/close")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:hotline:illegal-transition"))
                .body("detail", containsString("TRIAGED")).body("detail", containsString("CLOSED"));
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id))).post("/api/tickets/" + id + "/reopen")
                .then().statusCode(409);
        // Nothing changed.
        as(OPERATOR).get("/api/tickets/" + id).then().body("status", equalTo("TRIAGED"));
    }

    @Test
    void aStaleVersionIs409AndTheOtherChangeIsKept() {
        long id = Api.triagedTicket("Phiên bản cũ");
        int v = version(OPERATOR, id);
        Map<String, Object> triage = Map.of("version", v, "callerType", "CITIZEN", "provinceCode", "HUE",
                "fieldCode", "INDUSTRY", "priority", "HIGH", "summary", "người thứ nhất");
        as(OPERATOR).body(triage).put("/api/tickets/" + id + "/triage").then().statusCode(200);
        as(OPERATOR).body(Map.of("version", v, "callerType", "CITIZEN", "provinceCode", "HUE", "fieldCode", "ELECTRICITY",
                "priority", "LOW", "summary", "người thứ hai")).put("/api/tickets/" + id + "/triage")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:hotline:stale-version"));
        as(OPERATOR).get("/api/tickets/" + id).then().body("summary", equalTo("người thứ nhất"));
    }

    @Test
    void missingAndOversizedFieldsAreNamed() {
        long id = Api.triagedTicket("Dữ liệu sai");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id), "summary", "x".repeat(301)))
                .put("/api/tickets/" + id + "/triage").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("summary"))
                .body("violations.field", hasItem("provinceCode"))
                .body("violations.field", hasItem("callerType"))
                .body("violations.field", hasItem("fieldCode"))
                .body("violations.field", hasItem("priority"));
        as(OPERATOR).body(Map.of("source", "MANUAL", "description", "y".repeat(4001)))
                .post("/api/tickets").then().statusCode(400).body("violations.field", hasItem("description"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON|{\"source\": \"MANUAL\",|body",
        "unknown enum|{\"source\": \"TELEPATHY\"}|source",
        "unknown priority|{\"source\": \"MANUAL\", \"priority\": \"ASAP\"}|priority",
        "wrong type|{\"source\": \"MANUAL\", \"summary\": {\"a\": 1}}|summary",
        "unknown field code|{\"source\": \"MANUAL\", \"fieldCode\": \"ASTROLOGY\", \"summary\": \"x\"}|fieldCode",
        "unknown province|{\"source\": \"MANUAL\", \"provinceCode\": \"HA_TAY\", \"summary\": \"x\"}|provinceCode",
        "not a phone number|{\"source\": \"MANUAL\", \"callerNumber\": \"abc\"}|callerNumber",
        "phone source by hand|{\"source\": \"PHONE\"}|source",
        "empty body||body",
    })
    void aBadBodyIs400NamingTheField(String name, String body, String field) {
        var request = given().auth().preemptive().basic(OPERATOR, "demo").contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        request.post("/api/tickets").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("violations.field", hasItem(field))
                .body(not(containsString("Exception"))).body(not(containsString("vn.gov")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "page,abc", "page,-1", "size,0", "size,100000", "sort,password", "sort,'createdAt,sideways'",
        "from,2026-13-01", "to,yesterday", "status,LOST", "priority,9", "caller,not-a-number",
    })
    void aBadQueryParameterIs400NamingIt(String param, String value) {
        as(OPERATOR).queryParam(param, value).get("/api/tickets").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem(param));
    }

    @Test
    void aDateRangeBackwardsIsRefused() {
        as(OPERATOR).queryParam("from", "2026-11-20").queryParam("to", "2026-11-01").get("/api/tickets")
                .then().statusCode(400).body("violations.field", hasItem("to"));
    }

    @Test
    void unknownTicketsAndAddressesAre404Problems() {
        as(OPERATOR).get("/api/tickets/987654321").then().statusCode(404).contentType("application/problem+json");
        as(OPERATOR).get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void escalatingToAnUnknownDepartmentIsRefusedAndTheTicketStaysTriaged() {
        long id = Api.triagedTicket("Cục không tồn tại");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id), "departmentCode", "NASA"))
                .post("/api/escalations/tickets/" + id).then().statusCode(400)
                .body("violations.field", hasItem("departmentCode"));
        as(OPERATOR).get("/api/tickets/" + id).then().body("status", equalTo("TRIAGED"));
    }
}
