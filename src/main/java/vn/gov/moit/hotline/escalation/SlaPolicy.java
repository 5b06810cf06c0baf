package vn.gov.moit.hotline.escalation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import vn.gov.moit.hotline.tickets.Priority;

/**
 * The service-level agreement of an escalation: how long a department has to answer, by priority, and
 * whether that time runs around the clock or only while government offices work.
 *
 * <p>A pure, immutable function of its {@link Settings}: no clock, no CDI, no default time zone. The
 * same inputs give the same deadline on any machine.
 *
 * <p><b>Calendar time</b> allowances are added to the opening instant as they are (24/7, crossing nights,
 * weekends and holidays). <b>Business time</b> allowances run only inside the daily working periods of
 * working days, in the policy's zone:
 * <ul>
 *   <li>a working day is a listed week day that is not a holiday, or any date listed as an extra working
 *       day (Vietnam sometimes moves a Saturday's rest to bridge a holiday and works that Saturday);</li>
 *   <li>an escalation opened outside working time starts counting at the start of the next working
 *       period (so one opened at 12:10 starts at 13:30, one opened on Friday evening at Monday 08:00);</li>
 *   <li>the deadline always falls inside a working period; when the allowance is used up exactly at the
 *       end of a period the deadline is that end (17:00), not the start of the next one.</li>
 * </ul>
 *
 * <p>Defaults ({@link Settings#defaults()}), for a ministry that answers in office hours while the
 * hotline itself runs 24/7:
 * <table>
 *   <caption>Default allowances</caption>
 *   <tr><th>priority</th><th>allowance</th><th>counted in</th><th>meaning</th></tr>
 *   <tr><td>URGENT</td><td>4 h</td><td>calendar time</td><td>within 4 hours, nights and holidays included</td></tr>
 *   <tr><td>HIGH</td><td>7 h 30 min</td><td>business time</td><td>1 working day: same time next working day</td></tr>
 *   <tr><td>NORMAL</td><td>22 h 30 min</td><td>business time</td><td>3 working days</td></tr>
 *   <tr><td>LOW</td><td>37 h 30 min</td><td>business time</td><td>5 working days</td></tr>
 * </table>
 * A working day of the default periods (08:00-12:00 and 13:30-17:00, Monday to Friday, Asia/Ho_Chi_Minh)
 * holds 7 h 30 min, so business allowances are given as whole multiples of it: whoever changes the
 * periods should change the allowances with them.
 */
public final class SlaPolicy {

    /** Bound on the search for working time, so a calendar with no working day fails instead of looping. */
    private static final int MAX_DAYS_SEARCHED = 3 * 366;

    private final Settings settings;

    private SlaPolicy(Settings settings) {
        this.settings = settings;
    }

    /** A policy for these settings (already validated by {@link Settings}). */
    public static SlaPolicy of(Settings settings) {
        return new SlaPolicy(Objects.requireNonNull(settings, "settings"));
    }

    /** The documented default policy, with no holidays: real deployments take theirs from configuration. */
    public static SlaPolicy defaults() {
        return of(Settings.defaults());
    }

    /** The settings this policy was built from. */
    public Settings settings() {
        return settings;
    }

    /** The allowance of a priority. */
    public Allowance allowance(Priority priority) {
        return settings.allowances().get(Objects.requireNonNull(priority, "priority"));
    }

    /**
     * When an escalation of this priority, opened at {@code openedAt}, must be answered.
     *
     * @throws IllegalStateException if business time is needed and none is found within three years
     */
    public Instant deadline(Priority priority, Instant openedAt) {
        return elapsed(priority, openedAt, 100);
    }

    /**
     * When {@code percent} of the allowance of an escalation of this priority, opened at {@code openedAt}, has
     * been used, counted like the allowance itself (a reminder at half of three working days falls in working
     * time, a weekend later if need be).
     */
    public Instant elapsed(Priority priority, Instant openedAt, int percent) {
        Objects.requireNonNull(openedAt, "openedAt");
        Allowance allowance = allowance(priority);
        Duration part = percent == 100 ? allowance.duration() : allowance.duration().multipliedBy(percent).dividedBy(100);
        if (allowance.basis() == TimeBasis.CALENDAR) {
            return openedAt.plus(part);
        }
        return addBusinessTime(openedAt, part);
    }

    /**
     * Wall-clock time left until the deadline: positive before it, zero at it, negative once overdue (by
     * how much it is overdue).
     */
    public Duration remaining(Instant deadline, Instant now) {
        return Duration.between(Objects.requireNonNull(now, "now"), Objects.requireNonNull(deadline, "deadline"));
    }

    /** Whether the deadline has passed: answering exactly at the deadline is still on time. */
    public boolean isBreached(Instant deadline, Instant now) {
        return now.isAfter(Objects.requireNonNull(deadline, "deadline"));
    }

    /** Whether the deadline is not yet breached but at most {@code window} away. */
    public boolean isDueSoon(Instant deadline, Instant now, Duration window) {
        Objects.requireNonNull(window, "window");
        return !isBreached(deadline, now) && remaining(deadline, now).compareTo(window) <= 0;
    }

    /** Whether the date is a working day: a working week day that is not a holiday, or an extra working day. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (settings.extraWorkingDays().contains(date)) {
            return true;
        }
        return settings.workingDays().contains(date.getDayOfWeek()) && !settings.holidays().contains(date);
    }

    /** Whether the instant is inside a working period of a working day (period starts in, ends out). */
    public boolean isWorkingTime(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(Objects.requireNonNull(instant, "instant"), settings.zone());
        if (!isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return settings.periods().stream().anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
    }

    private Instant addBusinessTime(Instant openedAt, Duration allowance) {
        LocalDateTime opened = LocalDateTime.ofInstant(openedAt, settings.zone());
        LocalDate day = opened.toLocalDate();
        LocalTime from = opened.toLocalTime();
        Duration left = allowance;
        for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
            if (isWorkingDay(day)) {
                for (WorkingPeriod period : settings.periods()) {
                    LocalTime start = from.isAfter(period.start()) ? from : period.start();
                    if (!start.isBefore(period.end())) {
                        continue;
                    }
                    Duration available = Duration.between(start, period.end());
                    if (left.compareTo(available) <= 0) {
                        return ZonedDateTime.of(day, start.plus(left), settings.zone()).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            day = day.plusDays(1);
            from = LocalTime.MIDNIGHT;
        }
        throw new IllegalStateException("No working time found within " + MAX_DAYS_SEARCHED + " days after "
                + openedAt + ": check the working days and holidays of the SLA calendar");
    }

    @Override
    public String toString() {
        return "SlaPolicy" + settings;
    }

    /** How an allowance is counted. */
    public enum TimeBasis {
        /** Around the clock: nights, weekends and holidays count. */
        CALENDAR,
        /** Only inside the working periods of working days. */
        BUSINESS
    }

    /** How long a priority gives, and how that time is counted. */
    public record Allowance(Duration duration, TimeBasis basis) {

        public Allowance {
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(basis, "basis");
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("An SLA allowance must be positive, got " + duration);
            }
        }

        /** An allowance counted around the clock. */
        public static Allowance calendar(Duration duration) {
            return new Allowance(duration, TimeBasis.CALENDAR);
        }

        /** An allowance counted in working time only. */
        public static Allowance business(Duration duration) {
            return new Allowance(duration, TimeBasis.BUSINESS);
        }
    }

    /**
     * One daily working period, such as 08:00-12:00; start inclusive, end exclusive. A period lies within
     * one day: it cannot cross midnight.
     */
    public record WorkingPeriod(LocalTime start, LocalTime end) {

        public WorkingPeriod {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException(
                        "A working period must start before it ends, within one day: " + start + "-" + end);
            }
        }

        /** Parses {@code HH:mm-HH:mm}, e.g. {@code 13:30-17:00}. */
        public static WorkingPeriod parse(String text) {
            Objects.requireNonNull(text, "text");
            String[] parts = text.trim().split("-", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("A working period is written HH:mm-HH:mm, got '" + text + "'");
            }
            try {
                return new WorkingPeriod(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("A working period is written HH:mm-HH:mm, got '" + text + "'", e);
            }
        }

        /** How long the period lasts. */
        public Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    /**
     * Everything an {@link SlaPolicy} is built from. Collections are copied; periods are kept sorted by
     * start.
     *
     * @param allowances allowance of every {@link Priority}; all four must be present
     * @param periods daily working periods, non-overlapping (touching is allowed)
     * @param workingDays week days on which the periods apply
     * @param holidays dates that are not working days even on a working week day
     * @param extraWorkingDays dates that are working days even on a rest week day (a worked Saturday)
     * @param zone the zone whose wall clock the periods, days and holidays are read in
     */
    public record Settings(Map<Priority, Allowance> allowances, List<WorkingPeriod> periods,
            Set<DayOfWeek> workingDays, Set<LocalDate> holidays, Set<LocalDate> extraWorkingDays, ZoneId zone) {

        /** Vietnamese government offices: morning and afternoon with the lunch break between. */
        public static final List<WorkingPeriod> DEFAULT_PERIODS = List.of(
                new WorkingPeriod(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new WorkingPeriod(LocalTime.of(13, 30), LocalTime.of(17, 0)));

        /** Monday to Friday. */
        public static final Set<DayOfWeek> DEFAULT_WORKING_DAYS = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY));

        /** Asia/Ho_Chi_Minh (UTC+7, no daylight saving time). */
        public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

        /** The documented default allowances: see {@link SlaPolicy}. */
        public static final Map<Priority, Allowance> DEFAULT_ALLOWANCES = Map.of(
                Priority.URGENT, Allowance.calendar(Duration.ofHours(4)),
                Priority.HIGH, Allowance.business(Duration.ofMinutes(7 * 60 + 30)),
                Priority.NORMAL, Allowance.business(Duration.ofMinutes(3 * (7 * 60 + 30))),
                Priority.LOW, Allowance.business(Duration.ofMinutes(5 * (7 * 60 + 30))));

        public Settings {
            Objects.requireNonNull(allowances, "allowances");
            Objects.requireNonNull(periods, "periods");
            Objects.requireNonNull(workingDays, "workingDays");
            Objects.requireNonNull(holidays, "holidays");
            Objects.requireNonNull(extraWorkingDays, "extraWorkingDays");
            Objects.requireNonNull(zone, "zone");

            EnumMap<Priority, Allowance> byPriority = new EnumMap<>(Priority.class);
            byPriority.putAll(allowances);
            for (Priority priority : Priority.values()) {
                if (byPriority.get(priority) == null) {
                    throw new IllegalArgumentException("No SLA allowance for priority " + priority);
                }
            }
            allowances = Map.copyOf(byPriority);

            List<WorkingPeriod> sorted = new ArrayList<>(periods);
            sorted.sort(Comparator.comparing(WorkingPeriod::start));
            for (int i = 1; i < sorted.size(); i++) {
                WorkingPeriod previous = sorted.get(i - 1);
                WorkingPeriod next = sorted.get(i);
                if (next.start().isBefore(previous.end())) {
                    throw new IllegalArgumentException(
                            "Working periods " + previous + " and " + next + " overlap");
                }
            }
            periods = List.copyOf(sorted);
            workingDays = Set.copyOf(workingDays);
            holidays = Set.copyOf(holidays);
            extraWorkingDays = Set.copyOf(extraWorkingDays);

            TreeSet<LocalDate> both = new TreeSet<>(holidays);
            both.retainAll(extraWorkingDays);
            if (!both.isEmpty()) {
                throw new IllegalArgumentException(
                        "Dates listed both as holidays and as extra working days: " + both);
            }
            boolean countsBusinessTime = allowances.values().stream()
                    .anyMatch(a -> a.basis() == TimeBasis.BUSINESS);
            if (countsBusinessTime && (periods.isEmpty() || workingDays.isEmpty())) {
                throw new IllegalArgumentException(
                        "Business-time allowances need at least one working period and one working day");
            }
        }

        /** Default allowances, periods, week and zone, with no holidays and no extra working days. */
        public static Settings defaults() {
            return new Settings(DEFAULT_ALLOWANCES, DEFAULT_PERIODS, DEFAULT_WORKING_DAYS, Set.of(), Set.of(),
                    DEFAULT_ZONE);
        }

        /** A copy with these holidays. */
        public Settings withHolidays(Set<LocalDate> newHolidays) {
            return new Settings(allowances, periods, workingDays, newHolidays, extraWorkingDays, zone);
        }

        /** A copy with these extra working days. */
        public Settings withExtraWorkingDays(Set<LocalDate> newExtraWorkingDays) {
            return new Settings(allowances, periods, workingDays, holidays, newExtraWorkingDays, zone);
        }

        /** A copy with these working periods. */
        public Settings withPeriods(List<WorkingPeriod> newPeriods) {
            return new Settings(allowances, newPeriods, workingDays, holidays, extraWorkingDays, zone);
        }

        /** A copy with this allowance for one priority. */
        public Settings withAllowance(Priority priority, Allowance allowance) {
            EnumMap<Priority, Allowance> changed = new EnumMap<>(allowances);
            changed.put(priority, allowance);
            return new Settings(changed, periods, workingDays, holidays, extraWorkingDays, zone);
        }

        /** A copy read in another zone. */
        public Settings withZone(ZoneId newZone) {
            return new Settings(allowances, periods, workingDays, holidays, extraWorkingDays, newZone);
        }
    }
}
