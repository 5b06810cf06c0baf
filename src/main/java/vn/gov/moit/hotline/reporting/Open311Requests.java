package vn.gov.moit.hotline.reporting;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import vn.gov.moit.hotline.tickets.TicketCommitments;
import vn.gov.moit.hotline.tickets.TicketFacts;

/**
 * The anonymised view of tickets behind the Open311 endpoint: reference, status, field, department and
 * dates only, from the ticket desk's public facts ({@link TicketFacts#publicRequests}, which select no caller
 * column and no free text) and the departments' deadlines ({@link TicketCommitments}). Duplicates are left
 * out: they are not requests of their own.
 *
 * <p>The list follows the report's privacy rule ({@link Suppression}): counting the requests of a month by
 * field or by department gives the report's tables, so the requests of a field or department whose cell the
 * rule hides in that month are not listed (else the hidden count could be read off the list).
 */
@ApplicationScoped
class Open311Requests {

    /** One ticket as the public may see it. */
    record Row(String reference, String status, String fieldCode, String departmentCode, Instant createdAt,
            Instant updatedAt, Instant deadline) {
    }

    /** What the client filters on; null means no filter. {@code to} is exclusive. */
    record Query(String fieldCode, Boolean closed, Instant from, Instant to, int offset, int limit) {
    }

    @Inject
    TicketFacts tickets;

    @Inject
    TicketCommitments commitments;

    @Inject
    ReportConfig config;

    @Inject
    Clock clock;

    /** The values of {@code hotline.report.open311-recount} that turn the background count off (the scheduler's). */
    private static final Set<String> OFF = Set.of("off", "disabled");

    /** Each month's hidden cells as last counted; a month is counted when first asked for, then by {@link #recount}. */
    private final Map<YearMonth, TicketFacts.Left> counted = new ConcurrentHashMap<>();

    List<Row> find(Query query) {
        List<TicketFacts.PublicRequest> found = tickets.publicRequests(new TicketFacts.PublicQuery(query.fieldCode(),
                query.closed(), query.from(), query.to(), hiddenCells(query), query.offset(), query.limit()));
        Map<Long, TicketCommitments.Commitment> committed = commitments.of(
                found.stream().filter(r -> r.departmentCode() != null).map(TicketFacts.PublicRequest::id).toList());
        return found.stream().map(r -> new Row(r.reference(), r.status().name(), r.fieldCode(), r.departmentCode(),
                r.createdAt(), r.updatedAt(), committed.getOrDefault(r.id(), TicketCommitments.Commitment.NONE).deadline()))
                .toList();
    }

    /**
     * Recounts every month since the first, every {@code hotline.report.open311-recount}: counting a month's
     * tickets takes about a tenth of a second on a million tickets, which a public request must not wait for
     * (nor pile up behind when a cache entry expires). A change of a month's counts reaches the feed's
     * suppression within that time; the monthly report, counted when built, hides its own cells itself.
     */
    @Scheduled(identity = "open311-recount", every = "${hotline.report.open311-recount}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recount() {
        YearMonth now = YearMonth.from(clock.instant().atZone(config.zone()));
        for (YearMonth m = config.firstMonth(); !m.isAfter(now); m = m.plusMonths(1)) {
            counted.put(m, hiddenCellsOf(m));
        }
    }

    /** The hidden cells of every month the query can reach, from the hotline's first month to now. */
    private List<TicketFacts.Left> hiddenCells(Query query) {
        ZoneId zone = config.zone();
        YearMonth first = config.firstMonth();
        if (query.from() != null) {
            YearMonth asked = YearMonth.from(query.from().atZone(zone));
            first = asked.isAfter(first) ? asked : first;
        }
        YearMonth last = YearMonth.from((query.to() == null ? clock.instant() : query.to()).atZone(zone));
        boolean everyRequest = OFF.contains(config.open311Recount().trim().toLowerCase(Locale.ROOT));
        List<TicketFacts.Left> hidden = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            TicketFacts.Left cells = everyRequest ? hiddenCellsOf(m) : counted.computeIfAbsent(m, this::hiddenCellsOf);
            if (!cells.fieldCodes().isEmpty() || !cells.departmentCodes().isEmpty()) {
                hidden.add(cells);
            }
        }
        return hidden;
    }

    /** Counts a month's requests by field and by department, as the report does, and applies the rule. */
    private TicketFacts.Left hiddenCellsOf(YearMonth month) {
        ZoneId zone = config.zone();
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<String, Long> byField = new TreeMap<>();
        Map<String, Long> byDepartment = new TreeMap<>();
        for (TicketFacts.Count c : tickets.counts(start, end)) {
            byField.merge(key(c.fieldCode()), c.count(), Long::sum);
            byDepartment.merge(key(c.departmentCode()), c.count(), Long::sum);
        }
        int k = config.suppressionThreshold();
        return new TicketFacts.Left(start, end, codes(Suppression.hidden(byField, k)),
                codes(Suppression.hidden(byDepartment, k)));
    }

    private static String key(String code) {
        return code == null || code.isBlank() ? ReportBreakdown.UNSPECIFIED : code;
    }

    /** The hidden keys as the ticket desk's codes: {@code UNSPECIFIED} is no value (null). */
    private static Set<String> codes(Set<String> keys) {
        Set<String> codes = new HashSet<>();
        keys.forEach(k -> codes.add(k.equals(ReportBreakdown.UNSPECIFIED) ? null : k));
        return codes;
    }
}
