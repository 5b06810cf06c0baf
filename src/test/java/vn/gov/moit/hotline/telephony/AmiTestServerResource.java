package vn.gov.moit.hotline.telephony;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.FaultyAmiServer;
import vn.gov.moit.hotline.telephony.demo.RecordedAmi;

/**
 * Starts the AMI test server on a loopback port before the application, and points the application's real
 * asterisk-java connector at it, with short timers so that reconnections happen within a test.
 */
public class AmiTestServerResource implements QuarkusTestResourceLifecycleManager {

    private static FaultyAmiServer server;

    public static FaultyAmiServer server() {
        return server;
    }

    /** The events of a transcript recorded from Asterisk 22 (test resources, ami/). */
    public static List<AmiMessage> transcript(String name) {
        return RecordedAmi.read(name);
    }

    @Override
    public Map<String, String> start() {
        server = new FaultyAmiServer("hotline", "hotline-secret", Clock.systemUTC());
        try {
            int port = server.start(0);
            return Map.of(
                    "hotline.ami.host", "127.0.0.1",
                    "hotline.ami.port", String.valueOf(port),
                    "hotline.ami.username", "hotline",
                    "hotline.ami.secret", "hotline-secret",
                    "hotline.ami.ping-interval", "1s",
                    "hotline.ami.read-timeout", "3s",
                    "hotline.ami.reconnect-backoff-min", "100ms",
                    "hotline.ami.reconnect-backoff-max", "500ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        server.close();
    }
}
