package vn.gov.moit.hotline.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Page;
import vn.gov.moit.hotline.common.PageRequest;
import vn.gov.moit.hotline.common.Roles;
import vn.gov.moit.hotline.common.Where;
import vn.gov.moit.hotline.directory.Directory;
import vn.gov.moit.hotline.escalation.EscalationNotice.Kind;
import vn.gov.moit.hotline.security.CurrentUser;
import vn.gov.moit.hotline.tickets.TicketService;
import vn.gov.moit.hotline.tickets.TicketView;

/**
 * Escalation of tickets to ministry departments: the deadline comes from the {@link SlaPolicy}; officers
 * accept, answer, forward or raise to leaders; the deadline watch marks breaches and raises them.
 *
 * <p>The only writer of {@link Escalation}, which owns each assignment's clock (deadline, breach, acceptance,
 * answer, raise). The ticket moves through {@link TicketService}'s intents, in the same transaction and after
 * the escalation's change, so that the ticket's view the intent returns reads the new commitments.
 */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);
    static final String SYSTEM = "system";

    @Inject
    TicketService tickets;

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

    @Inject
    Event<EscalationNotice> notices;

    /** The department the ticket's field routes to, for the operator to confirm or change. */
    public String suggestedDepartment(long ticketId) {
        return directory.routeFor(tickets.get(ticketId).fieldCode()).orElse(null);
    }

    @Transactional
    TicketView escalate(long ticketId, long version, String departmentCode, String note) {
        TicketView t = tickets.getAt(ticketId, version);
        if (t.fieldCode() == null) {
            throw DomainException.InvalidInput.because("fieldCode", "triage-before-escalating");
        }
        String department = departmentCode != null ? departmentCode
                : directory.routeFor(t.fieldCode()).orElseThrow(() -> DomainException.InvalidInput.because(
                        "departmentCode", "no-route", t.fieldCode()));
        directory.requireDepartment("departmentCode", department);
        Instant now = clock.instant();
        Escalation e = Escalation.open(t.id(), department, sla.deadline(t.priority(), now), user.username(), now, note);
        e.persist();
        TicketView escalated = tickets.escalated(t.id(), department, user.username(), note, now);
        tell(Kind.ESCALATED, e, escalated, user.username(), note, now);
        return escalated;
    }

    @Transactional
    TicketView accept(long ticketId, long version) {
        TicketView t = tickets.getAt(ticketId, version);
        requireOwnDepartment(t);
        Escalation e = pending(t);
        Instant now = clock.instant();
        e.accept(user.username(), now);
        return tickets.accepted(t.id(), user.username(), now);
    }

    @Transactional
    TicketView answer(long ticketId, long version, String answer) {
        TicketView t = tickets.getAt(ticketId, version);
        boolean leaderOnRaised = user.has(Roles.LEADER) && t.raisedToLeaders();
        if (!leaderOnRaised) {
            requireOwnDepartment(t);
        }
        Escalation e = pending(t);
        Instant now = clock.instant();
        e.answer(user.username(), answer, now);
        TicketView answered = tickets.answered(t.id(), user.username(), answer, now);
        tell(Kind.ANSWERED, e, answered, user.username(), answer, now);
        return answered;
    }

    @Transactional
    TicketView forward(long ticketId, long version, String departmentCode, String reason) {
        TicketView t = tickets.getAt(ticketId, version);
        if (!user.has(Roles.SUPERVISOR)) {
            requireOwnDepartment(t);
        }
        directory.requireDepartment("departmentCode", departmentCode);
        if (departmentCode.equals(t.departmentCode())) {
            throw DomainException.InvalidInput.because("departmentCode", "already-with-department", departmentCode);
        }
        Escalation current = pending(t);
        Instant now = clock.instant();
        current.forwarded(now);
        Escalation next = Escalation.open(t.id(), departmentCode, sla.deadline(t.priority(), now), user.username(),
                now, reason);
        if (current.raisedAt != null) {
            next.raised(current.raisedBy, current.raiseReason, current.raisedAt);
        }
        next.persist();
        TicketView forwarded = tickets.forwarded(t.id(), departmentCode, user.username(), reason, now);
        tell(Kind.ESCALATED, next, forwarded, user.username(), reason, now);
        return forwarded;
    }

    @Transactional
    TicketView raise(long ticketId, long version, String reason) {
        TicketView t = tickets.getAt(ticketId, version);
        if (!user.has(Roles.SUPERVISOR)) {
            requireOwnDepartment(t);
        }
        Escalation e = pending(t);
        if (e.raisedAt != null) {
            throw new DomainException.Conflict("already-raised", "Ticket " + t.reference() + " is already raised to leaders");
        }
        return raise(e, user.username(), reason, clock.instant());
    }

    private TicketView raise(Escalation e, String by, String reason, Instant now) {
        e.raised(by, reason, now);
        TicketView raised = tickets.raisedToLeaders(e.ticketId, by, reason, now);
        tell(Kind.RAISED, e, raised, by, reason, now);
        return raised;
    }

    private void tell(Kind kind, Escalation e, TicketView t, String actor, String text, Instant now) {
        tell(kind, e, t, actor, text, 0, 0, now);
    }

    private void tell(Kind kind, Escalation e, TicketView t, String actor, String text, int level, int percent,
            Instant now) {
        notices.fire(new EscalationNotice(kind, e.id, t.id(), t.reference(), t.summary(), t.priority(), e.departmentCode,
                e.deadline, e.escalatedBy, actor, text, level, percent, now));
    }

    /**
     * Reminds the departments of the pending escalations that passed a reminder point
     * ({@code hotline.escalation.reminders}) since the last run: each point once, written in the ticket's history;
     * a run that comes late sends only the last point passed.
     *
     * @return how many reminders were sent
     */
    @Transactional
    public int remind() {
        List<Integer> points = config.reminders();
        if (points.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Escalation> pending = Escalation.list("state in ?1 and breachedAt is null and remindersSent < ?2",
                EscalationState.PENDING, points.size());
        Map<Long, TicketView> byId = tickets.byIds(pending.stream().map(e -> e.ticketId).distinct().toList());
        int sent = 0;
        for (Escalation e : pending) {
            TicketView t = byId.get(e.ticketId);
            int passed = e.remindersSent;
            while (passed < points.size() && !sla.elapsed(t.priority(), e.escalatedAt, points.get(passed)).isAfter(now)) {
                passed++;
            }
            if (passed > e.remindersSent) {
                e.remindersSent = passed;
                int percent = points.get(passed - 1);
                tickets.reminderSent(t.id(), e.departmentCode + ": " + percent + "% of the time used, deadline "
                        + e.deadline, now);
                tell(Kind.REMINDER, e, t, SYSTEM, null, passed, percent, now);
                sent++;
            }
        }
        return sent;
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
        Map<Long, TicketView> byId = tickets.byIds(due.stream().map(e -> e.ticketId).distinct().toList());
        for (Escalation e : due) {
            e.breachedAt = now;
            tickets.deadlineBreached(e.ticketId, e.departmentCode + " missed the deadline " + e.deadline, now);
            tell(Kind.BREACHED, e, byId.get(e.ticketId), SYSTEM, null, now);
            if (e.raisedAt == null) {
                raise(e, SYSTEM, "deadline " + e.deadline + " passed", now);
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
        Map<Long, TicketView> byId = tickets.byIds(rows.stream().map(e -> e.ticketId).distinct().toList());
        List<EscalationView> items = rows.stream().map(e -> view(e, byId.get(e.ticketId), now)).toList();
        return new Page<>(items, page.page(), page.size(), found.count());
    }

    /** Every department assignment of one ticket, first to last. */
    List<EscalationView> ofTicket(long ticketId) {
        TicketView t = tickets.get(ticketId);
        Instant now = clock.instant();
        return Escalation.<Escalation>list("ticketId = ?1 order by escalatedAt, id", ticketId).stream()
                .map(e -> view(e, t, now)).toList();
    }

    private static EscalationView view(Escalation e, TicketView t, Instant now) {
        boolean breached = e.breached() || (EscalationState.PENDING.contains(e.state) && now.isAfter(e.deadline));
        return new EscalationView(e.id, e.ticketId, t.reference(), t.summary(), t.priority(), t.status(),
                e.departmentCode, e.state, e.deadline, breached, e.escalatedBy, e.escalatedAt, e.note, e.acceptedBy,
                e.acceptedAt, e.answeredBy, e.answeredAt, e.answer, e.raisedAt != null, e.raisedAt, e.raiseReason);
    }

    private void requireOwnDepartment(TicketView t) {
        if (!user.has(Roles.OFFICER) || !Objects.equals(user.departmentCode(), t.departmentCode())) {
            throw new DomainException.NotAllowed("Only an officer of " + t.departmentCode() + " may do this");
        }
    }

    private static Escalation pending(TicketView t) {
        Escalation e = Escalation.pendingOf(t.id());
        if (e == null) {
            throw new DomainException.Conflict("illegal-transition",
                    "Ticket " + t.reference() + " is " + t.status() + " and not waiting for a department");
        }
        return e;
    }

}
