package vn.gov.moit.hotline.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outbox under a backlog: N messages waiting in the outbox (written by JDBC into the migrated H2 file, as an
 * SMTP outage would leave them) when the packaged application starts with a real SMTP server (GreenMail, in this
 * JVM) to send them to. Time until the last is received, messages a second, none lost, none doubled.
 *
 * <pre>
 * NotificationBench [N]   (default 10000)
 * </pre>
 */
public final class NotificationBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path home = Files.createTempDirectory("hotline-outbox");
        String url = BenchApp.h2Url(home);
        BenchData.migrate(url, "hotline", "hotline", false);
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        try (Connection c = BenchData.connect(url, "hotline", "hotline"); PreparedStatement insert = c.prepareStatement(
                "insert into notification (idempotency_key, kind, ticket_id, recipient, subject, body, state, attempts,"
                        + " next_try_at, created_at, version) values (?, 'ESCALATED', ?, ?, ?, ?, 'PENDING', 0, ?, ?, 0)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                insert.setString(1, "bench:" + i);
                insert.setLong(2, i);
                insert.setString(3, "officer" + (i % 50) + "@hotline.test");
                insert.setString(4, "[HL-BENCH-" + i + "] Phiếu mới chuyển đến Cục Thương mại điện tử và Kinh tế số");
                insert.setString(5, "Kính gửi cán bộ,\n\nPhiếu HL-BENCH-" + i + " đã được chuyển đến Cục để xử lý.\n"
                        + "Mở phiếu: https://hotline.example.test/tickets/" + i + "\n");
                insert.setObject(6, now);
                insert.setObject(7, now);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
        }
        int smtpPort = BenchApp.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (BenchApp app = BenchApp.start(home, CaptureBench.jvmOptions(), List.of("-Dquarkus.mailer.host=127.0.0.1",
                "-Dquarkus.mailer.port=" + smtpPort, "-Dquarkus.mailer.start-tls=DISABLED",
                "-Dhotline.notifications.send-every=1s"))) {
            String load = BenchApp.load();
            long t0 = System.nanoTime();
            long cpu0 = app.cpuMillis();
            long deadline = t0 + 600_000_000_000L;
            while (smtp.getReceivedMessages().length < n && System.nanoTime() < deadline) {
                BenchApp.sleep(200);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu = app.cpuMillis() - cpu0;
            BenchApp.sleep(3000);
            MimeMessage[] received = smtp.getReceivedMessages();
            Set<String> distinct = Arrays.stream(received).map(m -> {
                try {
                    return m.getSubject();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toSet());
            System.out.printf("RESULT outbox messages=%d received=%d distinct=%d lost=%d doubled=%d seconds=%.1f"
                    + " messages/s=%.0f appCpuMsPerMessage=%.2f sentMetric=%.0f pendingMetric=%.0f %s -> %s%n", n,
                    received.length, distinct.size(), n - distinct.size(), received.length - distinct.size(), seconds,
                    n / seconds, (double) cpu / n, app.metric("hotline_notifications_sent_total"),
                    app.metric("hotline_notifications_pending"), load, BenchApp.load());
        } finally {
            smtp.stop();
        }
        System.exit(0);
    }
}
