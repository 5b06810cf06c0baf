package vn.gov.moit.hotline.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static vn.gov.moit.hotline.reporting.ReportFixtures.local;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.gov.moit.hotline.web.Browser;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;
import vn.gov.moit.hotline.TestClock;

/**
 * What the public sees of June 2025 (used by no other test class): no caller data anywhere, small cells
 * suppressed, the JSON, CSV and page agreeing, no login needed, and the Open311 view.
 */
@QuarkusTest
class PublicReportTest {

    private static final String MONTH = "2025-06";
    private static final String SECRET_NAME = "Nguyen Bi Mat";
    private static final String SECRET_TEXT = "ZXQ-";
    /** The caller's number in every written form: all of them contain these digits. */
    private static final List<String> FORBIDDEN = List.of("0987000111", "+84987000111", "84987000111", "987000111",
            "987 000 111", "0987.000.111", SECRET_NAME, "Nguyễn Bí Mật", SECRET_TEXT,
            // the caller of Api.triagedTicket, in case other test classes' tickets leak
            "912345678", "Nguyen Van An");

    private static boolean seeded;
    /** The ECOMMERCE requests, listed by Open311. */
    private static final List<String> references = new ArrayList<>();
    /** The CHEMICALS and INDUSTRY requests, whose fields the report hides in June: not listed. */
    private static final List<String> hiddenReferences = new ArrayList<>();
    private static String duplicateReference;

    @Inject
    TestClock clock;

    @TestHTTPResource("/")
    URL base;

    @Inject
    ReportFixtures db;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void juneIsPublished() {
        clock.set(Instant.parse("2025-07-02T01:00:00Z"));
        if (seeded) {
            return;
        }
        long id = 910_000;
        for (int day = 2; day <= 6; day++) {
            db.call(++id, "COMPLETED", local("2025-06-0" + day + "T09:00:00"), 12, 180, "0987000111", SECRET_NAME);
        }
        db.call(++id, "ABANDONED", local("2025-06-07T09:00:00"), 40, null, "+84987000111", "Nguyễn Bí Mật");
        for (int i = 0; i < 4; i++) {
            long ticket = 910_100 + i;
            ReportFixtures.TicketRow row = db.ticket(ticket, local("2025-06-1" + i + "T10:00:00"))
                    .status(i < 2 ? "CLOSED" : "ESCALATED").where("ECOMMERCE", "HA_NOI", "BUSINESS")
                    .department("TMDT")
                    .caller("0987000111", SECRET_NAME)
                    .text("Bi mat kinh doanh ZXQ-SUMMARY", "Chi tiet rieng tu ZXQ-DESCRIPTION", "Phuong ZXQ-COMMUNE");
            if (i < 2) {
                row.closed(local("2025-06-1" + (i + 3) + "T10:00:00"));
            }
            references.add(row.insert());
            db.escalation(910_200 + i, ticket, "TMDT", local("2025-06-1" + i + "T11:00:00"),
                    local("2025-06-2" + i + "T17:00:00"), i < 2 ? local("2025-06-1" + (i + 2) + "T10:00:00") : null, null);
        }
        for (int i = 0; i < 2; i++) {
            hiddenReferences.add(db.ticket(910_110 + i, local("2025-06-15T1" + i + ":00:00")).status("TRIAGED")
                    .where("CHEMICALS", "DA_NANG", "CITIZEN").caller("84987000111", SECRET_NAME)
                    .text("ZXQ-SUMMARY hoa chat", "ZXQ-DESCRIPTION", null).insert());
        }
        // Three of another field: hiding CHEMICALS (2) alone would leave it as opened - ECOMMERCE - INDUSTRY, so
        // the privacy rule hides INDUSTRY with it (and the Open311 list leaves both fields out).
        for (int i = 0; i < 3; i++) {
            hiddenReferences.add(db.ticket(910_130 + i, local("2025-06-17T1" + i + ":00:00")).status("TRIAGED")
                    .where("INDUSTRY", "HA_NOI", "BUSINESS").insert());
        }
        duplicateReference = db.ticket(910_120, local("2025-06-16T10:00:00")).status("DUPLICATE")
                .where("ECOMMERCE", "HA_NOI", "CITIZEN").caller("0987000111", SECRET_NAME)
                .text("ZXQ-SUMMARY", null, null).insert();
        Api.as(Api.ADMIN).post("/api/admin/reports/" + MONTH + "/build").then().statusCode(200);
        seeded = true;
    }

    @Test
    void noPublicOutputHoldsACallersNumberNameOrWords() {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("list", body("/api/public/reports"));
        outputs.put("json", body("/api/public/reports/" + MONTH));
        outputs.put("json v1", body("/api/public/reports/" + MONTH + "/versions/1"));
        outputs.put("csv", body("/api/public/reports/" + MONTH + ".csv"));
        outputs.put("csv format", body("/api/public/reports/" + MONTH + "?format=csv"));
        outputs.put("html vi", body("/reports/" + MONTH));
        outputs.put("html en", body("/reports/" + MONTH + "?lang=en"));
        outputs.put("html latest", body("/reports"));
        outputs.put("open311 services", body("/api/public/open311/v2/services.json"));
        outputs.put("open311 services en", body("/api/public/open311/v2/services.json?lang=en"));
        outputs.put("open311 requests", body("/api/public/open311/v2/requests.json?size=200"));
        outputs.put("open311 june", body("/api/public/open311/v2/requests.json?start_date=2025-06-01&end_date=2025-06-30"));
        outputs.put("open311 june en", body("/api/public/open311/v2/requests.json?service_code=CHEMICALS&lang=en"));

        assertThat(outputs.get("open311 june")).contains(references.get(0));
        assertThat(outputs.get("open311 june en")).doesNotContain(hiddenReferences.get(0));
        outputs.forEach((name, text) -> {
            for (String secret : FORBIDDEN) {
                assertThat(text).as("%s must not contain %s", name, secret).doesNotContainIgnoringCase(secret);
            }
        });
    }

    @Test
    void publicEndpointsAnswerWithoutLogin() {
        given().get("/api/public/reports").then().statusCode(200).contentType(startsWith("application/json"))
                .body("find { it.month == '" + MONTH + "' }.latestVersion", equalTo(1))
                .body("find { it.month == '" + MONTH + "' }.links.csv", equalTo("/api/public/reports/2025-06.csv"));
        given().get("/api/public/reports/" + MONTH).then().statusCode(200)
                .header("Content-Type", equalTo("application/json;charset=UTF-8")).body("month", equalTo(MONTH));
        given().get("/api/public/reports/" + MONTH + ".csv").then().statusCode(200)
                .header("Content-Type", equalTo("text/csv;charset=UTF-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"hotline-report-2025-06-v1.csv\""))
                .body(startsWith(ReportCsv.HEADER));
        given().get("/reports/" + MONTH).then().statusCode(200)
                .header("Content-Type", equalTo("text/html;charset=UTF-8"));
        given().get("/assets/favicon.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"));
        given().get("/api/public/open311/v2/services.json").then().statusCode(200);
        given().get("/api/public/open311/v2/requests.json").then().statusCode(200);
    }

    @Test
    void smallCountsAreSuppressedInJsonCsvAndPage() {
        JsonPath json = given().get("/api/public/reports/" + MONTH).then().extract().jsonPath();
        String chemicals = "breakdowns.find { it.key == 'tickets.by_field' }.cells.find { it.key == 'CHEMICALS' }";
        assertThat(json.getBoolean(chemicals + ".suppressed")).isTrue();
        assertThat(json.getString(chemicals + ".display")).isEqualTo("x");
        assertThat(json.getString(chemicals + ".value")).isNull();
        String byField = "breakdowns.find { it.key == 'tickets.by_field' }.cells";
        assertThat(json.getString(byField + ".find { it.key == 'ECOMMERCE' }.display")).isEqualTo("4");
        assertThat(json.getString(byField + ".find { it.key == 'INDUSTRY' }.display")).isEqualTo("x");

        Map<String, String> csv = csvFigures(body("/api/public/reports/" + MONTH + ".csv"));
        assertThat(csv).containsEntry("tickets.by_field/CHEMICALS", "x").containsEntry("calls.abandoned", "x");

        Map<String, String> page = pageFigures(body("/reports/" + MONTH));
        assertThat(page).containsEntry("tickets.by_field/CHEMICALS", "x").containsEntry("calls.abandoned", "x");
        assertThat(body("/reports/" + MONTH)).doesNotContain(">1<").doesNotContain(">2<");
    }

    @Test
    void theJsonTheCsvAndThePageOfAMonthShowTheSameFigures() {
        Map<String, String> fromJson = jsonFigures();
        // 6 offered, 5 answered, 1 abandoned: with the abandoned call hidden, answered would give it back
        // (6 - 5), so it is hidden too, and so is the answer rate (5 of 6).
        assertThat(fromJson).containsEntry("calls.offered", "6").containsEntry("calls.answered", "x")
                .containsEntry("tickets.opened", "9").containsEntry("tickets.escalated", "4")
                .containsEntry("calls.answer_rate", "—");

        assertThat(csvFigures(body("/api/public/reports/" + MONTH + ".csv"))).isEqualTo(fromJson);
        assertThat(csvFigures(body("/api/public/reports/" + MONTH + "/versions/1?format=csv"))).isEqualTo(fromJson);
        assertThat(pageFigures(body("/reports/" + MONTH))).isEqualTo(fromJson);
        assertThat(pageFigures(body("/reports/" + MONTH + "?lang=en"))).isEqualTo(fromJson);
    }

    @Test
    void thePageIsSelfContainedBilingualAndLabelsCodesFromTheDirectory() {
        String vi = body("/reports/" + MONTH);
        assertThat(vi).contains("<html lang=\"vi\"", "<svg", "viewport", "Tháng 6/2025",
                "Thương mại điện tử và kinh tế số", "Thành phố Đà Nẵng", "Cục Thương mại điện tử và Kinh tế số",
                "Doanh nghiệp", "Mức phục vụ", "/api/public/reports/2025-06/versions/1?format=csv",
                "<option value=\"2025-06\" selected>", "?lang=en");
        // every metric's formula is printed
        JsonPath json = given().get("/api/public/reports/" + MONTH).then().extract().jsonPath();
        for (String formula : json.<String>getList("metrics.formulaVi")) {
            assertThat(vi).contains(html(formula));
        }
        // Nothing is fetched from elsewhere; the one address outside is the link to the ministry's site.
        assertThat(vi.replace("<a href=\"https://moit.gov.vn\">", ""))
                .doesNotContain("<script", "http://", "https://", "<link");

        String en = body("/reports/" + MONTH + "?lang=en");
        assertThat(en).contains("<html lang=\"en\"", "June 2025", "E-commerce and digital economy",
                "Da Nang City", "Agency of E-commerce and Digital Economy", "Service level");
        for (String formula : json.<String>getList("metrics.formulaEn")) {
            assertThat(en).contains(html(formula));
        }
        assertThat(body("/reports?month=" + MONTH + "&lang=en")).isEqualTo(en);
    }

    @Test
    void open311ListsFieldsAsServicesAndAnonymisedRequests() {
        JsonPath services = given().get("/api/public/open311/v2/services.json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(services.getList("service_code")).contains("ECOMMERCE", "CHEMICALS", "OTHER");
        assertThat(services.getString("find { it.service_code == 'ECOMMERCE' }.group"))
                .isEqualTo("Cục Thương mại điện tử và Kinh tế số");
        assertThat(services.getList("metadata")).containsOnly(false);
        assertThat(services.getList("type")).containsOnly("realtime");

        JsonPath june = given().queryParam("start_date", "2025-06-01").queryParam("end_date", "2025-06-30")
                .queryParam("size", "200").get("/api/public/open311/v2/requests.json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(june.<String>getList("service_request_id")).containsExactlyInAnyOrderElementsOf(references)
                .doesNotContain(duplicateReference);
        List<Map<String, Object>> items = june.getList("$");
        assertThat(items).allSatisfy(item -> assertThat(item.keySet()).isEqualTo(Set.of("service_request_id", "status",
                "status_notes", "service_name", "service_code", "agency_responsible", "service_notice",
                "requested_datetime", "updated_datetime", "expected_datetime")));
        String first = "find { it.service_request_id == '" + references.get(0) + "' }";
        assertThat(june.getString(first + ".status")).isEqualTo("closed");
        assertThat(june.getString(first + ".service_name")).isEqualTo("Thương mại điện tử và kinh tế số");
        assertThat(june.getString(first + ".agency_responsible")).isEqualTo("Cục Thương mại điện tử và Kinh tế số");
        assertThat(june.getString(first + ".requested_datetime")).isEqualTo("2025-06-10T10:00:00+07:00");
        assertThat(june.getString(first + ".expected_datetime")).isEqualTo("2025-06-20T17:00:00+07:00");
        assertThat(june.getString(first + ".status_notes")).isNull();
        assertThat(june.getString("find { it.service_request_id == '" + references.get(3) + "' }.status"))
                .isEqualTo("open");

        // The fields the report hides in June are not listed either: counting the list would undo the report.
        given().queryParam("service_code", "CHEMICALS").queryParam("start_date", "2025-06-01T00:00:00+07:00")
                .queryParam("end_date", "2025-07-01T00:00:00+07:00").get("/api/public/open311/v2/requests.json")
                .then().statusCode(200).body("size()", equalTo(0));
        assertThat(june.<String>getList("service_request_id")).doesNotContainAnyElementsOf(hiddenReferences);
        given().queryParam("status", "closed").queryParam("start_date", "2025-06-01").queryParam("end_date", "2025-06-30")
                .get("/api/public/open311/v2/requests.json").then().statusCode(200).body("size()", equalTo(2));
        given().queryParam("start_date", "2025-06-01").queryParam("end_date", "2025-06-30").queryParam("size", "3")
                .queryParam("page", "2").get("/api/public/open311/v2/requests.json").then().statusCode(200)
                .body("size()", equalTo(1));

        Map<String, String> bad = Map.of("status", "pending", "size", "201", "page", "0", "service_code", "NOPE",
                "start_date", "June", "lang", "fr");
        bad.forEach((param, value) -> given().queryParam(param, value).get("/api/public/open311/v2/requests.json")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(param)));
        given().queryParam("start_date", "2025-06-30").queryParam("end_date", "2025-06-01")
                .get("/api/public/open311/v2/requests.json").then().statusCode(400)
                .body("violations[0].field", equalTo("end_date"));
    }

    /** H2's varchar without a length holds far more than a report; PostgreSQL's is unbounded. */
    @Test
    void theStoreKeepsLargeReportsWhole() throws Exception {
        ReportVersionRepository versions = io.quarkus.arc.Arc.container().instance(ReportVersionRepository.class).get();
        String big = "x".repeat(3_000_000) + "ế";
        YearMonth month = YearMonth.of(1999, 1);
        versions.insert(new ReportVersionRepository.Stored(month, 1, false, "0".repeat(64), big, big, Instant.EPOCH, Instant.EPOCH));
        try {
            assertThat(versions.version(month, 1)).get().satisfies(s -> {
                assertThat(s.json()).isEqualTo(big);
                assertThat(s.csv()).isEqualTo(big);
            });
        } finally {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement q = c.prepareStatement("delete from report_version where report_month = '1999-01'")) {
                q.executeUpdate();
            }
        }
    }

    private static String body(String path) {
        return new String(given().get(path).then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
    }

    /** Figures by key (metric key, or breakdown key/cell key) from the CSV, RFC 4180 quoting undone. */
    static Map<String, String> csvFigures(String csv) {
        Map<String, String> figures = new LinkedHashMap<>();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(ReportCsv.HEADER);
        for (int i = 1; i < lines.length; i++) {
            List<String> f = fields(lines[i]);
            String section = f.get(0);
            if (section.equals("report")) {
                continue;
            }
            String key = section.equals("calls") || section.equals("tickets") ? f.get(1) : section + "/" + f.get(1);
            figures.put(key, f.get(4));
        }
        return figures;
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    @Test
    void inABrowserThePageDrawsItsChartsAndShowsTheFiguresOfTheJson() {
        Map<String, String> fromJson = jsonFigures();
        try (Browser browser = new Browser(base)) {
            browser.open("/reports/" + MONTH);
            browser.waitFor(By.cssSelector("svg.chart"));
            List<WebElement> charts = browser.driver.findElements(By.cssSelector("svg.chart"));
            assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
            assertThat(charts).allSatisfy(chart -> {
                assertThat(chart.isDisplayed()).isTrue();
                assertThat(chart.getSize().getWidth()).isGreaterThan(100);
                assertThat(chart.findElements(By.cssSelector("rect, path, line, polyline"))).isNotEmpty();
            });
            Map<String, String> shown = new LinkedHashMap<>();
            for (WebElement figure : browser.driver.findElements(By.cssSelector("[data-key]"))) {
                shown.put(figure.getDomAttribute("data-key"), figure.getText().trim());
            }
            for (WebElement cell : browser.driver.findElements(By.cssSelector("[data-breakdown]"))) {
                shown.put(cell.getDomAttribute("data-breakdown") + "/" + cell.getDomAttribute("data-cell"),
                        cell.getAttribute("textContent").trim());
            }
            assertThat(shown).isEqualTo(fromJson);
            assertThat(browser.driver.findElement(By.cssSelector("p.downloads a[href^='/api/public/reports/" + MONTH + "/versions/'][href$='?format=csv']")).isDisplayed()).isTrue();
            // The ministry's name, a way back to the work pages, and the zone by its name.
            assertThat(browser.driver.findElement(By.linkText("Bộ Công Thương")).getDomAttribute("href"))
                    .isEqualTo("https://moit.gov.vn");
            assertThat(browser.driver.findElement(By.linkText("Về trang làm việc của đường dây nóng"))
                    .getDomAttribute("href")).isEqualTo("/");
            assertThat(browser.driver.findElement(By.cssSelector("p.meta")).getText()).contains("(giờ Việt Nam, UTC+7)")
                    .doesNotContain("Asia/");
            browser.assertAccessible("report");
            browser.screenshot("report");
            browser.narrow();
            browser.screenshot("report-phone");
        }
    }

    @Test
    void beforeAnyReportThePageIsStyledAndLeadsBack() {
        String html = ReportPageResource.Templates.empty("vi", "https://moit.gov.vn").render();
        try (Browser browser = new Browser(base)) {
            browser.driver.get("data:text/html;charset=utf-8,"
                    + java.net.URLEncoder.encode(html, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            assertThat(browser.text(By.id("none-yet"))).isEqualTo("Chưa có báo cáo nào được công bố.");
            assertThat(browser.driver.findElement(By.tagName("header")).getCssValue("background-color"))
                    .isEqualTo("rgba(164, 22, 26, 1)");
            assertThat(browser.driver.findElement(By.linkText("Về trang làm việc của đường dây nóng")).isDisplayed())
                    .isTrue();
            browser.assertAccessible("report-empty");
        }
    }

    private static Map<String, String> jsonFigures() {
        JsonPath json = given().get("/api/public/reports/" + MONTH).then().extract().jsonPath();
        Map<String, String> figures = new LinkedHashMap<>();
        for (Map<String, Object> metric : json.<Map<String, Object>>getList("metrics")) {
            figures.put((String) metric.get("key"), (String) metric.get("display"));
        }
        for (Map<String, Object> breakdown : json.<Map<String, Object>>getList("breakdowns")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cells = (List<Map<String, Object>>) breakdown.get("cells");
            for (Map<String, Object> cell : cells) {
                figures.put(breakdown.get("key") + "/" + cell.get("key"), (String) cell.get("display"));
            }
        }
        return figures;
    }

    /** Figures by key from the page's {@code data-key} and {@code data-breakdown}/{@code data-cell} marks. */
    static Map<String, String> pageFigures(String html) {
        Map<String, String> figures = new LinkedHashMap<>();
        Matcher metric = Pattern.compile("data-key=\"([^\"]+)\">([^<]*)<").matcher(html);
        while (metric.find()) {
            figures.put(metric.group(1), unescape(metric.group(2)));
        }
        Matcher cell = Pattern.compile("data-breakdown=\"([^\"]+)\" data-cell=\"([^\"]+)\">([^<]*)<").matcher(html);
        while (cell.find()) {
            figures.put(cell.group(1) + "/" + cell.group(2), unescape(cell.group(3)));
        }
        return figures;
    }

    /** The text as an HTML page prints it. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
