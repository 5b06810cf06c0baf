package vn.gov.moit.hotline.callbacks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Page;
import vn.gov.moit.hotline.security.CurrentUser;
import vn.gov.moit.hotline.tickets.CallbackNeeded;
import vn.gov.moit.hotline.tickets.CallerReached;
import vn.gov.moit.hotline.tickets.TicketService;
import vn.gov.moit.hotline.tickets.TicketView;

/**
 * The callers to call back: opens a task for a caller's first miss and joins the later ones to it (their
 * tickets merged into the task's), records each attempt, and closes the task when the caller is reached,
 * calls in again and is answered, or the attempts run out. The only writer of {@link CallbackTask}.
 */
@ApplicationScoped
public class CallbackService {

    @Inject
    CallbackConfig config;

    @Inject
    TicketService tickets;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    /** One task on the worklist, with its ticket's reference. */
    public record TaskView(long id, String callerNumber, boolean withheld, CallbackState state, int misses,
            int attempts, Instant firstMissedAt, Instant lastMissedAt, Instant dueAt, Instant lastAttemptAt,
            Instant closedAt, String closedReason, long ticketId, String ticketReference, long version) {
    }

    /** The open tasks, soonest due first, and how many missed callers could not be called back at all. */
    public record Worklist(List<TaskView> items, int page, int size, long total, long withheld) {
    }

    void callbackNeeded(@Observes CallbackNeeded e) {
        if (e.callerNumber() == null) {
            CallbackTask.missed(null, e.ticketId(), e.at(), e.at()).persist();
            return;
        }
        CallbackTask open = CallbackTask.openOf(e.callerNumber());
        if (open == null) {
            CallbackTask.missed(e.callerNumber(), e.ticketId(), e.at(), e.at().plus(config.target())).persist();
        } else if (open.ticketId != e.ticketId()) {
            open.missedAgain(e.at());
            tickets.repeatMiss(e.ticketId(), open.ticketId, e.at());
        }
    }

    /**
     * The hotline spoke with the caller outside the task: their new call was answered (the missed call's
     * ticket joins the new one), or the callback ticket was marked from the ticket itself.
     */
    void callerReached(@Observes CallerReached e) {
        CallbackTask task = CallbackTask.find("ticketId = ?1 and state = ?2", e.ticketId(), CallbackState.OPEN)
                .firstResult();
        if (task != null) {
            task.attempted(e.reached(), e.reached() ? config.maxAttempts() : 1, e.at());
            return;
        }
        CallbackTask open = e.callerNumber() == null || !e.reached() ? null : CallbackTask.openOf(e.callerNumber());
        if (open != null && open.ticketId != e.ticketId()) {
            open.close(CallbackState.REACHED, "called in again", e.at());
            tickets.repeatMiss(open.ticketId, e.ticketId(), e.at());
        }
    }

    /** The worklist: open tasks by due time, paged, with the total and the withheld callers' count. */
    public Worklist worklist(int page, int size) {
        var found = CallbackTask.<CallbackTask>find("state = ?1 order by dueAt, id", CallbackState.OPEN)
                .page(page, size);
        long withheld = CallbackTask.count("state", CallbackState.NOT_CALLABLE);
        return new Worklist(views(found.list()), page, size, found.count(), withheld);
    }

    /** The withheld callers' tasks, newest first: listed and counted, though nobody can call them. */
    public Page<TaskView> withheld(int page, int size) {
        var found = CallbackTask.<CallbackTask>find("state = ?1 order by lastMissedAt desc, id desc",
                CallbackState.NOT_CALLABLE).page(page, size);
        return new Page<>(views(found.list()), page, size, found.count());
    }

    /** An operator tried to call the caller back: reached or not. */
    @Transactional
    public TaskView attempt(long id, long version, boolean reached, String note) {
        CallbackTask task = CallbackTask.findById(id);
        if (task == null) {
            throw new DomainException.NotFound("Callback task", id);
        }
        if (task.version != version) {
            throw new DomainException.StaleVersion("Callback task " + id, version, task.version);
        }
        if (!task.open()) {
            throw new DomainException.Conflict("callback-closed", task.withheld
                    ? "The caller's number is withheld: there is nobody to call back"
                    : "This callback task is already closed (" + task.closedReason + ")");
        }
        Instant now = clock.instant();
        task.attempted(reached, config.maxAttempts(), now);
        tickets.callbackAttempted(task.ticketId, reached, !task.open(), user.username(),
                note != null ? note : "attempt " + task.attempts, now);
        CallbackTask.flush();
        return views(List.of(task)).get(0);
    }

    private List<TaskView> views(List<CallbackTask> tasks) {
        var byId = tickets.byIds(tasks.stream().map(t -> t.ticketId).toList());
        return tasks.stream().map(t -> {
            TicketView ticket = byId.get(t.ticketId);
            return new TaskView(t.id, t.callerNumber, t.withheld, t.state, t.misses, t.attempts, t.firstMissedAt,
                    t.lastMissedAt, t.dueAt, t.lastAttemptAt, t.closedAt, t.closedReason, t.ticketId,
                    ticket == null ? null : ticket.reference(), t.version);
        }).toList();
    }
}
