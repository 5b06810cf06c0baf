package vn.gov.moit.hotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.reporting.JulyFixture.HCM;
import static vn.gov.moit.hotline.reporting.JulyFixture.JULY;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An attacker with the published month and the raw totals it implies tries to work out every hidden count by
 * subtraction: within each table against its total, and among the call outcomes against the calls offered,
 * and from the shares of the calls offered. On generated months of hotline-like traffic, none comes out.
 */
class SuppressionTest {

    private static final int K = 3;
    private static final List<String> FIELDS = List.of("ECOMMERCE", "ENERGY", "INDUSTRY", "IMPORT_EXPORT", "CHEMICALS",
            "COMPETITION", "TRADE_PROMOTION", "FOREIGN_TRADERS");
    private static final List<String> DEPARTMENTS = List.of("TMDT", "DIEN", "CN", "XNK", "HC", "CT");
    private static final List<String> CALLER_TYPES = List.of("CITIZEN", "BUSINESS", "PC_COMMUNE", "PROVINCIAL_DOIT", "OTHER");

    @Test
    void noHiddenCountOfAGeneratedMonthCanBeWorkedOut() {
        int hiddenSeen = 0;
        for (int seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            MonthlyReport report = new MonthlyReportCalculator(new ReportParameters(HCM, 5, 30, K, 60))
                    .calculate(JULY, JulyFixture.AFTER_JULY, calls(random), tickets(random));
            hiddenSeen += attack(report, seed);
        }
        assertThat(hiddenSeen).as("hidden counts the attacker tried").isGreaterThan(1000);
    }

    @Test
    void theRuleHidesTheSmallestOtherCellsUntilTheHiddenPartIsNeitherSmallNorOnlyOnes() {
        assertThat(Suppression.hidden(ordered("A", 10L, "B", 1L, "C", 4L, "D", 0L), K)).containsExactly("B", "C");
        assertThat(Suppression.hidden(ordered("A", 10L, "B", 1L, "C", 1L, "D", 5L), K)).containsExactly("B", "C", "D");
        assertThat(Suppression.hidden(ordered("A", 10L, "B", 2L, "C", 1L), K)).containsExactly("B", "C");
        assertThat(Suppression.hidden(ordered("A", 10L, "B", 20L), K)).isEmpty();
        assertThat(Suppression.hidden(ordered("A", 10L, "B", 1L), 1)).isEmpty();
    }

    /** Tries every subtraction; returns how many hidden counts there were. */
    private static int attack(MonthlyReport report, int seed) {
        int hidden = 0;
        for (Breakdown table : report.breakdowns()) {
            Map<String, PublicValue> cells = new LinkedHashMap<>();
            table.cells().forEach(c -> cells.put(c.key(), c.value()));
            // The table's total is known: it is a published metric, or another table's sum.
            long total = rawTotal(report, table.key());
            hidden += assertNotRecoverable(cells, total, "seed " + seed + " " + table.key());
        }
        Map<String, PublicValue> outcomes = new LinkedHashMap<>();
        for (String key : List.of("calls.answered", "calls.abandoned", "calls.missed", "calls.outcome_unknown")) {
            outcomes.put(key, report.metric(key).value());
        }
        long offered = report.metric("calls.offered").value().value().longValueExact();
        hidden += assertNotRecoverable(outcomes, offered, "seed " + seed + " call outcomes");
        for (String[] share : new String[][] {{"calls.answer_rate", "calls.answered"}, {"calls.abandon_rate", "calls.abandoned"}}) {
            if (report.metric(share[1]).value().suppressed()) {
                assertThat(report.metric(share[0]).value().value()).as("seed %d: %s would give %s back", seed, share[0],
                        share[1]).isNull();
            }
        }
        return hidden;
    }

    /** Hidden cells are at least 1 (zeros are shown): they come out when only one is hidden, or all are 1. */
    private static int assertNotRecoverable(Map<String, PublicValue> cells, long total, String where) {
        long visible = cells.values().stream().filter(v -> !v.suppressed()).mapToLong(v -> v.value().longValueExact()).sum();
        long hiddenCells = cells.values().stream().filter(PublicValue::suppressed).count();
        long hiddenSum = total - visible;
        if (hiddenCells > 0) {
            assertThat(hiddenCells).as("%s: one hidden cell is the total minus the others", where).isGreaterThan(1);
            assertThat(hiddenSum).as("%s: %d hidden cells holding %d are all 1", where, hiddenCells, hiddenSum)
                    .isGreaterThan(hiddenCells);
            assertThat(hiddenSum).as("%s: the hidden part itself is small", where).isGreaterThanOrEqualTo(K);
        }
        cells.values().stream().filter(v -> !v.suppressed() && v.value() != null)
                .forEach(v -> assertThat(v.value().compareTo(BigDecimal.ONE) < 0 || v.value().compareTo(BigDecimal.valueOf(K)) >= 0)
                        .as("%s: a small count is shown", where).isTrue());
        return (int) hiddenCells;
    }

    /** The raw total a table adds up to, which the attacker is assumed to know. */
    private static long rawTotal(MonthlyReport report, String table) {
        String metric = table.startsWith("calls.") ? "calls.offered" : "tickets.opened";
        PublicValue total = report.metric(metric).value();
        assertThat(total.suppressed()).as("%s of a generated month is not small", metric).isFalse();
        return total.value().longValueExact();
    }

    /** Hotline-like calls: busy office hours, quiet nights (small counts), a few abandoned, missed, unknown. */
    private static List<CallFact> calls(Random random) {
        List<CallFact> calls = new ArrayList<>();
        int n = 150 + random.nextInt(400);
        for (int i = 0; i < n; i++) {
            int day = 1 + random.nextInt(31);
            int hour = random.nextInt(10) < 8 ? 8 + random.nextInt(9) : random.nextInt(24);
            Instant at = JulyFixture.local(2025, 7, day, hour, random.nextInt(60), 0);
            int roll = random.nextInt(100);
            CallOutcome outcome = roll < 85 ? CallOutcome.COMPLETED : roll < 95 ? CallOutcome.ABANDONED
                    : roll < 98 ? CallOutcome.MISSED : CallOutcome.OUTCOME_UNKNOWN;
            calls.add(new CallFact(at, outcome, random.nextInt(120), outcome == CallOutcome.COMPLETED ? 60 + random.nextInt(600) : null));
        }
        return calls;
    }

    /** Tickets whose fields, provinces, departments and caller types run from common to rare. */
    private static List<TicketFact> tickets(Random random) {
        List<TicketFact> tickets = new ArrayList<>();
        int n = 60 + random.nextInt(200);
        for (int i = 0; i < n; i++) {
            Instant opened = JulyFixture.local(2025, 7, 1 + random.nextInt(31), 8 + random.nextInt(9), 0, 0);
            String field = skewed(random, FIELDS);
            String province = "P" + skewedIndex(random, 34);
            boolean escalated = random.nextInt(3) > 0;
            String department = escalated ? skewed(random, DEPARTMENTS) : null;
            Instant answered = escalated && random.nextBoolean() ? opened.plus(Duration.ofHours(1 + random.nextInt(80))) : null;
            Instant deadline = escalated ? opened.plus(Duration.ofHours(40)) : null;
            tickets.add(new TicketFact(opened, field, province, department, skewed(random, CALLER_TYPES), !escalated,
                    escalated, escalated && random.nextInt(10) == 0, answered, deadline, null,
                    escalated ? "ESCALATED" : "RESOLVED_ON_CALL"));
        }
        return tickets;
    }

    private static String skewed(Random random, List<String> values) {
        return values.get(skewedIndex(random, values.size()));
    }

    /** 0 most often, each next index about half as often. */
    private static int skewedIndex(Random random, int size) {
        int i = 0;
        while (i < size - 1 && random.nextBoolean()) {
            i++;
        }
        return i;
    }

    private static Map<String, Long> ordered(Object... keysAndCounts) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            cells.put((String) keysAndCounts[i], (Long) keysAndCounts[i + 1]);
        }
        return cells;
    }
}
