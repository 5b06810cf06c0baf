package vn.gov.moit.hotline.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The arithmetic of the monthly public report: a pure function of a month, the parameters, the instant the
 * facts were read and the facts themselves. No clock, no database, no default time zone; the order of the
 * facts does not matter.
 *
 * <p>The facts are folded one at a time into an {@link Accumulator}, so a month of a million calls is never
 * held in memory: what is kept is counts, sums, the longest wait, the calls per hour and day, the tickets per
 * code, and for the percentiles one {@code long} per escalated ticket answered before the cut-off.
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
     * Builds the public report of {@code month} from facts at hand: the same as adding each of them to
     * {@link #start(YearMonth, Instant)}.
     *
     * @param dataAsOf when the facts were read (the clock's now at query time)
     * @param calls at least every hotline call that arrived in the month; others are ignored
     * @param tickets at least every ticket opened before the month's end and not closed before its start;
     *        others are ignored
     */
    MonthlyReport calculate(YearMonth month, Instant dataAsOf, Collection<CallFact> calls,
            Collection<TicketFact> tickets) {
        return calculate(month, dataAsOf, calls, tickets, List.of());
    }

    MonthlyReport calculate(YearMonth month, Instant dataAsOf, Collection<CallFact> calls,
            Collection<TicketFact> tickets, Collection<CallbackFact> callbacks) {
        Accumulator report = start(month, dataAsOf);
        calls.forEach(report::add);
        tickets.forEach(report::add);
        callbacks.forEach(report::add);
        return report.report();
    }

    /**
     * Starts the report of {@code month}: add the facts as they are read, in any order, then take the
     * {@link Accumulator#report() report}. Facts of other months are ignored, as in {@link #calculate}.
     *
     * @param dataAsOf when the facts were read (the clock's now at query time)
     */
    Accumulator start(YearMonth month, Instant dataAsOf) {
        return new Accumulator(month, dataAsOf);
    }

    /**
     * The running figures of one month's report (see the definitions on {@link MonthlyReportCalculator}).
     * Not thread-safe: one per build.
     */
    final class Accumulator {

        private final YearMonth month;
        private final Instant dataAsOf;
        private final ZoneId zone;
        private final Instant start;
        private final Instant end;
        private final Instant cutoff;

        private long offered;
        private long answered;
        private long abandoned;
        private long shortAbandons;
        private long missed;
        private long unknown;
        private long withinServiceLevel;
        private long waitSum;
        private long waits;
        private long talkSum;
        private long talks;
        private boolean anyWait;
        private int longestWait;
        private final long[] byHour = new long[24];
        private final long[] byDay;

        private long opened;
        private long resolvedOnCall;
        private long escalated;
        private long raisedToLeaders;
        private long decided;
        private long onTime;
        private long openAtCutoff;
        private long[] timesToAnswer = new long[256];
        private long callbackCallers;
        private long callbackCallable;
        private long callbackReachedInTime;
        private long callbackUnreachable;
        private long callbackWithheld;
        private final List<Long> timesToFirstAttempt = new ArrayList<>();
        private int answeredTickets;
        private final Map<ReportBreakdown, SortedMap<String, Long>> ticketsByCode =
                new EnumMap<>(ReportBreakdown.class);

        private Accumulator(YearMonth month, Instant dataAsOf) {
            this.month = Objects.requireNonNull(month, "month");
            this.dataAsOf = Objects.requireNonNull(dataAsOf, "dataAsOf");
            zone = parameters.zone();
            start = month.atDay(1).atStartOfDay(zone).toInstant();
            end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            cutoff = dataAsOf.isBefore(end) ? dataAsOf : end;
            byDay = new long[month.lengthOfMonth()];
            for (ReportBreakdown table : List.of(ReportBreakdown.TICKETS_BY_FIELD,
                    ReportBreakdown.TICKETS_BY_PROVINCE, ReportBreakdown.TICKETS_BY_DEPARTMENT,
                    ReportBreakdown.TICKETS_BY_CALLER_TYPE)) {
                ticketsByCode.put(table, new TreeMap<>());
            }
        }

        /** Counts a call if it arrived in the month. */
        void add(CallFact call) {
            if (!within(call.arrivedAt())) {
                return;
            }
            offered++;
            Integer wait = call.waitSeconds();
            switch (call.outcome()) {
                case ANSWERED, COMPLETED -> {
                    answered++;
                    if (wait != null) {
                        waitSum += wait;
                        waits++;
                        if (wait <= parameters.serviceLevelSeconds()) {
                            withinServiceLevel++;
                        }
                    }
                    if (call.talkSeconds() != null) {
                        talkSum += call.talkSeconds();
                        talks++;
                    }
                    longestWait(wait);
                }
                case ABANDONED -> {
                    abandoned++;
                    if (wait != null && wait < parameters.shortAbandonSeconds()) {
                        shortAbandons++;
                    }
                    longestWait(wait);
                }
                case MISSED -> missed++;
                case OUTCOME_UNKNOWN -> unknown++;
            }
            ZonedDateTime local = call.arrivedAt().atZone(zone);
            byHour[local.getHour()]++;
            byDay[local.getDayOfMonth() - 1]++;
        }

        private void longestWait(Integer wait) {
            if (wait != null && (!anyWait || wait > longestWait)) {
                longestWait = wait;
                anyWait = true;
            }
        }

        /** Counts a ticket if it is not a duplicate: in the monthly figures if opened in the month. */
        void add(TicketFact ticket) {
            if (ticket.duplicate()) {
                return;
            }
            if (ticket.openedAt().isBefore(cutoff)
                    && (ticket.closedAt() == null || !ticket.closedAt().isBefore(cutoff))) {
                openAtCutoff++;
            }
            if (!within(ticket.openedAt())) {
                return;
            }
            opened++;
            if (ticket.resolvedOnCall()) {
                resolvedOnCall++;
            }
            if (ticket.raisedToLeaders()) {
                raisedToLeaders++;
            }
            if (ticket.escalated()) {
                escalated++;
                boolean answeredBeforeCutoff = ticket.firstAnsweredAt() != null
                        && ticket.firstAnsweredAt().isBefore(cutoff);
                if (ticket.deadline() != null && (answeredBeforeCutoff || ticket.deadline().isBefore(cutoff))) {
                    decided++;
                    if (answeredBeforeCutoff && !ticket.firstAnsweredAt().isAfter(ticket.deadline())) {
                        onTime++;
                    }
                }
                if (answeredBeforeCutoff) {
                    timeToAnswer(Duration.between(ticket.openedAt(), ticket.firstAnsweredAt()).getSeconds());
                }
            }
            countCode(ReportBreakdown.TICKETS_BY_FIELD, ticket.fieldCode());
            countCode(ReportBreakdown.TICKETS_BY_PROVINCE, ticket.provinceCode());
            countCode(ReportBreakdown.TICKETS_BY_DEPARTMENT, ticket.departmentCode());
            countCode(ReportBreakdown.TICKETS_BY_CALLER_TYPE, ticket.callerType());
        }

        /** Counts a caller to call back if their first miss was in the month. */
        void add(CallbackFact callback) {
            if (!within(callback.firstMissedAt())) {
                return;
            }
            callbackCallers++;
            if (callback.withheld()) {
                callbackWithheld++;
                return;
            }
            callbackCallable++;
            if (callback.reachedWithinTarget()) {
                callbackReachedInTime++;
            }
            if (callback.unreachable()) {
                callbackUnreachable++;
            }
            if (callback.firstAttemptAt() != null) {
                timesToFirstAttempt.add(Math.max(0,
                        Duration.between(callback.firstMissedAt(), callback.firstAttemptAt()).getSeconds()));
            }
        }

        private void timeToAnswer(long seconds) {
            if (answeredTickets == timesToAnswer.length) {
                timesToAnswer = Arrays.copyOf(timesToAnswer, answeredTickets * 2);
            }
            timesToAnswer[answeredTickets++] = seconds;
        }

        private void countCode(ReportBreakdown table, String code) {
            String key = code == null || code.isBlank() ? ReportBreakdown.UNSPECIFIED : code;
            ticketsByCode.get(table).merge(key, 1L, Long::sum);
        }

        private boolean within(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }

        /** The report of the facts added so far. */
        MonthlyReport report() {
            Map<ReportMetric, BigDecimal> figures = new EnumMap<>(ReportMetric.class);
            figures.put(ReportMetric.CALLS_OFFERED, count(offered));
            figures.put(ReportMetric.CALLS_ANSWERED, count(answered));
            figures.put(ReportMetric.CALLS_ABANDONED, count(abandoned));
            figures.put(ReportMetric.CALLS_ABANDONED_SHORT, count(shortAbandons));
            figures.put(ReportMetric.CALLS_MISSED, count(missed));
            figures.put(ReportMetric.CALLS_OUTCOME_UNKNOWN, count(unknown));
            int k = parameters.suppressionThreshold();
            figures.put(ReportMetric.CALLS_ANSWER_RATE, percent(answered, offered, k));
            figures.put(ReportMetric.CALLS_ABANDON_RATE, percent(abandoned, offered, k));
            figures.put(ReportMetric.CALLS_SERVICE_LEVEL, percent(withinServiceLevel, offered - shortAbandons, k));
            figures.put(ReportMetric.CALLS_AVERAGE_SPEED_OF_ANSWER, meanSeconds(waitSum, waits, k));
            figures.put(ReportMetric.CALLS_AVERAGE_TALK_TIME, meanSeconds(talkSum, talks, k));
            figures.put(ReportMetric.CALLS_LONGEST_WAIT, anyWait && answered + abandoned >= k
                    ? BigDecimal.valueOf(longestWait) : null);

            figures.put(ReportMetric.CALLBACKS_CALLERS, count(callbackCallers));
            figures.put(ReportMetric.CALLBACKS_REACHED_WITHIN_TARGET, percent(callbackReachedInTime, callbackCallable, k));
            long[] firstAttempts = timesToFirstAttempt.stream().mapToLong(Long::longValue).sorted().toArray();
            // A median of fewer than k callers would tell about one of them.
            figures.put(ReportMetric.CALLBACKS_FIRST_ATTEMPT_MEDIAN, firstAttempts.length < k || firstAttempts.length == 0
                    ? null : BigDecimal.valueOf(nearestRank(firstAttempts, 50)));
            figures.put(ReportMetric.CALLBACKS_UNREACHABLE, count(callbackUnreachable));
            figures.put(ReportMetric.CALLBACKS_WITHHELD, count(callbackWithheld));
            figures.put(ReportMetric.TICKETS_OPENED, count(opened));
            figures.put(ReportMetric.TICKETS_RESOLVED_ON_CALL, count(resolvedOnCall));
            figures.put(ReportMetric.TICKETS_ESCALATED, count(escalated));
            figures.put(ReportMetric.TICKETS_RAISED_TO_LEADERS, count(raisedToLeaders));
            figures.put(ReportMetric.TICKETS_ANSWERED_WITHIN_DEADLINE, percent(onTime, decided, k));
            long[] ascending = Arrays.copyOf(timesToAnswer, answeredTickets);
            Arrays.sort(ascending);
            boolean enough = answeredTickets >= k;
            figures.put(ReportMetric.TICKETS_TIME_TO_ANSWER_MEDIAN, enough ? hours(nearestRank(ascending, 50)) : null);
            figures.put(ReportMetric.TICKETS_TIME_TO_ANSWER_P90, enough ? hours(nearestRank(ascending, 90)) : null);
            figures.put(ReportMetric.TICKETS_OPEN_AT_MONTH_END, count(openAtCutoff));

            Map<ReportBreakdown, SortedMap<String, Long>> tables = new EnumMap<>(ReportBreakdown.class);
            tables.put(ReportBreakdown.CALLS_BY_HOUR, byNumber(byHour, 0));
            tables.put(ReportBreakdown.CALLS_BY_DAY, byNumber(byDay, 1));
            ticketsByCode.forEach((table, counts) -> tables.put(table, new TreeMap<>(counts)));
            return publish(month, dataAsOf, figures, tables);
        }
    }

    /** The call outcomes that add up to the calls offered: hidden together by {@link Suppression}. */
    private static final List<ReportMetric> CALL_OUTCOMES = List.of(ReportMetric.CALLS_ANSWERED,
            ReportMetric.CALLS_ABANDONED, ReportMetric.CALLS_MISSED, ReportMetric.CALLS_OUTCOME_UNKNOWN);

    /** Shares of the calls offered that would give a hidden outcome back (share x offered). */
    private static final Map<ReportMetric, ReportMetric> SHARE_OF = Map.of(
            ReportMetric.CALLS_ANSWER_RATE, ReportMetric.CALLS_ANSWERED,
            ReportMetric.CALLS_ABANDON_RATE, ReportMetric.CALLS_ABANDONED);

    /** The only place where raw figures become public ones, following the privacy rule of {@link Suppression}. */
    private MonthlyReport publish(YearMonth month, Instant dataAsOf, Map<ReportMetric, BigDecimal> figures,
            Map<ReportBreakdown, SortedMap<String, Long>> tables) {
        int k = parameters.suppressionThreshold();
        Set<ReportMetric> hidden = EnumSet.noneOf(ReportMetric.class);
        for (ReportMetric metric : ReportMetric.values()) {
            BigDecimal raw = figures.get(metric);
            if (metric.unit() == Unit.COUNT && raw != null && raw.signum() > 0 && raw.compareTo(BigDecimal.valueOf(k)) < 0) {
                hidden.add(metric);
            }
        }
        Map<String, Long> outcomes = new LinkedHashMap<>();
        CALL_OUTCOMES.forEach(m -> outcomes.put(m.name(), figures.get(m).longValueExact()));
        Suppression.hidden(outcomes, k).forEach(name -> hidden.add(ReportMetric.valueOf(name)));
        SHARE_OF.forEach((share, outcome) -> {
            if (hidden.contains(outcome)) {
                figures.put(share, null);
            }
        });
        List<MetricValue> metrics = new ArrayList<>();
        for (ReportMetric metric : ReportMetric.values()) {
            metrics.add(new MetricValue(metric.key(), metric.section(), metric.labelVi(), metric.labelEn(),
                    metric.unit(), hidden.contains(metric) ? PublicValue.hidden() : PublicValue.of(figures.get(metric)),
                    metric.formulaVi(parameters), metric.formulaEn(parameters)));
        }
        List<Breakdown> breakdowns = new ArrayList<>();
        for (ReportBreakdown breakdown : ReportBreakdown.values()) {
            SortedMap<String, Long> table = tables.get(breakdown);
            Set<String> hiddenCells = Suppression.hidden(table, k);
            List<Breakdown.Cell> cells = new ArrayList<>();
            table.forEach((key, n) -> cells.add(new Breakdown.Cell(key,
                    hiddenCells.contains(key) ? PublicValue.hidden() : PublicValue.of(BigDecimal.valueOf(n)))));
            breakdowns.add(new Breakdown(breakdown.key(), breakdown.section(), breakdown.labelVi(),
                    breakdown.labelEn(), Unit.COUNT, breakdown.formulaVi(parameters),
                    breakdown.formulaEn(parameters), cells));
        }
        return new MonthlyReport(month, parameters.zone(), dataAsOf, parameters, metrics, breakdowns);
    }

    /** Counts keyed by two-digit number, {@code first} for index 0: every hour or day, zeros included. */
    private static SortedMap<String, Long> byNumber(long[] counts, int first) {
        SortedMap<String, Long> table = new TreeMap<>();
        for (int i = 0; i < counts.length; i++) {
            table.put(twoDigits(first + i), counts[i]);
        }
        return table;
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static BigDecimal count(long n) {
        return BigDecimal.valueOf(n);
    }

    /**
     * A share, absent when it rests on fewer than k cases: a denominator under k, or a numerator or its
     * complement from 1 to k-1 (99 % of 150 answered in time would tell that one was late).
     */
    private static BigDecimal percent(long numerator, long denominator, int k) {
        if (denominator <= 0 || denominator < k || few(numerator, k) || few(denominator - numerator, k)) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    private static boolean few(long n, int k) {
        return n >= 1 && n < k;
    }

    /** A mean, absent over fewer than k values (one call's wait is that caller's). */
    private static BigDecimal meanSeconds(long sum, long n, int k) {
        return n == 0 || n < k ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_UP);
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
