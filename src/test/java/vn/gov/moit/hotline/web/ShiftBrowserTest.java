package vn.gov.moit.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.Api.OFFICER_TMDT;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.SUPERVISOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.Api.version;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import vn.gov.moit.hotline.Api;
import vn.gov.moit.hotline.TestClock;
import vn.gov.moit.hotline.telephony.CallLogService;
import vn.gov.moit.hotline.telephony.CallLogEvents;

/**
 * A shift's work in the browser beyond the happy path of PagesBrowserTest: typing that must not be lost (a
 * call pop, a conflicting change), problems in the page's language, lists longer than a page, the province
 * finder, shortcut keys and merging a repeat call; and axe-core on every page met on the way.
 */
@QuarkusTest
class ShiftBrowserTest {

    private static final AtomicInteger CALLS = new AtomicInteger();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    @Inject
    CallLogService calls;

    @BeforeEach
    void monday9am() {
        clock.set(TestClock.START);
        // A fresh shift: no call of an earlier test is still talking on operator1's extension.
        calls.resynced(Set.of(), clock.instant());
    }

    @Test
    void typingSurvivesACallPopAndAConflictingChange() {
        long earlier = manualTicket("0913 222 111");
        try (Browser b = new Browser(base)) {
            b.onFailure(() -> {
                b.logIn(OPERATOR, "demo");
                b.open("/console?ticket=" + earlier);
                b.waitForText(By.id("tp-status"), "Mới");
                b.assertAccessible("console");
                b.type(By.id("tp-summary"), "Hỏi thủ tục cấp phép bán lẻ rượu");
                b.type(By.id("tp-description"), "Cửa hàng ở phường Hoàn Kiếm muốn");

                // A call is answered on my extension while I type: it is announced, not forced in.
                String caller = "0977" + String.format("%06d", 500000 + CALLS.incrementAndGet());
                answeredOn1001(caller);
                b.waitFor(By.id("call-announce"));
                assertThat(b.text(By.id("call-announce-text"))).contains("Cuộc gọi mới từ " + caller);
                assertThat(panelTicket(b)).isEqualTo(earlier);
                assertThat(b.value(By.id("tp-summary")))
                        .isEqualTo("Hỏi thủ tục cấp phép bán lẻ rượu");

                // The operator takes the call; the draft stays with its ticket and comes back with it.
                b.click(By.id("call-announce-open"));
                b.waitForText(By.id("tp-caller"), caller);
                assertThat(panelTicket(b)).isNotEqualTo(earlier);
                // The call that opened the ticket is part of the case.
                b.waitForText(By.id("tp-calls"), "Đang đàm thoại · điện thoại viên operator1");
                // On a phone the ticket comes right after the call, not below the lists.
                b.narrow();
                assertThat(b.driver.findElement(By.id("ticket-panel")).getLocation().getY()).isLessThan(900);
                b.wide();
                // The history speaks the page's language, the system's own notes included.
                b.waitForText(By.id("tp-history"), "Hệ thống · Tạo phiếu");
                assertThat(b.text(By.id("tp-history"))).contains("cuộc gọi đến đường dây nóng")
                        .doesNotContain("hotline call");
                b.open("/console?ticket=" + earlier);
                b.waitForValue(By.id("tp-summary"), "Hỏi thủ tục cấp phép bán lẻ rượu");
                assertThat(b.value(By.id("tp-description")))
                        .isEqualTo("Cửa hàng ở phường Hoàn Kiếm muốn");
                assertThat(b.text(By.id("tp-message"))).contains("Bản nháp");

                // Someone else triages the ticket meanwhile: saving is refused, the typing is kept and
                // what changed is shown; saving again then works.
                as(SUPERVISOR).body(Map.of("version", version(SUPERVISOR, earlier), "callerType", "CITIZEN",
                        "provinceCode", "HA_NOI", "fieldCode", "DOMESTIC_MARKET", "priority", "NORMAL",
                        "summary", "Người gọi hỏi về rượu")).put("/api/tickets/" + earlier + "/triage")
                        .then().statusCode(200);
                b.select(By.id("tp-fieldCode"), "DOMESTIC_MARKET");
                b.select(By.id("tp-callerType"), "BUSINESS");
                b.select(By.id("tp-provinceCode"), "HA_NOI");
                b.click(By.id("tp-triage-save"));
                b.waitForText(By.cssSelector("#tp-triage [data-form-error]"), "vừa được người khác thay đổi");
                assertThat(b.text(By.cssSelector("#tp-triage .changes")))
                        .contains("Tóm tắt: — → Người gọi hỏi về rượu")
                        .contains("Trạng thái: Mới → Đã phân loại");
                assertThat(b.value(By.id("tp-summary")))
                        .isEqualTo("Hỏi thủ tục cấp phép bán lẻ rượu");
                b.click(By.id("tp-triage-save"));
                b.waitForText(By.id("tp-v-summary"), "Hỏi thủ tục cấp phép bán lẻ rượu");
                assertThat(b.text(By.id("tp-v-caller-type"))).isEqualTo("Doanh nghiệp");
            });
        }
    }

    @Test
    void problemsAreShownInThePagesLanguage() {
        long fresh = manualTicket("0913 222 333");
        try (Browser b = new Browser(base)) {
            b.onFailure(() -> {
                b.logIn(OPERATOR, "demo");
                // invalid-input with a reason checked by the application, not by Bean Validation
                b.type(By.id("new-callerNumber"), "không có số");
                b.click(By.id("new-ticket-save"));
                b.waitForText(By.id("new-callerNumber-err"), "không phải số điện thoại: không có số");
                assertThat(b.text(By.cssSelector("#new-ticket [data-form-error]"))).contains("sửa các trường");

                // invalid-input in a list's filters
                b.click(By.id("tab-search"));
                b.driver.executeScript("document.getElementById('search-from').value = '2026-11-30';"
                        + "document.getElementById('search-to').value = '2026-11-01';");
                b.click(By.id("search-submit"));
                b.waitForText(By.id("search-to-err"), "ngày kết thúc không được trước ngày bắt đầu");

                // a reason about a field the form does not have: said in the form's general message
                b.open("/console?ticket=" + fresh);
                b.waitForText(By.id("tp-status"), "Mới");
                b.type(By.id("tp-resolution-text"), "Đã hướng dẫn");
                b.click(By.id("tp-resolve-save"));
                b.waitForText(By.cssSelector("#tp-resolve [data-form-error]"), "hãy phân loại phiếu");

                // The ticket was merged elsewhere while its form was open: the form is gone, the text is kept.
                long other = manualTicket("0913 222 444");
                b.open("/console?ticket=" + other);
                b.waitForText(By.id("tp-status"), "Mới");
                as(OPERATOR).body(Map.of("version", version(OPERATOR, other), "duplicateOf", fresh))
                        .post("/api/tickets/" + other + "/duplicate").then().statusCode(200);
                b.type(By.id("tp-resolution-text"), "Đã hướng dẫn");
                b.click(By.id("tp-resolve-save"));
                b.waitForText(By.id("tp-message"), "Phiếu vừa được người khác thay đổi");
                assertThat(b.text(By.id("tp-message"))).contains("Trạng thái: Mới → Trùng lặp")
                        .contains("Nội dung bạn đã nhập: Đã hướng dẫn");

                // not-found: a ticket the user may not see, an address that does not exist, a bad month
                b.open("/tickets/99999999");
                assertThat(b.text(By.tagName("h1"))).isEqualTo("Không tìm thấy");
                b.open("/khong-co-trang-nay");
                assertThat(b.text(By.tagName("h1"))).isEqualTo("Không tìm thấy");
                assertThat(b.text(By.id("error-page"))).contains("Không có trang nào ở địa chỉ này");
                b.assertAccessible("error-404");
                b.open("/reports/2025-13");
                assertThat(b.text(By.tagName("h1"))).isEqualTo("Địa chỉ chưa đúng");
                assertThat(b.text(By.id("error-violations"))).contains("month").contains("tháng phải viết dạng yyyy-MM");
                assertThat(b.driver.getPageSource()).doesNotContain("urn:problem");
                b.assertAccessible("error-400");
                b.click(By.linkText("Về trang của tôi"));
                b.waitFor(By.id("new-ticket"));
            });
        }
    }

    @Test
    void listsArePagedWithTotalsAndLeadToTheirTickets() {
        String word = "Lô" + System.nanoTime();
        for (int i = 0; i < 23; i++) {
            manualTicketAbout("0914 000 " + String.format("%03d", i), word + " số " + i);
        }
        String lastAbandoned = null;
        for (int i = 0; i < 22; i++) {
            lastAbandoned = "0915" + String.format("%06d", 100000 + CALLS.incrementAndGet());
            abandoned(lastAbandoned);
        }
        String oneCaller = lastAbandoned;
        long answered = answeredByTheDepartment();
        try (Browser b = new Browser(base)) {
            b.onFailure(() -> {
                b.logIn(OPERATOR, "demo");
                // The callback list: a page of 20 with the total the API counts.
                int callbacks = as(OPERATOR).get("/api/callbacks?size=1").then().extract().path("total");
                assertThat(callbacks).isGreaterThanOrEqualTo(22);
                b.waitForText(By.id("callbacks-total"), "1–20 trong tổng số " + callbacks);
                assertThat(b.text(By.id("tab-callbacks-count"))).isEqualTo(String.valueOf(callbacks));
                assertThat(b.driver.findElements(By.cssSelector("#callbacks tbody tr"))).hasSize(20);
                b.click(By.id("callbacks-next"));
                b.waitForText(By.id("callbacks-total"), "21–" + Math.min(40, callbacks) + " trong tổng số " + callbacks);

                // Answered by the department: call the caller back and close.
                shortcut(b, "a");
                b.waitFor(By.id("panel-to-close"));
                pageUntil(b, "to-close", By.cssSelector("#to-close tr[data-ticket-id='" + answered + "']"));
                b.assertAccessible("console-to-close");
                b.click(By.cssSelector("#to-close tr[data-ticket-id='" + answered + "'] button"));
                b.waitForText(By.id("tp-status"), "Đơn vị đã trả lời");
                b.type(By.id("tp-close-note"), "Đã báo kết quả cho người gọi");
                b.click(By.id("tp-close-save"));
                b.waitForText(By.id("tp-status"), "Đã đóng");
                new WaitFor(b).gone(By.cssSelector("#to-close tr[data-ticket-id='" + answered + "']"));

                // Search by shortcut key: 23 matches, page by page, sorted, and all of them as CSV.
                shortcut(b, "s");
                assertThat(b.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("search-q");
                b.driver.switchTo().activeElement().sendKeys(word, Keys.ENTER);
                b.waitForText(By.id("search-results-total"), "1–20 trong tổng số 23");
                b.click(By.id("search-results-next"));
                b.waitForText(By.id("search-results-total"), "21–23 trong tổng số 23");
                b.click(By.cssSelector("#search-results th[data-sort='reference'] button"));
                b.waitForText(By.id("search-results-total"), "1–20 trong tổng số 23");
                assertThat(b.driver.findElement(By.cssSelector("#search-results th[data-sort='reference']"))
                        .getDomAttribute("aria-sort")).isEqualTo("ascending");
                List<String> refs = b.driver.findElements(By.cssSelector("#search-results tbody td:first-child"))
                        .stream().map(WebElement::getText).toList();
                assertThat(refs).isSorted();
                b.click(By.id("search-results-csv"));
                List<String> csv = lines(b.downloaded("search-results.csv"));
                assertThat(csv).hasSize(24);
                assertThat(csv.get(0)).startsWith("\ufeff\"Phiếu\",\"Trạng thái\"");
                assertThat(String.join("\n", csv)).contains(word + " số 22");
                b.assertAccessible("console-search");
                b.logOut();

                // The department's own tickets, filtered by status, on the officer's desk.
                b.logIn(OFFICER_TMDT, "demo");
                b.waitFor(By.id("dept-results-total"));
                b.select(By.id("dept-status"), "CLOSED");
                b.click(By.id("dept-submit"));
                b.waitFor(By.cssSelector("#dept-results tr[data-ticket-id='" + answered + "']"));
                assertThat(b.text(By.id("dept-results-total"))).contains("trong tổng số");
                b.assertAccessible("desk");
                b.logOut();

                // The call log: the supervisor finds one caller's calls.
                b.logIn(SUPERVISOR, "demo");
                b.assertAccessible("board");
                b.click(By.linkText("Nhật ký cuộc gọi"));
                b.waitFor(By.id("calls-total"));
                b.type(By.id("calls-caller"), oneCaller.substring(0, 4) + " " + oneCaller.substring(4));
                b.select(By.id("calls-outcome"), "ABANDONED");
                b.click(By.id("calls-submit"));
                b.waitForText(By.id("calls-total"), "1–1 trong tổng số 1");
                assertThat(b.text(By.id("calls"))).contains("Bỏ máy");
                b.assertAccessible("calls");
            });
        }
    }

    @Test
    void provinceFinderShortcutsAndMergingARepeatCall() {
        long earlier = manualTicket("0916 777 888");
        long repeat = manualTicket("0916 777 888");
        try (Browser b = new Browser(base)) {
            b.onFailure(() -> {
                b.logIn(OPERATOR, "demo");
                b.open("/console?ticket=" + repeat);
                b.waitForText(By.id("tp-status"), "Mới");

                // Provinces in Vietnamese order of their names without "Tỉnh"/"Thành phố".
                List<String> names = new Select(b.driver.findElement(By.id("tp-provinceCode"))).getOptions().stream()
                        .map(WebElement::getText).skip(1).toList();
                assertThat(names.get(0)).isEqualTo("Tỉnh An Giang");
                assertThat(names.indexOf("Tỉnh Cà Mau")).isLessThan(names.indexOf("Thành phố Cần Thơ"));
                assertThat(names.indexOf("Thành phố Cần Thơ")).isLessThan(names.indexOf("Thành phố Đà Nẵng"));
                assertThat(names.indexOf("Thành phố Hà Nội")).isLessThan(names.indexOf("Thành phố Hải Phòng"));
                // Found as typed, with or without accents or spaces.
                for (String typed : List.of("hanoi", "Hà Nội", "ha noi")) {
                    b.select(By.id("tp-provinceCode"), "CAN_THO");
                    b.type(By.id("tp-provinceCode-find"), typed);
                    assertThat(b.selected(By.id("tp-provinceCode"))).as(typed).isEqualTo("HA_NOI");
                }
                b.type(By.id("tp-provinceCode-find"), "đà nẵng");
                assertThat(b.selected(By.id("tp-provinceCode"))).isEqualTo("DA_NANG");

                // A shortcut key moves to the triage summary; the shortcuts are listed on the page.
                shortcut(b, "t");
                assertThat(b.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("tp-summary");
                b.click(By.cssSelector("#shortcuts summary"));
                assertThat(b.text(By.id("shortcuts"))).contains("Alt").contains("Tìm phiếu");

                // The repeat caller's earlier ticket: this call is merged into it.
                b.waitFor(By.cssSelector("#tp-repeat button.merge[data-into='" + earlier + "']"));
                b.click(By.cssSelector("#tp-repeat button.merge[data-into='" + earlier + "']"));
                b.waitForText(By.id("tp-message"), "vào " + reference(earlier));
                assertThat(panelTicket(b)).isEqualTo(earlier);
                assertThat(as(OPERATOR).get("/api/tickets/" + repeat).then().extract().<String>path("status"))
                        .isEqualTo("DUPLICATE");
                b.open("/tickets/" + earlier);
                b.waitForText(By.id("tp-reference"), reference(earlier));
                b.assertAccessible("ticket-page");
                b.logOut();
                b.assertAccessible("logged-out");
                // The leaders' desk is titled as theirs.
                b.logIn(Api.LEADER, "demo");
                assertThat(b.text(By.tagName("h1"))).isEqualTo("Bàn làm việc của lãnh đạo Bộ");
                b.waitFor(By.id("dept-results-total"));
                b.assertAccessible("leader-desk");
                b.logOut();
                b.open("/login");
                b.assertAccessible("login");
            });
        }
    }

    @Test
    void administratorsManageUsersDepartmentsAndRoutingRules() {
        String name = "op" + System.nanoTime() % 1_000_000;
        try (Browser b = new Browser(base)) {
            b.onFailure(() -> {
                b.logIn(Api.ADMIN, "demo");
                b.click(By.linkText("Quản trị"));
                b.waitFor(By.cssSelector("#users tr[data-user='operator1']"));
                b.assertAccessible("admin");

                // A new operator; the same name again is refused in Vietnamese.
                b.type(By.id("user-username"), name);
                b.type(By.id("user-displayName"), "Nguyễn Thị Hoa");
                b.select(By.id("user-role"), "operator");
                b.type(By.id("user-extension"), "1077");
                b.type(By.id("user-password"), "mat-khau-dai");
                b.click(By.id("user-save"));
                b.waitForText(By.id("user-done"), "Đã lưu người dùng " + name);
                b.waitForText(By.cssSelector("#users tr[data-user='" + name + "']"), "Điện thoại viên");
                b.click(By.id("user-new"));
                b.type(By.id("user-username"), name);
                b.type(By.id("user-displayName"), "Trùng tên");
                b.type(By.id("user-password"), "mat-khau-dai");
                b.click(By.id("user-save"));
                b.waitForText(By.cssSelector("#user-form [data-form-error]"), "Tên đăng nhập này đã có người dùng");

                // Made a supervisor: the role shows in the list.
                b.click(By.cssSelector("#users tr[data-user='" + name + "'] button.edit"));
                b.select(By.id("user-role"), "supervisor");
                b.click(By.id("user-save"));
                b.waitForText(By.cssSelector("#users tr[data-user='" + name + "']"), "Giám sát");
                assertThat(as(Api.ADMIN).get("/api/admin/users/" + name).then().extract().<String>path("role"))
                        .isEqualTo("supervisor");

                // A department's English name, and where chemicals tickets go.
                b.click(By.id("tab-departments"));
                b.click(By.cssSelector("#departments tr[data-code='HC'] button.edit"));
                b.type(By.id("department-nameEn"), "Chemicals Agency (renamed)");
                b.click(By.id("department-save"));
                b.waitForText(By.id("department-done"), "Đã lưu đơn vị HC");
                b.waitForText(By.cssSelector("#departments tr[data-code='HC']"), "Chemicals Agency (renamed)");
                b.click(By.id("tab-routes"));
                b.select(By.id("route-CHEMICALS"), "CN");
                b.waitForText(By.id("routes-done"), "Phiếu lĩnh vực Hóa chất");
                assertThat(as(Api.ADMIN).get("/api/directory/routing-rules").then().extract()
                        .<String>path("find { it.fieldCode == 'CHEMICALS' }.departmentCode")).isEqualTo("CN");
                b.select(By.id("route-CHEMICALS"), "HC");
                b.waitForText(By.id("routes-done"), "HC");
            });
        } finally {
            as(Api.ADMIN).body(Map.of("nameVi", "Cục Hóa chất", "nameEn", "Vietnam Chemicals Agency", "active", true))
                    .put("/api/directory/departments/HC");
        }
    }

    // --- Helpers ----------------------------------------------------------------------------------------

    private static List<String> lines(java.nio.file.Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Presses Alt+Shift+key, as the console's shortcuts are pressed. */
    private static void shortcut(Browser b, String key) {
        new Actions(b.driver).keyDown(Keys.ALT).keyDown(Keys.SHIFT).sendKeys(key).keyUp(Keys.SHIFT).keyUp(Keys.ALT)
                .perform();
    }

    /** Pages through a list until the row is on the page shown. */
    private static void pageUntil(Browser b, String table, By row) {
        b.waitFor(By.id(table + "-total"));
        while (b.driver.findElements(row).isEmpty()) {
            assertThat(b.driver.findElement(By.id(table + "-next")).isEnabled()).as(row + " in " + table).isTrue();
            String before = b.text(By.id(table + "-total"));
            b.click(By.id(table + "-next"));
            new WaitFor(b).until(d -> !d.findElement(By.id(table + "-total")).getText().equals(before));
        }
    }

    private static long panelTicket(Browser b) {
        return Long.parseLong(b.driver.findElement(By.id("ticket-panel")).getDomAttribute("data-ticket-id"));
    }

    private static String reference(long id) {
        return as(OPERATOR).get("/api/tickets/" + id).then().extract().path("reference");
    }

    private static long manualTicket(String number) {
        Number id = as(OPERATOR).body(Map.of("source", "MANUAL", "callerNumber", number))
                .post("/api/tickets").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    private static void manualTicketAbout(String number, String summary) {
        long id = manualTicket(number);
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id), "callerType", "CITIZEN", "provinceCode", "HA_NOI",
                "fieldCode", "DOMESTIC_MARKET", "priority", "LOW", "summary", summary))
                .put("/api/tickets/" + id + "/triage").then().statusCode(200);
    }

    /** Triaged, escalated to TMDT, accepted and answered there: for the operator to call back and close. */
    private static long answeredByTheDepartment() {
        long id = Api.triagedTicket("Hỏi về đăng ký website bán hàng");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id))).post("/api/escalations/tickets/" + id)
                .then().statusCode(200);
        as(OFFICER_TMDT).body(Map.of("version", version(OFFICER_TMDT, id)))
                .post("/api/escalations/tickets/" + id + "/accept").then().statusCode(200);
        as(OFFICER_TMDT).body(Map.of("version", version(OFFICER_TMDT, id), "answer", "Đăng ký tại cổng online.gov.vn"))
                .post("/api/escalations/tickets/" + id + "/answer").then().statusCode(200);
        return id;
    }

    /** A call answered on extension 1001 (operator1), still in progress. */
    private void answeredOn1001(String caller) {
        // operator1 is on no other call (earlier tests' calls may still be talking): this one is theirs now.
        calls.resynced(Set.of(), clock.instant());
        CallLogEvents.answeredOn1001(calls, "1796000000." + CALLS.incrementAndGet(), caller, clock.instant());
    }

    /** A caller who gave up in the queue: a callback ticket. */
    private void abandoned(String caller) {
        String linkedid = "1797000000." + CALLS.incrementAndGet();
        CallLogEvents.abandoned(calls, linkedid, caller, clock.instant());
    }

    /** Waits for an element to leave the page. */
    private record WaitFor(Browser b) {
        void gone(By by) {
            until(d -> d.findElements(by).isEmpty());
        }

        void until(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(15)).until(condition);
        }
    }
}
