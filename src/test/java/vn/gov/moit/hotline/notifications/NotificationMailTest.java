package vn.gov.moit.hotline.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.gov.moit.hotline.Api.ADMIN;
import static vn.gov.moit.hotline.Api.OFFICER_TMDT;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.Api.version;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;
import vn.gov.moit.hotline.Eventually;
import vn.gov.moit.hotline.TestClock;

/**
 * E-mail through a real SMTP server: who is told of an escalation and of its answer, in which language, with
 * what subject and link; and an SMTP server down for a while delays the messages without losing or doubling any.
 */
@QuarkusTest
@QuarkusTestResource(value = SmtpTestServerResource.class, restrictToAnnotatedClass = true)
class NotificationMailTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestClock clock;

    @Test
    void theDepartmentIsToldOfTheEscalationAndTheOperatorOfTheAnswerInVietnamese() throws Exception {
        setMailbox("TMDT", "cuc.tmdt@hotline.test");
        long id = Api.triagedTicket("Sàn thương mại điện tử không hoàn tiền");
        String reference = as(OPERATOR).get("/api/tickets/" + id).then().extract().path("reference");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id), "note", "Người gọi đã gửi hoá đơn"))
                .post("/api/escalations/tickets/" + id).then().statusCode(200);

        List<MimeMessage> told = awaitMessages(reference, 2);
        assertThat(told).extracting(NotificationMailTest::to)
                .containsExactlyInAnyOrder("officer.tmdt@hotline.test", "cuc.tmdt@hotline.test");
        MimeMessage first = told.get(0);
        assertThat(first.getSubject()).startsWith("[" + reference + "]").contains("Phiếu mới chuyển đến")
                .doesNotContain("0912").doesNotContain("345 678");
        String body = text(first);
        assertThat(body).contains("Hạn trả lời:").contains("Người gọi đã gửi hoá đơn")
                .contains("https://hotline.example.test/tickets/" + id)
                .contains("Sàn thương mại điện tử không hoàn tiền")
                .doesNotContain("0912").doesNotContain("Nguyen Van An");

        as(OFFICER_TMDT).body(Map.of("version", version(OFFICER_TMDT, id))).post("/api/escalations/tickets/" + id + "/accept")
                .then().statusCode(200);
        as(OFFICER_TMDT).body(Map.of("version", version(OFFICER_TMDT, id), "answer", "Sàn đã hoàn tiền trong 3 ngày"))
                .post("/api/escalations/tickets/" + id + "/answer").then().statusCode(200);
        List<MimeMessage> answered = Eventually.get("the answer told to the operator", WAIT, () -> {
            List<MimeMessage> m = messages(reference).stream().filter(x -> to(x).equals("operator1@hotline.test")).toList();
            return m.isEmpty() ? null : m;
        });
        assertThat(answered).hasSize(1);
        assertThat(answered.get(0).getSubject()).contains("đã trả lời");
        assertThat(text(answered.get(0))).contains("Sàn đã hoàn tiền trong 3 ngày").contains("gọi lại");

        // The outbox as administrators see it: each message sent once.
        List<Map<String, Object>> outbox = as(ADMIN).queryParam("ticket", id).get("/api/admin/notifications").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(outbox).hasSize(3).allSatisfy(n -> assertThat(n).containsEntry("state", "SENT").containsEntry("attempts", 1));
    }

    @Test
    void messagesWaitWhileTheSmtpServerIsDownAndGoOutOnceWhenItIsBack() throws Exception {
        setMailbox("TMDT", "cuc.tmdt@hotline.test");
        SmtpTestServerResource.stopServer();
        long[] ids = new long[3];
        String[] references = new String[3];
        try {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Api.triagedTicket("Khiếu nại giao hàng " + i);
                references[i] = as(OPERATOR).get("/api/tickets/" + ids[i]).then().extract().path("reference");
                as(OPERATOR).body(Map.of("version", version(OPERATOR, ids[i]))).post("/api/escalations/tickets/" + ids[i])
                        .then().statusCode(200);
            }
            long first = ids[0];
            // Tried and refused (connection refused), kept for later.
            Eventually.get("a failed try", WAIT, () -> {
                List<Map<String, Object>> n = as(ADMIN).queryParam("ticket", first).get("/api/admin/notifications").then()
                        .extract().jsonPath().getList("");
                return !n.isEmpty() && n.stream().allMatch(x -> "PENDING".equals(x.get("state"))
                        && ((Integer) x.get("attempts")) >= 1 && x.get("lastError") != null) ? n : null;
            });
        } finally {
            SmtpTestServerResource.startServer();
        }
        // The next try is due a back-off later, on the application's clock.
        clock.advance(Duration.ofSeconds(2));
        for (String reference : references) {
            awaitMessages(reference, 2);
        }
        Thread.sleep(1500);
        for (String reference : references) {
            assertThat(messages(reference)).extracting(NotificationMailTest::to).as("each recipient once for " + reference)
                    .containsExactlyInAnyOrder("officer.tmdt@hotline.test", "cuc.tmdt@hotline.test");
        }
    }

    @Test
    void anInvalidAddressIsRefusedNamingTheField() {
        Map<String, Object> contacts = as(ADMIN).get("/api/directory/departments/TMDT/contacts").then().statusCode(200)
                .extract().jsonPath().getMap("");
        as(ADMIN).body(Map.of("version", contacts.get("version"), "mailbox", "not an address"))
                .put("/api/directory/departments/TMDT/contacts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("mailbox"));
        as(ADMIN).body(Map.of("username", "mail.test", "password", "mat-khau-2026", "role", "operator",
                "displayName", "Mail test", "email", "khong-phai@dia-chi"))
                .post("/api/admin/users").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("email"));
    }

    private static void setMailbox(String department, String mailbox) {
        int version = as(ADMIN).get("/api/directory/departments/" + department + "/contacts").then().statusCode(200)
                .extract().path("version");
        as(ADMIN).body(Map.of("version", version, "mailbox", mailbox)).put("/api/directory/departments/" + department
                + "/contacts").then().statusCode(200).body("mailbox", equalTo(mailbox));
    }

    private static List<MimeMessage> awaitMessages(String reference, int count) {
        return Eventually.get(count + " messages about " + reference, WAIT, () -> {
            List<MimeMessage> m = messages(reference);
            return m.size() >= count ? m : null;
        });
    }

    private static List<MimeMessage> messages(String reference) {
        return Arrays.stream(SmtpTestServerResource.server().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith("[" + reference + "]");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toList());
    }

    private static String to(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof String s) {
            return s;
        }
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) content;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.getCount(); i++) {
            b.append(parts.getBodyPart(i).getContent());
        }
        return b.toString();
    }
}
