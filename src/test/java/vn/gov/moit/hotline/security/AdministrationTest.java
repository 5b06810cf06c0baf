package vn.gov.moit.hotline.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static vn.gov.moit.hotline.Api.ADMIN;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.SUPERVISOR;
import static vn.gov.moit.hotline.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;

/** Administrators manage users, departments and routing rules; nobody else can. */
@QuarkusTest
class AdministrationTest {

    @Test
    void anAdminCreatesAnOfficerWhoLogsInAndSeesOnlyTheirDepartment() {
        as(ADMIN).body(Map.of("username", "officer.hc", "password", "hoa-chat-2026", "role", "officer",
                "displayName", "Cán bộ Cục Hóa chất", "departmentCode", "HC"))
                .post("/api/admin/users").then().statusCode(201)
                .body("departmentCode", equalTo("HC")).body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
        given().auth().preemptive().basic("officer.hc", "hoa-chat-2026").get("/api/tickets").then().statusCode(200);
        given().auth().preemptive().basic("officer.hc", "wrong-password").get("/api/tickets").then().statusCode(401);
        long id = Api.triagedTicket("Không thuộc Cục Hóa chất");
        given().auth().preemptive().basic("officer.hc", "hoa-chat-2026").get("/api/tickets/" + id).then().statusCode(404);
    }

    @Test
    void badUsersAreRefusedNamingTheField() {
        as(ADMIN).body(Map.of("username", "x", "password", "short", "role", "janitor", "displayName", ""))
                .post("/api/admin/users").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("username")).body("violations.field", hasItem("password"))
                .body("violations.field", hasItem("displayName"));
        as(ADMIN).body(Map.of("username", "nobody.role", "password", "long-enough", "role", "janitor", "displayName", "X"))
                .post("/api/admin/users").then().statusCode(400).body("violations.field", hasItem("role"));
        as(ADMIN).body(Map.of("username", "officer.nodept", "password", "long-enough", "role", "officer", "displayName", "X"))
                .post("/api/admin/users").then().statusCode(400).body("violations.field", hasItem("departmentCode"));
        as(ADMIN).body(Map.of("username", "operator1", "password", "long-enough", "role", "operator", "displayName", "X"))
                .post("/api/admin/users").then().statusCode(409);
        Map<String, Object> clash = new HashMap<>(Map.of("username", "operator.clash", "password", "long-enough",
                "role", "operator", "displayName", "X", "extension", "1001"));
        as(ADMIN).body(clash).post("/api/admin/users").then().statusCode(409).body("detail", startsWith("Extension 1001"));
    }

    @Test
    void onlyAdminsAdminister() {
        as(SUPERVISOR).get("/api/admin/users").then().statusCode(403);
        as(OPERATOR).body(Map.of("departmentCode", "VP")).put("/api/directory/routing-rules/OTHER").then().statusCode(403);
        as(OPERATOR).body(Map.of("nameVi", "X", "nameEn", "X")).put("/api/directory/departments/NEW").then().statusCode(403);
    }

    @Test
    void routingRulesAndDepartmentsAreManagedWithVersions() {
        as(ADMIN).body(Map.of("nameVi", "Cục Kiểm tra", "nameEn", "Inspection Agency"))
                .put("/api/directory/departments/KT").then().statusCode(200);
        given().get("/api/directory/departments").then().statusCode(200).body("code", hasItem("KT"));
        int version = as(ADMIN).get("/api/directory/routing-rules").then().extract().jsonPath()
                .getInt("find { it.fieldCode == 'CHEMICALS' }.version");
        as(ADMIN).body(Map.of("departmentCode", "KT", "version", version))
                .put("/api/directory/routing-rules/CHEMICALS").then().statusCode(200).body("departmentCode", equalTo("KT"));
        as(ADMIN).body(Map.of("departmentCode", "HC", "version", version))
                .put("/api/directory/routing-rules/CHEMICALS").then().statusCode(409);
        as(ADMIN).body(Map.of("departmentCode", "NOPE")).put("/api/directory/routing-rules/CHEMICALS").then()
                .statusCode(400).body("violations.field", hasItem("departmentCode"));
        as(ADMIN).body(Map.of("departmentCode", "HC")).put("/api/directory/routing-rules/ASTROLOGY").then().statusCode(404);
        as(ADMIN).body(Map.of("nameVi", "X", "nameEn", "X")).put("/api/directory/departments/bad code").then()
                .statusCode(400).body("violations.field", hasItem("code"));
        // Put the rule back for other tests.
        as(ADMIN).body(Map.of("departmentCode", "HC")).put("/api/directory/routing-rules/CHEMICALS").then().statusCode(200);
    }

    @Test
    void aSavedDepartmentShowsAtOnceInTheListsThatWereAlreadyRead() {
        given().get("/api/directory/departments").then().statusCode(200).body("code", not(hasItem("TTS")));
        as(ADMIN).body(Map.of("nameVi", "Cục Thử", "nameEn", "Trial Agency"))
                .put("/api/directory/departments/TTS").then().statusCode(200);
        given().get("/api/directory/departments").then().statusCode(200)
                .body("find { it.code == 'TTS' }.nameEn", equalTo("Trial Agency"));
        as(ADMIN).body(Map.of("nameVi", "Cục Thử nghiệm", "nameEn", "Testing Agency"))
                .put("/api/directory/departments/TTS").then().statusCode(200);
        given().get("/api/directory/departments").then().statusCode(200)
                .body("find { it.code == 'TTS' }.nameEn", equalTo("Testing Agency"));
    }

    @Test
    void referenceDataIsPublicAndComplete() {
        given().accept(ContentType.JSON).get("/api/directory/provinces").then().statusCode(200)
                .body("size()", equalTo(34)).body("code", hasItem("HO_CHI_MINH"));
        given().get("/api/directory/departments").then().statusCode(200).body("code", hasItem("TMDT"));
        given().get("/api/directory/fields").then().statusCode(200).body("code", hasItem("ECOMMERCE"));
    }

    @Test
    void theLastAdministratorCannotDemoteOrDeleteThemselves() {
        int version = as(ADMIN).get("/api/admin/users/" + ADMIN).then().statusCode(200).extract().path("version");
        as(ADMIN).body(Map.of("version", version, "role", "supervisor", "displayName", "Quản trị"))
                .put("/api/admin/users/" + ADMIN).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:hotline:last-administrator"));
        as(ADMIN).delete("/api/admin/users/" + ADMIN).then().statusCode(409)
                .body("type", equalTo("urn:problem:hotline:last-administrator"));
        as(ADMIN).get("/api/admin/users/" + ADMIN).then().statusCode(200).body("role", equalTo("admin"));

        // With a second administrator, one of them may go.
        as(ADMIN).body(Map.of("username", "second.admin", "password", "quan-tri-2026", "role", "admin",
                "displayName", "Quản trị thứ hai")).post("/api/admin/users").then().statusCode(201);
        as(ADMIN).delete("/api/admin/users/second.admin").then().statusCode(204);
    }
}
