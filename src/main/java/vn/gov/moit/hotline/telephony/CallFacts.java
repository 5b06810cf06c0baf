package vn.gov.moit.hotline.telephony;

import static vn.gov.moit.hotline.common.JdbcTime.instant;
import static vn.gov.moit.hotline.common.JdbcTime.utc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;
import vn.gov.moit.hotline.common.JdbcTime;

/**
 * The call log's facts for the monthly report, read with plain SQL: a few columns of many rows and none of the
 * entity's behaviour. No caller number or name is read here.
 *
 * <p>A month has up to a million calls, so no query returns a month: it is read a day at a time, and each fact
 * goes to the sink as it is read and is not kept. The reads run inside the caller's transaction (required),
 * because PostgreSQL's driver fetches {@value #FETCH_SIZE} rows at a time only on a connection that is not in
 * auto-commit (H2 copies a result of more than MAX_MEMORY_ROWS rows to a temporary file).
 */
@ApplicationScoped
public class CallFacts {

    /** Rows per round trip: a few hundred KiB of rows in flight, few enough round trips for a million rows. */
    static final int FETCH_SIZE = 2_000;

    /** The span one query reads: tens of thousands of calls at national-hotline scale. */
    private static final Duration SLICE = Duration.ofDays(1);

    private static final String CALLS = """
            select arrived_at, state, wait_seconds, talk_seconds
            from call_record
            where arrived_at >= ? and arrived_at < ?""";

    /**
     * One call as the report reads it.
     *
     * @param waitSeconds seconds in the queue (HoldTime), null when not recorded
     * @param talkSeconds seconds talking to the operator (TalkTime), null when not recorded
     */
    public record Fact(Instant arrivedAt, CallState state, Integer waitSeconds, Integer talkSeconds) {
    }

    @Inject
    DataSource dataSource;

    /** Hands {@code sink} every call that arrived in {@code [start, end)}, in progress or ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void calls(Instant start, Instant end, Consumer<? super Fact> sink) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(CALLS)) {
            q.setFetchSize(FETCH_SIZE);
            JdbcTime.bySlice(start, end, SLICE, (from, to) -> {
                q.setObject(1, utc(from));
                q.setObject(2, utc(to));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new Fact(instant(rs, 1), CallState.valueOf(rs.getString(2)), integer(rs, 3),
                                integer(rs, 4)));
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the call log", e);
        }
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
