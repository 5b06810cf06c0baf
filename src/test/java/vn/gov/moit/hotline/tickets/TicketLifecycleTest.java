package vn.gov.moit.hotline.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static vn.gov.moit.hotline.Api.LEADER;
import static vn.gov.moit.hotline.Api.OFFICER_TMDT;
import static vn.gov.moit.hotline.Api.OFFICER_TTTN;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.Api.version;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;
import vn.gov.moit.hotline.TestClock;

@QuarkusTest
class TicketLifecycleTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void monday9am() {
        clock.set(TestClock.START);
    }

    @Test
    void aTicketGoesFromReportToClosedByTheRightPeopleAndItsHistoryTellsTheStory() {
        long id = as(OPERATOR).body(Map.of("source", "FIELD_OFFICER_REPORT", "callerNumber", "+84 236 3888 999",
                "callerName", "Sở Công Thương Đà Nẵng", "callerType", "PROVINCIAL_DEPARTMENT_OF_INDUSTRY_AND_TRADE"))
                .post("/api/tickets").then().statusCode(201)
                .body("status", equalTo("NEW"))
                .body("reference", matchesPattern("HL-2026-\\d{6}"))
                .body("callerNumber", equalTo("02363888999"))
                .extract().jsonPath().getLong("id");

        as(OPERATOR).body(Map.of("version", version(OPERATOR, id), "callerType", "PROVINCIAL_DEPARTMENT_OF_INDUSTRY_AND_TRADE",
                "provinceCode", "DA_NANG", "commune", "Phường Hải Châu", "fieldCode", "ECOMMERCE", "priority", "NORMAL",
                "summary", "Thủ tục thông báo website thương mại điện tử sau phân cấp", "description", "Hỏi thẩm quyền"))
                .put("/api/tickets/" + id + "/triage").then().statusCode(200)
                .body("status", equalTo("TRIAGED")).body("fieldCode", equalTo("ECOMMERCE"));

        as(OPERATOR).get("/api/escalations/tickets/" + id + "/routing-suggestion").then().statusCode(200)
                .body("departmentCode", equalTo("TMDT"));

        // NORMAL = 22 h 30 of office time from Monday 09:00: Mon 6 h 30, Tue 7 h 30, Wed 7 h 30, Thu 08:00-09:00.
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id), "note", "Thuộc thẩm quyền Cục TMĐT&KTS"))
                .post("/api/escalations/tickets/" + id).then().statusCode(200)
                .body("status", equalTo("ESCALATED"))
                .body("departmentCode", equalTo("TMDT"))
                .body("deadline", equalTo("2026-11-26T02:00:00Z"));

        clock.advance(Duration.ofMinutes(30));
        as(OFFICER_TMDT).body(Map.of("version", version(OFFICER_TMDT, id)))
                .post("/api/escalations/tickets/" + id + "/accept").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));

        clock.advance(Duration.ofHours(3));
        as(OFFICER_TMDT).body(Map.of("version", version(OFFICER_TMDT, id), "answer", "Sở Công Thương tiếp nhận thông báo"))
                .post("/api/escalations/tickets/" + id + "/answer").then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("firstAnsweredAt", equalTo("2026-11-23T05:30:00Z"));

        clock.advance(Duration.ofMinutes(10));
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id), "note", "Đã báo lại người gọi"))
                .post("/api/tickets/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedAt", equalTo("2026-11-23T05:40:00Z"));

        JsonPath history = as(OPERATOR).get("/api/tickets/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("action")).containsExactly("CREATED", "TRIAGED", "ESCALATED", "ACCEPTED", "ANSWERED", "CLOSED");
        assertThat(history.getList("actor")).containsExactly(OPERATOR, OPERATOR, OPERATOR, OFFICER_TMDT, OFFICER_TMDT, OPERATOR);
        assertThat(history.getList("toStatus")).containsExactly("NEW", "TRIAGED", "ESCALATED", "IN_PROGRESS", "ANSWERED", "CLOSED");
        assertThat(history.getList("fromStatus")).containsExactly(null, "NEW", "TRIAGED", "ESCALATED", "IN_PROGRESS", "ANSWERED");
        assertThat(history.getList("at")).containsExactly("2026-11-23T02:00:00Z", "2026-11-23T02:00:00Z",
                "2026-11-23T02:00:00Z", "2026-11-23T02:30:00Z", "2026-11-23T05:30:00Z", "2026-11-23T05:40:00Z");

        // The closed ticket can be reopened when the caller comes back.
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id), "note", "Người gọi hỏi thêm"))
                .post("/api/tickets/" + id + "/reopen").then().statusCode(200)
                .body("status", equalTo("REOPENED")).body("closedAt", nullValue());
    }

    @Test
    void aDepartmentForwardsWithANewDeadlineAndLeadersAnswerWhatWasRaisedToThem() {
        long id = Api.triagedTicket("Sàn TMĐT bán hàng giả, thuộc quản lý thị trường");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id))).post("/api/escalations/tickets/" + id)
                .then().statusCode(200).body("departmentCode", equalTo("TMDT"));

        clock.advance(Duration.ofDays(1)); // Tuesday 09:00
        as(OFFICER_TMDT).body(Map.of("version", version(OFFICER_TMDT, id), "departmentCode", "TTTN",
                "reason", "Hàng giả thuộc Cục QL&PTTTTN"))
                .post("/api/escalations/tickets/" + id + "/forward").then().statusCode(200)
                .body("status", equalTo("ESCALATED"))
                .body("departmentCode", equalTo("TTTN"))
                .body("deadline", equalTo("2026-11-27T02:00:00Z"));

        // The first department no longer sees it; the second does.
        as(OFFICER_TMDT).get("/api/tickets/" + id).then().statusCode(404);
        as(OFFICER_TTTN).get("/api/tickets/" + id).then().statusCode(200);

        as(OFFICER_TTTN).body(Map.of("version", version(OFFICER_TTTN, id), "reason", "Vượt thẩm quyền của Cục"))
                .post("/api/escalations/tickets/" + id + "/raise").then().statusCode(200).body("raisedToLeaders", equalTo(true));

        as(LEADER).body(Map.of("version", version(LEADER, id), "answer", "Lãnh đạo Bộ chỉ đạo xử lý"))
                .post("/api/escalations/tickets/" + id + "/answer").then().statusCode(200).body("status", equalTo("ANSWERED"));

        List<Map<String, Object>> escalations = as(OPERATOR).get("/api/escalations/tickets/" + id)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(escalations).extracting(e -> e.get("departmentCode")).containsExactly("TMDT", "TTTN");
        assertThat(escalations).extracting(e -> e.get("state")).containsExactly("FORWARDED", "ANSWERED");
        assertThat(escalations).extracting(e -> e.get("deadline")).containsExactly("2026-11-26T02:00:00Z", "2026-11-27T02:00:00Z");
        assertThat(escalations.get(1)).containsEntry("answeredBy", LEADER).containsEntry("raisedToLeaders", true);

        JsonPath history = as(OPERATOR).get("/api/tickets/" + id + "/history").then().extract().jsonPath();
        assertThat(history.getList("action")).containsExactly("CREATED", "TRIAGED", "ESCALATED", "FORWARDED",
                "RAISED_TO_LEADERS", "ANSWERED");
        assertThat(history.getString("find { it.action == 'FORWARDED' }.note")).contains("TMDT").contains("TTTN");
    }

    @Test
    void aRepeatCallerIsSuggestedTheirOpenTicketAndTheNewOneIsMergedIntoIt() {
        long first = Api.triagedTicket("Lần gọi đầu");
        long second = Api.triagedTicket("Lần gọi lại");

        List<Integer> suggested = as(OPERATOR).queryParam("number", "+84912345678").queryParam("exclude", second)
                .get("/api/tickets/repeat-suggestions").then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(suggested).contains((int) first).doesNotContain((int) second);

        as(OPERATOR).body(Map.of("version", version(OPERATOR, second), "duplicateOf", first, "note", "cùng nội dung"))
                .post("/api/tickets/" + second + "/duplicate").then().statusCode(200)
                .body("status", equalTo("DUPLICATE")).body("duplicateOf", equalTo((int) first));
        assertThat(as(OPERATOR).get("/api/tickets/" + first + "/history").then().extract().jsonPath()
                .getList("action", String.class)).contains("DUPLICATE_LINKED");
    }

    @Test
    void searchFiltersPagesAndSorts() {
        String marker = "Tìm-kiếm-" + System.nanoTime();
        long a = Api.triagedTicket(marker + " a");
        long b = Api.triagedTicket(marker + " b");
        long c = Api.triagedTicket(marker + " c");

        JsonPath page0 = as(OPERATOR).queryParam("q", marker.toLowerCase()).queryParam("size", 2)
                .queryParam("sort", "id,desc").get("/api/tickets").then().statusCode(200).extract().jsonPath();
        assertThat(page0.getList("items.id", Long.class)).containsExactly(c, b);
        assertThat(page0.getLong("total")).isEqualTo(3);
        JsonPath page1 = as(OPERATOR).queryParam("q", marker).queryParam("size", 2).queryParam("page", 1)
                .queryParam("sort", "id,desc").get("/api/tickets").then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("items.id", Long.class)).containsExactly(a);

        as(OPERATOR).queryParam("q", marker).queryParam("status", "triaged").queryParam("field", "ECOMMERCE")
                .queryParam("province", "HA_NOI").queryParam("priority", "NORMAL").queryParam("caller", "0912.345.678")
                .queryParam("from", "2026-11-23").queryParam("to", "2026-11-23")
                .get("/api/tickets").then().statusCode(200).body("total", equalTo(3));
        as(OPERATOR).queryParam("q", marker).queryParam("from", "2026-11-24")
                .get("/api/tickets").then().statusCode(200).body("total", equalTo(0));
        as(OPERATOR).queryParam("q", marker).queryParam("province", "CA_MAU")
                .get("/api/tickets").then().statusCode(200).body("total", equalTo(0));
    }
}
