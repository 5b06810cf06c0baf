package vn.gov.moit.hotline.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.moit.hotline.common.DayRange;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Page;
import vn.gov.moit.hotline.common.PageRequest;
import vn.gov.moit.hotline.common.PhoneNumbers;
import vn.gov.moit.hotline.common.Where;
import vn.gov.moit.hotline.tickets.Ticket;
import vn.gov.moit.hotline.tickets.TicketConfig;
import vn.gov.moit.hotline.tickets.TicketRepository;
import vn.gov.moit.hotline.tickets.TicketStatus;

/** Reading the call log: searches, the calls in progress, an operator's current call, the live board. */
@ApplicationScoped
class CallQueries {

    /** The board counts service level as the monthly report does, with the report's thresholds. */
    @ConfigProperty(name = "hotline.report.service-level-seconds", defaultValue = "30")
    int serviceLevelSeconds;

    @ConfigProperty(name = "hotline.report.short-abandon-seconds", defaultValue = "5")
    int shortAbandonSeconds;

    @Inject
    TicketRepository tickets;

    @Inject
    TicketConfig ticketConfig;

    @Inject
    ZoneId zone;

    @Inject
    Clock clock;

    record Filter(CallState state, String operator, String caller, String linkedid, DayRange days) {
    }

    /** The board: what is happening now and how today went so far. */
    record Board(long waiting, long talking, Today today) {
    }

    record Today(long offered, long answered, long abandoned, long missed, Double serviceLevelPercent) {
    }

    Page<CallView> search(Filter f, PageRequest page) {
        Where where = new Where()
                .and("state = :state", "state", f.state())
                .and("operatorUsername = :operator", "operator", f.operator())
                .and("linkedid = :linkedid", "linkedid", f.linkedid())
                .and("callerNumber = :caller", "caller", f.caller() == null ? null : PhoneNumbers.normalise(f.caller())
                        .orElseThrow(() -> new DomainException.InvalidInput("caller", "not a telephone number")))
                .and("arrivedAt >= :from", "from", f.days().start(zone))
                .and("arrivedAt < :to", "to", f.days().end(zone));
        var found = Call.<Call>find(where.query(), page.sort(), where.parameters()).page(page.page(), page.size());
        return new Page<>(views(found.list()), page.page(), page.size(), found.count());
    }

    List<CallView> inProgress() {
        return views(Call.list("state in ?1 order by arrivedAt", CallState.IN_PROGRESS));
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
        return new Board(waiting, talking, new Today(offered, answered, abandoned, missed, level));
    }

    private List<CallView> views(List<Call> calls) {
        List<Long> ticketIds = calls.stream().map(c -> c.ticketId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, Ticket> byId = ticketIds.isEmpty() ? Map.of()
                : tickets.list("id in ?1", ticketIds).stream().collect(Collectors.toMap(Ticket::id, Function.identity()));
        Instant since = clock.instant().minus(ticketConfig.repeatCallerWindow());
        return calls.stream().map(c -> {
            Ticket t = c.ticketId == null ? null : byId.get(c.ticketId);
            Boolean repeat = null;
            if (c.callerNumber != null) {
                repeat = tickets.count("callerNumber = ?1 and status in ?2 and createdAt >= ?3 and id <> ?4",
                        c.callerNumber, TicketStatus.OPEN, since, c.ticketId == null ? -1L : c.ticketId) > 0;
            }
            return CallView.of(c, t == null ? null : t.reference(), repeat);
        }).toList();
    }
}
