package vn.gov.moit.hotline.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.gov.moit.hotline.common.PhoneNumbers;

/**
 * Reads Master.csv as Asterisk 22's cdr_csv writes it: one record a line, text fields in double quotes (a quote
 * doubled inside), numbers and empty times bare, in the order accountcode, src, dst, dcontext, clid, channel,
 * dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, uniqueid,
 * userfield, and with {@code newcdrcolumns=yes} peeraccount, linkedid, sequence. Times are
 * "yyyy-MM-dd HH:mm:ss" in the PBX's local time, or UTC with {@code usegmtime=yes}.
 *
 * <p>Records are grouped into calls by linkedid (by uniqueid when the file has no linkedid column, which splits
 * a call whose legs have different uniqueids). A group is a hotline call when a record dialled the hotline's
 * number in an inbound context, or ran {@code Queue} on a hotline queue. Because the dialplan answers before
 * the queue, the caller's records say ANSWERED even when nobody took the call: an operator answered only when
 * the queue record has a destination channel and the disposition ANSWERED. The time the operator picked up
 * comes from that destination channel's own record (the member's Local channel) when the file has it; the time
 * in the queue is not in the CDRs at all, so the wait stays unknown.
 */
final class CdrCsv {

    static final String NOTE = "backfilled from Master.csv";

    private static final int BASIC_COLUMNS = 18;
    private static final int NEW_COLUMNS = 21;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    /** The per-channel suffix of a channel name: PJSIP/1001-0000000a, Local/1001@agents-00000001;1. */
    private static final Pattern CHANNEL_SUFFIX = Pattern.compile("-[0-9a-fA-F]{8}(?:;\\d)?$");
    /** Caller ID as Asterisk prints it: "Name" <number>. */
    private static final Pattern CLID = Pattern.compile("^\\s*\"?(.*?)\"?\\s*<[^>]*>\\s*$");
    private static final int MAX_KEY = 64;
    /** The most lines one record may take. */
    private static final int MAX_LINES_A_RECORD = 20;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private record Row(int line, String src, String dst, String dcontext, String clid, String channel,
            String dstchannel, String lastapp, String lastdata, Instant start, Instant answer, Instant end,
            String disposition, String uniqueid, String userfield) {
    }

    private CdrCsv() {
    }

    static BackfillRead read(String text, ZoneId zone, HotlineFilter hotline) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        List<BackfillSummary.Skipped> skipped = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            try {
                Record record = record(lines, i);
                i = record.lastLine();
                List<String> f = record.fields();
                if (f.size() != BASIC_COLUMNS && f.size() != NEW_COLUMNS) {
                    throw new IllegalArgumentException("expected " + BASIC_COLUMNS + " or " + NEW_COLUMNS
                            + " fields (cdr.conf: loguniqueid, loguserfield, newcdrcolumns), found " + f.size());
                }
                String key = f.size() == NEW_COLUMNS && !f.get(19).isBlank() ? f.get(19) : f.get(16);
                if (key.isBlank()) {
                    throw new IllegalArgumentException("no linkedid or uniqueid");
                }
                if (key.length() > MAX_KEY) {
                    throw new IllegalArgumentException("the call id is longer than " + MAX_KEY + " characters");
                }
                Row row = new Row(lineNo, f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7),
                        f.get(8), time("start", f.get(9), zone, true), time("answer", f.get(10), zone, false),
                        time("end", f.get(11), zone, false), f.get(14), f.get(16).trim(), f.get(17));
                groups.computeIfAbsent(key.trim(), k -> new ArrayList<>()).add(row);
            } catch (IllegalArgumentException e) {
                skipped.add(new BackfillSummary.Skipped(lineNo, e.getMessage()));
            }
        }
        List<BackfillRead.Found> calls = new ArrayList<>();
        groups.forEach((key, rows) -> {
            BackfilledCall call = call(key, rows, hotline);
            if (call != null) {
                calls.add(new BackfillRead.Found(rows.get(0).line(), call));
            }
        });
        return new BackfillRead(lines.size(), calls, skipped);
    }

    /** The call behind one linkedid's records, or null when none of them is a hotline record. */
    private static BackfilledCall call(String linkedid, List<Row> rows, HotlineFilter hotline) {
        List<Row> dialled = rows.stream().filter(r -> hotline.dialled(r.dcontext(), r.dst()) != null)
                .sorted(Comparator.comparing(Row::start)).toList();
        List<Row> queued = rows.stream().filter(r -> "Queue".equalsIgnoreCase(r.lastapp())
                && hotline.queue(queueName(r.lastdata()))).sorted(Comparator.comparing(Row::start)).toList();
        if (dialled.isEmpty() && queued.isEmpty()) {
            return null;
        }
        Instant arrived = rows.stream().map(Row::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant ended = rows.stream().map(Row::end).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
        List<Row> callerRows = dialled.isEmpty() ? queued : dialled;
        // The leg that shows the caller's number; withheld on every leg means withheld.
        Row inbound = callerRows.stream().filter(r -> PhoneNumbers.normalise(r.src()).isPresent()).findFirst()
                .orElse(callerRows.get(0));
        String did = dialled.isEmpty() ? null : PhoneNumbers.normalise(dialled.get(0).dst()).orElse(null);
        Row queue = queued.stream().filter(r -> !r.dstchannel().isBlank() && "ANSWERED".equals(r.disposition()))
                .findFirst().orElse(queued.isEmpty() ? null : queued.get(0));
        String queueName = queue == null ? null : queueName(queue.lastdata());
        String callerChannel = queue != null ? queue.channel() : inbound.channel();
        String callerUniqueid = (queue != null ? queue : inbound).uniqueid();
        boolean answered = queue != null && !queue.dstchannel().isBlank() && "ANSWERED".equals(queue.disposition());
        if (!answered) {
            String reason = missedReason(queue, rows);
            return new BackfilledCall(linkedid, CallState.MISSED, did, inbound.src(), callerName(inbound.clid()),
                    queueName, callerChannel, null, null, arrived, null, ended, null, null, null,
                    NOTE + ": " + reason, callerUniqueid);
        }
        Row operatorLeg = operatorLeg(queue.dstchannel(), rows);
        Instant answeredAt = operatorLeg == null ? null : operatorLeg.answer();
        Instant talkEnd = operatorLeg != null && operatorLeg.end() != null ? operatorLeg.end() : ended;
        Integer talk = answeredAt == null || talkEnd == null ? null
                : (int) Math.max(0, Duration.between(answeredAt, talkEnd).toSeconds());
        String operatorInterface = CHANNEL_SUFFIX.matcher(queue.dstchannel()).replaceFirst("");
        return new BackfilledCall(linkedid, CallState.COMPLETED, did, inbound.src(), callerName(inbound.clid()),
                queueName, callerChannel, null, operatorInterface, arrived, answeredAt, ended, null, talk, null,
                NOTE + ": wait unknown", callerUniqueid);
    }

    private static String missedReason(Row queue, List<Row> rows) {
        String status = rows.stream().map(Row::userfield).filter(u -> u.startsWith("missed:")).findFirst()
                .orElse(null);
        if (status != null) {
            return "no operator answered (" + status + ")";
        }
        return queue == null ? "hung up before reaching the queue" : "left the queue without an answer";
    }

    /**
     * The record of the channel the queue connected the caller to: its answer is when the operator picked up.
     * A queue member reached through a Local channel has its record on the other half (;1 dialled, ;2 answers).
     */
    private static Row operatorLeg(String dstchannel, List<Row> rows) {
        String otherHalf = dstchannel.endsWith(";1") ? dstchannel.substring(0, dstchannel.length() - 1) + "2"
                : dstchannel;
        return rows.stream().filter(r -> r.answer() != null
                && (r.channel().equals(dstchannel) || r.channel().equals(otherHalf))).findFirst().orElse(null);
    }

    /** The first argument of Queue(): "hotline,r,,,120" or the old "hotline|r". */
    private static String queueName(String lastdata) {
        return lastdata.split("[,|]", 2)[0].trim();
    }

    private static String callerName(String clid) {
        Matcher m = CLID.matcher(clid);
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1).trim();
        return name.isEmpty() || PhoneNumbers.isWithheld(name) ? null : name;
    }

    private static Instant time(String column, String value, ZoneId zone, boolean required) {
        if (value.isBlank()) {
            if (required) {
                throw new IllegalArgumentException(column + " is empty");
            }
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim(), TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " is not a time like 2026-11-22 07:50:53");
        }
    }

    /** One record of the file: its fields and the last line it took (a quoted field may hold line breaks). */
    private record Record(List<String> fields, int lastLine) {
    }

    /**
     * The record starting at line {@code first}. A line that leaves a quoted field open continues on the next
     * lines (a caller name or user field may hold a line break), up to {@value #MAX_LINES_A_RECORD} lines, when
     * the lines together make one well-formed record; otherwise the line alone is a broken record, and reading
     * goes on with the next line, so that one stray quote cannot swallow the rest of the file.
     */
    private static Record record(List<String> lines, int first) {
        String line = lines.get(first);
        if (quotes(line) % 2 == 1) {
            StringBuilder joined = new StringBuilder(line);
            long quotes = quotes(line);
            for (int j = first + 1; j < lines.size() && j < first + MAX_LINES_A_RECORD; j++) {
                joined.append('\n').append(lines.get(j));
                quotes += quotes(lines.get(j));
                if (quotes % 2 == 0) {
                    try {
                        return new Record(fields(joined.toString()), j);
                    } catch (IllegalArgumentException notOneRecord) {
                        break;
                    }
                }
            }
        }
        return new Record(fields(line), first);
    }

    private static long quotes(String line) {
        return line.chars().filter(c -> c == '"').count();
    }

    /** The fields of one CSV record (RFC 4180, as cdr_csv writes it: quotes doubled inside quoted fields). */
    static List<String> fields(String record) {
        try (CSVParser parser = CSVParser.parse(record, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException("expected one record, found " + records.size());
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException(quotes(record) % 2 == 1 ? "a quoted field is not closed"
                    : "text after a closing quote, or a quote inside an unquoted field");
        }
    }
}
