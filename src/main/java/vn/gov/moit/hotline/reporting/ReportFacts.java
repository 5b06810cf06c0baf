package vn.gov.moit.hotline.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads the facts of a month from the call log and the ticket desk with plain SQL: the report needs a few
 * columns of many rows and none of the entities' behaviour, and it must not depend on the other features'
 * entity classes. Only codes, flags and instants are selected: no caller number, name or free text is ever
 * read here.
 *
 * <p>A month has up to a million calls, so no query returns a month: the month is read a day at a time, and
 * each fact goes to the caller's sink as it is read and is not kept. A day is small enough for any driver (H2
 * first copies a result of more than MAX_MEMORY_ROWS rows to a temporary file), and within a day the rows are
 * streamed where the driver can: the reads run inside the caller's transaction (required), because
 * PostgreSQL's driver fetches {@value #FETCH_SIZE} rows at a time only on a connection that is not in
 * auto-commit.
 */
@ApplicationScoped
class ReportFacts {

    /** Call states whose outcome is known; ARRIVED and QUEUED are calls still in progress. */
    private static final Map<String, CallOutcome> OUTCOMES = Map.of(
            "ANSWERED", CallOutcome.ANSWERED,
            "COMPLETED", CallOutcome.COMPLETED,
            "ABANDONED", CallOutcome.ABANDONED,
            "MISSED", CallOutcome.MISSED,
            "OUTCOME_UNKNOWN", CallOutcome.OUTCOME_UNKNOWN);

    /** Rows per round trip: a few hundred KiB of rows in flight, few enough round trips for a million rows. */
    static final int FETCH_SIZE = 2_000;

    /** The span one query reads: tens of thousands of calls at national-hotline scale. */
    private static final Duration SLICE = Duration.ofDays(1);

    private static final String CALLS = """
            select arrived_at, state, wait_seconds, talk_seconds
            from call_record
            where arrived_at >= ? and arrived_at < ?""";

    /*
     * The deadline is that of the ticket's FIRST escalation: the commitment made to the caller when the
     * ticket left the hotline. A forward gives the next department a new deadline; measuring against the last
     * one would let forwarding hide lateness. escalation.deadline is not null, so a ticket was escalated
     * exactly when it has a first deadline: one lookup per ticket answers both.
     */
    private static final String TICKETS = """
            select t.created_at, t.field_code, t.province_code, t.department_code, t.caller_type, t.status,
                   t.raised_to_leaders, t.first_answered_at, t.closed_at,
                   case when t.status = 'RESOLVED_ON_CALL' or exists (select 1 from ticket_history h
                        where h.ticket_id = t.id and h.to_status = 'RESOLVED_ON_CALL') then 1 else 0 end,
                   (select e.deadline from escalation e where e.ticket_id = t.id
                    order by e.escalated_at, e.id fetch first 1 rows only)
            from ticket t
            where (t.closed_at is null or t.closed_at >= ?)""";
    private static final String TICKETS_OPENED_BEFORE = TICKETS + " and t.created_at < ?";
    private static final String TICKETS_OPENED_BETWEEN = TICKETS + " and t.created_at >= ? and t.created_at < ?";

    @Inject
    DataSource dataSource;

    /** Hands {@code sink} every call that arrived in {@code [start, end)} and has ended or is being answered. */
    @Transactional(Transactional.TxType.MANDATORY)
    void calls(Instant start, Instant end, Consumer<? super CallFact> sink) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(CALLS)) {
            q.setFetchSize(FETCH_SIZE);
            for (Instant from = start; from.isBefore(end); from = from.plus(SLICE)) {
                q.setObject(1, utc(from));
                q.setObject(2, utc(sliceEnd(from, end)));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        CallOutcome outcome = OUTCOMES.get(rs.getString(2));
                        if (outcome != null) {
                            sink.accept(new CallFact(instant(rs, 1), outcome, integer(rs, 3), integer(rs, 4)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the call log", e);
        }
    }

    /**
     * Hands {@code sink} every ticket opened before {@code end} and not closed before {@code start}: those
     * opened before the month, then the month's a day at a time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void tickets(Instant start, Instant end, Consumer<? super TicketFact> sink) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement before = c.prepareStatement(TICKETS_OPENED_BEFORE);
                PreparedStatement between = c.prepareStatement(TICKETS_OPENED_BETWEEN)) {
            before.setFetchSize(FETCH_SIZE);
            before.setObject(1, utc(start));
            before.setObject(2, utc(start));
            tickets(before, sink);
            between.setFetchSize(FETCH_SIZE);
            between.setObject(1, utc(start));
            for (Instant from = start; from.isBefore(end); from = from.plus(SLICE)) {
                between.setObject(2, utc(from));
                between.setObject(3, utc(sliceEnd(from, end)));
                tickets(between, sink);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tickets", e);
        }
    }

    private static void tickets(PreparedStatement q, Consumer<? super TicketFact> sink) throws SQLException {
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                Instant deadline = instant(rs, 11);
                sink.accept(new TicketFact(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(10) == 1, deadline != null, rs.getBoolean(7),
                        instant(rs, 8), deadline, instant(rs, 9), rs.getString(6)));
            }
        }
    }

    private static Instant sliceEnd(Instant from, Instant end) {
        Instant to = from.plus(SLICE);
        return to.isBefore(end) ? to : end;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
