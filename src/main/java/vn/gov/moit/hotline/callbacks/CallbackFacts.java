package vn.gov.moit.hotline.callbacks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.function.Consumer;

/** The callback tasks of a period, as the monthly report counts them. */
@ApplicationScoped
public class CallbackFacts {

    /**
     * One caller to call back: their first miss, whether they withheld their number, the first attempt to call
     * them (null if none), whether they were reached (by a callback or by calling in again and being answered)
     * and when, when they were due, and whether the attempts ran out.
     */
    public record Fact(Instant firstMissedAt, boolean withheld, Instant firstAttemptAt, boolean reached,
            Instant reachedAt, Instant dueAt, boolean unreachable) {
    }

    @Inject
    EntityManager em;

    /** Hands {@code sink} every task whose first miss is in {@code [start, end)}, in the caller's transaction. */
    public void tasks(Instant start, Instant end, Consumer<Fact> sink) {
        em.createQuery("select t.firstMissedAt, t.withheld, (select min(a.startedAt) from CallbackAttempt a "
                        + "where a.taskId = t.id), t.state, t.closedAt, t.dueAt from CallbackTask t "
                        + "where t.firstMissedAt >= :start and t.firstMissedAt < :end", Object[].class)
                .setParameter("start", start).setParameter("end", end)
                .getResultStream().forEach(r -> {
                    CallbackState state = (CallbackState) r[3];
                    sink.accept(new Fact((Instant) r[0], (Boolean) r[1], (Instant) r[2],
                            state == CallbackState.REACHED, state == CallbackState.REACHED ? (Instant) r[4] : null,
                            (Instant) r[5], state == CallbackState.UNREACHABLE));
                });
    }
}
