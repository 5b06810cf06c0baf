package vn.gov.moit.hotline.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a loopback port in the test JVM, and the application's mailer pointed at it
 * (not the mock mailer of the other tests), with the outbox looked at often and retried soon.
 */
public class SmtpTestServerResource implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static volatile GreenMail server;

    /** The running server, whose received messages a test reads. */
    public static GreenMail server() {
        return server;
    }

    /** Stops the server: the application's next tries fail as with an SMTP server down. */
    public static synchronized void stopServer() {
        server.stop();
    }

    /** Starts a fresh server on the same port (it has received nothing yet). */
    public static synchronized void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    @Override
    public Map<String, String> start() {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.start-tls", "DISABLED",
                "hotline.notifications.send-every", "1s",
                "hotline.notifications.retry-min", "500ms",
                "hotline.notifications.retry-max", "1s",
                "hotline.notifications.base-url", "https://hotline.example.test");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
