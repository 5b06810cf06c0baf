package vn.gov.moit.hotline.reporting;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The public monthly report of the hotline: aggregates only, small counts already suppressed. Built by
 * {@link MonthlyReportCalculator}; rendered by {@link ReportJson} and {@link ReportCsv}.
 *
 * @param month the calendar month, in {@code zone}
 * @param zone the time zone of the month's boundaries, hours and days
 * @param dataAsOf when the facts were read; a report with {@code dataAsOf} before the end of the month
 *        is a month-to-date preview and states "as at month end" figures as at {@code dataAsOf}
 * @param parameters the thresholds the figures were computed with
 * @param metrics the single figures, in {@link ReportMetric} order
 * @param breakdowns the tables, in {@link ReportBreakdown} order
 */
record MonthlyReport(YearMonth month, ZoneId zone, Instant dataAsOf, ReportParameters parameters,
        List<MetricValue> metrics, List<Breakdown> breakdowns) {

    MonthlyReport {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dataAsOf, "dataAsOf");
        Objects.requireNonNull(parameters, "parameters");
        metrics = List.copyOf(metrics);
        breakdowns = List.copyOf(breakdowns);
    }

    /** True when the month had not ended when the facts were read. */
    boolean preview() {
        return dataAsOf.isBefore(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    /** The published figure with this key, if the report has it. */
    MetricValue metric(String key) {
        return metrics.stream().filter(m -> m.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metric " + key));
    }

    /** The published table with this key. */
    Breakdown breakdown(String key) {
        return breakdowns.stream().filter(b -> b.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no breakdown " + key));
    }

    /**
     * Lower-case hex SHA-256 of {@link ReportJson#canonical(MonthlyReport)}: the report's JSON without
     * {@code dataAsOf}. Two builds from the same facts have the same hash even when read at different
     * times, so "same hash" means "nothing to publish".
     */
    String contentHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ReportJson.canonical(this));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The month's JSON as served, UTF-8. */
    byte[] toJson() {
        return ReportJson.write(this);
    }

    /** The month's CSV as served, UTF-8. */
    byte[] toCsv() {
        return ReportCsv.write(this);
    }
}
