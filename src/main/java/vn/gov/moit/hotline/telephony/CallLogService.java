package vn.gov.moit.hotline.telephony;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.common.PhoneNumbers;
import vn.gov.moit.hotline.security.Users;
import vn.gov.moit.hotline.tickets.Ticket;
import vn.gov.moit.hotline.tickets.TicketJournal;
import vn.gov.moit.hotline.tickets.TicketRepository;
import vn.gov.moit.hotline.tickets.TicketService;
import vn.gov.moit.hotline.tickets.TicketSource;
import vn.gov.moit.hotline.tickets.TicketStatus;

/**
 * The call log: turns the adapter's {@link CallEvent}s into one {@link Call} per Linkedid, each linked to
 * exactly one ticket. Events are applied in short transactions (one event, or what has queued up on a
 * dispatcher thread); a clash with a concurrent copy of the same event (a second listener, a replay) fails on
 * the unique Linkedid or the row version and is retried, and the retry finds the work already done.
 */
@ApplicationScoped
public class CallLogService implements CallEventSink {

    private static final Logger LOG = Logger.getLogger(CallLogService.class);
    private static final String SYSTEM = "system";
    private static final int ATTEMPTS = 3;
    /** The extension in a queue member interface: Local/1001@agents/n, PJSIP/1001, SIP/1001-000a. */
    private static final Pattern EXTENSION = Pattern.compile("^[A-Za-z0-9_]+/(\\d{2,20})(?:[@/\\-;].*)?$");
    /** The extension at the end of a queue member's name: "Operator 1001". */
    private static final Pattern TRAILING_EXTENSION = Pattern.compile("(?:^|\\s)(\\d{2,20})$");

    @Inject
    TelephonyConfig config;

    @Inject
    TicketService tickets;

    @Inject
    TicketRepository ticketRepository;

    @Inject
    TicketJournal journal;

    @Inject
    Users users;

    @Inject
    Event<CallChanged> changes;

    @Inject
    MeterRegistry metrics;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The batch being applied on this thread (see {@link #acceptAll}). */
    private final ThreadLocal<Batch> batches = new ThreadLocal<>();

    private Set<String> dids;
    private Set<String> contexts;
    private Set<String> queues;

    /** Fired inside the transaction that changed a call; the live feed publishes it once committed. */
    public record CallChanged(CallView call) {
    }

    @PostConstruct
    void init() {
        dids = config.dids().stream().map(d -> PhoneNumbers.normalise(d)
                .orElseThrow(() -> new IllegalArgumentException("hotline.telephony.dids: not a number: " + d)))
                .collect(Collectors.toUnmodifiableSet());
        contexts = Set.copyOf(config.inboundContexts());
        queues = Set.copyOf(config.queues());
    }

    @Override
    public void accept(CallEvent event) {
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(event));
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("Retrying %s of call %s after a concurrent change: %s", event.getClass().getSimpleName(),
                        event.linkedid(), e.getMessage());
            }
        }
    }

    /**
     * Logs a finished call read back from Asterisk's files (the backfill after an outage), with its one ticket,
     * exactly as a live call would have had it: the operator who answered takes the ticket, an unanswered
     * call puts it on the callback list. A call whose Linkedid is already logged is left untouched, so the
     * same file can be imported again; a concurrent import of the same call fails on the unique Linkedid and
     * its retry finds the call there.
     *
     * @return true when the call was created, false when it was already logged
     */
    public boolean importCall(BackfilledCall call) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> imported(call));
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("Retrying the import of call %s after a concurrent change: %s", call.linkedid(),
                        e.getMessage());
            }
        }
    }

    private boolean imported(BackfilledCall b) {
        if (Call.byLinkedid(b.linkedid()) != null) {
            return false;
        }
        String number = PhoneNumbers.normalise(b.callerNumber()).orElse(null);
        String name = callerName(b.callerName());
        String operator = b.state() != CallState.COMPLETED ? null
                : Optional.ofNullable(operatorOf(b.operatorInterface())).orElseGet(() -> operatorNamed(b.operatorName()));
        Ticket ticket = tickets.openForCall(number, name, b.arrivedAt(), null);
        Call call = Call.backfilled(b, number, name, operator, ticket.id());
        call.persist();
        Call.flush();
        countOnCommit("hotline.calls.created");
        countOnCommit("hotline.calls.backfilled");
        if (operator != null) {
            ticket.assignOperator(operator, b.answeredAt() != null ? b.answeredAt() : b.arrivedAt());
        }
        if (call.state == CallState.MISSED || call.state == CallState.ABANDONED) {
            needsCallback(call, call.missedReason, b.lastSeen());
        } else {
            changed(call, ticket);
        }
        return true;
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
                    // The batch's calls and their tickets are read in two queries and kept at hand, so no
                    // query has to flush the session first: the changes are written once, at commit.
                    Call.getEntityManager().setFlushMode(FlushModeType.COMMIT);
                    Batch batch = new Batch(events);
                    batches.set(batch);
                    try {
                        events.forEach(this::apply);
                        // Numbered last, so that the register's row is locked only while the batch commits.
                        tickets.number(batch.opened);
                        batch.changed.values().forEach(call -> publish(call, null));
                    } finally {
                        batches.remove();
                    }
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

    private void apply(CallEvent event) {
        if (event instanceof CallEvent.ChannelEntered e) {
            entered(e);
        } else if (event instanceof CallEvent.CallerIdentified e) {
            Call call = find(e.linkedid());
            if (call != null) {
                identify(call, e.callerNumber(), e.callerName(), e.at());
            }
        } else if (event instanceof CallEvent.QueueJoined e) {
            queued(e);
        } else if (event instanceof CallEvent.AgentConnected e) {
            Call call = find(e.linkedid());
            if (call != null && call.answered(e.memberName(), e.memberInterface(), operatorOf(e.memberInterface()),
                    e.holdSeconds(), e.at())) {
                Ticket t = ticketOf(call);
                if (t != null && call.operatorUsername != null) {
                    t.assignOperator(call.operatorUsername, e.at());
                }
                changed(call, t);
            }
        } else if (event instanceof CallEvent.AgentCompleted e) {
            Call call = find(e.linkedid());
            if (call != null && call.completed(e.memberName(), e.memberInterface(), operatorOf(e.memberInterface()),
                    e.holdSeconds(), e.talkSeconds(), e.reason(), e.at())) {
                changed(call, null);
            }
        } else if (event instanceof CallEvent.QueueAbandoned e) {
            Call call = find(e.linkedid());
            if (call != null && call.abandoned(e.holdSeconds(), e.at())) {
                needsCallback(call, "abandoned in the queue after " + e.holdSeconds() + " s", e.at());
            }
        } else if (event instanceof CallEvent.ChannelHungUp e) {
            Call call = find(e.linkedid());
            if (call != null && call.hungUp(e.channel(), e.cause(), e.causeText(), e.at())) {
                if (call.state == CallState.MISSED) {
                    needsCallback(call, call.missedReason, e.at());
                } else {
                    changed(call, null);
                }
            }
        }
    }

    private void entered(CallEvent.ChannelEntered e) {
        if (!contexts.contains(e.context())) {
            return;
        }
        String did = PhoneNumbers.normalise(e.exten()).filter(dids::contains).orElse(null);
        if (did == null) {
            return;
        }
        Call call = find(e.linkedid());
        if (call == null) {
            create(e.linkedid(), did, e.channel(), e.callerNumber(), e.callerName(), e.at());
        } else {
            identify(call, e.callerNumber(), e.callerName(), e.at());
        }
    }

    private void queued(CallEvent.QueueJoined e) {
        Call call = find(e.linkedid());
        if (call == null) {
            if (!queues.contains(e.queue())) {
                return;
            }
            call = create(e.linkedid(), null, e.channel(), e.callerNumber(), e.callerName(), e.at());
        }
        CallState before = call.state;
        call.queued(e.queue(), e.channel(), e.at());
        identify(call, e.callerNumber(), e.callerName(), e.at());
        if (before != call.state) {
            changed(call, null);
        }
    }

    /**
     * The events of one transaction in {@link #acceptAll}: their calls, read at once with their tickets (which
     * stay in the session), and the calls they changed, published once each when the batch is applied.
     */
    private final class Batch {
        final Map<String, Call> calls = new HashMap<>();
        final Map<String, Call> changed = new LinkedHashMap<>();
        /** Tickets opened by the batch, numbered just before it commits. */
        final List<Ticket> opened = new ArrayList<>();

        Batch(List<CallEvent> events) {
            List<String> linkedids = events.stream().map(CallEvent::linkedid).distinct().toList();
            linkedids.forEach(id -> calls.put(id, null));
            List<Call> known = Call.list("linkedid in ?1", padded(linkedids));
            known.forEach(c -> calls.put(c.linkedid, c));
            List<Long> ticketIds = known.stream().map(c -> c.ticketId).filter(Objects::nonNull).distinct().toList();
            if (!ticketIds.isEmpty()) {
                ticketRepository.list("id in ?1", padded(ticketIds));
            }
        }

        /**
         * The values repeated up to a power of two: a few statement texts instead of one per list length, so
         * the statements are translated and prepared once and then found in the caches.
         */
        private static <T> List<T> padded(List<T> values) {
            int size = Integer.highestOneBit(Math.max(8, values.size()) - 1) << 1;
            List<T> padded = new ArrayList<>(size);
            padded.addAll(values);
            while (padded.size() < size) {
                padded.add(values.get(values.size() - 1));
            }
            return padded;
        }
    }

    /** The call of a Linkedid; inside a batch, from the batch's calls. */
    private Call find(String linkedid) {
        Batch batch = batches.get();
        return batch == null ? Call.byLinkedid(linkedid) : batch.calls.get(linkedid);
    }

    /** A new call and its ticket, written with the caller already known (no second write to add it). */
    private Call create(String linkedid, String did, String channel, String rawNumber, String rawName, Instant at) {
        Call call = Call.arrived(linkedid, did, channel, at);
        call.identify(PhoneNumbers.normalise(rawNumber).orElse(null), callerName(rawName));
        Batch batch = batches.get();
        Ticket ticket = tickets.openForCall(call.callerNumber, call.callerName, at, batch == null ? null : batch.opened);
        call.ticketId = ticket.id();
        call.persist();
        if (batch == null) {
            // Flushing here turns a concurrent duplicate into a unique-key failure now, inside the retry loop.
            // A batch meets it at commit, and applies its events again one by one.
            Call.flush();
        } else {
            batch.calls.put(linkedid, call);
        }
        countOnCommit("hotline.calls.created");
        changed(call, ticket);
        return call;
    }

    private void identify(Call call, String rawNumber, String rawName, Instant at) {
        // Most events of a call repeat the number already stored, which is in canonical form already.
        String number = rawNumber != null && rawNumber.equals(call.callerNumber) ? rawNumber
                : PhoneNumbers.normalise(rawNumber).orElse(null);
        if (call.identify(number, callerName(rawName))) {
            Ticket t = ticketOf(call);
            if (t != null && t.source() == TicketSource.PHONE && t.id().equals(call.ticketId)) {
                t.identifyCaller(call.callerNumber, call.callerWithheld, call.callerName, at);
            }
            changed(call, t);
        }
    }

    /**
     * Counts once the transaction has committed: what the metrics acknowledge is in the database, and a
     * batch that is rolled back and applied again one event at a time is not counted twice.
     */
    private void countOnCommit(String name, String... tags) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    metrics.counter(name, tags).increment();
                }
            }
        });
    }

    private static String callerName(String raw) {
        return PhoneNumbers.isWithheld(raw) ? null : raw;
    }

    /** An unanswered call puts its ticket on the callback list, if nobody has started working on it. */
    private void needsCallback(Call call, String reason, Instant at) {
        countOnCommit("hotline.calls.unanswered", "state", call.state.name());
        Ticket t = ticketOf(call);
        if (t != null && t.status() == TicketStatus.NEW) {
            TicketStatus from = t.putOnCallbackList(at);
            journal.record(t, SYSTEM, "CALLBACK_NEEDED", from, reason, at);
        }
        changed(call, t);
    }

    @Override
    public void resynced(Set<String> activeLinkedids, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Call> open = Call.list("state in ?1", CallState.IN_PROGRESS);
            int closed = 0;
            for (Call call : open) {
                if (activeLinkedids.contains(call.linkedid)) {
                    continue;
                }
                boolean wasAnswered = call.state == CallState.ANSWERED;
                call.outcomeUnknown(at);
                closed++;
                if (wasAnswered) {
                    changed(call, null);
                } else {
                    needsCallback(call, call.missedReason, at);
                }
            }
            if (closed > 0) {
                LOG.warnf("Resync: %d call(s) in progress were gone after the reconnection; closed as OUTCOME_UNKNOWN",
                        closed);
            }
        });
    }

    private String operatorOf(String memberInterface) {
        if (memberInterface == null) {
            return null;
        }
        Matcher m = EXTENSION.matcher(memberInterface);
        return m.matches() ? users.operatorForExtension(m.group(1)).orElse(null) : null;
    }

    /**
     * The operator behind a queue member known only by its name, as queue_log writes it: a name ending in the
     * operator's extension ("Operator 1001", as in telephony-config/queues.conf), or an interface itself.
     */
    private String operatorNamed(String memberName) {
        if (memberName == null || memberName.isBlank()) {
            return null;
        }
        Matcher m = TRAILING_EXTENSION.matcher(memberName.trim());
        return m.find() ? users.operatorForExtension(m.group(1)).orElse(null) : operatorOf(memberName.trim());
    }

    private Ticket ticketOf(Call call) {
        return call.ticketId == null ? null : ticketRepository.findById(call.ticketId);
    }

    /** Tells the live feed, once committed; a batch tells it once per call, with the call as the batch left it. */
    private void changed(Call call, Ticket ticket) {
        Batch batch = batches.get();
        if (batch != null) {
            batch.changed.put(call.linkedid, call);
        } else {
            publish(call, ticket);
        }
    }

    private void publish(Call call, Ticket ticket) {
        Ticket t = ticket != null ? ticket : ticketOf(call);
        changes.fire(new CallChanged(CallView.of(call, t == null ? null : t.reference(), null)));
    }
}
