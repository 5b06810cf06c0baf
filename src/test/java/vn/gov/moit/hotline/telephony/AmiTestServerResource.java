package vn.gov.moit.hotline.telephony;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.AmiServer;
import vn.gov.moit.hotline.telephony.demo.AmiTranscript;
import vn.gov.moit.hotline.telephony.demo.CallGenerator;
import vn.gov.moit.hotline.telephony.demo.CallTemplate;

/**
 * Starts the AMI test server on a loopback port before the application, and points the application's real
 * asterisk-java connector at it, with short timers so that reconnections happen within a test.
 */
public class AmiTestServerResource implements QuarkusTestResourceLifecycleManager {

    private static AmiServer server;

    public static AmiServer server() {
        return server;
    }

    /** The events of a transcript recorded from Asterisk 22 (../shared/ami). */
    public static List<AmiMessage> transcript(String name) {
        return AmiTranscript.read(Path.of("..", "shared", "ami", name));
    }

    /** A call derived from a recorded template, renumbered to start at {@code start}, from {@code number}. */
    public static List<AmiMessage> derived(CallTemplate template, Instant start, String number, String name) {
        var generator = new CallGenerator(7, true);
        return generator.derive(template, new CallGenerator.CallSpec(start, number, name, null, 0,
                template.holdSeconds(), template.talkSeconds())).stream().map(CallGenerator.TimedEvent::event).toList();
    }

    /** Where the first event of that name stands in a call's events. */
    public static int indexOf(List<AmiMessage> events, String name) {
        for (int i = 0; i < events.size(); i++) {
            if (name.equals(events.get(i).eventName())) {
                return i;
            }
        }
        throw new AssertionError("no " + name + " event");
    }

    @Override
    public Map<String, String> start() {
        server = new AmiServer("hotline", "hotline-secret", Clock.systemUTC());
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
