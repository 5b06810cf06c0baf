package vn.gov.moit.hotline.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.gov.moit.hotline.common.JdbcTime;
import vn.gov.moit.hotline.common.JdbcTime;

/**
 * The published reports (table {@code report_version}). A closed month has versions 1, 2, ... that are
 * never changed or deleted; the month in progress has at most one preview, version {@value #PREVIEW}.
 * Plain SQL: the rows are written once and read whole, and the texts are served byte for byte.
 */
@ApplicationScoped
class ReportVersionRepository {

    /** The version number of a month-to-date preview. */
    static final int PREVIEW = 0;

    /** One stored report, as served. */
    record Stored(YearMonth month, int version, boolean preview, String contentHash, String json, String csv,
            Instant builtAt, Instant dataAsOf) {
    }

    /** A month that has a report, and its latest version. */
    record Published(YearMonth month, int latestVersion, boolean preview, Instant dataAsOf) {
    }

    private static final String COLUMNS =
            "report_month, version, preview, content_hash, json_text, csv_text, built_at, data_as_of";

    @Inject
    DataSource dataSource;

    /** The month's newest real version, or its preview when it has none. */
    Optional<Stored> latest(YearMonth month) {
        return one("select " + COLUMNS + " from report_version where report_month = ? "
                + "order by preview, version desc fetch first 1 rows only", month.toString(), null);
    }

    /** The month's newest real (not preview) version. */
    Optional<Stored> latestPublished(YearMonth month) {
        return one("select " + COLUMNS + " from report_version where report_month = ? and not preview "
                + "order by version desc fetch first 1 rows only", month.toString(), null);
    }

    Optional<Stored> version(YearMonth month, int version) {
        return one("select " + COLUMNS + " from report_version where report_month = ? and version = ?",
                month.toString(), version);
    }

    /** Every month with a report, newest month first, each with its latest version. */
    List<Published> months() {
        List<Published> months = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select report_month, version, preview, data_as_of "
                        + "from report_version order by report_month desc, preview, version desc");
                ResultSet rs = q.executeQuery()) {
            String previous = null;
            while (rs.next()) {
                String month = rs.getString(1).trim();
                if (!month.equals(previous)) {
                    months.add(new Published(YearMonth.parse(month), rs.getInt(2), rs.getBoolean(3),
                            JdbcTime.instant(rs, 4)));
                    previous = month;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the published reports", e);
        }
        return months;
    }

    void insert(Stored report) {
        update("insert into report_version (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", q -> {
            q.setString(1, report.month().toString());
            q.setInt(2, report.version());
            q.setBoolean(3, report.preview());
            q.setString(4, report.contentHash());
            q.setString(5, report.json());
            q.setString(6, report.csv());
            q.setObject(7, JdbcTime.utc(report.builtAt()));
            q.setObject(8, JdbcTime.utc(report.dataAsOf()));
        });
    }

    void deletePreview(YearMonth month) {
        update("delete from report_version where report_month = ? and preview", q -> q.setString(1, month.toString()));
    }

    private Optional<Stored> one(String sql, String month, Integer version) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, month);
            if (version != null) {
                q.setInt(2, version);
            }
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(YearMonth.parse(rs.getString(1).trim()), rs.getInt(2),
                        rs.getBoolean(3), rs.getString(4).trim(), rs.getString(5), rs.getString(6),
                        JdbcTime.instant(rs, 7), JdbcTime.instant(rs, 8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the published reports", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement q) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            binder.bind(q);
            q.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the report", e);
        }
    }
}
