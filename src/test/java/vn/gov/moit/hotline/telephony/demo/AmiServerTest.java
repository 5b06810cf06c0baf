package vn.gov.moit.hotline.telephony.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmiServerTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
    private FaultyAmiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FaultyAmiServer("hotline", "hotline-secret", clock);
        assertThat(server.start(0)).isPositive();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void greetsAndLogsInWithTheMd5Challenge() throws Exception {
        try (Client c = new Client(server.port())) {
            assertThat(c.readLine()).isEqualTo("Asterisk Call Manager/11.0.0");
            c.send("action: Challenge", "actionid: a1", "authtype: MD5");
            AmiMessage challenge = c.read();
            assertThat(challenge.get("Response")).isEqualTo("Success");
            assertThat(challenge.get("ActionID")).isEqualTo("a1");
            assertThat(challenge.get("Challenge")).matches("\\d+");

            c.send("action: Login", "actionid: a2", "username: hotline", "authtype: MD5",
                    "key: " + AmiServer.md5Hex(challenge.get("Challenge") + "hotline-secret"));
            assertThat(c.read().get("Message")).isEqualTo("Authentication accepted");
            assertThat(c.read().eventName()).isEqualTo("FullyBooted");
            assertThat(server.loginCount()).isEqualTo(1);

            c.send("action: CoreSettings", "actionid: a3");
            assertThat(c.read().get("AsteriskVersion")).isEqualTo("22.10.1");
            c.send("action: Command", "actionid: a4", "command: core show version");
            assertThat(c.read().get("Output")).startsWith("Asterisk 22.10.1 ");
            c.send("action: Ping", "actionid: a5");
            AmiMessage pong = c.read();
            assertThat(pong.get("Ping")).isEqualTo("Pong");
            assertThat(pong.get("Timestamp")).isEqualTo(clock.instant().getEpochSecond() + ".000000");
            c.send("action: Originate", "actionid: a6");
            assertThat(c.read().get("Message")).isEqualTo("Channel not specified");
            c.send("action: Frobnicate", "actionid: a6b");
            assertThat(c.read().get("Message")).isEqualTo("Invalid/unknown command");
            c.send("action: Logoff", "actionid: a7");
            assertThat(c.read().get("Response")).isEqualTo("Goodbye");
            assertThat(c.readLine()).isNull();
        }
    }

    @Test
    void refusesAWrongSecretAndSendsNoEventsBeforeLogin() throws Exception {
        try (Client c = new Client(server.port())) {
            c.readLine();
            c.send("action: Login", "actionid: x", "username: hotline", "secret: wrong");
            AmiMessage refused = c.read();
            assertThat(refused.get("Response")).isEqualTo("Error");
            assertThat(refused.get("Message")).isEqualTo("Authentication failed");

            server.publish(AmiMessage.of("Event", "Newchannel", "Uniqueid", "1.1", "Linkedid", "1.1"));
            c.send("action: Login", "actionid: y", "username: hotline", "secret: hotline-secret");
            // The next block is the login answer, not the event published before it.
            assertThat(c.read().get("Message")).isEqualTo("Authentication accepted");
        }
    }

    @Test
    void coreShowChannelsListsTheChannelsStillUp() throws Exception {
        List<AmiMessage> answered = RecordedAmi.read("answered.ami");
        // Up to the AgentConnect: both caller halves and both agent halves are up.
        int connect = indexOf(answered, "AgentConnect");
        server.publishAll(answered.subList(0, connect + 1));
        try (Client c = new Client(server.port())) {
            c.loginPlain();
            c.send("action: CoreShowChannels", "actionid: s1");
            AmiMessage start = c.read();
            assertThat(start.get("EventList")).isEqualTo("start");
            List<AmiMessage> items = new java.util.ArrayList<>();
            AmiMessage m;
            while (!"CoreShowChannelsComplete".equals((m = c.read()).eventName())) {
                items.add(m);
            }
            assertThat(m.get("ListItems")).isEqualTo("4");
            assertThat(m.get("ActionID")).isEqualTo("s1");
            assertThat(items).extracting(i -> i.get("Linkedid")).containsOnly("1795333853.0");
            assertThat(items).extracting(i -> i.get("Channel"))
                    .contains("Local/024222021115@from-pstn-00000000;2", "Local/1001@agents-00000001;1");
            assertThat(items).allSatisfy(i -> assertThat(i.get("ActionID")).isEqualTo("s1"));
        }
        server.publishAll(answered.subList(connect + 1, answered.size()));
        assertThat(server.activeChannelLinkedids()).isEmpty();
    }

    @Test
    void silentServerAnswersNothing() throws Exception {
        try (Client c = new Client(server.port())) {
            c.loginPlain();
            server.setSilent(true);
            c.send("action: Ping", "actionid: p");
            c.socket.setSoTimeout(300);
            try {
                c.readLine();
                org.assertj.core.api.Assertions.fail("a silent server answered");
            } catch (SocketTimeoutException expected) {
                // half-open: nothing comes back
            }
        }
    }

    private static int indexOf(List<AmiMessage> events, String name) {
        for (int i = 0; i < events.size(); i++) {
            if (name.equals(events.get(i).eventName())) {
                return i;
            }
        }
        throw new AssertionError(name);
    }

    /** A bare AMI client speaking the wire protocol, to test the server without asterisk-java. */
    static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Client(int port) throws Exception {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(5000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        void loginPlain() throws Exception {
            readLine();
            send("action: Login", "username: hotline", "secret: hotline-secret");
            assertThat(read().get("Message")).isEqualTo("Authentication accepted");
            assertThat(read().eventName()).isEqualTo("FullyBooted");
        }

        String readLine() throws Exception {
            return in.readLine();
        }

        void send(String... lines) throws Exception {
            out.write((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        AmiMessage read() throws Exception {
            StringBuilder sb = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                sb.append(line).append('\n');
            }
            return AmiMessage.parse(sb.toString());
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
