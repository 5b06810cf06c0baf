package vn.gov.moit.hotline.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from {@code timestamp with time zone} columns, the same on H2 and PostgreSQL. */
public final class JdbcTime {

    private JdbcTime() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Reads one span {@code [from, to)} of a longer one. */
    @FunctionalInterface
    public interface SliceReader {
        void read(Instant from, Instant to) throws SQLException;
    }

    /**
     * Reads {@code [start, end)} a slice at a time, so that no query returns more than a slice's rows (a month
     * of a national hotline is a million calls; a day is small enough for any driver).
     */
    public static void bySlice(Instant start, Instant end, Duration slice, SliceReader reader) throws SQLException {
        for (Instant from = start; from.isBefore(end); from = from.plus(slice)) {
            Instant to = from.plus(slice);
            reader.read(from, to.isBefore(end) ? to : end);
        }
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
