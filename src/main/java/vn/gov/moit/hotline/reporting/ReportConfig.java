package vn.gov.moit.hotline.reporting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;

/** Settings of the monthly public report. */
@ConfigMapping(prefix = "hotline.report")
public interface ReportConfig {

    /**
     * The hotline's first month: no report is built or published for a month before it (it would show an
     * empty month as if the hotline had run and received no call).
     */
    @WithDefault("2025-07")
    YearMonth firstMonth();

    /** The ministry's website, linked from the public report's header. */
    @WithDefault("https://moit.gov.vn")
    String ministryUrl();

    /** Time zone of month boundaries, hours of day and the nightly schedule. */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();

    /** An abandoned call that waited fewer seconds than this is a short abandon. */
    @WithDefault("5")
    @Min(0)
    int shortAbandonSeconds();

    /** A call answered after waiting at most this many seconds counts towards the service level. */
    @WithDefault("30")
    @Min(0)
    int serviceLevelSeconds();

    /** k of the privacy rule (Suppression): counts from 1 to k-1 are hidden, with what else it takes so that they cannot be worked out; 1 turns suppression off. */
    @WithDefault("3")
    @Min(1)
    int suppressionThreshold();

    /**
     * How often the Open311 feed's privacy rule recounts each month's requests by field and by department in
     * the background (a count over every month since the first); a public request reads the last count and
     * never waits for one, except the first after start. "off" counts on every request instead.
     */
    @WithDefault("5m")
    String open311Recount();

    /** When the nightly build runs (Quartz-style cron, in {@link #zone()}); "off" disables the schedule. */
    @WithDefault("0 30 1 * * ?")
    String cron();

    /** Whether the nightly build runs at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long a build holds the database lock that makes it run once across instances, if the instance dies
     * before releasing it; longer than a build ever takes.
     */
    @WithDefault("PT10M")
    Duration lockLease();
}
