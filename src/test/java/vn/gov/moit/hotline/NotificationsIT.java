package vn.gov.moit.hotline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox survives a kill: the packaged application escalates tickets while the SMTP server is down, is killed
 * with SIGKILL with the messages still waiting, and started again with the SMTP server up: every message is
 * delivered, once.
 */
class NotificationsIT {

    private static final String SCHEMA = "notifications_it";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private PackagedApp app;
    private GreenMail smtp;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        PackagedApp.dropSchema(SCHEMA);
    }

    @Test
    void messagesWaitingWhenTheApplicationIsKilledAreDeliveredOnceAfterTheRestart() throws Exception {
        int smtpPort = PackagedApp.freePort();
        Path home = Files.createTempDirectory("hotline-mail");
        List<String> options = new ArrayList<>(List.of("-Dhotline.security.demo-users=true",
                "-Dquarkus.mailer.host=127.0.0.1", "-Dquarkus.mailer.port=" + smtpPort,
                "-Dquarkus.mailer.start-tls=DISABLED", "-Dhotline.notifications.send-every=1s",
                "-Dhotline.notifications.retry-min=1s", "-Dhotline.notifications.retry-max=2s"));
        options.addAll(PackagedApp.databaseOptions(SCHEMA));
        app = PackagedApp.start("mail", home, options).awaitReady(Duration.ofSeconds(90));

        // The SMTP server is down: the escalations are answered, their messages wait.
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var created = as("operator1").body(Map.of("source", "MANUAL", "callerNumber", "0912 345 678",
                    "callerType", "BUSINESS", "provinceCode", "HA_NOI", "fieldCode", "ECOMMERCE", "priority", "NORMAL",
                    "summary", "Thư chờ gửi " + i)).post("/api/tickets").then().statusCode(201).extract();
            long id = created.<Number>path("id").longValue();
            references.add(created.path("reference"));
            as("operator1").body(Map.of("version", created.<Integer>path("version"))).post("/api/escalations/tickets/" + id)
                    .then().statusCode(200);
        }
        Eventually.get("every message tried and waiting", WAIT, () -> {
            List<Map<String, Object>> outbox = outbox();
            return outbox.size() == references.size() && outbox.stream().allMatch(n -> "PENDING".equals(n.get("state"))
                    && (Integer) n.get("attempts") >= 1) ? outbox : null;
        });

        app.kill();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        app = PackagedApp.start("mail-again", home, options).awaitReady(Duration.ofSeconds(90));

        Eventually.get("every message delivered", WAIT, () -> smtp.getReceivedMessages().length >= references.size() ? true : null);
        Thread.sleep(3000);
        List<String> subjects = Arrays.stream(smtp.getReceivedMessages()).map(NotificationsIT::subject).toList();
        for (String reference : references) {
            assertThat(subjects).as("messages about %s", reference).filteredOn(s -> s.startsWith("[" + reference + "]"))
                    .hasSize(1);
        }
        assertThat(subjects).hasSize(references.size());
        assertThat(outbox()).allSatisfy(n -> assertThat(n).containsEntry("state", "SENT"));
    }

    private List<Map<String, Object>> outbox() {
        return given().baseUri(app.baseUri()).auth().preemptive().basic("admin", "demo").get("/api/admin/notifications")
                .then().statusCode(200).extract().jsonPath().getList("");
    }

    private RequestSpecification as(String user) {
        return given().baseUri(app.baseUri()).auth().preemptive().basic(user, "demo").contentType(ContentType.JSON);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
