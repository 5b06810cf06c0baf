package vn.gov.moit.hotline.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.moit.hotline.common.DayRange;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Page;
import vn.gov.moit.hotline.common.PageRequest;
import vn.gov.moit.hotline.common.PhoneNumbers;
import vn.gov.moit.hotline.common.Where;
import vn.gov.moit.hotline.tickets.TicketService;

/** Reading the call log: searches, the calls in progress, an operator's current call, the live board. */
@ApplicationScoped
class CallQueries {

    /** The board counts service level as the monthly report does, with the report's thresholds. */
    @ConfigProperty(name = "hotline.report.service-level-seconds", defaultValue = "30")
    int serviceLevelSeconds;

    @ConfigProperty(name = "hotline.report.short-abandon-seconds", defaultValue = "5")
    int shortAbandonSeconds;

    /** The board warns when the day's service level falls below this share (in %). */
    @ConfigProperty(name = "hotline.board.service-level-alert-percent", defaultValue = "80")
    int serviceLevelAlertPercent;

    @Inject
    TicketService tickets;

    @Inject
    ZoneId zone;

    @Inject
    Clock clock;

    record Filter(CallState state, String operator, String caller, String linkedid, Long ticketId, DayRange days) {
    }

    /** The board: what is happening now and how today went so far. */
    /** {@code serviceLevelAlert}: today's service level is below {@code serviceLevelAlertPercent}. */
    record Board(long waiting, long talking, Today today, int serviceLevelAlertPercent, boolean serviceLevelAlert) {
    }

    record Today(long offered, long answered, long abandoned, long missed, Double serviceLevelPercent) {
    }

    Page<CallView> search(Filter f, PageRequest page) {
        Where where = new Where()
                .and("state = :state", "state", f.state())
                .and("operatorUsername = :operator", "operator", f.operator())
                .and("linkedid = :linkedid", "linkedid", f.linkedid())
                .and("ticketId = :ticket", "ticket", f.ticketId())
                .and("callerNumber = :caller", "caller", f.caller() == null ? null : PhoneNumbers.normalise(f.caller())
                        .orElseThrow(() -> DomainException.InvalidInput.because("caller", "not-a-phone-number",
                                f.caller())))
                .and("arrivedAt >= :from", "from", f.days().start(zone))
                .and("arrivedAt < :to", "to", f.days().end(zone));
        var found = Call.<Call>find(where.query(), page.sort(), where.parameters()).page(page.page(), page.size());
        return new Page<>(views(found.list()), page.page(), page.size(), found.count());
    }

    /**
     * The calls in progress, as the board reads them on every change: without {@code repeatCaller} (as on the
     * live feed), which would cost a query per call.
     */
    List<CallView> inProgress() {
        return views(Call.list("state in ?1 order by arrivedAt", CallState.IN_PROGRESS), false);
    }

    /** The call an operator is talking on now, if any. */
    CallView current(String username) {
        List<Call> calls = Call.list("state = ?1 and operatorUsername = ?2 order by answeredAt desc",
                CallState.ANSWERED, username);
        return calls.isEmpty() ? null : views(calls.subList(0, 1)).get(0);
    }

    CallView get(long id) {
        Call c = Call.findById(id);
        if (c == null) {
            throw new DomainException.NotFound("Call", id);
        }
        return views(List.of(c)).get(0);
    }

    Board board() {
        Instant now = clock.instant();
        Instant startOfDay = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        long waiting = Call.count("state in ?1", List.of(CallState.ARRIVED, CallState.QUEUED));
        long talking = Call.count("state", CallState.ANSWERED);
        long offered = Call.count("arrivedAt >= ?1", startOfDay);
        long answered = Call.count("arrivedAt >= ?1 and state in ?2", startOfDay,
                List.of(CallState.ANSWERED, CallState.COMPLETED));
        long abandoned = Call.count("arrivedAt >= ?1 and state = ?2", startOfDay, CallState.ABANDONED);
        long missed = Call.count("arrivedAt >= ?1 and state = ?2", startOfDay, CallState.MISSED);
        long quick = Call.count("arrivedAt >= ?1 and state in ?2 and waitSeconds <= ?3", startOfDay,
                List.of(CallState.ANSWERED, CallState.COMPLETED), serviceLevelSeconds);
        long shortAbandons = Call.count("arrivedAt >= ?1 and state = ?2 and waitSeconds < ?3", startOfDay,
                CallState.ABANDONED, shortAbandonSeconds);
        long base = offered - shortAbandons;
        Double level = base <= 0 ? null : Math.round(1000.0 * quick / base) / 10.0;
        return new Board(waiting, talking, new Today(offered, answered, abandoned, missed, level),
                serviceLevelAlertPercent, level != null && level < serviceLevelAlertPercent);
    }

    private List<CallView> views(List<Call> calls) {
        return views(calls, true);
    }

    /** The calls with their tickets' references and, if asked, whether each caller has other open tickets. */
    private List<CallView> views(List<Call> calls, boolean repeatCallers) {
        Map<Long, String> references = tickets.references(
                calls.stream().map(c -> c.ticketId).filter(Objects::nonNull).distinct().toList());
        return calls.stream().map(c -> CallView.of(c, references.get(c.ticketId),
                !repeatCallers || c.callerNumber == null ? null
                        : tickets.hasOtherOpenTicket(c.callerNumber, c.ticketId))).toList();
    }
}
