package vn.gov.moit.hotline.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.escalation.SlaPolicy.Allowance;
import vn.gov.moit.hotline.escalation.SlaPolicy.Settings;
import vn.gov.moit.hotline.escalation.SlaPolicy.WorkingPeriod;
import vn.gov.moit.hotline.tickets.Priority;

/**
 * Deadlines worked out by hand on a 2026 calendar. Defaults: URGENT 4 h calendar time; HIGH 7 h 30 min,
 * NORMAL 22 h 30 min, LOW 37 h 30 min of business time in 08:00-12:00 and 13:30-17:00, Monday to Friday.
 */
class SlaPolicyTest {

    /** Vietnam's 2026 days off on working week days (Tet 16-20 Feb, Hung Kings compensated on 27 Apr). */
    private static final Set<LocalDate> HOLIDAYS_2026 = Set.of(
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-02-16"), LocalDate.parse("2026-02-17"), LocalDate.parse("2026-02-18"),
            LocalDate.parse("2026-02-19"), LocalDate.parse("2026-02-20"),
            LocalDate.parse("2026-04-27"), LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-01"),
            LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-02"));

    private final SlaPolicy policy = SlaPolicy.of(Settings.defaults().withHolidays(HOLIDAYS_2026));

    /** A wall-clock time in Vietnam (UTC+7). */
    private static Instant vn(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00").toInstant();
    }

    @Nested
    class BusinessTime {

        @Test
        void highOpenedMidMorningIsDueAtTheSameTimeNextWorkingDay() {
            // Mon 10:00-12:00 (2 h) + 13:30-17:00 (3 h 30) leaves 2 h for Tuesday from 08:00.
            assertThat(policy.deadline(Priority.HIGH, vn("2026-03-02T10:00"))).isEqualTo(vn("2026-03-03T10:00"));
        }

        @Test
        void allowanceUsedUpExactlyAtPeriodEndStaysAtThatEnd() {
            // 4 h + 3 h 30 of Monday: due Monday 17:00, not Tuesday 08:00.
            assertThat(policy.deadline(Priority.HIGH, vn("2026-03-02T08:00"))).isEqualTo(vn("2026-03-02T17:00"));
        }

        @Test
        void morningPeriodEndIsNotPushedPastLunch() {
            // Opened in the lunch break: 13:30-17:00 (3 h 30), then Tuesday 08:00-12:00 takes the last 4 h.
            assertThat(policy.deadline(Priority.HIGH, vn("2026-03-02T12:10"))).isEqualTo(vn("2026-03-03T12:00"));
        }

        @Test
        void lunchBreakDoesNotCount() {
            SlaPolicy twoHours = SlaPolicy.of(Settings.defaults()
                    .withAllowance(Priority.HIGH, Allowance.business(Duration.ofHours(2))));
            // 11:00-12:00, then 13:30-14:30.
            assertThat(twoHours.deadline(Priority.HIGH, vn("2026-03-02T11:00"))).isEqualTo(vn("2026-03-02T14:30"));
            // Opened exactly when the morning ends: the count starts after lunch.
            assertThat(twoHours.deadline(Priority.HIGH, vn("2026-03-02T12:00"))).isEqualTo(vn("2026-03-02T15:30"));
            // Opened exactly when the afternoon starts.
            assertThat(twoHours.deadline(Priority.HIGH, vn("2026-03-02T13:30"))).isEqualTo(vn("2026-03-02T15:30"));
        }

        @Test
        void openedBeforeHoursStartsAtTheFirstPeriod() {
            assertThat(policy.deadline(Priority.HIGH, vn("2026-03-02T06:15"))).isEqualTo(vn("2026-03-02T17:00"));
        }

        @Test
        void openedAfterHoursStartsNextMorning() {
            assertThat(policy.deadline(Priority.HIGH, vn("2026-03-02T19:00"))).isEqualTo(vn("2026-03-03T17:00"));
            assertThat(policy.deadline(Priority.HIGH, vn("2026-03-02T17:00"))).isEqualTo(vn("2026-03-03T17:00"));
        }

        @Test
        void aroundMidnight() {
            assertThat(policy.deadline(Priority.HIGH, vn("2026-03-02T23:59:59"))).isEqualTo(vn("2026-03-03T17:00"));
            assertThat(policy.deadline(Priority.HIGH, vn("2026-03-03T00:00"))).isEqualTo(vn("2026-03-03T17:00"));
        }

        @Test
        void weekendDoesNotCount() {
            // Fri 15:00-17:00 (2 h), Mon 08:00-12:00 (4 h), Mon 13:30-15:00 (1 h 30).
            assertThat(policy.deadline(Priority.HIGH, vn("2026-03-06T15:00"))).isEqualTo(vn("2026-03-09T15:00"));
            // Opened on Saturday: counts from Monday 08:00.
            assertThat(policy.deadline(Priority.HIGH, vn("2026-03-07T10:00"))).isEqualTo(vn("2026-03-09T17:00"));
        }

        @Test
        void normalIsThreeWorkingDays() {
            // Wed 6 h 30, Thu 7 h 30, Fri 7 h 30 = 21 h 30; the last hour on Monday 08:00-09:00.
            assertThat(policy.deadline(Priority.NORMAL, vn("2026-03-04T09:00"))).isEqualTo(vn("2026-03-09T09:00"));
        }

        @Test
        void lowIsFiveWorkingDays() {
            assertThat(policy.deadline(Priority.LOW, vn("2026-03-02T08:00"))).isEqualTo(vn("2026-03-06T17:00"));
        }

        @Test
        void secondsAndMinutesAreKept() {
            assertThat(policy.deadline(Priority.HIGH, vn("2026-03-02T10:17:42"))).isEqualTo(vn("2026-03-03T10:17:42"));
        }
    }

    @Nested
    class Holidays {

        @Test
        void tetHolidaySkipsNineDays() {
            // Fri 13 Feb 16:00-17:00 (1 h); 14-22 Feb off; Mon 23 Feb 08:00-12:00 (4 h), 13:30-16:00 (2 h 30).
            assertThat(policy.deadline(Priority.HIGH, vn("2026-02-13T16:00"))).isEqualTo(vn("2026-02-23T16:00"));
        }

        @Test
        void openedDuringTetStartsAfterIt() {
            assertThat(policy.deadline(Priority.NORMAL, vn("2026-02-18T10:00"))).isEqualTo(vn("2026-02-25T17:00"));
        }

        @Test
        void reunificationAndLabourDays() {
            // Wed 29 Apr 14:00-17:00 (3 h); 30 Apr - 3 May off; Mon 4 May 4 h + 30 min.
            assertThat(policy.deadline(Priority.HIGH, vn("2026-04-29T14:00"))).isEqualTo(vn("2026-05-04T14:00"));
        }

        @Test
        void hungKingsCompensatedOnMonday() {
            assertThat(policy.deadline(Priority.HIGH, vn("2026-04-24T17:00"))).isEqualTo(vn("2026-04-28T17:00"));
        }

        @Test
        void newYearAcrossTheYearEnd() {
            // Wed 31 Dec 2025 13:30-17:00 (3 h 30); 1 Jan off; Fri 2 Jan 08:00-12:00 (4 h).
            assertThat(policy.deadline(Priority.HIGH, vn("2025-12-31T13:30"))).isEqualTo(vn("2026-01-02T12:00"));
        }

        @Test
        void extraWorkingSaturdayCounts() {
            SlaPolicy withoutSwap = SlaPolicy.of(Settings.defaults());
            SlaPolicy withSwap = SlaPolicy.of(Settings.defaults()
                    .withExtraWorkingDays(Set.of(LocalDate.parse("2026-01-10"))));
            // Fri 9 Jan 13:30-17:00 (3 h 30) leaves 4 h.
            assertThat(withoutSwap.deadline(Priority.HIGH, vn("2026-01-09T13:30"))).isEqualTo(vn("2026-01-12T12:00"));
            assertThat(withSwap.deadline(Priority.HIGH, vn("2026-01-09T13:30"))).isEqualTo(vn("2026-01-10T12:00"));
            // Opened on the worked Saturday itself.
            assertThat(withSwap.deadline(Priority.HIGH, vn("2026-01-10T07:00"))).isEqualTo(vn("2026-01-10T17:00"));
        }

        @Test
        void workingDayAndWorkingTime() {
            SlaPolicy withSwap = SlaPolicy.of(policy.settings()
                    .withExtraWorkingDays(Set.of(LocalDate.parse("2026-01-10"))));
            assertThat(withSwap.isWorkingDay(LocalDate.parse("2026-01-10"))).isTrue();
            assertThat(withSwap.isWorkingDay(LocalDate.parse("2026-01-11"))).isFalse();
            assertThat(withSwap.isWorkingDay(LocalDate.parse("2026-02-17"))).isFalse();
            assertThat(withSwap.isWorkingDay(LocalDate.parse("2026-02-23"))).isTrue();

            assertThat(withSwap.isWorkingTime(vn("2026-01-10T09:00"))).isTrue();
            assertThat(withSwap.isWorkingTime(vn("2026-03-02T08:00"))).isTrue();
            assertThat(withSwap.isWorkingTime(vn("2026-03-02T11:59:59"))).isTrue();
            assertThat(withSwap.isWorkingTime(vn("2026-03-02T12:00"))).isFalse();
            assertThat(withSwap.isWorkingTime(vn("2026-03-02T17:00"))).isFalse();
            assertThat(withSwap.isWorkingTime(vn("2026-02-17T09:00"))).isFalse();
        }
    }

    @Nested
    class CalendarTime {

        @Test
        void urgentCountsThroughTheNightAndMonthEnd() {
            assertThat(policy.deadline(Priority.URGENT, vn("2026-01-31T22:30"))).isEqualTo(vn("2026-02-01T02:30"));
        }

        @Test
        void urgentCountsThroughHolidaysAndYearEnd() {
            assertThat(policy.deadline(Priority.URGENT, vn("2026-02-17T21:00"))).isEqualTo(vn("2026-02-18T01:00"));
            assertThat(policy.deadline(Priority.URGENT, vn("2026-12-31T23:00"))).isEqualTo(vn("2027-01-01T03:00"));
        }

        @Test
        void anyPriorityCanBeCalendarTime() {
            SlaPolicy daily = SlaPolicy.of(Settings.defaults()
                    .withAllowance(Priority.LOW, Allowance.calendar(Duration.ofDays(2))));
            assertThat(daily.deadline(Priority.LOW, vn("2026-02-27T18:00"))).isEqualTo(vn("2026-03-01T18:00"));
        }
    }

    @Nested
    class ZoneIndependence {

        @Test
        void sameAnswerWhateverTheJvmDefaultZone() {
            TimeZone original = TimeZone.getDefault();
            try {
                for (String zone : List.of("UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh")) {
                    TimeZone.setDefault(TimeZone.getTimeZone(zone));
                    SlaPolicy built = SlaPolicy.of(Settings.defaults().withHolidays(HOLIDAYS_2026));
                    // 10:00 in Hanoi is 03:00 UTC.
                    assertThat(built.deadline(Priority.HIGH, Instant.parse("2026-03-02T03:00:00Z")))
                            .as("default zone %s", zone)
                            .isEqualTo(Instant.parse("2026-03-03T03:00:00Z"));
                    assertThat(built.deadline(Priority.HIGH, Instant.parse("2026-02-13T09:00:00Z")))
                            .as("default zone %s", zone)
                            .isEqualTo(Instant.parse("2026-02-23T09:00:00Z"));
                }
            } finally {
                TimeZone.setDefault(original);
            }
        }

        @Test
        void businessHoursAreReadInThePolicyZone() {
            // 23:00 UTC on Sunday is 06:00 on Monday in Hanoi: before hours, due Monday 17:00 Hanoi time.
            assertThat(policy.deadline(Priority.HIGH, Instant.parse("2026-03-01T23:00:00Z")))
                    .isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
            SlaPolicy utc = SlaPolicy.of(Settings.defaults().withZone(ZoneId.of("UTC")));
            // In a UTC calendar the same instant is Sunday evening: due Monday 17:00 UTC.
            assertThat(utc.deadline(Priority.HIGH, Instant.parse("2026-03-01T23:00:00Z")))
                    .isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));
        }
    }

    @Nested
    class DeadlineWatch {

        private final Instant deadline = vn("2026-03-03T10:00");

        @Test
        void onTimeUntilTheDeadlineItself() {
            assertThat(policy.isBreached(deadline, vn("2026-03-03T09:59:59"))).isFalse();
            assertThat(policy.isBreached(deadline, deadline)).isFalse();
            assertThat(policy.isBreached(deadline, vn("2026-03-03T10:00:01"))).isTrue();
        }

        @Test
        void remainingIsNegativeWhenOverdue() {
            assertThat(policy.remaining(deadline, vn("2026-03-03T07:30"))).isEqualTo(Duration.ofMinutes(150));
            assertThat(policy.remaining(deadline, deadline)).isZero();
            assertThat(policy.remaining(deadline, vn("2026-03-03T11:00"))).isEqualTo(Duration.ofHours(-1));
        }

        @Test
        void dueSoonWithinTheWindowButNotOnceBreached() {
            Duration window = Duration.ofHours(4);
            assertThat(policy.isDueSoon(deadline, vn("2026-03-03T05:59"), window)).isFalse();
            assertThat(policy.isDueSoon(deadline, vn("2026-03-03T06:00"), window)).isTrue();
            assertThat(policy.isDueSoon(deadline, deadline, window)).isTrue();
            assertThat(policy.isDueSoon(deadline, vn("2026-03-03T10:01"), window)).isFalse();
        }
    }

    @Nested
    class Validation {

        @Test
        void overlappingPeriodsAreRejected() {
            List<WorkingPeriod> overlapping = List.of(WorkingPeriod.parse("08:00-12:00"),
                    WorkingPeriod.parse("11:00-13:00"));
            assertThatThrownBy(() -> Settings.defaults().withPeriods(overlapping))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Working periods 08:00-12:00 and 11:00-13:00 overlap");
        }

        @Test
        void overlapIsFoundWhateverTheOrder() {
            List<WorkingPeriod> unordered = List.of(WorkingPeriod.parse("13:00-17:00"),
                    WorkingPeriod.parse("08:00-13:30"));
            assertThatThrownBy(() -> Settings.defaults().withPeriods(unordered))
                    .hasMessage("Working periods 08:00-13:30 and 13:00-17:00 overlap");
        }

        @Test
        void touchingPeriodsAreAcceptedAndSorted() {
            Settings settings = Settings.defaults().withPeriods(List.of(WorkingPeriod.parse("12:00-17:00"),
                    WorkingPeriod.parse("08:00-12:00")));
            assertThat(settings.periods()).extracting(WorkingPeriod::start)
                    .containsExactly(LocalTime.of(8, 0), LocalTime.of(12, 0));
            assertThat(SlaPolicy.of(settings).deadline(Priority.HIGH, vn("2026-03-02T08:00")))
                    .isEqualTo(vn("2026-03-02T15:30"));
        }

        @Test
        void malformedPeriodsAreRejected() {
            assertThatThrownBy(() -> WorkingPeriod.parse("8h-12h"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A working period is written HH:mm-HH:mm, got '8h-12h'");
            assertThatThrownBy(() -> WorkingPeriod.parse("08:00"))
                    .hasMessage("A working period is written HH:mm-HH:mm, got '08:00'");
            assertThatThrownBy(() -> WorkingPeriod.parse("17:00-08:00"))
                    .hasMessage("A working period must start before it ends, within one day: 17:00-08:00");
        }

        @Test
        void everyPriorityNeedsAPositiveAllowance() {
            Map<Priority, Allowance> missing = new EnumMap<>(Settings.DEFAULT_ALLOWANCES);
            missing.remove(Priority.LOW);
            assertThatThrownBy(() -> new Settings(missing, Settings.DEFAULT_PERIODS, Settings.DEFAULT_WORKING_DAYS,
                    Set.of(), Set.of(), Settings.DEFAULT_ZONE))
                    .hasMessage("No SLA allowance for priority LOW");
            assertThatThrownBy(() -> Allowance.business(Duration.ZERO))
                    .hasMessage("An SLA allowance must be positive, got PT0S");
        }

        @Test
        void aDateCannotBeBothHolidayAndWorkingDay() {
            assertThatThrownBy(() -> Settings.defaults().withHolidays(HOLIDAYS_2026)
                    .withExtraWorkingDays(Set.of(LocalDate.parse("2026-02-17"))))
                    .hasMessage("Dates listed both as holidays and as extra working days: [2026-02-17]");
        }

        @Test
        void businessTimeNeedsSomeWorkingTime() {
            assertThatThrownBy(() -> Settings.defaults().withPeriods(List.of()))
                    .hasMessage("Business-time allowances need at least one working period and one working day");
            assertThatThrownBy(() -> new Settings(Settings.DEFAULT_ALLOWANCES, Settings.DEFAULT_PERIODS,
                    Set.<DayOfWeek>of(), Set.of(), Set.of(), Settings.DEFAULT_ZONE))
                    .hasMessage("Business-time allowances need at least one working period and one working day");
        }

        @Test
        void settingsAreCopied() {
            java.util.HashSet<LocalDate> holidays = new java.util.HashSet<>(HOLIDAYS_2026);
            Settings settings = Settings.defaults().withHolidays(holidays);
            holidays.clear();
            assertThat(settings.holidays()).hasSize(HOLIDAYS_2026.size());
            assertThatThrownBy(() -> settings.holidays().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
