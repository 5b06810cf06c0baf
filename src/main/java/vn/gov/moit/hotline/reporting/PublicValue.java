package vn.gov.moit.hotline.reporting;

import java.math.BigDecimal;

/**
 * A figure as the public sees it. This is the one place where small-cell suppression happens: every
 * count that goes into a {@link MonthlyReport} passes through {@link #of}, so a count from 1 to k-1 never
 * leaves the calculator. Rates, averages and percentiles are not counts and are published as computed
 * (from the unsuppressed counts).
 *
 * @param value the number, or null when absent (nothing to compute it from) or suppressed
 * @param suppressed true when a small count is hidden
 * @param display the text printed in the CSV and on the page: the number, "&lt; k", or "—" when absent
 */
record PublicValue(BigDecimal value, boolean suppressed, String display) {

    /** What is printed for a figure that cannot be computed, e.g. a rate over zero calls. */
    static final String ABSENT = "—";

    static PublicValue of(BigDecimal raw, Unit unit, int suppressionThreshold) {
        if (raw == null) {
            return new PublicValue(null, false, ABSENT);
        }
        if (unit == Unit.COUNT && raw.signum() > 0
                && raw.compareTo(BigDecimal.valueOf(suppressionThreshold)) < 0) {
            return new PublicValue(null, true, "< " + suppressionThreshold);
        }
        return new PublicValue(raw, false, raw.toPlainString());
    }
}
