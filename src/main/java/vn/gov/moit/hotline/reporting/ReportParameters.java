package vn.gov.moit.hotline.reporting;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What the report arithmetic depends on besides the facts; printed in every report. Kept apart from
 * {@link ReportConfig} so the calculator and its tests need no Quarkus.
 *
 * @param zone time zone of month boundaries, hours and days
 * @param shortAbandonSeconds abandoned calls that waited strictly less are short abandons
 * @param serviceLevelSeconds answered calls that waited at most this long meet the service level
 * @param suppressionThreshold k: counts 1..k-1 are hidden (Suppression)
 * @param callbackTargetMinutes a missed caller is due to be called back this long after their first miss
 */
record ReportParameters(ZoneId zone, int shortAbandonSeconds, int serviceLevelSeconds, int suppressionThreshold,
        int callbackTargetMinutes) {

    static final ReportParameters DEFAULTS = new ReportParameters(ZoneId.of("Asia/Ho_Chi_Minh"), 5, 30, 3, 60);

    static ReportParameters of(ReportConfig config, java.time.Duration callbackTarget) {
        return new ReportParameters(config.zone(), config.shortAbandonSeconds(), config.serviceLevelSeconds(),
                config.suppressionThreshold(), (int) callbackTarget.toMinutes());
    }

    ReportParameters {
        Objects.requireNonNull(zone, "zone");
        if (shortAbandonSeconds < 0 || serviceLevelSeconds < 0) {
            throw new IllegalArgumentException("thresholds must not be negative");
        }
        if (suppressionThreshold < 1) {
            throw new IllegalArgumentException("suppression threshold must be at least 1");
        }
    }
}
