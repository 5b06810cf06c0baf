package vn.gov.moit.hotline.reporting;

import static vn.gov.moit.hotline.reporting.CallOutcome.ABANDONED;
import static vn.gov.moit.hotline.reporting.CallOutcome.ANSWERED;
import static vn.gov.moit.hotline.reporting.CallOutcome.COMPLETED;
import static vn.gov.moit.hotline.reporting.CallOutcome.MISSED;
import static vn.gov.moit.hotline.reporting.CallOutcome.OUTCOME_UNKNOWN;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * A small July 2025 whose every figure was worked out by hand (see {@link MonthlyReportCalculatorTest}).
 * Times are local (Asia/Ho_Chi_Minh, UTC+7).
 */
final class JulyFixture {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final YearMonth JULY = YearMonth.of(2025, 7);
    /** 01:30 local on 1 August: the nightly build after July closed. */
    static final Instant AFTER_JULY = local(2025, 8, 1, 1, 30, 0);

    private JulyFixture() {
    }

    static Instant local(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(HCM).toInstant();
    }

    static Instant july(int day, int hour, int minute) {
        return local(2025, 7, day, hour, minute, 0);
    }

    static CallFact call(Instant at, CallOutcome outcome, Integer wait, Integer talk) {
        return new CallFact(at, outcome, wait, talk);
    }

    static List<CallFact> calls() {
        return List.of(
                call(july(1, 8, 0), COMPLETED, 10, 120),
                call(july(1, 8, 30), COMPLETED, 30, 300),
                call(july(1, 9, 15), COMPLETED, 31, 200),
                call(july(2, 10, 0), ANSWERED, 45, null),
                call(july(2, 10, 5), ABANDONED, 3, null),
                call(july(2, 10, 10), ABANDONED, 4, null),
                call(july(3, 14, 0), ABANDONED, 5, null),
                call(july(3, 14, 20), ABANDONED, 90, null),
                call(local(2025, 7, 15, 23, 59, 59), MISSED, 500, null),
                call(local(2025, 7, 31, 23, 59, 59), COMPLETED, 0, 62),
                call(july(31, 0, 0), OUTCOME_UNKNOWN, 600, null),
                call(july(20, 12, 0), COMPLETED, null, null),
                call(july(20, 12, 30), ABANDONED, null, null),
                // outside July: must change nothing
                call(local(2025, 6, 30, 23, 59, 59), COMPLETED, 1000, 1000),
                call(local(2025, 8, 1, 0, 0, 0), COMPLETED, 2000, 2000));
    }

    static TicketFact ticket(Instant opened, String field, String province, String department, String callerType,
            boolean resolvedOnCall, boolean escalated, boolean raisedToLeaders, Instant firstAnswered,
            Instant deadline, Instant closed, String status) {
        return new TicketFact(opened, field, province, department, callerType, resolvedOnCall, escalated,
                raisedToLeaders, firstAnswered, deadline, closed, status);
    }

    static List<TicketFact> tickets() {
        return List.of(
                // T1 resolved on the call
                ticket(july(1, 8, 5), "ECOM", "HN", null, "CITIZEN", true, false, false,
                        null, null, july(1, 8, 10), "CLOSED"),
                // T2 answered after 24 h 3 min, on time
                ticket(july(1, 8, 35), "ENERGY", "HN", "DIEN", "BUSINESS", false, true, false,
                        july(2, 8, 38), july(3, 8, 35), july(4, 9, 0), "CLOSED"),
                // T3 answered after 72 h, late; raised to leaders; still open
                ticket(july(2, 10, 1), "ENERGY", "HCM", "DIEN", "BUSINESS", false, true, true,
                        july(5, 10, 1), july(4, 10, 1), null, "ANSWERED"),
                // T4 answered exactly at the deadline (168 h): on time
                ticket(july(3, 14, 0), "ECOM", "HCM", "TMDT", "PC_COMMUNE", false, true, false,
                        july(10, 14, 0), july(10, 14, 0), july(11, 9, 0), "CLOSED"),
                // T5 never answered, deadline passed in July: late; no field, no province
                ticket(july(10, 9, 0), null, null, "TMDT", "OTHER", false, true, false,
                        null, july(12, 9, 0), null, "ESCALATED"),
                // T6 deadline and answer both after July: not decided at month end
                ticket(july(30, 9, 0), "IMPORT", "DN", "XNK", "BUSINESS", false, true, false,
                        local(2025, 8, 2, 9, 0, 0), local(2025, 8, 5, 9, 0, 0), local(2025, 8, 3, 9, 0, 0),
                        "CLOSED"),
                // T7 last second of July, closed at the first instant of August: open at month end
                ticket(local(2025, 7, 31, 23, 59, 59), "ECOM", "HN", null, "CITIZEN", true, false, false,
                        null, null, local(2025, 8, 1, 0, 0, 0), "CLOSED"),
                // T8 escalated without deadline, answered after 6 h
                ticket(july(20, 12, 0), "ECOM", "HN", "TMDT", "CITIZEN", false, true, false,
                        july(20, 18, 0), null, july(21, 8, 0), "CLOSED"),
                // T9 duplicate: left out everywhere
                ticket(july(5, 9, 0), "ECOM", "HN", "TMDT", "CITIZEN", false, true, true,
                        null, july(6, 9, 0), null, "DUPLICATE"),
                // T10 answered after 1 h 30 min, on time
                ticket(july(25, 8, 0), "ENERGY", "HN", "DIEN", "BUSINESS", false, true, false,
                        july(25, 9, 30), july(26, 8, 0), july(26, 9, 0), "CLOSED"),
                // T11 opened in June, still open
                ticket(local(2025, 6, 20, 9, 0, 0), "ECOM", "HN", null, "CITIZEN", false, false, false,
                        null, null, null, "TRIAGED"),
                // T12 opened in June, closed in July
                ticket(local(2025, 6, 25, 9, 0, 0), "ECOM", "HN", null, "CITIZEN", false, false, false,
                        null, null, july(10, 9, 0), "CLOSED"),
                // T13 opened and escalated in June, answered in July: not July's
                ticket(local(2025, 6, 28, 9, 0, 0), "ENERGY", "HN", "DIEN", "BUSINESS", false, true, false,
                        july(1, 9, 0), july(2, 9, 0), july(15, 9, 0), "CLOSED"),
                // T14 first second of August: not July's, not open at July's end
                ticket(local(2025, 8, 1, 0, 0, 0), "ECOM", "HN", null, "CITIZEN", false, false, false,
                        null, null, null, "NEW"));
    }
}
