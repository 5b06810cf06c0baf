package vn.gov.moit.hotline.telephony;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Asterisk's queue_log: one queue event a line, {@code epoch|callid|queue|agent|EVENT|data1|data2|...},
 * where callid is the uniqueid of the caller's channel and agent the queue member's name. The lines used:
 * ENTERQUEUE (data2 caller number), CONNECT (data1 seconds in the queue), COMPLETECALLER/COMPLETEAGENT (data1
 * seconds in the queue, data2 talk seconds), ABANDON, EXITWITHTIMEOUT and EXITEMPTY (data3 seconds in the
 * queue), BLINDTRANSFER/ATTENDEDTRANSFER. Wait and talk are Asterisk's own figures, as on the live events.
 *
 * <p>The callid is taken as the call's Linkedid: they are the same for a call from the trunk (the caller's
 * channel is the call's first channel), not for a caller behind a Local channel. Arrival is when the caller
 * entered the queue; the greeting before it, and calls that never reached the queue, are only in Master.csv.
 */
final class QueueLog {

    static final String NOTE = "backfilled from queue_log";

    private static final Set<String> USED = Set.of("ENTERQUEUE", "CONNECT", "COMPLETECALLER", "COMPLETEAGENT",
            "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY", "BLINDTRANSFER", "ATTENDEDTRANSFER");
    private static final int MAX_KEY = 64;
    /** 9999-12-31T23:59:59Z: anything later is not a time Asterisk wrote. */
    private static final long MAX_EPOCH = 253_402_300_799L;

    private record Line(int no, Instant at, String agent, String event, String[] data) {
    }

    /** The lines of one caller's visit to the queue, in file order. */
    private static final class Visit {
        final String queue;
        final int firstLine;
        Line enter;
        Line connect;
        Integer connectHold;
        Line outcome;

        Visit(String queue, int firstLine) {
            this.queue = queue;
            this.firstLine = firstLine;
        }
    }

    private QueueLog() {
    }

    static BackfillRead read(String text, HotlineFilter hotline) {
        Map<String, Visit> visits = new LinkedHashMap<>();
        List<BackfillSummary.Skipped> skipped = new ArrayList<>();
        int lineNo = 0;
        for (String raw : (Iterable<String>) text.lines()::iterator) {
            lineNo++;
            if (raw.isBlank()) {
                continue;
            }
            String[] f = raw.split("\\|", -1);
            if (f.length < 5) {
                skipped.add(new BackfillSummary.Skipped(lineNo, "expected epoch|callid|queue|agent|event|data..."));
                continue;
            }
            String event = f[4].trim();
            String callid = f[1].trim();
            if (!USED.contains(event) || !hotline.queue(f[2].trim()) || callid.isEmpty() || "NONE".equals(callid)
                    || "REALTIME".equals(callid)) {
                continue;
            }
            try {
                Instant at = Instant.ofEpochSecond(number("epoch", f[0]));
                if (callid.length() > MAX_KEY) {
                    throw new IllegalArgumentException("the callid is longer than " + MAX_KEY + " characters");
                }
                String[] data = new String[f.length - 5];
                System.arraycopy(f, 5, data, 0, data.length);
                Integer hold = switch (event) {
                    case "CONNECT", "COMPLETECALLER", "COMPLETEAGENT" ->
                        (int) number(event + " data1 (seconds in the queue)", data(data, 0));
                    case "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY" ->
                        (int) number(event + " data3 (seconds in the queue)", data(data, 2));
                    default -> null;
                };
                if (event.startsWith("COMPLETE")) {
                    number(event + " data2 (talk seconds)", data(data, 1));
                }
                Line line = new Line(lineNo, at, f[3].trim(), event, data);
                Visit v = visits.computeIfAbsent(callid, k -> new Visit(f[2].trim(), line.no()));
                switch (event) {
                    case "ENTERQUEUE" -> v.enter = line;
                    case "CONNECT" -> {
                        v.connectHold = hold;
                        v.connect = line;
                    }
                    default -> v.outcome = line;
                }
            } catch (IllegalArgumentException e) {
                skipped.add(new BackfillSummary.Skipped(lineNo, e.getMessage()));
            }
        }
        List<BackfillRead.Found> calls = new ArrayList<>();
        visits.forEach((callid, v) -> {
            if (v.enter == null) {
                skipped.add(new BackfillSummary.Skipped(v.firstLine,
                        "call " + callid + " has no ENTERQUEUE line (it arrived before the file starts)"));
            } else if (v.outcome == null) {
                skipped.add(new BackfillSummary.Skipped(v.firstLine, "call " + callid
                        + " has no outcome yet (still waiting or talking when the file was copied)"));
            } else {
                calls.add(new BackfillRead.Found(v.firstLine, call(callid, v)));
            }
        });
        return new BackfillRead(lineNo, calls, skipped);
    }

    private static BackfilledCall call(String callid, Visit v) {
        Line end = v.outcome;
        String caller = data(v.enter.data(), 1);
        String agent = v.connect != null ? v.connect.agent() : end.agent();
        String memberInterface = agent.contains("/") ? agent : null;
        return switch (end.event()) {
            case "COMPLETECALLER", "COMPLETEAGENT" -> {
                int hold = (int) number("", data(end.data(), 0));
                int talk = (int) number("", data(end.data(), 1));
                Instant answered = v.connect != null ? v.connect.at() : end.at().minusSeconds(talk);
                yield new BackfilledCall(callid, CallState.COMPLETED, null, caller, null, v.queue, null, agent,
                        memberInterface, v.enter.at(), answered, end.at(), v.connectHold != null ? v.connectHold : hold,
                        talk, "COMPLETECALLER".equals(end.event()) ? "caller" : "agent", NOTE, callid);
            }
            case "BLINDTRANSFER", "ATTENDEDTRANSFER" -> new BackfilledCall(callid, CallState.COMPLETED, null, caller,
                    null, v.queue, null, agent, memberInterface, v.enter.at(),
                    v.connect != null ? v.connect.at() : null, end.at(), v.connectHold, null, "transfer",
                    NOTE + ": talk time unknown after a transfer", callid);
            default -> {
                int waited = (int) number("", data(end.data(), 2));
                CallState state = "ABANDON".equals(end.event()) ? CallState.ABANDONED : CallState.MISSED;
                String reason = switch (end.event()) {
                    case "ABANDON" -> "caller left the queue";
                    case "EXITWITHTIMEOUT" -> "no operator answered in time";
                    default -> "no operator left in the queue";
                };
                yield new BackfilledCall(callid, state, null, caller, null, v.queue, null, null, null, v.enter.at(),
                        null, end.at(), waited, null, null, NOTE + ": " + reason, callid);
            }
        };
    }

    private static String data(String[] data, int index) {
        return index < data.length ? data[index] : "";
    }

    private static long number(String what, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0 || n > ("epoch".equals(what) ? MAX_EPOCH : Integer.MAX_VALUE)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a whole number");
        }
    }
}
