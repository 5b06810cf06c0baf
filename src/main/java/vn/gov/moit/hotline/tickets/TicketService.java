package vn.gov.moit.hotline.tickets;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Page;
import vn.gov.moit.hotline.common.PageRequest;
import vn.gov.moit.hotline.common.PhoneNumbers;
import vn.gov.moit.hotline.common.Where;
import vn.gov.moit.hotline.directory.Directory;
import vn.gov.moit.hotline.security.CurrentUser;

/**
 * The ticket desk: opening tickets, triage, resolving on the call, closing, reopening, duplicates and the
 * callback list. Officers only ever see their own department's tickets; anything else is "not found", so
 * that ids of other departments' tickets do not leak.
 */
@ApplicationScoped
public class TicketService {

    @Inject
    TicketRepository tickets;

    @Inject
    TicketJournal journal;

    @Inject
    Directory directory;

    @Inject
    CurrentUser user;

    @Inject
    TicketConfig config;

    @Inject
    DeskListTotals deskListTotals;

    @Inject
    ZoneId zone;

    @Inject
    Clock clock;

    @Inject
    Event<TicketMerged> merged;

    /** What an operator types in for a ticket that did not come from a call. */
    record NewTicket(TicketSource source, String callerNumber, String callerName, CallerType callerType,
            String provinceCode, String commune, String fieldCode, String category, Priority priority, String summary,
            String description) {
    }

    @Transactional
    TicketView create(NewTicket n) {
        if (n.source() == TicketSource.PHONE) {
            throw new DomainException.InvalidInput("source", "phone tickets are opened by the call log; use MANUAL, "
                    + "FIELD_OFFICER_REPORT or CALLBACK");
        }
        boolean withheld = n.callerNumber() != null && PhoneNumbers.isWithheld(n.callerNumber());
        String number = n.callerNumber() == null || withheld ? null : PhoneNumbers.normalise(n.callerNumber())
                .orElseThrow(() -> new DomainException.InvalidInput("callerNumber",
                        "callerNumber is not a telephone number: " + n.callerNumber()));
        Instant now = clock.instant();
        Ticket t = Ticket.open(n.source(), number, withheld, n.callerName(), n.priority(), user.username(), now);
        persist(t);
        journal.record(t, user.username(), "CREATED", null, null, now);
        Ticket.Triage details = new Ticket.Triage(n.callerName(), n.callerType(), n.provinceCode(), n.commune(),
                n.fieldCode(), n.category(), n.priority() == null ? Priority.NORMAL : n.priority(), n.summary(),
                n.description());
        checkCodes(details);
        // Triaged only when everything triage asks for is there; otherwise the details wait, NEW, for triage.
        if (details.complete()) {
            TicketStatus from = t.triage(details, now);
            journal.record(t, user.username(), "TRIAGED", from, null, now);
        } else {
            t.describe(details);
        }
        return flushed(t);
    }

    /**
     * Opens the ticket of a hotline call as it arrives. The caller number is already normalised, or null when
     * withheld. The call log calls this once per call, inside its own transaction. With {@code toNumber} the
     * ticket is added there and gets its reference from {@link #number}, which the caller runs just before
     * its transaction commits; without, it is numbered at once.
     */
    public Ticket openForCall(String callerNumber, String callerName, Instant at, List<Ticket> toNumber) {
        Ticket t = Ticket.open(TicketSource.PHONE, callerNumber, callerNumber == null, callerName, Priority.NORMAL,
                null, at);
        if (toNumber == null) {
            number(List.of(t));
        } else {
            toNumber.add(t);
        }
        tickets.persist(t);
        journal.record(t, "system", "CREATED", null, "hotline call", at);
        return t;
    }

    private void persist(Ticket t) {
        number(List.of(t));
        tickets.persist(t);
    }

    /**
     * Gives the tickets the next numbers of their year's register, in their order. The register's row stays
     * locked until the transaction ends, so a transaction that opens many tickets (a batch of the call log)
     * numbers them all at its end: one update, held only while it commits.
     */
    public void number(List<Ticket> opened) {
        Map<Integer, List<Ticket>> byYear = new TreeMap<>();
        opened.forEach(t -> byYear.computeIfAbsent(t.createdAt().atZone(zone).getYear(), y -> new ArrayList<>()).add(t));
        byYear.forEach((year, ofYear) -> {
            long first = tickets.reserveReferenceNumbers(config.referencePrefix(), year, ofYear.size());
            for (int i = 0; i < ofYear.size(); i++) {
                ofYear.get(i).assignReference(config.referencePrefix(), year, first + i);
            }
        });
    }

    /** The ticket, if the current user may see it. */
    public Ticket visible(long id) {
        Ticket t = tickets.findById(id);
        if (t == null || !mayView(t)) {
            throw new DomainException.NotFound("Ticket", id);
        }
        return t;
    }

    /**
     * The ticket to change, read at the version the client sent. An officer whose department held the ticket
     * and who sends the version they read before it was forwarded away gets a stale-version conflict (their
     * page is out of date), not "not found": what they raced with is a change of a ticket they had seen.
     */
    public Ticket visibleAt(long id, long version) {
        Ticket t = tickets.findById(id);
        if (t != null && !mayView(t) && version != t.version() && user.departmentCode() != null
                && TicketHistory.count("ticketId = ?1 and departmentCode = ?2", id, user.departmentCode()) > 0) {
            t.checkVersion(version);
        }
        if (t == null || !mayView(t)) {
            throw new DomainException.NotFound("Ticket", id);
        }
        t.checkVersion(version);
        return t;
    }

    private boolean mayView(Ticket t) {
        return !user.isOfficer() || Objects.equals(t.departmentCode(), user.departmentCode());
    }

    TicketView get(long id) {
        return TicketView.of(visible(id));
    }

    List<TicketJournal.Entry> history(long id) {
        visible(id);
        return journal.of(id);
    }

    Page<TicketView> search(TicketFilter f, PageRequest page) {
        Where where = new Where()
                .and("departmentCode = :ownDepartment", "ownDepartment", user.isOfficer() ? user.departmentCode() : null)
                .andIf(user.isOfficer() && user.departmentCode() == null, "id is null")
                .and("status = :status", "status", f.status())
                .and("fieldCode = :field", "field", f.fieldCode())
                .and("provinceCode = :province", "province", f.provinceCode())
                .and("departmentCode = :department", "department", f.departmentCode())
                .and("priority = :priority", "priority", f.priority())
                .and("callerNumber = :caller", "caller", f.callerNumber() == null ? null
                        : PhoneNumbers.normalise(f.callerNumber())
                                .orElseThrow(() -> new DomainException.InvalidInput("caller", "not a telephone number")))
                .and("createdAt >= :from", "from", f.days().start(zone))
                .and("createdAt < :to", "to", f.days().end(zone))
                .and("(lower(summary) like :text escape '!' or lower(description) like :text escape '!'"
                        + " or lower(reference) like :text escape '!' or lower(callerName) like :text escape '!'"
                        + " or lower(commune) like :text escape '!')", "text",
                        f.text() == null ? null : "%" + likeLiteral(f.text().toLowerCase(Locale.ROOT)) + "%");
        Set<String> criteria = where.parameters().keySet();
        boolean deskList = criteria.equals(Set.of("status")) || criteria.equals(Set.of("status", "field"));
        Sort sort = !deskList ? page.sort() : criteria.size() == 1 ? TicketRepository.deskOrder(page.sort(), "status")
                : TicketRepository.deskOrder(page.sort(), "status", "fieldCode");
        // Straight into the views: no entity to hydrate, snapshot and track for 20 rows that are only read.
        var found = tickets.find(where.query(), sort, where.parameters()).project(TicketView.class)
                .page(page.page(), page.size());
        List<TicketView> items = found.list();
        long total = deskList ? deskListTotals.total(where.parameters(), found::count) : found.count();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Transactional
    TicketView triage(long id, long version, Ticket.Triage triage) {
        return change(id, version, "TRIAGED", null, (t, now) -> {
            checkCodes(triage);
            return t.triage(triage, now);
        });
    }

    @Transactional
    TicketView resolveOnCall(long id, long version, String resolution) {
        return change(id, version, "RESOLVED_ON_CALL", resolution,
                (t, now) -> t.resolveOnCall(resolution, user.username(), now));
    }

    @Transactional
    TicketView close(long id, long version, String note) {
        return change(id, version, "CLOSED", note, Ticket::close);
    }

    @Transactional
    TicketView reopen(long id, long version, String reason) {
        return change(id, version, "REOPENED", reason, Ticket::reopen);
    }

    /**
     * The common path of a user's change: the ticket must be visible to the user and read at its current
     * version; the move is recorded in the history, and the new version is returned.
     */
    private TicketView change(long id, long version, String action, String note,
            BiFunction<Ticket, Instant, TicketStatus> move) {
        Ticket t = visibleAt(id, version);
        TicketStatus from = move.apply(t, clock.instant());
        journal.record(t, user.username(), action, from, note, t.updatedAt());
        return flushed(t);
    }

    /** Marks a ticket a duplicate of the original (also how a repeat caller's new call joins their open ticket). */
    @Transactional
    TicketView markDuplicate(long id, long version, long originalId, String note) {
        // Both tickets locked, lower id first: of two merges that meet (A into B and B into A, or A into B and
        // B into C) the second waits for the first and then sees what it did, so no cycle and no chain appears.
        tickets.findById(Math.min(id, originalId), LockModeType.PESSIMISTIC_WRITE);
        tickets.findById(Math.max(id, originalId), LockModeType.PESSIMISTIC_WRITE);
        Ticket t = visibleAt(id, version);
        Ticket original = tickets.findById(originalId);
        if (original == null || !mayView(original)) {
            throw new DomainException.InvalidInput("duplicateOf", "no ticket with id " + originalId);
        }
        if (tickets.count("duplicateOf", t.id()) > 0) {
            throw new DomainException.Conflict("has-duplicates", "Ticket " + t.reference() + " has tickets merged into "
                    + "it; merge " + original.reference() + " into " + t.reference() + " instead");
        }
        TicketStatus from = t.markDuplicateOf(original, clock.instant());
        journal.record(t, user.username(), "MARKED_DUPLICATE", from, "duplicate of " + original.reference()
                + (note == null ? "" : ": " + note), t.updatedAt());
        journal.record(original, user.username(), "DUPLICATE_LINKED", original.status(), t.reference()
                + " merged into this ticket", t.updatedAt());
        merged.fire(new TicketMerged(t.id(), original.id()));
        return flushed(t);
    }

    @Transactional
    TicketView calledBack(long id, long version, boolean reached, String note) {
        return change(id, version, reached ? "CALLED_BACK" : "CALLBACK_FAILED", note,
                (t, now) -> t.calledBack(reached, now));
    }

    /** Tickets of missed and abandoned calls still waiting for a callback, oldest first. */
    Page<TicketView> callbackList(PageRequest page) {
        var found = tickets.find("status", TicketRepository.deskOrder(page.sort(), "status"), TicketStatus.CALLBACK_PENDING)
                .project(TicketView.class).page(page.page(), page.size());
        return new Page<>(found.list(), page.page(), page.size(), found.count());
    }

    /** The caller's other open tickets from the repeat-caller window, newest first. */
    List<TicketView> repeatSuggestions(String rawNumber, Long excludeId) {
        String number = PhoneNumbers.normalise(rawNumber)
                .orElseThrow(() -> new DomainException.InvalidInput("number", "not a telephone number"));
        Instant since = clock.instant().minus(config.repeatCallerWindow());
        return tickets.openOfCaller(number, since).stream()
                .filter(t -> excludeId == null || !t.id().equals(excludeId))
                .filter(t -> !user.isOfficer() || Objects.equals(t.departmentCode(), user.departmentCode()))
                .map(TicketView::of)
                .toList();
    }

    private void checkCodes(Ticket.Triage t) {
        if (t.fieldCode() != null) {
            directory.requireField("fieldCode", t.fieldCode());
        }
        if (t.provinceCode() != null) {
            directory.requireProvince("provinceCode", t.provinceCode());
        }
    }

    /** The text matched as written: {@code %} and {@code _} are letters here, not wildcards. */
    static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Flushes so that the returned version is the one the next request must send. */
    private TicketView flushed(Ticket t) {
        tickets.flush();
        return TicketView.of(t);
    }
}
