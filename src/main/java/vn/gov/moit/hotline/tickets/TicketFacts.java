package vn.gov.moit.hotline.tickets;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import vn.gov.moit.hotline.common.JdbcTime;

/**
 * The ticket desk's facts for the monthly report and the public Open311 feed, read with plain SQL: codes,
 * flags and instants only. No caller number, name or free text (summary, description, resolution, commune) is
 * ever selected here, so none can leak whatever a reader does with the rows.
 *
 * <p>The report's reads stream (see {@link #tickets}): they run inside the caller's transaction (required),
 * a day of tickets per query, {@value #FETCH_SIZE} rows per round trip.
 */
@ApplicationScoped
public class TicketFacts {

    static final int FETCH_SIZE = 2_000;
    private static final Duration SLICE = Duration.ofDays(1);

    private static final String TICKETS = """
            select t.id, t.created_at, t.field_code, t.province_code, t.department_code, t.caller_type, t.status,
                   t.closed_at,
                   case when t.status = 'RESOLVED_ON_CALL' or exists (select 1 from ticket_history h
                        where h.ticket_id = t.id and h.to_status = 'RESOLVED_ON_CALL') then 1 else 0 end
            from ticket t
            where (t.closed_at is null or t.closed_at >= ?)""";
    private static final String TICKETS_OPENED_BEFORE = TICKETS + " and t.created_at < ?";
    private static final String TICKETS_OPENED_BETWEEN = TICKETS + " and t.created_at >= ? and t.created_at < ?";

    /**
     * One ticket as the report reads it.
     *
     * @param departmentCode the department that holds it, null when never escalated
     * @param resolvedOnCall the operator resolved it on the call (now or before it was reopened)
     * @param closedAt when it was (last) closed, null when not closed
     */
    public record Fact(long id, Instant openedAt, String fieldCode, String provinceCode, String departmentCode,
            String callerType, TicketStatus status, boolean resolvedOnCall, Instant closedAt) {
    }

    /** A ticket as the public may see it (Open311). */
    public record PublicRequest(long id, String reference, TicketStatus status, String fieldCode,
            String departmentCode, Instant createdAt, Instant updatedAt) {
    }

    /** Requests of {@code [start, end)} whose field or department is one of these codes (null: no value). */
    public record Left(Instant start, Instant end, Set<String> fieldCodes, Set<String> departmentCodes) {
    }

    /** What the public asks for; null means no filter. {@code to} is exclusive. */
    public record PublicQuery(String fieldCode, Boolean closed, Instant from, Instant to, List<Left> leftOut,
            int offset, int limit) {
    }

    /** How many requests of a month (duplicates left out) have this field and department. */
    public record Count(String fieldCode, String departmentCode, long count) {
    }

    @Inject
    DataSource dataSource;

    /**
     * Hands {@code sink} every ticket opened before {@code end} and not closed before {@code start}: those
     * opened before, then those of {@code [start, end)} a day at a time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tickets(Instant start, Instant end, Consumer<? super Fact> sink) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement before = c.prepareStatement(TICKETS_OPENED_BEFORE);
                PreparedStatement between = c.prepareStatement(TICKETS_OPENED_BETWEEN)) {
            before.setFetchSize(FETCH_SIZE);
            before.setObject(1, utc(start));
            before.setObject(2, utc(start));
            read(before, sink);
            between.setFetchSize(FETCH_SIZE);
            between.setObject(1, utc(start));
            JdbcTime.bySlice(start, end, SLICE, (from, to) -> {
                between.setObject(2, utc(from));
                between.setObject(3, utc(to));
                read(between, sink);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tickets", e);
        }
    }

    private static void read(PreparedStatement q, Consumer<? super Fact> sink) throws SQLException {
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                sink.accept(new Fact(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), TicketStatus.valueOf(rs.getString(7)), rs.getInt(9) == 1, instant(rs, 8)));
            }
        }
    }

    /** The month's requests counted by field and department, duplicates left out. */
    public List<Count> counts(Instant start, Instant end) {
        List<Count> counts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("select field_code, "
                + "department_code, count(*) from ticket where status <> 'DUPLICATE' and created_at >= ? and created_at < ? "
                + "group by field_code, department_code")) {
            q.setObject(1, utc(start));
            q.setObject(2, utc(end));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.add(new Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the requests", e);
        }
        return counts;
    }

    /** The public's page of requests, newest first, duplicates and unnumbered tickets left out. */
    public List<PublicRequest> publicRequests(PublicQuery query) {
        StringBuilder sql = new StringBuilder("select id, reference, status, field_code, department_code, created_at, "
                + "updated_at from ticket where status <> 'DUPLICATE' and reference is not null");
        List<Object> args = new ArrayList<>();
        for (Left left : query.leftOut()) {
            leaveOut(sql, args, left, "field_code", left.fieldCodes());
            leaveOut(sql, args, left, "department_code", left.departmentCodes());
        }
        if (query.fieldCode() != null) {
            sql.append(" and field_code = ?");
            args.add(query.fieldCode());
        }
        if (query.closed() != null) {
            sql.append(query.closed() ? " and status = 'CLOSED'" : " and status <> 'CLOSED'");
        }
        if (query.from() != null) {
            sql.append(" and created_at >= ?");
            args.add(utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and created_at < ?");
            args.add(utc(query.to()));
        }
        sql.append(" order by created_at desc, id desc offset ? rows fetch next ? rows only");
        args.add(query.offset());
        args.add(query.limit());
        List<PublicRequest> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                q.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PublicRequest(rs.getLong(1), rs.getString(2), TicketStatus.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), instant(rs, 6), instant(rs, 7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the requests", e);
        }
        return rows;
    }

    /** Leaves out the span's requests whose column holds one of the codes (a null code: no value). */
    private static void leaveOut(StringBuilder sql, List<Object> args, Left left, String column, Set<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        List<String> values = codes.stream().filter(Objects::nonNull).toList();
        StringBuilder match = new StringBuilder();
        if (!values.isEmpty()) {
            match.append(column).append(" in (").append(String.join(", ", Collections.nCopies(values.size(), "?")))
                    .append(")");
        }
        if (codes.stream().anyMatch(Objects::isNull)) {
            match.append(match.isEmpty() ? "" : " or ").append(column).append(" is null");
        }
        sql.append(" and not (created_at >= ? and created_at < ? and (").append(match).append("))");
        args.add(utc(left.start()));
        args.add(utc(left.end()));
        args.addAll(values);
    }
}
