package vn.gov.moit.hotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.reporting.GeneratedMonthTest.MID_JULY;
import static vn.gov.moit.hotline.reporting.GeneratedMonthTest.NO_SUPPRESSION;
import static vn.gov.moit.hotline.reporting.GeneratedMonthTest.expected;
import static vn.gov.moit.hotline.reporting.GeneratedMonthTest.figures;
import static vn.gov.moit.hotline.reporting.JulyFixture.AFTER_JULY;
import static vn.gov.moit.hotline.reporting.JulyFixture.JULY;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The report built the way a build reads the database: one fact at a time, calls and tickets in any order and
 * interleaved, gives the figures of the same facts at hand.
 */
class MonthlyReportAccumulatorTest {

    private final MonthlyReportCalculator calculator = new MonthlyReportCalculator(NO_SUPPRESSION);

    @Test
    void theGeneratedMonthFoldedInAnyOrderHasItsKnownFigures() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 3; round++) {
            List<Object> facts = shuffled(GeneratedMonthTest.calls(), GeneratedMonthTest.tickets(), random);

            assertThat(figures(fold(AFTER_JULY, facts))).as("round %d", round)
                    .isEqualTo(expected("generated-month.txt"));
            assertThat(figures(fold(MID_JULY, facts))).as("round %d", round)
                    .isEqualTo(expected("generated-month-preview.txt"));
        }
    }

    @Test
    void theHandComputedJulyFoldedInAnyOrderIsTheSameReport() {
        MonthlyReport atHand = calculator.calculate(JULY, AFTER_JULY, JulyFixture.calls(), JulyFixture.tickets());
        Random random = new Random(31);
        for (int round = 0; round < 5; round++) {
            MonthlyReport folded = fold(AFTER_JULY, shuffled(JulyFixture.calls(), JulyFixture.tickets(), random));

            assertThat(folded).isEqualTo(atHand);
            assertThat(folded.toCsv()).isEqualTo(atHand.toCsv());
        }
        assertThat(MonthlyReportCalculatorTest.display(atHand, "tickets.time_to_answer_median")).isEqualTo("24.1");
    }

    @Test
    void takingTheReportMidwayChangesNothingForTheFactsThatFollow() {
        MonthlyReportCalculator.Accumulator accumulator = calculator.start(JULY, AFTER_JULY);
        List<TicketFact> tickets = JulyFixture.tickets();
        tickets.subList(0, 5).forEach(accumulator::add);
        MonthlyReport early = accumulator.report();
        tickets.subList(5, tickets.size()).forEach(accumulator::add);
        JulyFixture.calls().forEach(accumulator::add);

        assertThat(MonthlyReportCalculatorTest.display(early, "tickets.opened")).isEqualTo("5");
        assertThat(accumulator.report())
                .isEqualTo(calculator.calculate(JULY, AFTER_JULY, JulyFixture.calls(), tickets));
    }

    private MonthlyReport fold(Instant dataAsOf, List<Object> facts) {
        MonthlyReportCalculator.Accumulator accumulator = calculator.start(JULY, dataAsOf);
        for (Object fact : facts) {
            if (fact instanceof CallFact call) {
                accumulator.add(call);
            } else {
                accumulator.add((TicketFact) fact);
            }
        }
        return accumulator.report();
    }

    private static List<Object> shuffled(List<CallFact> calls, List<TicketFact> tickets, Random random) {
        List<Object> facts = new ArrayList<>(calls);
        facts.addAll(tickets);
        Collections.shuffle(facts, random);
        return facts;
    }
}
