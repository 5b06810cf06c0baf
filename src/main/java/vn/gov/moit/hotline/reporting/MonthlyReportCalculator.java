package vn.gov.moit.hotline.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The arithmetic of the monthly public report: a pure function of a month, the parameters, the instant the
 * facts were read and the facts themselves. No clock, no database, no default time zone; the order of the
 * facts does not matter.
 *
 * <p>Definitions (the printed formulas in {@link ReportMetric} say the same for the public):
 * <ul>
 * <li>The month is {@code [start, end)}: from 00:00 on its first day to 00:00 on the first day of the next
 * month, both in the configured zone. A call belongs to the month of {@code arrivedAt}, a ticket to the
 * month of {@code openedAt}.</li>
 * <li>"As at month end" figures are evaluated at the cut-off {@code min(end, dataAsOf)}, so a
 * month-to-date preview does not count deadlines that have not passed yet as missed.</li>
 * <li>Answered = ANSWERED or COMPLETED. Short abandon = ABANDONED with a recorded wait &lt; the short
 * threshold (a missing wait is not short). Abandon rate counts every abandoned call, short ones included,
 * over all offered calls, so answer, abandon, missed and unknown shares add up to 100 % before rounding.
 * Service level = answered with a recorded wait &le; the service-level threshold / (offered - short
 * abandons).</li>
 * <li>Average speed of answer and average talk time are means over the answered calls whose wait
 * (talk time) is recorded. Longest wait is the maximum recorded wait of answered and abandoned calls.</li>
 * <li>Tickets: {@code DUPLICATE} tickets are left out everywhere. Answered within deadline: among escalated
 * tickets opened in the month that have a deadline, those that at the cut-off were answered
 * ({@code firstAnsweredAt < cut-off}) or overdue ({@code deadline < cut-off}) form the denominator; those
 * answered with {@code firstAnsweredAt <= deadline} the numerator.</li>
 * <li>Time to answer = {@code firstAnsweredAt - openedAt} in whole seconds (fractions dropped), for escalated
 * tickets opened in the month and answered before the cut-off. Percentile p by the nearest-rank method:
 * sort ascending, take the value at 1-based rank {@code ceil(p / 100 * n)}; the median is p = 50 (the lower
 * middle value when n is even).</li>
 * <li>Open at month end = opened before the cut-off and not closed before it ({@code closedAt} null or
 * {@code >= cut-off}), whatever month it was opened in.</li>
 * <li>Rounding, always half-up: percentages to one decimal ({@code 100 * num / den}), seconds to whole
 * seconds, hours ({@code seconds / 3600}) to one decimal. A figure with an empty denominator is absent
 * (null), never NaN or zero.</li>
 * </ul>
 */
final class MonthlyReportCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final ReportParameters parameters;

    MonthlyReportCalculator(ReportParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * Builds the public report of {@code month}.
     *
     * @param dataAsOf when the facts were read (the clock's now at query time)
     * @param calls at least every hotline call that arrived in the month; others are ignored
     * @param tickets at least every ticket opened before the month's end and not closed before its start;
     *        others are ignored
     */
    MonthlyReport calculate(YearMonth month, Instant dataAsOf, Collection<CallFact> calls,
            Collection<TicketFact> tickets) {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(dataAsOf, "dataAsOf");
        ZoneId zone = parameters.zone();
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant cutoff = dataAsOf.isBefore(end) ? dataAsOf : end;

        Map<ReportMetric, BigDecimal> figures = new EnumMap<>(ReportMetric.class);
        Map<ReportBreakdown, SortedMap<String, Long>> tables = new EnumMap<>(ReportBreakdown.class);

        List<CallFact> monthCalls = calls.stream().filter(c -> within(c.arrivedAt(), start, end)).toList();
        callFigures(month, monthCalls, figures, tables);

        List<TicketFact> current = tickets.stream().filter(t -> !t.duplicate()).toList();
        List<TicketFact> monthTickets = current.stream().filter(t -> within(t.openedAt(), start, end)).toList();
        ticketFigures(monthTickets, cutoff, figures, tables);
        figures.put(ReportMetric.TICKETS_OPEN_AT_MONTH_END, count(current.stream()
                .filter(t -> t.openedAt().isBefore(cutoff))
                .filter(t -> t.closedAt() == null || !t.closedAt().isBefore(cutoff))
                .count()));

        return publish(month, dataAsOf, figures, tables);
    }

    private void callFigures(YearMonth month, List<CallFact> calls, Map<ReportMetric, BigDecimal> figures,
            Map<ReportBreakdown, SortedMap<String, Long>> tables) {
        long offered = calls.size();
        List<CallFact> answered = calls.stream().filter(c -> c.outcome().answered()).toList();
        List<CallFact> abandoned = calls.stream().filter(c -> c.outcome() == CallOutcome.ABANDONED).toList();
        long shortAbandons = abandoned.stream()
                .filter(c -> c.waitSeconds() != null && c.waitSeconds() < parameters.shortAbandonSeconds())
                .count();
        long missed = calls.stream().filter(c -> c.outcome() == CallOutcome.MISSED).count();
        long unknown = calls.stream().filter(c -> c.outcome() == CallOutcome.OUTCOME_UNKNOWN).count();
        long withinServiceLevel = answered.stream()
                .filter(c -> c.waitSeconds() != null && c.waitSeconds() <= parameters.serviceLevelSeconds())
                .count();

        figures.put(ReportMetric.CALLS_OFFERED, count(offered));
        figures.put(ReportMetric.CALLS_ANSWERED, count(answered.size()));
        figures.put(ReportMetric.CALLS_ABANDONED, count(abandoned.size()));
        figures.put(ReportMetric.CALLS_ABANDONED_SHORT, count(shortAbandons));
        figures.put(ReportMetric.CALLS_MISSED, count(missed));
        figures.put(ReportMetric.CALLS_OUTCOME_UNKNOWN, count(unknown));
        figures.put(ReportMetric.CALLS_ANSWER_RATE, percent(answered.size(), offered));
        figures.put(ReportMetric.CALLS_ABANDON_RATE, percent(abandoned.size(), offered));
        figures.put(ReportMetric.CALLS_SERVICE_LEVEL, percent(withinServiceLevel, offered - shortAbandons));
        figures.put(ReportMetric.CALLS_AVERAGE_SPEED_OF_ANSWER, meanSeconds(answered, CallFact::waitSeconds));
        figures.put(ReportMetric.CALLS_AVERAGE_TALK_TIME, meanSeconds(answered, CallFact::talkSeconds));
        figures.put(ReportMetric.CALLS_LONGEST_WAIT, calls.stream()
                .filter(c -> c.outcome().answered() || c.outcome() == CallOutcome.ABANDONED)
                .map(CallFact::waitSeconds)
                .filter(Objects::nonNull)
                .max(Integer::compare)
                .map(BigDecimal::valueOf)
                .orElse(null));

        ZoneId zone = parameters.zone();
        SortedMap<String, Long> byHour = new TreeMap<>();
        for (int hour = 0; hour < 24; hour++) {
            byHour.put(twoDigits(hour), 0L);
        }
        SortedMap<String, Long> byDay = new TreeMap<>();
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            byDay.put(twoDigits(day), 0L);
        }
        for (CallFact call : calls) {
            ZonedDateTime local = call.arrivedAt().atZone(zone);
            byHour.merge(twoDigits(local.getHour()), 1L, Long::sum);
            byDay.merge(twoDigits(local.getDayOfMonth()), 1L, Long::sum);
        }
        tables.put(ReportBreakdown.CALLS_BY_HOUR, byHour);
        tables.put(ReportBreakdown.CALLS_BY_DAY, byDay);
    }

    private static void ticketFigures(List<TicketFact> tickets, Instant cutoff,
            Map<ReportMetric, BigDecimal> figures, Map<ReportBreakdown, SortedMap<String, Long>> tables) {
        List<TicketFact> escalated = tickets.stream().filter(TicketFact::escalated).toList();

        figures.put(ReportMetric.TICKETS_OPENED, count(tickets.size()));
        figures.put(ReportMetric.TICKETS_RESOLVED_ON_CALL,
                count(tickets.stream().filter(TicketFact::resolvedOnCall).count()));
        figures.put(ReportMetric.TICKETS_ESCALATED, count(escalated.size()));
        figures.put(ReportMetric.TICKETS_RAISED_TO_LEADERS,
                count(tickets.stream().filter(TicketFact::raisedToLeaders).count()));

        long decided = 0;
        long onTime = 0;
        for (TicketFact ticket : escalated) {
            if (ticket.deadline() == null) {
                continue;
            }
            boolean answered = answeredBefore(ticket, cutoff);
            if (answered || ticket.deadline().isBefore(cutoff)) {
                decided++;
                if (answered && !ticket.firstAnsweredAt().isAfter(ticket.deadline())) {
                    onTime++;
                }
            }
        }
        figures.put(ReportMetric.TICKETS_ANSWERED_WITHIN_DEADLINE, percent(onTime, decided));

        long[] timesToAnswer = escalated.stream()
                .filter(t -> answeredBefore(t, cutoff))
                .mapToLong(t -> Duration.between(t.openedAt(), t.firstAnsweredAt()).getSeconds())
                .sorted()
                .toArray();
        figures.put(ReportMetric.TICKETS_TIME_TO_ANSWER_MEDIAN, hours(nearestRank(timesToAnswer, 50)));
        figures.put(ReportMetric.TICKETS_TIME_TO_ANSWER_P90, hours(nearestRank(timesToAnswer, 90)));

        tables.put(ReportBreakdown.TICKETS_BY_FIELD, countBy(tickets, TicketFact::fieldCode));
        tables.put(ReportBreakdown.TICKETS_BY_PROVINCE, countBy(tickets, TicketFact::provinceCode));
        tables.put(ReportBreakdown.TICKETS_BY_DEPARTMENT, countBy(tickets, TicketFact::departmentCode));
        tables.put(ReportBreakdown.TICKETS_BY_CALLER_TYPE, countBy(tickets, TicketFact::callerType));
    }

    /** The only place where raw figures become public ones: see {@link PublicValue#of}. */
    private MonthlyReport publish(YearMonth month, Instant dataAsOf, Map<ReportMetric, BigDecimal> figures,
            Map<ReportBreakdown, SortedMap<String, Long>> tables) {
        int k = parameters.suppressionThreshold();
        List<MetricValue> metrics = new ArrayList<>();
        for (ReportMetric metric : ReportMetric.values()) {
            metrics.add(new MetricValue(metric.key(), metric.section(), metric.labelVi(), metric.labelEn(),
                    metric.unit(), PublicValue.of(figures.get(metric), metric.unit(), k),
                    metric.formulaVi(parameters), metric.formulaEn(parameters)));
        }
        List<Breakdown> breakdowns = new ArrayList<>();
        for (ReportBreakdown breakdown : ReportBreakdown.values()) {
            List<Breakdown.Cell> cells = new ArrayList<>();
            tables.get(breakdown).forEach((key, n) -> cells.add(
                    new Breakdown.Cell(key, PublicValue.of(BigDecimal.valueOf(n), Unit.COUNT, k))));
            breakdowns.add(new Breakdown(breakdown.key(), breakdown.section(), breakdown.labelVi(),
                    breakdown.labelEn(), Unit.COUNT, breakdown.formulaVi(parameters),
                    breakdown.formulaEn(parameters), cells));
        }
        return new MonthlyReport(month, parameters.zone(), dataAsOf, parameters, metrics, breakdowns);
    }

    private static boolean within(Instant at, Instant start, Instant end) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    private static boolean answeredBefore(TicketFact ticket, Instant cutoff) {
        return ticket.firstAnsweredAt() != null && ticket.firstAnsweredAt().isBefore(cutoff);
    }

    private static SortedMap<String, Long> countBy(List<TicketFact> tickets, Function<TicketFact, String> code) {
        SortedMap<String, Long> counts = new TreeMap<>();
        for (TicketFact ticket : tickets) {
            String key = code.apply(ticket);
            counts.merge(key == null || key.isBlank() ? ReportBreakdown.UNSPECIFIED : key, 1L, Long::sum);
        }
        return counts;
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static BigDecimal count(long n) {
        return BigDecimal.valueOf(n);
    }

    private static BigDecimal percent(long numerator, long denominator) {
        if (denominator <= 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal meanSeconds(List<CallFact> calls, Function<CallFact, Integer> seconds) {
        long sum = 0;
        long n = 0;
        for (CallFact call : calls) {
            Integer value = seconds.apply(call);
            if (value != null) {
                sum += value;
                n++;
            }
        }
        return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_UP);
    }

    /** Nearest-rank percentile of ascending values, or null when there are none. */
    static Long nearestRank(long[] ascending, int percentile) {
        int n = ascending.length;
        if (n == 0) {
            return null;
        }
        int rank = Math.max(1, (int) ((percentile * (long) n + 99) / 100));
        return ascending[rank - 1];
    }

    private static BigDecimal hours(Long seconds) {
        return seconds == null ? null
                : BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, 1, RoundingMode.HALF_UP);
    }
}
