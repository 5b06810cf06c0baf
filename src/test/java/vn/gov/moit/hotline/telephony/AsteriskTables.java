package vn.gov.moit.hotline.telephony;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows a real Asterisk 22.10.1 wrote to its cdr and queue_log tables (test resources, asterisk-tables/): three
 * calls, two answered (by 1002 and 1001) and one that met an empty queue, and two pauses.
 */
public final class AsteriskTables {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    /** The recorded rows' first instant. */
    private static final Instant RECORDED = Instant.parse("2026-12-02T04:16:09Z");

    private AsteriskTables() {
    }

    /** The three calls' Linkedids once renumbered with {@code digit}. */
    public static List<String> linkedids(String digit) {
        return List.of("179" + digit + "184977.189", "179" + digit + "185002.196", "179" + digit + "185005.200");
    }

    /**
     * Inserts the recorded rows, their ids renumbered (1796 becomes 179{digit}) and moved so that the first row
     * is at {@code at}; queue_log's time written in {@code pbxZone}, as Asterisk writes its local time.
     */
    public static void insertRecorded(Connection c, Instant at, String digit, ZoneId pbxZone)
            throws IOException, SQLException {
        Duration shift = Duration.between(RECORDED, at);
        try (PreparedStatement q = c.prepareStatement("insert into cdr (calldate, clid, src, dst, dcontext, "
                + "channel, dstchannel, lastapp, lastdata, duration, billsec, disposition, amaflags, accountcode, "
                + "uniqueid, userfield, peeraccount, linkedid, sequence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?)")) {
            for (CSVRecord r : csv("cdr-sample.csv")) {
                Instant calldate = OffsetDateTime.parse(r.get("calldate").replace(" ", "T").replace("+00", "Z")
                        .replace("Z", "+00:00")).toInstant().plus(shift);
                q.setObject(1, calldate.atOffset(ZoneOffset.UTC));
                String[] text = {"clid", "src", "dst", "dcontext", "channel", "dstchannel", "lastapp", "lastdata"};
                for (int i = 0; i < text.length; i++) {
                    q.setString(2 + i, r.get(text[i]));
                }
                q.setInt(10, Integer.parseInt(r.get("duration")));
                q.setInt(11, Integer.parseInt(r.get("billsec")));
                q.setString(12, r.get("disposition"));
                q.setInt(13, Integer.parseInt(r.get("amaflags")));
                q.setString(14, r.get("accountcode"));
                q.setString(15, renumber(r.get("uniqueid"), digit));
                q.setString(16, r.get("userfield"));
                q.setString(17, r.get("peeraccount"));
                q.setString(18, renumber(r.get("linkedid"), digit));
                q.setInt(19, Integer.parseInt(r.get("sequence")));
                q.executeUpdate();
            }
        }
        try (PreparedStatement q = c.prepareStatement("insert into queue_log (time, callid, queuename, agent, "
                + "event, data, data1, data2, data3, data4, data5) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CSVRecord r : csv("queue_log-sample.csv")) {
                // Written in the PBX's local time (the recording's PBX ran in UTC).
                Instant time = LocalDateTime.parse(r.get("time").replace(' ', 'T')).toInstant(ZoneOffset.UTC)
                        .plus(shift);
                q.setString(1, LOCAL.format(time.atZone(pbxZone)));
                q.setString(2, renumber(r.get("callid"), digit));
                String[] text = {"queuename", "agent", "event", "data", "data1"};
                for (int i = 0; i < text.length; i++) {
                    q.setString(3 + i, r.get(text[i]));
                }
                q.setString(8, renumber(r.get("data2"), digit));
                q.setString(9, r.get("data3"));
                q.setString(10, r.get("data4"));
                q.setString(11, r.get("data5"));
                q.executeUpdate();
            }
        }
    }

    private static String renumber(String id, String digit) {
        return id.startsWith("1796") ? "179" + digit + id.substring(4) : id;
    }

    private static List<CSVRecord> csv(String name) throws IOException {
        try (Reader in = new InputStreamReader(AsteriskTables.class.getResourceAsStream("/asterisk-tables/" + name),
                StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
