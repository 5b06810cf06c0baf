package vn.gov.moit.hotline.telephony.demo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives new calls from a recorded one: every id renumbered consistently (Uniqueid, Linkedid, their Dest,
 * LocalOne and LocalTwo forms, the Cdr UniqueID, channel sequence suffixes, BridgeUniqueid), the caller and the
 * operator substituted, and the timeline re-timed to the requested greeting, wait and talk (HoldTime, TalkTime,
 * Cdr times and durations, LastCall). Calls derived from one generator never share an id, so many can be
 * interleaved on one AMI stream as overlapping calls.
 */
public final class CallGenerator {

    /** What a derived call should look like; a null caller keeps the recorded one (e.g. a withheld number). */
    public record CallSpec(Instant start, String callerNumber, String callerName, String operator,
            int greetSeconds, int waitSeconds, int talkSeconds) {
    }

    /** An event and the moment it happens. */
    public record TimedEvent(Instant at, AmiMessage event) {
    }

    /** Cdr times are written in the PBX's local time; the recording PBX ran on UTC (compare its Uniqueids). */
    static final ZoneId PBX_ZONE = ZoneId.of("UTC");
    private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern UNIQUEID = Pattern.compile("\\b\\d{9,11}\\.\\d+\\b");
    private static final Pattern CHANNEL_SEQ = Pattern.compile("-([0-9a-f]{8})(?![0-9a-f])");
    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern OPERATORS = Pattern.compile("(?<![0-9])(1001|1002)(?![0-9])");

    private final Random random;
    private final boolean timestamps;
    private final AtomicLong uniqueSeq = new AtomicLong();
    private final AtomicLong channelSeq = new AtomicLong();

    /**
     * @param seed       makes bridge ids repeatable
     * @param timestamps add a {@code Timestamp} header to every event, as Asterisk does with
     *                   {@code timestampevents = yes}
     */
    public CallGenerator(long seed, boolean timestamps) {
        this.random = new Random(seed);
        this.timestamps = timestamps;
    }

    /** Derives one call. Events come in the recorded order; their times never go backwards. */
    public List<TimedEvent> derive(CallTemplate template, CallSpec spec) {
        Renumbering ids = new Renumbering(spec.start().getEpochSecond());
        Warp warp = new Warp(template, spec);
        boolean swapOperator = template.operator() != null && spec.operator() != null
                && !template.operator().equals(spec.operator());
        String oldNumber = template.callerNumber();
        String newNumber = substitutable(oldNumber) ? spec.callerNumber() : null;
        String oldName = template.callerName();
        String newName = substitutable(oldName) && newNumber != null ? spec.callerName() : null;

        List<TimedEvent> out = new ArrayList<>(template.events().size());
        int phase = 0;
        boolean joined = false;
        for (AmiMessage e : template.events()) {
            String ev = e.eventName();
            if (!joined && "QueueCallerJoin".equals(ev)) {
                joined = true;
                phase = 1;
            } else if (joined && phase == 1 && template.answered() && isAnswerMoment(e)) {
                phase = 2;
            } else if (joined && phase < 3 && ("HangupRequest".equals(ev) || "SoftHangupRequest".equals(ev))) {
                phase = 3;
            }
            final String fromName = oldName;
            AmiMessage m = e.mapValues((key, value) -> {
                String v = value;
                if (swapOperator) {
                    v = OPERATORS.matcher(v).replaceAll(r -> r.group(1).equals("1001") ? "1002" : "1001");
                }
                if (newNumber != null && v.contains(oldNumber)) {
                    v = v.replace(oldNumber, newNumber);
                }
                if (newName != null && fromName != null && !fromName.isEmpty() && v.contains(fromName)) {
                    v = v.replace(fromName, newName);
                }
                return ids.apply(v);
            });
            m = retime(m, warp);
            Instant at = spec.start().plusSeconds(warp.phaseOffset(phase));
            if (timestamps) {
                m = m.insertAfter("Privilege", "Timestamp", AmiServer.timestamp(at));
            }
            out.add(new TimedEvent(at, m));
        }
        return out;
    }

    /** Merges several calls' events into one stream by time; each call keeps its own order. */
    public static List<AmiMessage> interleave(List<List<TimedEvent>> calls) {
        List<TimedEvent> all = new ArrayList<>();
        calls.forEach(all::addAll);
        all.sort(Comparator.comparing(TimedEvent::at)); // stable: ties keep each call's order
        return all.stream().map(TimedEvent::event).toList();
    }

    /** {@code n} renumbered copies of a template, one starting every {@code spacingMillis}; for replays. */
    public List<List<TimedEvent>> copies(CallTemplate template, int n, Instant first, long spacingMillis) {
        List<List<TimedEvent>> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            calls.add(derive(template, new CallSpec(first.plusMillis(i * spacingMillis),
                    String.format("09%08d", i % 100_000_000), template.callerName(), template.operator(), 0,
                    template.holdSeconds(), template.talkSeconds())));
        }
        return calls;
    }

    private static boolean substitutable(String value) {
        return value != null && !value.isEmpty() && !value.equalsIgnoreCase("anonymous")
                && !value.equalsIgnoreCase("<unknown>") && !value.equalsIgnoreCase("unknown");
    }

    private static boolean isAnswerMoment(AmiMessage e) {
        String ev = e.eventName();
        return ("DialEnd".equals(ev) && "ANSWER".equals(e.get("DialStatus"))) || "AgentConnect".equals(ev);
    }

    private AmiMessage retime(AmiMessage m, Warp warp) {
        String ev = m.eventName();
        switch (ev) {
            case "AgentConnect", "QueueCallerAbandon" -> {
                return m.with("HoldTime", String.valueOf(warp.wait));
            }
            case "AgentComplete" -> {
                return m.with("HoldTime", String.valueOf(warp.wait)).with("TalkTime", String.valueOf(warp.talk));
            }
            case "QueueMemberStatus" -> {
                String last = m.get("LastCall");
                if (last == null || last.equals("0")) {
                    return m;
                }
                return m.with("LastCall", String.valueOf(warp.epoch(Long.parseLong(last))));
            }
            case "Cdr" -> {
                Instant start = warp.cdr(m.get("StartTime"));
                Instant answer = warp.cdr(m.get("AnswerTime"));
                Instant end = warp.cdr(m.get("EndTime"));
                AmiMessage r = m.with("StartTime", Warp.format(start)).with("AnswerTime", Warp.format(answer))
                        .with("EndTime", Warp.format(end));
                if (start != null && end != null) {
                    r = r.with("Duration", String.valueOf(end.getEpochSecond() - start.getEpochSecond()));
                }
                if (answer != null && end != null) {
                    r = r.with("BillableSeconds", String.valueOf(end.getEpochSecond() - answer.getEpochSecond()));
                }
                return r;
            }
            default -> {
                return m;
            }
        }
    }

    /**
     * Maps recorded seconds (relative to the recording's start) onto the derived call's timeline: the queue wait
     * and the conversation are stretched to the requested lengths, the rest is shifted.
     */
    private static final class Warp {
        final Instant start;
        final long templateStart;
        final int greet;
        final int wait;
        final int talk;
        final int templateHold;
        final int templateTalk;

        Warp(CallTemplate t, CallSpec s) {
            this.start = s.start();
            this.templateStart = t.startEpochSecond();
            this.greet = s.greetSeconds();
            this.wait = s.waitSeconds();
            this.talk = t.answered() ? s.talkSeconds() : 0;
            this.templateHold = t.holdSeconds();
            this.templateTalk = t.talkSeconds();
        }

        long phaseOffset(int phase) {
            return switch (phase) {
                case 0 -> 0;
                case 1 -> greet;
                case 2 -> greet + wait;
                default -> greet + wait + talk;
            };
        }

        /** Recorded second offset to derived second offset. */
        double offset(double r) {
            if (r <= 0) {
                return r;
            }
            if (r <= templateHold) {
                return greet + (templateHold == 0 ? 0 : r * wait / templateHold);
            }
            if (r <= templateHold + templateTalk) {
                return greet + wait + (templateTalk == 0 ? 0 : (r - templateHold) * talk / templateTalk);
            }
            return greet + wait + talk + (r - templateHold - templateTalk);
        }

        long epoch(long recordedEpochSecond) {
            return start.getEpochSecond() + Math.round(offset(recordedEpochSecond - templateStart));
        }

        Instant cdr(String localTime) {
            if (localTime == null || localTime.isBlank()) {
                return null;
            }
            long recorded = LocalDateTime.parse(localTime, CDR_TIME).atZone(PBX_ZONE).toEpochSecond();
            return Instant.ofEpochSecond(epoch(recorded));
        }

        static String format(Instant at) {
            return at == null ? "" : CDR_TIME.format(at.atZone(PBX_ZONE));
        }
    }

    /** Old id to new id, assigned on first sight so the caller's first channel keeps the smallest number. */
    private final class Renumbering {
        private final long epoch;
        private final Map<String, String> map = new HashMap<>();

        Renumbering(long epoch) {
            this.epoch = epoch;
        }

        String apply(String value) {
            if (value.isEmpty()) {
                return value;
            }
            String v = value;
            if (v.indexOf('.') > 0) {
                v = replace(UNIQUEID, v, 0, old -> epoch + "." + uniqueSeq.getAndIncrement());
            }
            if (v.indexOf('-') > 0) {
                if (v.length() >= 36) {
                    v = replace(UUID_PATTERN, v, 0, old -> new UUID(random.nextLong(), random.nextLong()).toString());
                }
                v = replace(CHANNEL_SEQ, v, 1, old -> String.format("%08x", channelSeq.getAndIncrement()));
            }
            return v;
        }

        private String replace(Pattern p, String value, int group, java.util.function.UnaryOperator<String> fresh) {
            Matcher m = p.matcher(value);
            if (!m.find()) {
                return value;
            }
            StringBuilder sb = new StringBuilder(value.length() + 8);
            int last = 0;
            do {
                String old = m.group(group);
                String key = p.pattern() + old;
                String replacement = map.computeIfAbsent(key, k -> fresh.apply(old));
                sb.append(value, last, m.start(group)).append(replacement);
                last = m.end(group);
            } while (m.find());
            return sb.append(value, last, value.length()).toString();
        }
    }
}
