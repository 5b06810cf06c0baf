package vn.gov.moit.hotline.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import vn.gov.moit.hotline.escalation.SlaPolicy.TimeBasis;

/**
 * Escalation settings: the SLA calendar and the deadline watch job.
 *
 * <p>Durations are ISO-8601 ({@code PT4H}, {@code PT7H30M}); Quarkus also accepts the short forms
 * {@code 4h}, {@code 30m}. Lists are comma-separated. The SLA policy itself is built by
 * {@link SlaPolicyProducer#policyOf(EscalationConfig)}.
 *
 * <p><b>Holidays must be reviewed every year.</b> Vietnam's official days off are announced each year
 * (Tet and the Hung Kings day follow the lunar calendar; a holiday on a weekend is compensated on the
 * next working day; the government sometimes swaps a Saturday to bridge a holiday). The defaults hold the
 * 2026 schedule for civil servants and the 2027 days that do not depend on an announcement: New Year
 * 2026-01-01; Tet Binh Ngo, 9 days from Sat 14 to Sun 22 February 2026, of which the working days
 * 2026-02-16..20; Hung Kings on Sun 2026-04-26, compensated Mon 2026-04-27; Reunification Day 2026-04-30
 * and Labour Day 2026-05-01; National Day 2026-09-01 and 2026-09-02; New Year 2027-01-01;
 * 2027-04-30; Labour Day on Sat 2027-05-01, compensated Mon 2027-05-03; National Day 2027-09-02. Tet
 * 2027, Hung Kings 2027 and the second National Day 2027 day are not in the list: add them when the
 * government announces them, together with any swapped working Saturday in {@link #extraWorkingDays()}.
 */
@ConfigMapping(prefix = "hotline.escalation")
public interface EscalationConfig {

    /** Time URGENT escalations have to be answered. */
    @WithDefault("PT4H")
    Duration urgentAllowance();

    /** Whether URGENT time counts around the clock (calendar) or in working hours only (business). */
    @WithDefault("calendar")
    TimeBasis urgentBasis();

    /** Time HIGH escalations have to be answered: one working day of the default periods. */
    @WithDefault("PT7H30M")
    Duration highAllowance();

    /** Whether HIGH time counts around the clock (calendar) or in working hours only (business). */
    @WithDefault("business")
    TimeBasis highBasis();

    /** Time NORMAL escalations have to be answered: three working days of the default periods. */
    @WithDefault("PT22H30M")
    Duration normalAllowance();

    /** Whether NORMAL time counts around the clock (calendar) or in working hours only (business). */
    @WithDefault("business")
    TimeBasis normalBasis();

    /** Time LOW escalations have to be answered: five working days of the default periods. */
    @WithDefault("PT37H30M")
    Duration lowAllowance();

    /** Whether LOW time counts around the clock (calendar) or in working hours only (business). */
    @WithDefault("business")
    TimeBasis lowBasis();

    /** Daily working periods of the ministry's departments, {@code HH:mm-HH:mm}, lunch break excluded. */
    @WithDefault("08:00-12:00,13:30-17:00")
    List<String> businessPeriods();

    /** Week days on which the business periods apply. */
    @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
    List<DayOfWeek> workingDays();

    /** Days off on working week days (ISO dates); review every year, see the type's documentation. */
    @WithDefault("2026-01-01,2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20,2026-04-26,2026-04-27,"
            + "2026-04-30,2026-05-01,2026-09-01,2026-09-02,"
            + "2027-01-01,2027-04-30,2027-05-03,2027-09-02")
    List<LocalDate> holidays();

    /** Rest-day dates worked in exchange for a bridge day off (ISO dates), none by default. */
    Optional<List<LocalDate>> extraWorkingDays();

    /** Zone whose wall clock the periods, working days and holidays are read in. */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();

    /** How close to its deadline an open escalation is flagged as due soon. */
    @WithDefault("PT4H")
    Duration dueSoonWindow();

    /**
     * When the department is reminded of an escalation it has not answered, in percent of its allowance (counted
     * like the allowance: in working time for business priorities); each fires once. Empty: no reminders.
     */
    @WithDefault("50,90")
    List<Integer> reminders();

    /** The deadline watch job, which marks breached escalations and raises them. */
    Watch watch();

    /** Settings of the deadline watch job. */
    interface Watch {

        /** Off switch of the watch job; deadlines are still computed when it is off. */
        @WithDefault("true")
        boolean enabled();

        /** Quartz cron of the watch job (seconds first); the default runs every 5 minutes. */
        @WithDefault("0 0/5 * * * ?")
        String cron();

        /**
         * How long a run's database lock lasts if its instance dies mid-run; the watch runs on one instance at a
         * time, and a run takes seconds.
         */
        @WithDefault("PT4M")
        Duration lockLease();
    }
}
