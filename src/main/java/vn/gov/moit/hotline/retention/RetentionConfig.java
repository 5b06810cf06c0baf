package vn.gov.moit.hotline.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How long callers' personal data (number and name) is kept. The period is a legal decision for the ministry
 * (its regulations on personal data protection and on archiving citizens' petitions); the default of 365 days
 * is a placeholder until the ministry sets it.
 */
@ConfigMapping(prefix = "hotline.retention")
public interface RetentionConfig {

    /** How long a caller's number and name are kept after the call ended or the ticket was closed (ISO-8601). */
    @WithDefault("P365D")
    Duration period();

    /** Quartz cron of the daily removal (seconds first), in {@link #zone()}; "off" removes the schedule. */
    @WithDefault("0 30 2 * * ?")
    String cron();

    /** Zone of the schedule. */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();

    /** Off switch of the scheduled removal; the administrator's endpoint still works. */
    @WithDefault("true")
    boolean enabled();

    /** How long a run's database lock lasts if its instance dies mid-run. */
    @WithDefault("PT30M")
    Duration lockLease();
}
