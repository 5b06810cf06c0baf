package vn.gov.moit.hotline.telephony.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the {@link AmiServer} does with the actions that change the PBX, answered as Asterisk 22 answers them:
 * {@code Originate} (the response, then the channels' events, {@code OriginateResponse}, {@code DialEnd} and the
 * hangups, as the hotline's {@code callback} context makes them), and {@code QueueAdd}, {@code QueueRemove},
 * {@code QueuePause} (their responses and the {@code QueueMemberAdded}, {@code QueueMemberRemoved} and
 * {@code QueueMemberPause} events). How the called party answers is a {@link Callee} chosen per call.
 */
public final class PbxActionsModel {

    /**
     * How an originated call goes: whether the operator's phone answers and Asterisk says so, the DIALSTATUS of
     * the Dial to the caller (ANSWER, BUSY, NOANSWER, CONGESTION, CHANUNAVAIL), and how long they talk.
     */
    public record Callee(boolean operatorAnswers, boolean responds, String dialStatus, Duration talk) {
        public static Callee answers(Duration talk) {
            return new Callee(true, true, "ANSWER", talk);
        }

        public static Callee dialStatus(String status) {
            return new Callee(true, true, status, Duration.ZERO);
        }

        public static final Callee OPERATOR_AWAY = new Callee(false, true, null, Duration.ZERO);
        public static final Callee SILENT = new Callee(true, false, null, Duration.ZERO);
    }

    /** One member of a queue, as app_queue keeps it. */
    private static final class Member {
        final String queue;
        final String iface;
        final String name;
        final String stateInterface;
        final boolean dynamic;
        final long loginTime;
        volatile boolean paused;
        volatile String reason = "";
        volatile long lastPause;

        Member(String queue, String iface, String name, String stateInterface, boolean dynamic, long loginTime) {
            this.queue = queue;
            this.iface = iface;
            this.name = name;
            this.stateInterface = stateInterface;
            this.dynamic = dynamic;
            this.loginTime = loginTime;
        }
    }

    /** Asterisk's Cause-txt of the hangup causes the model gives. */
    private static final Map<Integer, String> CAUSE_TEXT = Map.of(0, "Unknown", 16, "Normal Clearing", 17, "User busy",
            19, "User alerting, no answer", 34, "Circuit/channel congestion");

    private final Clock clock;
    private final Consumer<List<AmiMessage>> publish;
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final AtomicLong channelSeq = new AtomicLong(0x5000);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ami-server-originate");
        t.setDaemon(true);
        return t;
    });
    private volatile Function<String, Callee> callees = number -> Callee.answers(Duration.ofSeconds(30));
    /** Real time per second of the calls' own time: 1 in the demo, less in tests (their timestamps stay true). */
    private volatile double timeScale = 1.0;

    PbxActionsModel(Clock clock, Consumer<List<AmiMessage>> publish) {
        this.clock = clock;
        this.publish = publish;
    }

    public void callees(Function<String, Callee> byNumber) {
        this.callees = byNumber;
    }

    public void timeScale(double scale) {
        this.timeScale = scale;
    }

    void close() {
        timer.shutdownNow();
    }

    /** A member configured in queues.conf: there from the start, without an event. */
    public void staticMember(String queue, String iface, String name) {
        members.put(key(queue, iface), new Member(queue, iface, name, iface, false, clock.instant().getEpochSecond()));
    }

    public boolean isMember(String queue, String iface) {
        return members.containsKey(key(queue, iface));
    }

    AmiMessage queueAdd(AmiMessage a, String actionId) {
        String queue = a.get("Queue");
        String iface = a.get("Interface");
        if (queue == null || iface == null) {
            return AmiServer.response(actionId, "Error", "Message", "'Queue' and 'Interface' not specified.");
        }
        String name = a.get("MemberName") == null ? iface : a.get("MemberName");
        String state = a.get("StateInterface") == null ? iface : a.get("StateInterface");
        Member m = new Member(queue, iface, name, state, true, clock.instant().getEpochSecond());
        m.paused = "true".equalsIgnoreCase(a.get("Paused"));
        if (members.putIfAbsent(key(queue, iface), m) != null) {
            return AmiServer.response(actionId, "Error", "Message", "Unable to add interface: Already there");
        }
        later(List.of(memberEvent("QueueMemberAdded", m)));
        return AmiServer.response(actionId, "Success", "Message", "Added interface to queue");
    }

    AmiMessage queueRemove(AmiMessage a, String actionId) {
        String key = key(a.get("Queue"), a.get("Interface"));
        Member known = members.get(key);
        if (known != null && !known.dynamic) {
            return AmiServer.response(actionId, "Error", "Message", "Unable to remove interface: Not dynamic");
        }
        Member m = members.remove(key);
        if (m == null) {
            return AmiServer.response(actionId, "Error", "Message", "Unable to remove interface: Not there");
        }
        later(List.of(memberEvent("QueueMemberRemoved", m)));
        return AmiServer.response(actionId, "Success", "Message", "Removed interface from queue");
    }

    AmiMessage queuePause(AmiMessage a, String actionId) {
        String iface = a.get("Interface");
        String queue = a.get("Queue");
        boolean paused = "true".equalsIgnoreCase(a.get("Paused"));
        List<AmiMessage> events = new ArrayList<>();
        for (Member m : members.values()) {
            if (m.iface.equals(iface) && (queue == null || m.queue.equals(queue))) {
                m.paused = paused;
                m.reason = paused && a.get("Reason") != null ? a.get("Reason") : "";
                m.lastPause = paused ? clock.instant().getEpochSecond() : m.lastPause;
                events.add(memberEvent("QueueMemberPause", m));
            }
        }
        if (events.isEmpty()) {
            return AmiServer.response(actionId, "Error", "Message", "Interface not found");
        }
        later(events);
        return AmiServer.response(actionId, "Success", "Message",
                paused ? "Interface paused successfully" : "Interface unpaused successfully");
    }

    AmiMessage originate(AmiMessage a, String actionId) {
        String channel = a.get("Channel");
        String exten = a.get("Exten");
        if (channel == null) {
            return AmiServer.response(actionId, "Error", "Message", "Channel not specified");
        }
        if (exten == null || a.get("Context") == null) {
            return AmiServer.response(actionId, "Error", "Message", "Context and Exten are required here");
        }
        String id = a.get("ChannelId") != null ? a.get("ChannelId") : clock.millis() / 1000 + "." + channelSeq.get();
        String other = a.get("OtherChannelId") != null ? a.get("OtherChannelId") : id + "-2";
        Callee callee = callees.apply(exten);
        Instant t0 = clock.instant();
        long ringMillis = a.get("Timeout") == null ? 30_000 : Long.parseLong(a.get("Timeout"));
        String seq = String.format("%08x", channelSeq.incrementAndGet());
        String local1 = channel + "-" + seq + ";1";
        String local2 = channel + "-" + seq + ";2";
        String carrier = "PJSIP/carrier-" + String.format("%08x", channelSeq.incrementAndGet());
        String carrierId = id + "-3";
        String[] localDest = channel.substring(channel.indexOf('/') + 1).split("@", 2);
        String idText = actionId;

        List<Step> steps = new ArrayList<>();
        steps.add(new Step(0, channelEvent("Newchannel", local1, id, id, localDest.length > 1 ? localDest[1] : "default",
                localDest[0], "0", "Down")));
        steps.add(new Step(0, channelEvent("Newchannel", local2, other, id, localDest.length > 1 ? localDest[1] : "default",
                localDest[0], "4", "Ring")));
        if (!callee.operatorAnswers()) {
            long end = ringMillis;
            steps.add(new Step(end, hangup(local2, other, id, 19, CAUSE_TEXT.get(19))));
            steps.add(new Step(end, hangup(local1, id, id, 19, CAUSE_TEXT.get(19))));
            steps.add(new Step(end, originateResponse(idText, "Failure", channel, a, 3, "<null>")));
        } else if (callee.responds()) {
            long answered = 2_000;
            steps.add(new Step(answered, originateResponse(idText, "Success", local1, a, 4, id)));
            steps.add(new Step(answered, channelEvent("Newchannel", carrier, carrierId, id, "carrier", "s", "0", "Down")));
            String status = callee.dialStatus();
            long dialEnd = answered + switch (status) {
                case "ANSWER" -> 5_000;
                case "NOANSWER" -> 60_000;
                case "BUSY" -> 3_000;
                default -> 500;
            };
            steps.add(new Step(dialEnd, dialEnd(local1, id, carrier, carrierId, exten, status)));
            long end = "ANSWER".equals(status) ? dialEnd + callee.talk().toMillis() : dialEnd;
            // The Q.850 cause Asterisk gives the channels when the Dial ended so.
            int cause = switch (status) {
                case "BUSY" -> 17;
                case "NOANSWER" -> 19;
                case "CONGESTION" -> 34;
                case "CHANUNAVAIL" -> 0;
                default -> 16;
            };
            String causeText = CAUSE_TEXT.get(cause);
            steps.add(new Step(end, hangup(carrier, carrierId, id, cause, causeText)));
            steps.add(new Step(end, hangup(local1, id, id, cause, causeText)));
            steps.add(new Step(end, hangup(local2, other, id, cause, causeText)));
        }
        for (Step s : steps) {
            AmiMessage stamped = s.event.insertAfter("Privilege", "Timestamp",
                    AmiServer.timestamp(t0.plusMillis(s.atMillis)));
            timer.schedule(() -> publish.accept(List.of(stamped)), 50 + (long) (s.atMillis * timeScale),
                    TimeUnit.MILLISECONDS);
        }
        return AmiServer.response(actionId, "Success", "Message", "Originate successfully queued");
    }

    private record Step(long atMillis, AmiMessage event) {
    }

    private void later(List<AmiMessage> events) {
        timer.schedule(() -> publish.accept(events), 20, TimeUnit.MILLISECONDS);
    }

    private AmiMessage memberEvent(String name, Member m) {
        return AmiMessage.of("Event", name, "Privilege", "agent,all", "Queue", m.queue, "MemberName", m.name,
                "Interface", m.iface, "StateInterface", m.stateInterface,
                "Membership", m.dynamic ? "dynamic" : "static", "Penalty", "0", "CallsTaken", "0", "LastCall", "0",
                "LastPause", String.valueOf(m.lastPause), "LoginTime", String.valueOf(m.loginTime), "InCall", "0",
                "Status", "1", "Paused", m.paused ? "1" : "0", "PausedReason", m.reason, "Ringinuse", "0",
                "Wrapuptime", "0");
    }

    private static AmiMessage channelEvent(String name, String channel, String uniqueid, String linkedid,
            String context, String exten, String state, String stateDesc) {
        return AmiMessage.of("Event", name, "Privilege", "call,all", "Channel", channel, "ChannelState", state,
                "ChannelStateDesc", stateDesc, "CallerIDNum", "<unknown>", "CallerIDName", "<unknown>",
                "ConnectedLineNum", "<unknown>", "ConnectedLineName", "<unknown>", "Language", "vi",
                "AccountCode", "", "Context", context, "Exten", exten, "Priority", "1", "Uniqueid", uniqueid,
                "Linkedid", linkedid);
    }

    private static AmiMessage hangup(String channel, String uniqueid, String linkedid, int cause, String text) {
        return channelEvent("Hangup", channel, uniqueid, linkedid, "callback", "h", "6", "Up")
                .with("Cause", String.valueOf(cause)).with("Cause-txt", text);
    }

    private static AmiMessage originateResponse(String actionId, String response, String channel, AmiMessage a,
            int reason, String uniqueid) {
        AmiMessage m = AmiMessage.of("Event", "OriginateResponse", "Privilege", "call,all", "Response", response,
                "Channel", channel, "Context", a.get("Context"), "Exten", a.get("Exten"), "Reason",
                String.valueOf(reason), "Uniqueid", uniqueid, "CallerIDNum", "<unknown>", "CallerIDName", "<unknown>");
        return actionId == null ? m : m.insertAfter("Privilege", "ActionID", actionId);
    }

    private static AmiMessage dialEnd(String channel, String uniqueid, String dest, String destUniqueid,
            String exten, String status) {
        return AmiMessage.of("Event", "DialEnd", "Privilege", "call,all", "Channel", channel, "ChannelState", "6",
                "ChannelStateDesc", "Up", "Context", "callback", "Exten", exten, "Priority", "2",
                "Uniqueid", uniqueid, "Linkedid", uniqueid, "DestChannel", dest,
                "DestChannelState", "ANSWER".equals(status) ? "6" : "5", "DestContext", "carrier", "DestExten", "s",
                "DestUniqueid", destUniqueid, "DestLinkedid", uniqueid, "DialStatus", status);
    }

    private static String key(String queue, String iface) {
        return queue + "\u0000" + iface;
    }
}
