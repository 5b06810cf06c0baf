package vn.gov.moit.hotline.telephony;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.tickets.TicketService;

/**
 * The call log's writer: turns the adapter's {@link CallEvent}s into one {@link Call} per Linkedid, each linked
 * to exactly one ticket, by the {@link CallRules}. It owns the transactions: events are applied in short ones
 * (one event, or what has queued up on a dispatcher thread); a clash with a concurrent copy of the same event
 * (a second listener, a replay) fails on the unique Linkedid or the row version and is retried, and the retry
 * finds the work already done. Once a transaction has committed, its changed calls go to the live feed and its
 * counts to the metrics.
 */
@ApplicationScoped
public class CallLogService implements CallEventSink {

    private static final Logger LOG = Logger.getLogger(CallLogService.class);
    private static final int ATTEMPTS = 3;

    @Inject
    CallRules rules;

    @Inject
    TicketService tickets;

    @Inject
    Event<CallChanged> changes;

    @Inject
    MeterRegistry metrics;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Fired inside the transaction that changed a call; the live feed publishes it once committed. */
    public record CallChanged(CallView call) {
    }

    @Override
    public void accept(CallEvent event) {
        retrying(event.getClass().getSimpleName() + " of call " + event.linkedid(), work -> {
            rules.apply(event, work);
            return null;
        });
    }

    /**
     * Logs a finished call read back from Asterisk's files (the backfill after an outage) through the same
     * rules as a live call. A call whose Linkedid is already logged is left untouched, so the same file can be
     * imported again; a concurrent import of the same call fails on the unique Linkedid and its retry finds it.
     *
     * @return true when the call was created, false when it was already logged
     */
    public boolean importCall(BackfilledCall call) {
        return retrying("the import of call " + call.linkedid(), work -> rules.imported(call, work));
    }

    /**
     * Applies the events in one transaction. If the transaction fails (a concurrent copy of one of them, a
     * bad event), nothing of it is kept and each event is applied again in its own transaction, so that one
     * event can never hold the others back.
     */
    @Override
    public void acceptAll(List<CallEvent> events) {
        if (events.size() > 1) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    // The batch keeps its calls and tickets at hand: nothing needs flushing before commit.
                    Call.getEntityManager().setFlushMode(FlushModeType.COMMIT);
                    CallWork work = CallWork.batch(events, tickets);
                    events.forEach(event -> rules.apply(event, work));
                    finish(work);
                });
                return;
            } catch (RuntimeException e) {
                LOG.debugf("Applying %d events one by one after: %s", events.size(), e.getMessage());
            }
        }
        for (CallEvent event : events) {
            try {
                accept(event);
            } catch (RuntimeException e) {
                metrics.counter("hotline.ami.events.failed").increment();
                LOG.errorf(e, "Call log refused %s of call %s", event.getClass().getSimpleName(), event.linkedid());
            }
        }
    }

    @Inject
    CaptureGaps gaps;

    @Override
    public void heard(Instant at) {
        gaps.heard(at);
    }

    @Override
    public java.util.Optional<Instant> heardUntil() {
        return gaps.watermark();
    }

    @Override
    public void resynced(Set<String> activeLinkedids, Instant at) {
        resynced(activeLinkedids, at, at);
    }

    @Override
    public void resynced(Set<String> activeLinkedids, Instant at, Instant heardSince) {
        // What happened since the listener last heard Asterisk (here or on another instance) is a gap.
        gaps.reconnected(heardSince, "listener connected after the last event heard");
        QuarkusTransaction.requiringNew().run(() -> {
            CallWork work = CallWork.single();
            int closed = rules.resynced(activeLinkedids, at, work);
            finish(work);
            if (closed > 0) {
                LOG.warnf("Resync: %d call(s) in progress were gone after the reconnection; closed as OUTCOME_UNKNOWN",
                        closed);
            }
        });
    }

    /** One unit of work in a transaction of its own, tried again (up to {@value #ATTEMPTS} times) after a clash. */
    private <T> T retrying(String what, Function<CallWork, T> step) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    CallWork work = CallWork.single();
                    T result = step.apply(work);
                    finish(work);
                    return result;
                });
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("Retrying %s after a concurrent change: %s", what, e.getMessage());
            }
        }
    }

    /**
     * The end of a unit of work, inside its transaction: the new tickets of a batch get their references (just
     * before the commit), each changed call is told to the live feed once, as the work left it, and the counts
     * are registered to be counted if the transaction commits (a batch rolled back and applied again one event
     * at a time is not counted twice).
     */
    private void finish(CallWork work) {
        if (!work.opened.isEmpty()) {
            tickets.number(work.opened);
        }
        if (!work.changed.isEmpty()) {
            Map<Long, String> references = tickets.references(
                    work.changed.values().stream().map(c -> c.ticketId).filter(Objects::nonNull).distinct().toList());
            work.changed.values().forEach(call ->
                    changes.fire(new CallChanged(CallView.of(call, references.get(call.ticketId), null))));
        }
        if (!work.counts.isEmpty()) {
            List<CallWork.Count> counts = List.copyOf(work.counts);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        counts.forEach(c -> metrics.counter(c.name(), c.tags()).increment());
                    }
                }
            });
        }
    }
}
