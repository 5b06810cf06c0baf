package vn.gov.moit.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.telephony.AmiTestServerResource.server;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import vn.gov.moit.hotline.TestClock;
import vn.gov.moit.hotline.telephony.AmiTestServerResource;
import vn.gov.moit.hotline.telephony.CallEvent;
import vn.gov.moit.hotline.telephony.CallLogService;
import vn.gov.moit.hotline.telephony.DerivedCalls;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.CallTemplate;
import vn.gov.moit.hotline.telephony.demo.PbxActionsModel;
import vn.gov.moit.hotline.telephony.CallLogEvents;

/**
 * The pages in a real browser: a call answered at the console pops its ticket, which is triaged (a wrong form
 * first), escalated to the suggested department, taken and answered at that department's desk, closed by the
 * operator, and seen on the supervisor's board with the day's calls; an abandoned call is called back from the
 * callback list. The answered call comes from the AMI test server through the real connector; the waiting
 * call's events go straight into the call log, as the connector would deliver them. Each page is saved under
 * target/screenshots.
 */
@QuarkusTest
@QuarkusTestResource(value = AmiTestServerResource.class, restrictToAnnotatedClass = true)
class PagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    @Inject
    CallLogService calls;

    @BeforeEach
    void monday9am() {
        clock.set(TestClock.START);
    }

    @Test
    void aTicketGoesFromTheConsoleThroughTheDeskToTheBoard() {
        try (Browser b = new Browser(base)) {
            b.onFailure(() -> flow(b));
        }
    }

    /**
     * The operator logs in to the queue, pauses for a meal and comes back, then calls a missed caller back with
     * one click (the AMI test server answers the Originate as Asterisk does); the supervisor sees the operator on
     * the board and pauses them from there, and the console follows without a reload.
     */
    @Test
    void anOperatorWorksTheQueueAndCallsAMissedCallerBackFromTheConsole() {
        String caller = "0976555" + String.format("%03d", (int) (System.nanoTime() % 1000));
        server().pbx().timeScale(0.01);
        server().pbx().callees(n -> PbxActionsModel.Callee.answers(Duration.ofSeconds(20)));
        abandoned(caller);
        // operator1 starts the shift out of the queue (an earlier call's member events may have put them in).
        for (String action : new String[] {"LOGIN", "LOGOUT"}) {
            as("supervisor").body(Map.of("action", action)).post("/api/presence/operator1").then().statusCode(202);
        }
        vn.gov.moit.hotline.Eventually.get("operator1 out of the queue", Duration.ofSeconds(20), () ->
                "LOGGED_OUT".equals(as("supervisor").get("/api/presence").then().extract().jsonPath()
                        .getString("find { it.username == 'operator1' }.state")) ? Boolean.TRUE : null);
        try (Browser operator = new Browser(base); Browser supervisor = new Browser(base)) {
            operator.onFailure(() -> {
                operator.logIn(OPERATOR, "demo");
                operator.open("/console");
                operator.waitForText(By.id("presence-state"), "Chưa vào hàng đợi");
                operator.click(By.id("presence-login"));
                operator.waitForText(By.id("presence-state"), "Sẵn sàng");
                operator.select(By.id("presence-reason"), "meal");
                operator.click(By.id("presence-pause"));
                operator.waitForText(By.id("presence-state"), "Tạm nghỉ · Ăn ca");
                operator.assertAccessible("console-presence");
                operator.click(By.id("presence-resume"));
                operator.waitForText(By.id("presence-state"), "Sẵn sàng");

                // One click: the operator's phone rings, then the caller's; answered, the task leaves the list.
                By row = By.xpath("//table[@id='callbacks']//tr[contains(., '" + caller + "')]");
                operator.click(By.xpath("//table[@id='callbacks']//tr[contains(., '" + caller + "')]//button[contains(@class, 'call-back')]"));
                operator.waitForText(By.id("callbacks-message"), "Điện thoại của bạn sẽ đổ chuông");
                new WaitFor(operator).gone(row);
            });
            supervisor.onFailure(() -> {
                supervisor.logIn("supervisor", "demo");
                supervisor.open("/board");
                By operatorRow = By.cssSelector("#operators tr[data-operator='operator1']");
                supervisor.waitForText(operatorRow, "Sẵn sàng");
                supervisor.assertAccessible("board-operators");
                supervisor.click(By.cssSelector("#operators tr[data-operator='operator1'] button.pause"));
                // Through the live feeds: the board and the operator's console change without a reload.
                supervisor.waitForText(operatorRow, "Tạm nghỉ · Đào tạo");
            });
            operator.onFailure(() -> {
                operator.waitForText(By.id("presence-state"), "Tạm nghỉ · Đào tạo");
                operator.click(By.id("presence-logout"));
                operator.waitForText(By.id("presence-state"), "Chưa vào hàng đợi");
            });
        } finally {
            server().pbx().timeScale(1.0);
        }
        // The callback is on the caller's ticket, with its outcome.
        long ticket = as(OPERATOR).queryParam("caller", caller).get("/api/calls").then().extract().jsonPath()
                .getLong("items[0].ticketId");
        try (Browser b = new Browser(base)) {
            b.onFailure(() -> {
                b.logIn(OPERATOR, "demo");
                b.open("/console?ticket=" + ticket);
                b.waitForText(By.id("tp-calls"), "gọi lại " + caller + " · điện thoại viên operator1 · Người gọi đã nghe máy");
                b.waitForText(By.id("tp-history"), "Người gọi đã nghe máy");
            });
        }
    }

    private void abandoned(String caller) {
        String linkedid = "1797500000." + (System.nanoTime() % 100000);
        CallLogEvents.abandoned(calls, linkedid, caller, clock.instant());
    }

    /** Waits for an element to leave the page. */
    private record WaitFor(Browser b) {
        void gone(By by) {
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(20))
                    .until(d -> d.findElements(by).isEmpty());
        }
    }

    private void flow(Browser b) {
        {
            // Not logged in: a page sends the visitor to the login form, in Vietnamese by default.
            b.open("/console");
            b.waitFor(By.id("j_username"));
            assertThat(b.path()).startsWith("/login");
            assertThat(b.text(By.tagName("h1"))).isEqualTo("Đăng nhập");
            b.type(By.id("j_username"), OPERATOR);
            b.type(By.id("j_password"), "wrong");
            b.click(By.id("login-submit"));
            assertThat(b.text(By.id("login-error"))).contains("không đúng");
            b.screenshot("login");

            // The operator logs in and comes back to the console, types in a ticket and triages it.
            b.type(By.id("j_username"), OPERATOR);
            b.type(By.id("j_password"), "demo");
            b.click(By.id("login-submit"));
            b.waitFor(By.id("new-ticket"));
            assertThat(b.path()).isEqualTo("/console");
            // A ticket typed in for a caller who then rings the hotline.
            b.type(By.id("new-callerNumber"), "0912 888 777");
            b.type(By.id("new-callerName"), "Công ty TNHH Ánh Dương");
            b.click(By.id("new-ticket-save"));
            b.waitForText(By.id("tp-status"), "Mới");
            String earlier = b.text(By.id("tp-reference"));

            // The call is answered on operator1's extension 1001: the console pops the call's ticket, and
            // names the caller's other open ticket.
            // It comes from the AMI test server through the application's real asterisk-java connection.
            Instant at = clock.instant();
            List<AmiMessage> call = DerivedCalls.derived(CallTemplate.answeredCall(), at, "0912888777",
                    "Cong ty Anh Duong");
            int answered = DerivedCalls.indexOf(call, "AgentConnect") + 1;
            AmiTestServerResource.server().publishAll(call.subList(0, answered));
            b.waitForText(By.id("call-caller"), "0912888777");
            b.waitForText(By.id("tp-source"), "Cuộc gọi");
            b.waitForText(By.id("tp-repeat-list"), earlier);
            String reference = b.text(By.id("tp-reference"));
            assertThat(reference).isNotEqualTo(earlier);
            assertThat(b.text(By.id("call-ticket"))).isEqualTo(reference);
            long id = Long.parseLong(b.driver.findElement(By.id("ticket-panel")).getDomAttribute("data-ticket-id"));

            b.click(By.id("tp-triage-save"));
            b.waitForText(By.id("tp-summary-err"), "không được để trống");
            assertThat(b.text(By.id("tp-fieldCode-err"))).isEqualTo("không được để trống");
            assertThat(b.driver.findElement(By.id("tp-summary")).getDomAttribute("aria-invalid")).isEqualTo("true");

            b.select(By.id("tp-callerType"), "BUSINESS");
            b.select(By.id("tp-fieldCode"), "ECOMMERCE");
            b.select(By.id("tp-provinceCode"), "HA_NOI");
            b.type(By.id("tp-commune"), "Phường Ba Đình");
            b.type(By.id("tp-summary"), "Thông báo website thương mại điện tử bán hàng");
            b.click(By.id("tp-triage-save"));
            b.waitForText(By.id("tp-status"), "Đã phân loại");
            assertThat(b.driver.findElement(By.id("tp-summary-err")).getText()).isEmpty();

            // Escalation offers the department the field is routed to.
            b.waitForValue(By.id("tp-escalate-department"), "TMDT");
            assertThat(b.text(By.id("tp-escalate-department-hint"))).contains("TMDT");
            b.click(By.id("tp-escalate-save"));
            b.waitForText(By.id("tp-status"), "Đã chuyển đơn vị");
            b.screenshot("console");
            AmiTestServerResource.server().publishAll(call.subList(answered, call.size()));
            b.waitFor(By.id("call-none"));
            b.narrow();
            b.screenshot("console-phone");
            b.wide();
            b.logOut();
            b.open("/console");
            b.waitFor(By.id("j_username"));

            // The department's officer sees it with the time left, takes it and answers.
            b.logIn("officer.tmdt", "demo");
            assertThat(b.path()).isEqualTo("/desk");
            By row = By.cssSelector("#queue tr[data-ticket-id='" + id + "']");
            b.waitForText(row, reference);
            // NORMAL: 22 h 30 of office time from Monday 09:00 is Thursday 09:00, three days away (a moment
            // less, as the browser's time runs on while the test clock stands still).
            assertThat(b.text(row)).containsPattern("còn (3 ngày|2 ngày 23 giờ)");
            b.click(By.cssSelector("#queue tr[data-ticket-id='" + id + "'] button"));
            // The officer sees the whole case the operator took down, not just its one-line summary.
            b.waitForText(By.id("tp-v-summary"), "Thông báo website thương mại điện tử bán hàng");
            assertThat(b.text(By.id("tp-v-caller-type"))).isEqualTo("Doanh nghiệp");
            assertThat(b.text(By.id("tp-v-province"))).isEqualTo("Thành phố Hà Nội");
            assertThat(b.text(By.id("tp-v-commune"))).isEqualTo("Phường Ba Đình");
            assertThat(b.text(By.id("tp-v-field"))).isEqualTo("Thương mại điện tử và kinh tế số");
            assertThat(b.text(By.id("tp-v-priority"))).isEqualTo("Bình thường");
            assertThat(b.text(By.id("tp-department"))).isEqualTo("Cục Thương mại điện tử và Kinh tế số");
            b.waitForText(By.id("tp-assignments"), "Cục Thương mại điện tử và Kinh tế số · nhận chuyển lúc");
            b.click(By.id("tp-accept-save"));
            b.waitForText(By.id("tp-status"), "Đơn vị đang xử lý");
            b.type(By.id("tp-answer-text"), "Doanh nghiệp thông báo website tại Sở Công Thương Hà Nội");
            b.click(By.id("tp-answer-save"));
            b.waitForText(By.id("tp-status"), "Đơn vị đã trả lời");
            b.waitForText(By.id("tp-assignments"), "Doanh nghiệp thông báo website tại Sở Công Thương Hà Nội");
            b.screenshot("desk");
            b.logOut();

            // Another department's officer cannot open the ticket's page.
            b.logIn("officer.tttn", "demo");
            b.open("/tickets/" + id);
            assertThat(b.text(By.tagName("h1"))).isEqualTo("Không tìm thấy");
            assertThat(b.driver.getPageSource()).doesNotContain(reference);
            b.screenshot("not-found");
            b.logOut();

            // The operator finds the ticket, switches to English and closes it.
            b.logIn(OPERATOR, "demo");
            b.click(By.id("tab-search"));
            b.type(By.id("search-q"), reference);
            b.click(By.id("search-submit"));
            b.click(By.xpath("//table[@id='search-results']//button[text()='" + reference + "']"));
            b.waitForText(By.id("tp-status"), "Đơn vị đã trả lời");
            b.click(By.id("lang-switch"));
            b.waitForText(By.tagName("h1"), "Operator console");
            b.waitForText(By.id("tp-status"), "Answered");
            b.type(By.id("tp-close-note"), "Caller informed");
            b.click(By.id("tp-close-save"));
            b.waitForText(By.id("tp-status"), "Closed");
            b.logOut();

            // An urgent ticket whose four hours have run out.
            long late = urgentEscalatedTicket();
            clock.advance(Duration.ofHours(5));

            // Someone is waiting in the queue.
            Instant queued = clock.instant();
            String waiting = "1795000000.202";
            String trunk2 = "PJSIP/trunk-00000202";
            calls.accept(new CallEvent.ChannelEntered(waiting, queued, trunk2, waiting, "from-pstn", "024222021115",
                    "0977111222", null));
            calls.accept(new CallEvent.QueueJoined(waiting, queued.plusSeconds(3), trunk2, "hotline", "0977111222", null));

            // The supervisor's board: the call waiting, today's answered call, today's tickets with the closed
            // one, and the breach.
            b.logIn("supervisor", "demo");
            assertThat(b.path()).isEqualTo("/board");
            b.waitForText(By.id("in-progress"), "0977111222");
            b.waitForText(By.cssSelector("#today tr[data-ticket-id='" + id + "']"), "Closed");
            b.waitForText(By.cssSelector("#breached tr[data-ticket-id='" + late + "']"), "breached 1 h ago");
            assertThat(Integer.parseInt(b.text(By.id("kpi-waiting")))).isGreaterThanOrEqualTo(1);
            assertThat(Integer.parseInt(b.text(By.id("kpi-answered")))).isGreaterThanOrEqualTo(1);
            assertThat(Integer.parseInt(b.text(By.id("kpi-tickets-today")))).isGreaterThanOrEqualTo(3);
            b.screenshot("board");
            b.narrow();
            b.screenshot("board-phone");
            b.wide();

            // The caller gives up: the call lands on the callback list, called back with one click.
            calls.accept(new CallEvent.QueueAbandoned(waiting, queued.plusSeconds(40), "hotline", 37));
            calls.accept(new CallEvent.ChannelHungUp(waiting, queued.plusSeconds(40), trunk2, waiting, 16, "Normal Clearing"));
            b.click(By.linkText("Operator console"));
            By callback = By.xpath("//table[@id='callbacks']//tr[contains(., '0977111222')]//button[contains(@class, 'called-back')]");
            b.click(callback);
            b.waitForText(By.id("tp-caller"), "0977111222");
            b.waitForText(By.id("tp-status"), "New");
            b.logOut();
        }
    }

    private static long urgentEscalatedTicket() {
        Number id = as(OPERATOR).body(Map.of("source", "MANUAL", "callerNumber", "0987 654 321",
                "callerType", "CITIZEN", "provinceCode", "HA_NOI", "fieldCode", "ECOMMERCE", "priority", "URGENT",
                "summary", "Hàng giả bán trên sàn thương mại điện tử"))
                .post("/api/tickets").then().statusCode(201).extract().path("id");
        as(OPERATOR).body(Map.of("version", vn.gov.moit.hotline.Api.version(OPERATOR, id.longValue())))
                .post("/api/escalations/tickets/" + id).then().statusCode(200);
        return id.longValue();
    }
}
