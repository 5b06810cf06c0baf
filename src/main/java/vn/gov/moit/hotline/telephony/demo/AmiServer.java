package vn.gov.moit.hotline.telephony.demo;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A small Asterisk Manager Interface server speaking the real protocol over TCP on the loopback interface: the
 * greeting, MD5 challenge login, {@code CoreSettings}, {@code Command}, {@code Ping}, {@code CoreShowChannels},
 * {@code Logoff}. It answers what asterisk-java sends at login (see {@code asterisk-java-session.log}) and
 * broadcasts published events to logged-in clients. It is the PBX of the demo mode and the counterpart of the
 * connector in tests and benchmarks; the tests' failures (dropped connections, refusals, silence, unanswered
 * pings, garbage) live in the test sources, in a subclass that uses the protected hooks below.
 */
public class AmiServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AmiServer.class);
    private static final byte[] GREETING = "Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII);
    static final String ASTERISK_VERSION = "22.10.1";

    private final String username;
    private final String secret;
    private final Clock clock;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger clientSeq = new AtomicInteger();
    private volatile ServerSocket listener;
    private volatile int port;
    private volatile boolean closed;
    private final PbxActionsModel pbx;

    public AmiServer(String username, String secret, Clock clock) {
        this.username = username;
        this.secret = secret;
        this.clock = clock;
        this.pbx = new PbxActionsModel(clock, this::publishAll);
    }

    /** The calls it places and the queue members it keeps, for the actions that change them. */
    public PbxActionsModel pbx() {
        return pbx;
    }

    /** Binds the loopback interface (port 0 = any free port) and starts accepting; returns the bound port. */
    public synchronized int start(int requestedPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 50);
        listener = socket;
        port = socket.getLocalPort();
        Thread acceptor = new Thread(() -> accept(socket), "ami-server-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        return port;
    }

    public int port() {
        return port;
    }

    /** How many logins succeeded since the server started. */
    public int loginCount() {
        return logins.get();
    }

    /** How many clients are connected, logged in and receiving events right now (action-only sessions left out). */
    public int loggedInClients() {
        return (int) clients.stream().filter(c -> c.loggedIn && c.events).count();
    }

    /** Uniqueids of the channels the server has up, from the Newchannel and Hangup events it sent. */
    public List<String> activeChannelLinkedids() {
        return channels.values().stream().map(c -> c.linkedid).distinct().toList();
    }

    /** Sends one event to every logged-in client. */
    public void publish(AmiMessage event) {
        publishAll(List.of(event));
    }

    /** Sends events in order to every logged-in client, flushing once at the end (fast for whole transcripts). */
    public void publishAll(List<AmiMessage> events) {
        if (!sends()) {
            return;
        }
        for (AmiMessage event : events) {
            track(event);
        }
        for (Client client : clients) {
            if (client.loggedIn && client.events) {
                client.writeAll(events);
            }
        }
    }

    /**
     * Whether the server sends anything (greetings, answers, events); a test's server can fall silent. The demo
     * PBX always sends.
     */
    protected boolean sends() {
        return true;
    }

    /** Whether an action gets its answer; a test's server can leave some unanswered. */
    protected boolean answers(AmiMessage action) {
        return sends();
    }

    /** Writes raw bytes to every logged-in client; nothing is tracked. */
    protected final void writeToClients(byte[] bytes) {
        for (Client client : clients) {
            if (client.loggedIn) {
                client.write(bytes);
            }
        }
    }

    /** Resets every client connection. */
    protected final void abortClients() {
        for (Client client : clients) {
            client.abort();
        }
    }

    /** Stops accepting connections and forgets the channels, as a stopped Asterisk would; {@link #start} again. */
    protected final synchronized void stopAccepting() {
        closeQuietly(listener);
        listener = null;
        abortClients();
        channels.clear();
    }

    /** Accepts connections again on the port it had, unless closed. */
    protected final synchronized void acceptAgain() throws IOException {
        if (listener == null && !closed) {
            start(port);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        pbx.close();
        closeQuietly(listener);
        listener = null;
        abortClients();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                Client client = new Client(s);
                clients.add(client);
                Thread t = new Thread(client::run, "ami-server-client-" + clientSeq.incrementAndGet());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.debugf("AMI server accept failed: %s", e.getMessage());
                }
            }
        }
    }

    private void track(AmiMessage event) {
        String name = event.eventName();
        if (name == null) {
            return;
        }
        switch (name) {
            case "Newchannel" -> {
                String uniqueid = event.get("Uniqueid");
                if (uniqueid != null) {
                    channels.put(uniqueid, new Channel(event, clock.instant()));
                }
            }
            case "Newexten", "Newstate", "NewCallerid" -> {
                String uniqueid = event.get("Uniqueid");
                Channel channel = uniqueid == null ? null : channels.get(uniqueid);
                if (channel != null) {
                    channel.update(event);
                }
            }
            case "Hangup" -> {
                String uniqueid = event.get("Uniqueid");
                if (uniqueid != null) {
                    channels.remove(uniqueid);
                }
            }
            default -> {
                // other events do not change which channels are up
            }
        }
    }

    private AmiMessage answer(Client client, AmiMessage action) {
        String name = action.get("Action");
        String actionId = action.get("ActionID");
        if (name == null) {
            return response(actionId, "Error", "Message", "Missing action in request");
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!client.loggedIn && !lower.equals("login") && !lower.equals("challenge") && !lower.equals("logoff")) {
            return response(actionId, "Error", "Message", "Permission denied");
        }
        return switch (lower) {
            case "challenge" -> {
                client.challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
                yield response(actionId, "Success", "Challenge", client.challenge);
            }
            case "login" -> login(client, action, actionId);
            case "coresettings" -> response(actionId, "Success", "AMIversion", "11.0.0",
                    "AsteriskVersion", ASTERISK_VERSION, "SystemName", "", "CoreMaxCalls", "0",
                    "CoreMaxLoadAvg", "0.000000", "CoreRunUser", "", "CoreRunGroup", "", "CoreMaxFilehandles", "0",
                    "CoreRealTimeEnabled", "No", "CoreCDRenabled", "Yes", "CoreHTTPenabled", "No",
                    "SoundsSearchCustomDir", "No");
            case "command" -> command(actionId, action.get("Command"));
            case "ping" -> response(actionId, "Success", "Ping", "Pong", "Timestamp", timestamp(clock.instant()));
            case "originate" -> pbx.originate(action, actionId);
            case "queueadd" -> pbx.queueAdd(action, actionId);
            case "queueremove" -> pbx.queueRemove(action, actionId);
            case "queuepause" -> pbx.queuePause(action, actionId);
            case "logoff" -> {
                client.closeAfterAnswer = true;
                yield response(actionId, "Goodbye", "Message", "Thanks for all the fish.");
            }
            default -> response(actionId, "Error", "Message", "Invalid/unknown command");
        };
    }

    private AmiMessage login(Client client, AmiMessage action, String actionId) {
        boolean userOk = username.equals(action.get("Username"));
        String key = action.get("Key");
        boolean secretOk = key != null
                ? client.challenge != null && key.equalsIgnoreCase(md5Hex(client.challenge + secret))
                : secret.equals(action.get("Secret"));
        if (!userOk || !secretOk) {
            return response(actionId, "Error", "Message", "Authentication failed");
        }
        client.loggedIn = true;
        // "Events: off" (an action-only session) receives no events, as with Asterisk.
        client.events = !"off".equalsIgnoreCase(action.get("Events"));
        logins.incrementAndGet();
        client.afterAnswer = List.of(AmiMessage.of("Event", "FullyBooted", "Privilege", "system,all",
                "Uptime", "157", "LastReload", "157", "Status", "Fully Booted"));
        return response(actionId, "Success", "Message", "Authentication accepted");
    }

    private static AmiMessage command(String actionId, String command) {
        if (command != null && command.trim().equalsIgnoreCase("core show version")) {
            // Asterisk 14+ answers Command with one "Output:" header per line; asterisk-java reads those.
            return response(actionId, "Success", "Message", "Command output follows", "Output",
                    "Asterisk " + ASTERISK_VERSION + " built by demo @ hotline on a x86_64 running Linux");
        }
        return response(actionId, "Success", "Message", "Command output follows", "Output",
                "No such command '" + command + "' (type 'core show help " + command + "' for other possible commands)");
    }

    private List<AmiMessage> coreShowChannels(String actionId) {
        List<AmiMessage> out = new ArrayList<>();
        out.add(response(actionId, "Success", "EventList", "start", "Message", "Channels will follow"));
        Instant now = clock.instant();
        for (Channel c : channels.values()) {
            out.add(withActionId(actionId, "Event", "CoreShowChannel", "Channel", c.channel,
                    "ChannelState", c.state, "ChannelStateDesc", c.stateDesc, "CallerIDNum", c.callerNum,
                    "CallerIDName", c.callerName, "ConnectedLineNum", "<unknown>", "ConnectedLineName", "<unknown>",
                    "Language", "en", "AccountCode", "", "Context", c.context, "Exten", c.exten,
                    "Priority", c.priority, "Uniqueid", c.uniqueid, "Linkedid", c.linkedid,
                    "Application", c.application, "ApplicationData", c.appData,
                    "Duration", hms(Duration.between(c.createdAt, now)), "BridgeId", ""));
        }
        out.add(withActionId(actionId, "Event", "CoreShowChannelsComplete", "EventList", "Complete",
                "ListItems", String.valueOf(out.size() - 1)));
        return out;
    }

    static AmiMessage response(String actionId, String response, String... rest) {
        String[] kv = new String[rest.length + 2];
        kv[0] = "Response";
        kv[1] = response;
        System.arraycopy(rest, 0, kv, 2, rest.length);
        AmiMessage m = AmiMessage.of(kv);
        return actionId == null ? m : m.insertAfter("Response", "ActionID", actionId);
    }

    private static AmiMessage withActionId(String actionId, String... kv) {
        AmiMessage m = AmiMessage.of(kv);
        return actionId == null ? m : m.insertAfter("Event", "ActionID", actionId);
    }

    static String timestamp(Instant at) {
        return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
    }

    private static String hms(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing on the way out
            }
        }
    }

    /** A channel the server has up, as CoreShowChannels reports it. */
    private static final class Channel {
        final String channel;
        final String uniqueid;
        final String linkedid;
        final Instant createdAt;
        volatile String state;
        volatile String stateDesc;
        volatile String callerNum;
        volatile String callerName;
        volatile String context;
        volatile String exten;
        volatile String priority;
        volatile String application = "";
        volatile String appData = "";

        Channel(AmiMessage newchannel, Instant createdAt) {
            this.channel = nz(newchannel.get("Channel"));
            this.uniqueid = nz(newchannel.get("Uniqueid"));
            this.linkedid = nz(newchannel.get("Linkedid"));
            this.createdAt = createdAt;
            update(newchannel);
        }

        void update(AmiMessage e) {
            state = or(e.get("ChannelState"), state);
            stateDesc = or(e.get("ChannelStateDesc"), stateDesc);
            callerNum = or(e.get("CallerIDNum"), callerNum);
            callerName = or(e.get("CallerIDName"), callerName);
            context = or(e.get("Context"), context);
            exten = or(e.get("Exten"), exten);
            priority = or(e.get("Priority"), priority);
            application = or(e.get("Application"), application);
            appData = or(e.get("AppData"), appData);
        }

        private static String or(String v, String fallback) {
            return v != null ? v : nz(fallback);
        }

        private static String nz(String v) {
            return v == null ? "" : v;
        }
    }

    /** One TCP client: reads action blocks on its own thread, writes under its own lock. */
    private final class Client {
        final Socket socket;
        final OutputStream out;
        volatile boolean loggedIn;
        volatile boolean events = true;
        volatile String challenge;
        boolean closeAfterAnswer;
        List<AmiMessage> afterAnswer = List.of();

        Client(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }

        void run() {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                if (sends()) {
                    write(GREETING);
                }
                StringBuilder block = new StringBuilder();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        block.append(line).append('\n');
                        continue;
                    }
                    if (block.length() == 0) {
                        continue;
                    }
                    AmiMessage action = AmiMessage.parse(block.toString());
                    block.setLength(0);
                    if (!answers(action)) {
                        continue;
                    }
                    handle(action);
                    if (closeAfterAnswer) {
                        break;
                    }
                }
            } catch (IOException e) {
                LOG.debugf("AMI client gone: %s", e.getMessage());
            } finally {
                clients.remove(this);
                closeQuietly(socket);
            }
        }

        private void handle(AmiMessage action) {
            if ("CoreShowChannels".equalsIgnoreCase(action.get("Action")) && loggedIn) {
                writeAll(coreShowChannels(action.get("ActionID")));
                return;
            }
            AmiMessage answer = answer(this, action);
            List<AmiMessage> extra = afterAnswer;
            afterAnswer = List.of();
            List<AmiMessage> all = new ArrayList<>(1 + extra.size());
            all.add(answer);
            all.addAll(extra);
            writeAll(all);
        }

        void writeAll(List<AmiMessage> messages) {
            synchronized (this) {
                try {
                    for (AmiMessage m : messages) {
                        out.write(m.toBytes());
                    }
                    out.flush();
                } catch (IOException e) {
                    abort();
                }
            }
        }

        void write(byte[] bytes) {
            synchronized (this) {
                try {
                    out.write(bytes);
                    out.flush();
                } catch (IOException e) {
                    abort();
                }
            }
        }

        void abort() {
            try {
                // A reset rather than a polite FIN: closer to a cable pulled or a crashed PBX.
                socket.setSoLinger(true, 0);
            } catch (IOException ignored) {
                // the socket is already gone
            }
            closeQuietly(socket);
            clients.remove(this);
        }
    }
}
