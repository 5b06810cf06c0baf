package vn.gov.moit.hotline.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The anonymised view of tickets behind the Open311 endpoint: reference, status, field, department and
 * dates only. The query selects no caller column and no free text (summary, description, resolution,
 * commune), so none can leak whatever the serialisation does. Duplicates are left out: they are not
 * requests of their own.
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

    List<Row> find(Query query) {
        StringBuilder sql = new StringBuilder("select reference, status, field_code, department_code, created_at, "
                + "updated_at, deadline from ticket where status <> 'DUPLICATE' and reference is not null");
        List<Object> args = new ArrayList<>();
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
}
