package vn.gov.moit.hotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.reporting.JulyFixture.AFTER_JULY;
import static vn.gov.moit.hotline.reporting.JulyFixture.HCM;
import static vn.gov.moit.hotline.reporting.JulyFixture.JULY;
import static vn.gov.moit.hotline.reporting.JulyFixture.july;
import static vn.gov.moit.hotline.reporting.JulyFixture.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded, generated July of 20,000 calls and 6,000 tickets full of edge cases (waits at the thresholds,
 * missing values, blank codes, facts of other months, duplicates, answers exactly at the deadline) against the
 * figures the report of these facts had when they were first computed (section, key and printed value of every
 * CSV row): a change to the arithmetic that moves any figure or table cell shows here, whatever the
 * hand-computed fixtures cover.
 */
class GeneratedMonthTest {

    /** Suppression off (k = 1) so every raw count is in the CSV. */
    static final ReportParameters NO_SUPPRESSION = new ReportParameters(HCM, 5, 30, 1, 60);
    /** A month-to-date preview read mid-month: deadlines after it are not decided yet. */
    static final Instant MID_JULY = july(20, 12, 0);

    @Test
    void aClosedMonthHasTheFiguresItFirstHad() throws IOException {
        MonthlyReport report = new MonthlyReportCalculator(NO_SUPPRESSION)
                .calculate(JULY, AFTER_JULY, calls(), tickets());

        assertThat(figures(report)).isEqualTo(expected("generated-month.txt"));
    }

    @Test
    void aPreviewHasTheFiguresItFirstHad() throws IOException {
        MonthlyReport report = new MonthlyReportCalculator(NO_SUPPRESSION)
                .calculate(JULY, MID_JULY, calls(), tickets());

        assertThat(figures(report)).isEqualTo(expected("generated-month-preview.txt"));
    }

    /** One line per CSV row after the header: section, key and printed value, space separated. */
    static String figures(MonthlyReport report) {
        StringBuilder figures = new StringBuilder();
        List<List<String>> rows = ReportRenderingTest.parseCsv(new String(report.toCsv(), StandardCharsets.UTF_8));
        for (List<String> row : rows.subList(1, rows.size())) {
            figures.append(row.get(0)).append(' ').append(row.get(1)).append(' ').append(row.get(4)).append('\n');
        }
        return figures.toString();
    }

    static String expected(String name) throws IOException {
        try (InputStream in = GeneratedMonthTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** From 28 June to 3 August local, outcomes of every kind; waits dense around the 5 s and 30 s thresholds. */
    static List<CallFact> calls() {
        Random random = new Random(20250701);
        Instant from = local(2025, 6, 28, 0, 0, 0);
        long span = local(2025, 8, 3, 0, 0, 0).getEpochSecond() - from.getEpochSecond();
        CallOutcome[] outcomes = CallOutcome.values();
        List<CallFact> calls = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Instant at = from.plusSeconds((long) (random.nextDouble() * span));
            CallOutcome outcome = outcomes[random.nextInt(outcomes.length)];
            Integer wait = switch (random.nextInt(10)) {
                case 0 -> null;
                case 1 -> 3 + random.nextInt(4);
                case 2 -> 28 + random.nextInt(4);
                default -> random.nextInt(200);
            };
            Integer talk = random.nextInt(8) == 0 ? null : random.nextInt(1000);
            calls.add(new CallFact(at, outcome, wait, talk));
        }
        return calls;
    }

    /**
     * Opened from 20 May to 3 August local; codes sometimes missing or blank; answers, deadlines and closings
     * before, at and after the month's end, some answers exactly at the deadline.
     */
    static List<TicketFact> tickets() {
        Random random = new Random(20250702);
        Instant from = local(2025, 5, 20, 0, 0, 0);
        long span = local(2025, 8, 3, 0, 0, 0).getEpochSecond() - from.getEpochSecond();
        List<String> fields = new ArrayList<>(List.of("ECOM", "ENERGY", "IMPORT", "", " "));
        fields.add(null);
        List<String> provinces = new ArrayList<>(List.of("HN", "HCM", "DN", "CT"));
        provinces.add(null);
        List<String> departments = new ArrayList<>(List.of("TMDT", "DIEN", "XNK"));
        departments.add(null);
        List<String> callerTypes = new ArrayList<>(List.of("CITIZEN", "BUSINESS", "OTHER", ""));
        callerTypes.add(null);
        List<String> statuses = List.of("NEW", "TRIAGED", "ESCALATED", "ANSWERED", "CLOSED", "RESOLVED_ON_CALL",
                TicketFact.DUPLICATE);
        List<TicketFact> tickets = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            Instant opened = from.plusSeconds((long) (random.nextDouble() * span));
            boolean escalated = random.nextInt(3) > 0;
            Instant deadline = escalated && random.nextInt(6) > 0
                    ? opened.plusSeconds(3_600 + random.nextInt(7 * 86_400)) : null;
            Instant answered = !escalated || random.nextInt(4) == 0 ? null
                    : deadline != null && random.nextInt(10) == 0 ? deadline
                    : opened.plusSeconds(random.nextInt(10 * 86_400));
            Instant closed = random.nextBoolean() ? null : opened.plusSeconds(random.nextInt(20 * 86_400));
            tickets.add(new TicketFact(opened, pick(random, fields), pick(random, provinces),
                    escalated ? pick(random, departments) : null, pick(random, callerTypes),
                    random.nextInt(4) == 0, escalated, escalated && random.nextInt(15) == 0, answered, deadline,
                    closed, pick(random, statuses)));
        }
        return tickets;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
