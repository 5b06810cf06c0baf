package vn.gov.moit.hotline.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The anonymised view of tickets behind the Open311 endpoint: reference, status, field, department and
 * dates only. The query selects no caller column and no free text (summary, description, resolution,
 * commune), so none can leak whatever the serialisation does. Duplicates are left out: they are not
 * requests of their own.
 *
 * <p>The list follows the report's privacy rule ({@link Suppression}): counting the requests of a month by
 * field or by department gives the report's tables, so the requests of a field or department whose cell the
 * rule hides in that month are not listed (else the hidden count could be read off the list).
 */
@ApplicationScoped
class Open311Requests {

    /** One ticket as the public may see it. */
    record Row(String reference, String status, String fieldCode, String departmentCode, Instant createdAt,
            Instant updatedAt, Instant deadline) {
    }

    /** What the client filters on; null means no filter. {@code to} is exclusive. */
    record Query(String fieldCode, Boolean closed, Instant from, Instant to, int offset, int limit) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    ReportConfig config;

    @Inject
    Clock clock;

    List<Row> find(Query query) {
        StringBuilder sql = new StringBuilder("select reference, status, field_code, department_code, created_at, "
                + "updated_at, deadline from ticket where status <> 'DUPLICATE' and reference is not null");
        List<Object> args = new ArrayList<>();
        for (HiddenCells month : hiddenCells(query)) {
            exclude(sql, args, month, "field_code", month.fields());
            exclude(sql, args, month, "department_code", month.departments());
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
            args.add(ReportFacts.utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and created_at < ?");
            args.add(ReportFacts.utc(query.to()));
        }
        sql.append(" order by created_at desc, id desc offset ? rows fetch next ? rows only");
        args.add(query.offset());
        args.add(query.limit());
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                q.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            ReportFacts.instant(rs, 5), ReportFacts.instant(rs, 6), ReportFacts.instant(rs, 7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the requests", e);
        }
        return rows;
    }

    /** The fields and departments whose requests of one month are not listed. */
    record HiddenCells(Instant start, Instant end, Set<String> fields, Set<String> departments) {
    }

    /** The hidden cells of every month the query can reach, from the hotline's first month to now. */
    private List<HiddenCells> hiddenCells(Query query) {
        ZoneId zone = config.zone();
        YearMonth first = config.firstMonth();
        if (query.from() != null) {
            YearMonth asked = YearMonth.from(query.from().atZone(zone));
            first = asked.isAfter(first) ? asked : first;
        }
        YearMonth last = YearMonth.from((query.to() == null ? clock.instant() : query.to()).atZone(zone));
        List<HiddenCells> hidden = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            HiddenCells cells = hiddenCellsOf(m, zone);
            if (!cells.fields().isEmpty() || !cells.departments().isEmpty()) {
                hidden.add(cells);
            }
        }
        return hidden;
    }

    /** Counts a month's requests by field and by department, as the report does, and applies the rule. */
    private HiddenCells hiddenCellsOf(YearMonth month, ZoneId zone) {
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<String, Long> byField = new TreeMap<>();
        Map<String, Long> byDepartment = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("select field_code, "
                + "department_code, count(*) from ticket where status <> 'DUPLICATE' and created_at >= ? and created_at < ? "
                + "group by field_code, department_code")) {
            q.setObject(1, ReportFacts.utc(start));
            q.setObject(2, ReportFacts.utc(end));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byField.merge(key(rs.getString(1)), rs.getLong(3), Long::sum);
                    byDepartment.merge(key(rs.getString(2)), rs.getLong(3), Long::sum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the requests of " + month, e);
        }
        int k = config.suppressionThreshold();
        return new HiddenCells(start, end, Suppression.hidden(byField, k), Suppression.hidden(byDepartment, k));
    }

    private static String key(String code) {
        return code == null || code.isBlank() ? ReportBreakdown.UNSPECIFIED : code;
    }

    /** Leaves out the month's requests whose column holds a hidden key ({@code UNSPECIFIED}: no value). */
    private static void exclude(StringBuilder sql, List<Object> args, HiddenCells month, String column, Set<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> codes = keys.stream().filter(k -> !k.equals(ReportBreakdown.UNSPECIFIED)).toList();
        StringBuilder match = new StringBuilder();
        if (!codes.isEmpty()) {
            match.append(column).append(" in (").append(String.join(", ", java.util.Collections.nCopies(codes.size(), "?")))
                    .append(")");
        }
        if (keys.contains(ReportBreakdown.UNSPECIFIED)) {
            match.append(match.isEmpty() ? "" : " or ").append(column).append(" is null");
        }
        sql.append(" and not (created_at >= ? and created_at < ? and (").append(match).append("))");
        args.add(ReportFacts.utc(month.start()));
        args.add(ReportFacts.utc(month.end()));
        args.addAll(codes);
    }
}
