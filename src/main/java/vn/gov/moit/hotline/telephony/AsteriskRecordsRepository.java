package vn.gov.moit.hotline.telephony;

import static vn.gov.moit.hotline.common.JdbcTime.utc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Reads the records Asterisk writes to database tables (cdr_pgsql's {@code cdr}, realtime {@code queue_log}) for a
 * window, and gives them back in the forms the backfill reads (Master.csv with the new CDR columns, the
 * queue_log file), so that a reconciliation follows exactly the backfill's rules. Read only.
 */
@ApplicationScoped
class AsteriskRecordsRepository {

    /** A table name as configured: a name, optionally qualified by its schema; nothing else reaches the SQL. */
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    @Inject
    DataSource dataSource;

    /**
     * Every CDR leg of the calls that started in [from, to), as Master.csv lines (times in {@code zone}, as the backfill reads them): cdr_pgsql keeps
     * the start (calldate) and the durations, from which the answer and end come.
     */
    String cdrCsv(String table, Instant from, Instant to, ZoneId zone) throws SQLException {
        String t = table(table);
        String sql = "select accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, calldate, "
                + "duration, billsec, disposition, amaflags, uniqueid, userfield, peeraccount, linkedid, sequence "
                + "from " + t + " where linkedid in (select linkedid from " + t
                + " where calldate >= ? and calldate < ?) order by calldate, sequence";
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            q.setObject(1, utc(from));
            q.setObject(2, utc(to));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    Instant start = r.getObject("calldate", OffsetDateTime.class).toInstant();
                    int duration = r.getInt("duration");
                    int billsec = r.getInt("billsec");
                    csv.printRecord(nz(r, "accountcode"), nz(r, "src"), nz(r, "dst"), nz(r, "dcontext"),
                            nz(r, "clid"), nz(r, "channel"), nz(r, "dstchannel"), nz(r, "lastapp"), nz(r, "lastdata"),
                            time(start, zone), billsec > 0 ? time(start.plusSeconds(duration - billsec), zone) : "",
                            time(start.plusSeconds(duration), zone), duration, billsec, nz(r, "disposition"),
                            r.getInt("amaflags"), nz(r, "uniqueid"), nz(r, "userfield"), nz(r, "peeraccount"),
                            nz(r, "linkedid"), r.getInt("sequence"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The queue_log rows of [from, to) as the file's lines ({@code epoch|callid|queue|agent|event|data1|...}):
     * the table's time is text in the PBX's local time ({@code zone}), its data split into data1..data5.
     */
    String queueLogText(String table, Instant from, Instant to, ZoneId zone) throws SQLException {
        String sql = "select time, callid, queuename, agent, event, data1, data2, data3, data4, data5 from "
                + table(table) + " where time >= ? and time < ? order by id";
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            // The text compares in time order: yyyy-MM-dd HH:mm:ss[.ffffff].
            q.setString(1, LOCAL_TIME.format(from.atZone(zone)));
            q.setString(2, LOCAL_TIME.format(to.atZone(zone)));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    String time = nz(r, "time");
                    long epoch;
                    try {
                        epoch = java.time.LocalDateTime.parse(time.length() > 19 ? time.substring(0, 19) : time,
                                LOCAL_TIME).atZone(zone).toEpochSecond();
                    } catch (java.time.format.DateTimeParseException e) {
                        // The backfill's own reader names the line it cannot read.
                        epoch = -1;
                    }
                    out.append(epoch < 0 ? time : epoch).append('|').append(nz(r, "callid")).append('|')
                            .append(nz(r, "queuename")).append('|').append(nz(r, "agent")).append('|')
                            .append(nz(r, "event"));
                    for (int i = 1; i <= 5; i++) {
                        out.append('|').append(nz(r, "data" + i));
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String table(String name) {
        if (!TABLE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a table name: " + name);
        }
        return name;
    }

    private static String time(Instant at, ZoneId zone) {
        return CSV_TIME.format(at.atZone(zone));
    }

    private static String nz(ResultSet r, String column) throws SQLException {
        String v = r.getString(column);
        return v == null ? "" : v;
    }
}
