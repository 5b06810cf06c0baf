package vn.gov.moit.hotline.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Page;
import vn.gov.moit.hotline.common.PageRequest;
import vn.gov.moit.hotline.common.Where;
import vn.gov.moit.hotline.directory.Directory;
import vn.gov.moit.hotline.security.CurrentUser;
import vn.gov.moit.hotline.security.Roles;
import vn.gov.moit.hotline.tickets.Ticket;
import vn.gov.moit.hotline.tickets.TicketJournal;
import vn.gov.moit.hotline.tickets.TicketRepository;
import vn.gov.moit.hotline.tickets.TicketService;
import vn.gov.moit.hotline.tickets.TicketStatus;
import vn.gov.moit.hotline.tickets.TicketView;

/**
 * Escalation of tickets to ministry departments: the deadline comes from the {@link SlaPolicy}; officers
 * accept, answer, forward or raise to leaders; the deadline watch marks breaches and raises them.
 */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);
    static final String SYSTEM = "system";

    @Inject
    TicketService tickets;

    @Inject
    TicketRepository ticketRepository;

    @Inject
    TicketJournal journal;

    @Inject
    Directory directory;

    @Inject
    CurrentUser user;

    @Inject
    SlaPolicy sla;

    @Inject
    EscalationConfig config;

    @Inject
    Clock clock;

    /** The department the ticket's field routes to, for the operator to confirm or change. */
    public String suggestedDepartment(long ticketId) {
        Ticket t = tickets.visible(ticketId);
        return directory.routeFor(t.fieldCode()).orElse(null);
    }

    @Transactional
    TicketView escalate(long ticketId, long version, String departmentCode, String note) {
        Ticket t = tickets.visibleAt(ticketId, version);
        String department = departmentCode != null ? departmentCode
                : directory.routeFor(t.fieldCode()).orElseThrow(() -> new DomainException.InvalidInput(
                        "departmentCode", "no routing rule for field " + t.fieldCode() + "; choose a department"));
        directory.requireDepartment("departmentCode", department);
        Instant now = clock.instant();
        Instant deadline = sla.deadline(t.priority(), now);
        TicketStatus from = t.escalateTo(department, deadline, now);
        Escalation.open(t.id(), department, deadline, user.username(), now, note).persist();
        journal.record(t, user.username(), "ESCALATED", from, note, now);
        return flushed(t);
    }

    @Transactional
    TicketView accept(long ticketId, long version) {
        Ticket t = tickets.visibleAt(ticketId, version);
        requireOwnDepartment(t);
        Escalation e = pending(t);
        Instant now = clock.instant();
        e.accept(user.username(), now);
        TicketStatus from = t.accept(now);
        journal.record(t, user.username(), "ACCEPTED", from, null, now);
        return flushed(t);
    }

    @Transactional
    TicketView answer(long ticketId, long version, String answer) {
        Ticket t = tickets.visibleAt(ticketId, version);
        boolean leaderOnRaised = user.has(Roles.LEADER) && t.raisedToLeaders();
        if (!leaderOnRaised) {
            requireOwnDepartment(t);
        }
        Escalation e = pending(t);
        Instant now = clock.instant();
        e.answer(user.username(), answer, now);
        TicketStatus from = t.answer(answer, now);
        journal.record(t, user.username(), "ANSWERED", from, answer, now);
        return flushed(t);
    }

    @Transactional
    TicketView forward(long ticketId, long version, String departmentCode, String reason) {
        Ticket t = tickets.visibleAt(ticketId, version);
        if (!user.has(Roles.SUPERVISOR)) {
            requireOwnDepartment(t);
        }
        directory.requireDepartment("departmentCode", departmentCode);
        if (departmentCode.equals(t.departmentCode())) {
            throw new DomainException.InvalidInput("departmentCode", "the ticket is already with " + departmentCode);
        }
        Escalation current = pending(t);
        Instant now = clock.instant();
        current.forwarded(now);
        Instant deadline = sla.deadline(t.priority(), now);
        String fromDepartment = t.departmentCode();
        TicketStatus from = t.escalateTo(departmentCode, deadline, now);
        Escalation next = Escalation.open(t.id(), departmentCode, deadline, user.username(), now, reason);
        if (t.raisedToLeaders()) {
            next.raised(current.raisedBy, current.raiseReason, current.raisedAt);
        }
        next.persist();
        journal.record(t, user.username(), "FORWARDED", from,
                "from " + fromDepartment + " to " + departmentCode + (reason == null ? "" : ": " + reason), now);
        return flushed(t);
    }

    @Transactional
    TicketView raise(long ticketId, long version, String reason) {
        Ticket t = tickets.visibleAt(ticketId, version);
        if (!user.has(Roles.SUPERVISOR)) {
            requireOwnDepartment(t);
        }
        Instant now = clock.instant();
        raise(t, pending(t), user.username(), reason, now);
        return flushed(t);
    }

    private void raise(Ticket t, Escalation e, String by, String reason, Instant now) {
        TicketStatus status = t.status();
        t.raiseToLeaders(now);
        e.raised(by, reason, now);
        journal.record(t, by, "RAISED_TO_LEADERS", status, reason, now);
    }

    /**
     * Marks every pending escalation whose deadline has passed as breached and raises its ticket to the
     * leaders (unless it already is). Safe to run again: a breach is marked once.
     *
     * @return how many escalations were newly marked breached
     */
    @Transactional
    public int markBreaches() {
        Instant now = clock.instant();
        List<Escalation> due = Escalation.list("state in ?1 and deadline < ?2 and breachedAt is null",
                EscalationState.PENDING, now);
        for (Escalation e : due) {
            e.breachedAt = now;
            Ticket t = ticketRepository.findById(e.ticketId);
            journal.record(t, SYSTEM, "DEADLINE_BREACHED", t.status(),
                    e.departmentCode + " missed the deadline " + e.deadline, now);
            if (!t.raisedToLeaders()) {
                raise(t, e, SYSTEM, "deadline " + e.deadline + " passed", now);
            }
        }
        if (!due.isEmpty()) {
            LOG.infof("Deadline watch: %d escalation(s) breached", due.size());
        }
        return due.size();
    }

    /** Which escalations a desk lists. */
    record Filter(EscalationState state, String departmentCode, boolean breachedOnly, boolean dueSoonOnly,
            boolean raisedOnly, boolean pendingOnly) {
    }

    Page<EscalationView> list(Filter f, PageRequest page) {
        Instant now = clock.instant();
        boolean pendingOnly = f.pendingOnly() || f.breachedOnly() || f.dueSoonOnly();
        // An officer's lists hold only what is still the department's: an escalation it forwarded (or that a
        // supervisor moved) is the other department's now; what it did there stays in the ticket's history.
        Where where = new Where()
                .and("departmentCode = :own", "own", user.isOfficer() ? user.departmentCode() : null)
                .and("state <> :forwarded", "forwarded", user.isOfficer() ? EscalationState.FORWARDED : null)
                .andIf(user.isOfficer() && user.departmentCode() == null, "id is null")
                .and("departmentCode = :department", "department", f.departmentCode())
                .and("state = :state", "state", f.state())
                .and("state in :pending", "pending", pendingOnly ? EscalationState.PENDING : null)
                .and("deadline < :breachedBefore", "breachedBefore", f.breachedOnly() ? now : null)
                .and("deadline >= :soonFrom", "soonFrom", f.dueSoonOnly() ? now : null)
                .and("deadline < :soonTo", "soonTo", f.dueSoonOnly() ? now.plus(config.dueSoonWindow()) : null)
                .andIf(f.raisedOnly(), "raisedAt is not null");
        var found = Escalation.<Escalation>find(where.query(), page.sort(), where.parameters())
                .page(page.page(), page.size());
        List<Escalation> rows = found.list();
        Map<Long, Ticket> byId = rows.isEmpty() ? Map.of()
                : ticketRepository.list("id in ?1", rows.stream().map(e -> e.ticketId).distinct().toList()).stream()
                        .collect(Collectors.toMap(Ticket::id, Function.identity()));
        List<EscalationView> items = rows.stream().map(e -> view(e, byId.get(e.ticketId), now)).toList();
        return new Page<>(items, page.page(), page.size(), found.count());
    }

    /** Every department assignment of one ticket, first to last. */
    List<EscalationView> ofTicket(long ticketId) {
        Ticket t = tickets.visible(ticketId);
        Instant now = clock.instant();
        return Escalation.<Escalation>list("ticketId = ?1 order by escalatedAt, id", ticketId).stream()
                .map(e -> view(e, t, now)).toList();
    }

    private static EscalationView view(Escalation e, Ticket t, Instant now) {
        boolean breached = e.breached() || (EscalationState.PENDING.contains(e.state) && now.isAfter(e.deadline));
        return new EscalationView(e.id, e.ticketId, t.reference(), t.summary(), t.priority(), t.status(),
                e.departmentCode, e.state, e.deadline, breached, e.escalatedBy, e.escalatedAt, e.note, e.acceptedBy,
                e.acceptedAt, e.answeredBy, e.answeredAt, e.answer, e.raisedAt != null, e.raisedAt, e.raiseReason);
    }

    private void requireOwnDepartment(Ticket t) {
        if (!user.has(Roles.OFFICER) || !Objects.equals(user.departmentCode(), t.departmentCode())) {
            throw new DomainException.NotAllowed("Only an officer of " + t.departmentCode() + " may do this");
        }
    }

    private static Escalation pending(Ticket t) {
        Escalation e = Escalation.pendingOf(t.id());
        if (e == null) {
            throw new DomainException.Conflict("illegal-transition",
                    "Ticket " + t.reference() + " is " + t.status() + " and not waiting for a department");
        }
        return e;
    }

    private TicketView flushed(Ticket t) {
        ticketRepository.flush();
        return TicketView.of(t);
    }
}
