package vn.gov.moit.hotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static vn.gov.moit.hotline.reporting.JulyFixture.AFTER_JULY;
import static vn.gov.moit.hotline.reporting.JulyFixture.HCM;
import static vn.gov.moit.hotline.reporting.JulyFixture.JULY;
import static vn.gov.moit.hotline.reporting.JulyFixture.call;
import static vn.gov.moit.hotline.reporting.JulyFixture.july;
import static vn.gov.moit.hotline.reporting.JulyFixture.local;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Every figure of the report against numbers worked out by hand from {@link JulyFixture}. */
class MonthlyReportCalculatorTest {

    /** Suppression off (k = 1) so every raw count is visible. */
    private static final ReportParameters NO_SUPPRESSION = new ReportParameters(HCM, 5, 30, 1, 60);

    private static MonthlyReport julyReport(ReportParameters parameters) {
        return new MonthlyReportCalculator(parameters)
                .calculate(JULY, AFTER_JULY, JulyFixture.calls(), JulyFixture.tickets());
    }

    @Test
    void everyCallFigureOfTheMonth() {
        MonthlyReport report = julyReport(NO_SUPPRESSION);

        assertThat(report.preview()).isFalse();
        assertThat(display(report, "calls.offered")).isEqualTo("13");
        assertThat(display(report, "calls.answered")).isEqualTo("6");
        assertThat(display(report, "calls.abandoned")).isEqualTo("5");
        // waits 3 and 4 are short; 5 is not (< 5 s), nor is an unrecorded wait
        assertThat(display(report, "calls.abandoned_short")).isEqualTo("2");
        assertThat(display(report, "calls.missed")).isEqualTo("1");
        assertThat(display(report, "calls.outcome_unknown")).isEqualTo("1");
        // 6 / 13 = 46.15 %
        assertThat(display(report, "calls.answer_rate")).isEqualTo("46.2");
        // 5 / 13 = 38.46 %
        assertThat(display(report, "calls.abandon_rate")).isEqualTo("38.5");
        // waits 10, 30, 0 are within 30 s; 31, 45 and unrecorded are not: 3 / (13 - 2) = 27.27 %
        assertThat(display(report, "calls.service_level")).isEqualTo("27.3");
        // (10 + 30 + 31 + 45 + 0) / 5 = 23.2
        assertThat(display(report, "calls.average_speed_of_answer")).isEqualTo("23");
        // (120 + 300 + 200 + 62) / 4 = 170.5, half-up
        assertThat(display(report, "calls.average_talk_time")).isEqualTo("171");
        // abandoned after 90 s; missed (500) and unknown (600) calls have no wait that counts
        assertThat(display(report, "calls.longest_wait")).isEqualTo("90");
    }

    @Test
    void theCallbackFiguresCountCallersReachedBackWithinTheTargetAndTheMedianTimeToTheFirstAttempt() {
        java.time.Instant miss = JulyFixture.local(2025, 7, 10, 9, 0, 0);
        List<CallbackFact> callbacks = List.of(
                // reached within the target, first attempt after 10 min
                new CallbackFact(miss, false, miss.plusSeconds(600), true, false),
                // reached too late, first attempt after 20 min
                new CallbackFact(miss, false, miss.plusSeconds(1200), false, false),
                // unreachable after the attempts, first attempt after 30 min
                new CallbackFact(miss, false, miss.plusSeconds(1800), false, true),
                // never attempted yet
                new CallbackFact(miss, false, null, false, false),
                // withheld: counted, not callable
                new CallbackFact(miss, true, null, false, false),
                // June's: not July's figure
                new CallbackFact(JulyFixture.local(2025, 6, 30, 23, 0, 0), false, null, true, false));
        MonthlyReport report = new MonthlyReportCalculator(NO_SUPPRESSION)
                .calculate(JULY, AFTER_JULY, JulyFixture.calls(), JulyFixture.tickets(), callbacks);

        assertThat(display(report, "calls.callbacks_callers")).isEqualTo("5");
        // 1 reached in time / 4 callers with a number
        assertThat(display(report, "calls.callbacks_reached_within_target")).isEqualTo("25.0");
        // nearest-rank median of 600, 1200, 1800
        assertThat(display(report, "calls.callbacks_first_attempt_median")).isEqualTo("1200");
        assertThat(display(report, "calls.callbacks_unreachable")).isEqualTo("1");
        assertThat(display(report, "calls.callbacks_withheld")).isEqualTo("1");
        assertThat(report.metric("calls.callbacks_reached_within_target").formulaVi()).contains("trong vòng 60 phút");
        // Without callers to call back, a share has no value and the counts are zero.
        MonthlyReport none = julyReport(NO_SUPPRESSION);
        assertThat(display(none, "calls.callbacks_callers")).isEqualTo("0");
        assertThat(display(none, "calls.callbacks_reached_within_target")).isEqualTo("—");
    }

    @Test
    void callsByHourAndDayInLocalTime() {
        MonthlyReport report = julyReport(NO_SUPPRESSION);

        Map<String, String> byHour = cells(report, "calls.by_hour");
        assertThat(byHour.keySet()).containsExactly("00", "01", "02", "03", "04", "05", "06", "07", "08", "09",
                "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23");
        Map<String, String> expectedHours = new LinkedHashMap<>();
        byHour.keySet().forEach(h -> expectedHours.put(h, "0"));
        expectedHours.put("00", "1");
        expectedHours.put("08", "2");
        expectedHours.put("09", "1");
        expectedHours.put("10", "3");
        expectedHours.put("12", "2");
        expectedHours.put("14", "2");
        expectedHours.put("23", "2");
        assertThat(byHour).containsExactlyEntriesOf(expectedHours);

        Map<String, String> byDay = cells(report, "calls.by_day");
        assertThat(byDay).hasSize(31);
        assertThat(byDay.keySet()).startsWith("01", "02", "03").endsWith("30", "31");
        assertThat(byDay).contains(entry("01", "3"), entry("02", "3"), entry("03", "2"), entry("15", "1"),
                entry("20", "2"), entry("31", "2"), entry("04", "0"), entry("30", "0"));
        assertThat(byDay.values().stream().filter(v -> !v.equals("0"))).hasSize(6);
    }

    @Test
    void everyTicketFigureOfTheMonth() {
        MonthlyReport report = julyReport(NO_SUPPRESSION);

        // T1-T8 and T10; T9 is a duplicate, T11-T13 are June's, T14 August's
        assertThat(display(report, "tickets.opened")).isEqualTo("9");
        assertThat(display(report, "tickets.resolved_on_call")).isEqualTo("2");
        assertThat(display(report, "tickets.escalated")).isEqualTo("7");
        assertThat(display(report, "tickets.raised_to_leaders")).isEqualTo("1");
        // decided: T2, T3, T4, T5, T10 (T6 undecided, T8 has no deadline); on time: T2, T4, T10 -> 3 / 5
        assertThat(display(report, "tickets.answered_within_deadline")).isEqualTo("60.0");
        // answered by month end: 1.5 h, 6 h, 24.05 h, 72 h, 168 h; rank ceil(2.5) = 3 -> 24.05 h, half-up
        assertThat(display(report, "tickets.time_to_answer_median")).isEqualTo("24.1");
        // rank ceil(4.5) = 5
        assertThat(display(report, "tickets.time_to_answer_p90")).isEqualTo("168.0");
        // T3, T5, T6 (closed in August), T7 (closed at 00:00 on 1 August), T11 (June)
        assertThat(display(report, "tickets.open_at_month_end")).isEqualTo("5");
    }

    @Test
    void ticketsByCodeSortedByKey() {
        MonthlyReport report = julyReport(NO_SUPPRESSION);

        assertThat(cells(report, "tickets.by_field")).containsExactly(
                entry("ECOM", "4"), entry("ENERGY", "3"), entry("IMPORT", "1"), entry("UNSPECIFIED", "1"));
        assertThat(cells(report, "tickets.by_province")).containsExactly(
                entry("DN", "1"), entry("HCM", "2"), entry("HN", "5"), entry("UNSPECIFIED", "1"));
        assertThat(cells(report, "tickets.by_department")).containsExactly(
                entry("DIEN", "3"), entry("TMDT", "3"), entry("UNSPECIFIED", "2"), entry("XNK", "1"));
        assertThat(cells(report, "tickets.by_caller_type")).containsExactly(
                entry("BUSINESS", "4"), entry("CITIZEN", "3"), entry("OTHER", "1"), entry("PC_COMMUNE", "1"));
    }

    @Test
    void everyMetricHasKeyLabelsUnitAndFormulaInBothLanguages() {
        MonthlyReport report = julyReport(ReportParameters.DEFAULTS);

        assertThat(report.metrics()).extracting(MetricValue::key).containsExactly(
                "calls.offered", "calls.answered", "calls.abandoned", "calls.abandoned_short", "calls.missed",
                "calls.outcome_unknown", "calls.answer_rate", "calls.abandon_rate", "calls.service_level",
                "calls.average_speed_of_answer", "calls.average_talk_time", "calls.longest_wait",
                "calls.callbacks_callers", "calls.callbacks_reached_within_target",
                "calls.callbacks_first_attempt_median", "calls.callbacks_unreachable", "calls.callbacks_withheld",
                "tickets.opened", "tickets.resolved_on_call", "tickets.escalated", "tickets.raised_to_leaders",
                "tickets.answered_within_deadline", "tickets.time_to_answer_median", "tickets.time_to_answer_p90",
                "tickets.open_at_month_end");
        assertThat(report.breakdowns()).extracting(Breakdown::key).containsExactly("calls.by_hour",
                "calls.by_day", "tickets.by_field", "tickets.by_province", "tickets.by_department",
                "tickets.by_caller_type");
        assertThat(report.metrics()).allSatisfy(m -> {
            assertThat(m.labelVi()).isNotBlank();
            assertThat(m.labelEn()).isNotBlank();
            assertThat(m.formulaVi()).isNotBlank().doesNotContain("{");
            assertThat(m.formulaEn()).isNotBlank().doesNotContain("{");
        });
        assertThat(report.metric("calls.service_level").formulaEn())
                .isEqualTo("Calls answered after waiting ≤ 30 s / (Calls offered − Short abandons) × 100");
        assertThat(report.metric("calls.abandoned_short").formulaVi()).contains("< 5 giây");
        assertThat(report.metric("calls.answer_rate").unit()).isEqualTo(Unit.PERCENT);
        assertThat(report.metric("calls.longest_wait").unit()).isEqualTo(Unit.SECONDS);
        assertThat(report.metric("tickets.time_to_answer_p90").unit()).isEqualTo(Unit.HOURS);
    }

    @Test
    void lastSecondOfTheMonthLocalIsNotTheFirstOfTheNextWhateverTheDefaultZone() {
        // 31 July 2025 16:59:59Z = 23:59:59 local; 17:00:00Z = 00:00 on 1 August local
        List<CallFact> calls = List.of(
                call(Instant.parse("2025-07-31T16:59:59Z"), CallOutcome.COMPLETED, 1, 1),
                call(Instant.parse("2025-07-31T17:00:00Z"), CallOutcome.COMPLETED, 1, 1));
        TimeZone before = TimeZone.getDefault();
        try {
            for (String zone : List.of("UTC", "America/Los_Angeles", "Pacific/Kiritimati")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                MonthlyReportCalculator calculator = new MonthlyReportCalculator(NO_SUPPRESSION);
                MonthlyReport july = calculator.calculate(JULY, AFTER_JULY, calls, List.of());
                MonthlyReport august = calculator.calculate(YearMonth.of(2025, 8), local(2025, 9, 1, 1, 30, 0),
                        calls, List.of());

                assertThat(display(july, "calls.offered")).as(zone).isEqualTo("1");
                assertThat(cells(july, "calls.by_day")).as(zone).containsEntry("31", "1");
                assertThat(cells(july, "calls.by_hour")).as(zone).containsEntry("23", "1");
                assertThat(display(august, "calls.offered")).as(zone).isEqualTo("1");
                assertThat(cells(august, "calls.by_day")).as(zone).containsEntry("01", "1");
                assertThat(cells(august, "calls.by_hour")).as(zone).containsEntry("00", "1");
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void emptyMonthHasZeroCountsAndAbsentRatesNeverNaN() {
        MonthlyReport report = new MonthlyReportCalculator(ReportParameters.DEFAULTS)
                .calculate(YearMonth.of(2025, 9), local(2025, 10, 1, 1, 30, 0), List.of(), List.of());

        for (String count : List.of("calls.offered", "calls.answered", "calls.abandoned", "calls.abandoned_short",
                "calls.missed", "calls.outcome_unknown", "tickets.opened", "tickets.resolved_on_call",
                "tickets.escalated", "tickets.raised_to_leaders", "tickets.open_at_month_end")) {
            assertThat(report.metric(count).value()).as(count)
                    .isEqualTo(new PublicValue(BigDecimal.ZERO, false, "0"));
        }
        for (String absent : List.of("calls.answer_rate", "calls.abandon_rate", "calls.service_level",
                "calls.average_speed_of_answer", "calls.average_talk_time", "calls.longest_wait",
                "tickets.answered_within_deadline", "tickets.time_to_answer_median",
                "tickets.time_to_answer_p90")) {
            assertThat(report.metric(absent).value()).as(absent).isEqualTo(new PublicValue(null, false, "—"));
        }
        assertThat(cells(report, "calls.by_hour")).hasSize(24).allSatisfy((k, v) -> assertThat(v).isEqualTo("0"));
        assertThat(cells(report, "calls.by_day")).hasSize(30).allSatisfy((k, v) -> assertThat(v).isEqualTo("0"));
        assertThat(cells(report, "tickets.by_field")).isEmpty();

        String json = new String(report.toJson(), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity").contains("\"value\": null");
    }

    @Test
    void februaryOfALeapYearHas29Days() {
        List<CallFact> calls = List.of(
                call(local(2024, 2, 29, 23, 59, 59), CallOutcome.MISSED, null, null),
                call(local(2024, 3, 1, 0, 0, 0), CallOutcome.MISSED, null, null));

        MonthlyReport leap = new MonthlyReportCalculator(NO_SUPPRESSION)
                .calculate(YearMonth.of(2024, 2), local(2024, 3, 1, 1, 30, 0), calls, List.of());
        MonthlyReport common = new MonthlyReportCalculator(NO_SUPPRESSION)
                .calculate(YearMonth.of(2025, 2), local(2025, 3, 1, 1, 30, 0), calls, List.of());

        assertThat(cells(leap, "calls.by_day")).hasSize(29).containsEntry("29", "1");
        assertThat(display(leap, "calls.offered")).isEqualTo("1");
        assertThat(cells(common, "calls.by_day")).hasSize(28).doesNotContainKey("29");
    }

    @Test
    void ratesAndDurationsRoundHalfUp() {
        List<CallFact> calls = new ArrayList<>();
        calls.add(call(july(1, 8, 0), CallOutcome.COMPLETED, 1, 1));
        calls.add(call(july(1, 8, 1), CallOutcome.COMPLETED, 4, 2));
        for (int i = 0; i < 14; i++) {
            calls.add(call(july(2, 8, i), CallOutcome.MISSED, null, null));
        }
        MonthlyReport report = new MonthlyReportCalculator(NO_SUPPRESSION)
                .calculate(JULY, AFTER_JULY, calls, List.of());

        // 2 / 16 = 12.5 % exactly; waits (1 + 4) / 2 = 2.5 s -> 3 s (half-even would give 2); talk 1.5 s -> 2 s
        assertThat(display(report, "calls.answer_rate")).isEqualTo("12.5");
        assertThat(display(report, "calls.average_speed_of_answer")).isEqualTo("3");
        assertThat(display(report, "calls.average_talk_time")).isEqualTo("2");

        calls.remove(0);
        report = new MonthlyReportCalculator(NO_SUPPRESSION).calculate(JULY, AFTER_JULY, calls, List.of());
        // 1 / 15 = 6.666 % -> 6.7
        assertThat(display(report, "calls.answer_rate")).isEqualTo("6.7");
        calls.add(call(july(3, 8, 0), CallOutcome.MISSED, null, null));
        report = new MonthlyReportCalculator(NO_SUPPRESSION).calculate(JULY, AFTER_JULY, calls, List.of());
        // 1 / 16 = 6.25 % -> 6.3 (half-even would give 6.2)
        assertThat(display(report, "calls.answer_rate")).isEqualTo("6.3");
    }

    @Test
    void previewJudgesDeadlinesAndOpenTicketsAtTheTimeTheDataWasRead() {
        // read at 12:00 on 11 July: T5's deadline (12 July) has not passed yet, T6 and T10 are not answered yet
        MonthlyReport preview = new MonthlyReportCalculator(NO_SUPPRESSION)
                .calculate(JULY, july(11, 12, 0), JulyFixture.calls(), JulyFixture.tickets());

        assertThat(preview.preview()).isTrue();
        // decided at the cut-off: T2 (on time), T3 (late), T4 (answered 10 July, on time) -> 2 / 3
        assertThat(display(preview, "tickets.answered_within_deadline")).isEqualTo("66.7");
    }

    static String display(MonthlyReport report, String key) {
        return report.metric(key).value().display();
    }

    static Map<String, String> cells(MonthlyReport report, String key) {
        Map<String, String> cells = new LinkedHashMap<>();
        report.breakdown(key).cells().forEach(c -> cells.put(c.key(), c.value().display()));
        return cells;
    }
}
