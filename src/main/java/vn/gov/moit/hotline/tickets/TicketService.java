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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
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
 *
 * <p>The only writer of {@link Ticket} and its history. Other features tell it what happened, with an intent
 * each ({@link #callArrived}, {@link #callUnanswered}, {@link #escalated}, {@link #answered}, ...); every
 * transition records its history row, typed by {@link TicketAction}, in the same step.
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

    @Inject
    Event<CallbackNeeded> callbackNeeded;

    @Inject
    Event<CallerReached> callerReached;

    @Inject
    TicketCommitments commitments;

    private static final String SYSTEM = "system";

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
                .orElseThrow(() -> DomainException.InvalidInput.because("callerNumber",
                        "not-a-phone-number", n.callerNumber()));
        Instant now = clock.instant();
        Ticket t = Ticket.open(n.source(), number, withheld, n.callerName(), n.priority(), user.username(), now);
        persist(t);
        journal.record(t, user.username(), TicketAction.CREATED, null, null, now);
        Ticket.Triage details = new Ticket.Triage(n.callerName(), n.callerType(), n.provinceCode(), n.commune(),
                n.fieldCode(), n.category(), n.priority() == null ? Priority.NORMAL : n.priority(), n.summary(),
                n.description());
        checkCodes(details);
        // Triaged only when everything triage asks for is there; otherwise the details wait, NEW, for triage.
        if (details.complete()) {
            TicketStatus from = t.triage(details, now);
            journal.record(t, user.username(), TicketAction.TRIAGED, from, null, now);
        } else {
            t.describe(details);
        }
        return flushed(t);
    }

    /**
     * A hotline call arrived: opens its ticket and returns the ticket's id. The caller number is already
     * normalised, or null when withheld. The call log calls this once per call, inside its own transaction.
     * With {@code toNumber} the id is added there and the ticket gets its reference from {@link #number},
     * which the caller runs just before its transaction commits; without, it is numbered at once.
     */
    public long callArrived(String callerNumber, String callerName, Instant at, List<Long> toNumber) {
        Ticket t = Ticket.open(TicketSource.PHONE, callerNumber, callerNumber == null, callerName, Priority.NORMAL,
                null, at);
        if (toNumber == null) {
            numberTickets(List.of(t));
        }
        tickets.persist(t);
        if (toNumber != null) {
            toNumber.add(t.id());
        }
        journal.record(t, SYSTEM, TicketAction.CREATED, null, "hotline call", at);
        return t.id();
    }

    /** The operator who answered the call takes its ticket, unless someone already holds it. */
    public void callAnswered(long ticketId, String operator, Instant at) {
        Ticket t = ticket(ticketId);
        t.assignOperator(operator, at);
        if (t.callerNumber() != null) {
            callerReached.fire(new CallerReached(t.id(), t.callerNumber(), true, at));
        }
    }

    /** The caller's number or name became known after the call's ticket was opened (a phone ticket only). */
    public void callerIdentified(long ticketId, String number, boolean withheld, String name, Instant at) {
        Ticket t = ticket(ticketId);
        if (t.source() == TicketSource.PHONE) {
            t.identifyCaller(number, withheld, name, at);
        }
    }

    /** The call was missed or abandoned: its ticket goes on the callback list, unless work on it has started. */
    public void callUnanswered(long ticketId, String reason, Instant at) {
        Ticket t = ticket(ticketId);
        if (t.status() == TicketStatus.NEW) {
            TicketStatus from = t.putOnCallbackList(at);
            journal.record(t, SYSTEM, TicketAction.CALLBACK_NEEDED, from, reason, at);
            callbackNeeded.fire(new CallbackNeeded(t.id(), t.callerNumber(), at));
        }
    }

    /**
     * A caller missed again while their callback task is open: the new call's ticket is merged into the task's
     * ticket, so the caller is one entry to call back, with every call on it.
     */
    public void repeatMiss(long ticketId, long intoTicketId, Instant at) {
        Ticket t = ticket(ticketId);
        Ticket original = ticket(intoTicketId);
        if (t.id() == original.id() || t.status() != TicketStatus.CALLBACK_PENDING || original.duplicateOf() != null) {
            return;
        }
        TicketStatus from = t.markDuplicateOf(original, at);
        journal.record(t, SYSTEM, TicketAction.MARKED_DUPLICATE, from, "repeat miss: duplicate of "
                + original.reference(), at);
        journal.record(original, SYSTEM, TicketAction.DUPLICATE_LINKED, original.status(), t.reference()
                + " merged into this ticket", at);
        merged.fire(new TicketMerged(t.id(), original.id()));
    }

    /**
     * One attempt of the callback task to call the caller back: reached, the ticket is worked like a new one;
     * not reached, the attempt is in its history, and the last allowed attempt closes it as unreachable.
     */
    public void callbackAttempted(long ticketId, boolean reached, boolean last, String by, String note, Instant at) {
        Ticket t = ticket(ticketId);
        if (t.status() != TicketStatus.CALLBACK_PENDING) {
            return;
        }
        TicketStatus from = t.status();
        if (reached || last) {
            from = t.calledBack(reached, at);
        } else {
            t.touch(at);
        }
        journal.record(t, by, reached ? TicketAction.CALLED_BACK : TicketAction.CALLBACK_FAILED, from, note, at);
    }

    /** Reads these tickets into the transaction's session at once (a batch of the call log), in one query. */
    public void load(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            tickets.list("id in ?1", ids);
        }
    }

    /**
     * The references of these tickets, by id: those already in the session (a batch of the call log holds its
     * tickets, new ones not yet written) without a query, the others in one.
     */
    public Map<Long, String> references(Collection<Long> ids) {
        Map<Long, String> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        tickets.getSession().byMultipleIds(Ticket.class).enableSessionCheck(true).multiLoad(List.copyOf(ids))
                .stream().filter(Objects::nonNull).forEach(t -> found.put(t.id(), t.reference()));
        return found;
    }

    /** The caller has an open ticket, other than {@code exceptTicketId}, from the repeat-caller window. */
    public boolean hasOtherOpenTicket(String callerNumber, Long exceptTicketId) {
        Instant since = clock.instant().minus(config.repeatCallerWindow());
        return tickets.count("callerNumber = ?1 and status in ?2 and createdAt >= ?3 and id <> ?4", callerNumber,
                TicketStatus.OPEN, since, exceptTicketId == null ? -1L : exceptTicketId) > 0;
    }

    /** Sent to a department (the escalation feature chose it and holds the deadline). */
    public TicketView escalated(long id, String department, String by, String note, Instant at) {
        Ticket t = ticket(id);
        TicketStatus from = t.escalateTo(department, at);
        journal.record(t, by, TicketAction.ESCALATED, from, note, at);
        return flushed(t);
    }

    /** Moved from the department that held it to another. */
    public TicketView forwarded(long id, String department, String by, String reason, Instant at) {
        Ticket t = ticket(id);
        String fromDepartment = t.departmentCode();
        TicketStatus from = t.escalateTo(department, at);
        journal.record(t, by, TicketAction.FORWARDED, from,
                "from " + fromDepartment + " to " + department + (reason == null ? "" : ": " + reason), at);
        return flushed(t);
    }

    /** The department took the ticket on. */
    public TicketView accepted(long id, String by, Instant at) {
        Ticket t = ticket(id);
        TicketStatus from = t.accept(at);
        journal.record(t, by, TicketAction.ACCEPTED, from, null, at);
        return flushed(t);
    }

    /** The department (or a leader) answered; the answer is the ticket's resolution. */
    public TicketView answered(long id, String by, String answer, Instant at) {
        Ticket t = ticket(id);
        TicketStatus from = t.answer(answer, at);
        journal.record(t, by, TicketAction.ANSWERED, from, answer, at);
        return flushed(t);
    }

    /** Raised to the ministry's leaders; the status stays, the version moves (its view changed). */
    public TicketView raisedToLeaders(long id, String by, String reason, Instant at) {
        Ticket t = ticket(id);
        t.touch(at);
        journal.record(t, by, TicketAction.RAISED_TO_LEADERS, t.status(), reason, at);
        return flushed(t);
    }

    /** The department's deadline passed without an answer: recorded in the history only. */
    public void reminderSent(long id, String note, Instant at) {
        Ticket t = ticket(id);
        journal.record(t, SYSTEM, TicketAction.REMINDER_SENT, t.status(), note, at);
    }

    public void deadlineBreached(long id, String note, Instant at) {
        Ticket t = ticket(id);
        journal.record(t, SYSTEM, TicketAction.DEADLINE_BREACHED, t.status(), note, at);
    }

    /** The views of these tickets, by id, whoever may see them: for a list the caller has already scoped. */
    public Map<Long, TicketView> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return views(tickets.find("id in ?1", ids).project(TicketView.Row.class).list()).stream()
                .collect(Collectors.toMap(TicketView::id, v -> v));
    }

    private Ticket ticket(long id) {
        Ticket t = tickets.findById(id);
        if (t == null) {
            throw new DomainException.NotFound("Ticket", id);
        }
        return t;
    }

    private void persist(Ticket t) {
        numberTickets(List.of(t));
        tickets.persist(t);
    }

    /**
     * Gives the tickets opened in this transaction the next numbers of their year's register, in their order.
     * The register's row stays locked until the transaction ends, so a transaction that opens many tickets (a
     * batch of the call log) numbers them all at its end: one update, held only while it commits.
     */
    public void number(List<Long> opened) {
        numberTickets(opened.stream().map(this::ticket).toList());
    }

    private void numberTickets(List<Ticket> opened) {
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
    private Ticket visible(long id) {
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
    private Ticket visibleAt(long id, long version) {
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

    /** The ticket as the current user may see it; "not found" when they may not. */
    public TicketView get(long id) {
        return view(visible(id));
    }

    /** The same, read at the version the client sent ({@link #visibleAt}). */
    public TicketView getAt(long id, long version) {
        return view(visibleAt(id, version));
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
                                .orElseThrow(() -> DomainException.InvalidInput.because("caller", "not-a-phone-number",
                                        f.callerNumber())))
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
        var found = tickets.find(where.query(), sort, where.parameters()).project(TicketView.Row.class)
                .page(page.page(), page.size());
        List<TicketView> items = views(found.list());
        long total = deskList ? deskListTotals.total(where.parameters(), found::count) : found.count();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Transactional
    TicketView triage(long id, long version, Ticket.Triage triage) {
        return change(id, version, TicketAction.TRIAGED, null, (t, now) -> {
            checkCodes(triage);
            return t.triage(triage, now);
        });
    }

    @Transactional
    TicketView resolveOnCall(long id, long version, String resolution) {
        return change(id, version, TicketAction.RESOLVED_ON_CALL, resolution,
                (t, now) -> t.resolveOnCall(resolution, user.username(), now));
    }

    @Transactional
    TicketView close(long id, long version, String note) {
        return change(id, version, TicketAction.CLOSED, note, Ticket::close);
    }

    @Transactional
    TicketView reopen(long id, long version, String reason) {
        return change(id, version, TicketAction.REOPENED, reason, Ticket::reopen);
    }

    /**
     * The common path of a user's change: the ticket must be visible to the user and read at its current
     * version; the move is recorded in the history, and the new version is returned.
     */
    private TicketView change(long id, long version, TicketAction action, String note,
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
            throw DomainException.InvalidInput.because("duplicateOf", "no-such-ticket", String.valueOf(originalId));
        }
        if (tickets.count("duplicateOf", t.id()) > 0) {
            throw new DomainException.Conflict("has-duplicates", "Ticket " + t.reference() + " has tickets merged into "
                    + "it; merge " + original.reference() + " into " + t.reference() + " instead");
        }
        TicketStatus from = t.markDuplicateOf(original, clock.instant());
        journal.record(t, user.username(), TicketAction.MARKED_DUPLICATE, from, "duplicate of " + original.reference()
                + (note == null ? "" : ": " + note), t.updatedAt());
        journal.record(original, user.username(), TicketAction.DUPLICATE_LINKED, original.status(), t.reference()
                + " merged into this ticket", t.updatedAt());
        merged.fire(new TicketMerged(t.id(), original.id()));
        return flushed(t);
    }

    @Transactional
    TicketView calledBack(long id, long version, boolean reached, String note) {
        TicketView view = change(id, version, reached ? TicketAction.CALLED_BACK : TicketAction.CALLBACK_FAILED, note,
                (t, now) -> t.calledBack(reached, now));
        callerReached.fire(new CallerReached(id, view.callerNumber(), reached, view.updatedAt()));
        return view;
    }

    /** Tickets of missed and abandoned calls still waiting for a callback, oldest first. */
    Page<TicketView> callbackList(PageRequest page) {
        var found = tickets.find("status", TicketRepository.deskOrder(page.sort(), "status"), TicketStatus.CALLBACK_PENDING)
                .project(TicketView.Row.class).page(page.page(), page.size());
        return new Page<>(views(found.list()), page.page(), page.size(), found.count());
    }

    /** The caller's other open tickets from the repeat-caller window, newest first. */
    List<TicketView> repeatSuggestions(String rawNumber, Long excludeId) {
        String number = PhoneNumbers.normalise(rawNumber)
                .orElseThrow(() -> DomainException.InvalidInput.because("number", "not-a-phone-number", rawNumber));
        Instant since = clock.instant().minus(config.repeatCallerWindow());
        return tickets.openOfCaller(number, since).stream()
                .filter(t -> excludeId == null || !t.id().equals(excludeId))
                .filter(this::mayView)
                .map(this::view)
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
        return view(t);
    }

    private TicketView view(Ticket t) {
        return TicketView.of(t, t.departmentCode() == null ? TicketCommitments.Commitment.NONE
                : commitments.of(List.of(t.id())).getOrDefault(t.id(), TicketCommitments.Commitment.NONE));
    }

    /** Only a ticket that went to a department has commitments: the rest are not looked up. */
    private List<TicketView> views(List<TicketView.Row> rows) {
        List<Long> escalated = rows.stream().filter(r -> r.departmentCode() != null).map(TicketView.Row::id).toList();
        Map<Long, TicketCommitments.Commitment> found = escalated.isEmpty() ? Map.of() : commitments.of(escalated);
        return rows.stream().map(r -> TicketView.of(r, found.getOrDefault(r.id(), TicketCommitments.Commitment.NONE)))
                .toList();
    }
}
