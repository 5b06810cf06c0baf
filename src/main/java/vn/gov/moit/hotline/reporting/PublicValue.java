package vn.gov.moit.hotline.reporting;

import java.math.BigDecimal;

/**
 * A figure as the public sees it: shown, absent, or hidden. Which counts are hidden is decided by
 * {@link Suppression} in the calculator's {@code publish}, the only place where raw figures become public
 * ones; rates, averages and percentiles of fewer than k cases are absent.
 *
 * @param value the number, or null when absent (nothing to compute it from) or hidden
 * @param suppressed true when a count is hidden
 * @param display the text printed in the CSV and on the page: the number, {@value #HIDDEN} when hidden, or
 *     {@value #ABSENT} when absent
 */
record PublicValue(BigDecimal value, boolean suppressed, String display) {

    /** What is printed for a figure that cannot be computed, e.g. a rate over zero calls. */
    static final String ABSENT = "—";

    /** What is printed for a hidden count, small or hidden to protect a small one: they look the same. */
    static final String HIDDEN = "x";

    static PublicValue of(BigDecimal raw) {
        return raw == null ? new PublicValue(null, false, ABSENT) : new PublicValue(raw, false, raw.toPlainString());
    }

    static PublicValue hidden() {
        return new PublicValue(null, true, HIDDEN);
    }
}
