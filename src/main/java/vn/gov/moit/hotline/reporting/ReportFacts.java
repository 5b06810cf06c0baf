package vn.gov.moit.hotline.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.gov.moit.hotline.callbacks.CallbackFacts;
import vn.gov.moit.hotline.telephony.CallFacts;
import vn.gov.moit.hotline.telephony.CallState;
import vn.gov.moit.hotline.tickets.TicketCommitments;
import vn.gov.moit.hotline.tickets.TicketFacts;

/**
 * The facts of a month as the report sees them, from the features that own them: the call log's
 * ({@link CallFacts}), the ticket desk's ({@link TicketFacts}) and the departments' commitments
 * ({@link TicketCommitments}, the escalation feature's). Each source streams; nothing of a month is kept here
 * but one chunk of tickets while their commitments are looked up.
 */
@ApplicationScoped
class ReportFacts {

    /** Call states whose outcome is known; ARRIVED and QUEUED are calls still in progress. */
    private static final Map<CallState, CallOutcome> OUTCOMES = new EnumMap<>(Map.of(
            CallState.ANSWERED, CallOutcome.ANSWERED,
            CallState.COMPLETED, CallOutcome.COMPLETED,
            CallState.ABANDONED, CallOutcome.ABANDONED,
            CallState.MISSED, CallOutcome.MISSED,
            CallState.OUTCOME_UNKNOWN, CallOutcome.OUTCOME_UNKNOWN));

    /** Tickets whose commitments are asked for in one query. */
    private static final int CHUNK = 1_000;

    @Inject
    CallFacts calls;

    @Inject
    TicketFacts tickets;

    @Inject
    TicketCommitments commitments;

    @Inject
    CallbackFacts callbacks;

    /** Hands {@code sink} every caller to call back whose first miss was in {@code [start, end)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void callbacks(Instant start, Instant end, Consumer<? super CallbackFact> sink) {
        callbacks.tasks(start, end, f -> sink.accept(new CallbackFact(f.firstMissedAt(), f.withheld(),
                f.firstAttemptAt(), f.reached() && !f.reachedAt().isAfter(f.dueAt()), f.unreachable())));
    }

    /** Hands {@code sink} every call that arrived in {@code [start, end)} and has ended or is being answered. */
    @Transactional(Transactional.TxType.MANDATORY)
    void calls(Instant start, Instant end, Consumer<? super CallFact> sink) {
        calls.calls(start, end, f -> {
            CallOutcome outcome = OUTCOMES.get(f.state());
            if (outcome != null) {
                sink.accept(new CallFact(f.arrivedAt(), outcome, f.waitSeconds(), f.talkSeconds()));
            }
        });
    }

    /**
     * Hands {@code sink} every ticket opened before {@code end} and not closed before {@code start}. The deadline
     * is that of the ticket's FIRST escalation: the commitment made to the caller when the ticket left the
     * hotline (a forward gives the next department a new deadline; measuring against the last one would let
     * forwarding hide lateness).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void tickets(Instant start, Instant end, Consumer<? super TicketFact> sink) {
        List<TicketFacts.Fact> chunk = new ArrayList<>(CHUNK);
        tickets.tickets(start, end, f -> {
            chunk.add(f);
            if (chunk.size() == CHUNK) {
                emit(chunk, sink);
            }
        });
        emit(chunk, sink);
    }

    private void emit(List<TicketFacts.Fact> chunk, Consumer<? super TicketFact> sink) {
        // Only a ticket that went to a department has commitments.
        Map<Long, TicketCommitments.Commitment> committed = commitments.of(
                chunk.stream().filter(f -> f.departmentCode() != null).map(TicketFacts.Fact::id).toList());
        for (TicketFacts.Fact f : chunk) {
            TicketCommitments.Commitment c = committed.getOrDefault(f.id(), TicketCommitments.Commitment.NONE);
            sink.accept(new TicketFact(f.openedAt(), f.fieldCode(), f.provinceCode(), f.departmentCode(),
                    f.callerType(), f.resolvedOnCall(), c.firstDeadline() != null, c.raisedToLeaders(),
                    c.firstAnsweredAt(), c.firstDeadline(), f.closedAt(), f.status().name()));
        }
        chunk.clear();
    }
}
