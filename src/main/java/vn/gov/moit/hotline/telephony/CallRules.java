package vn.gov.moit.hotline.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import vn.gov.moit.hotline.common.PhoneNumbers;
import vn.gov.moit.hotline.tickets.TicketService;

/**
 * The call rules: what each event does to its {@link Call} and, through {@link TicketService}'s intents, to the
 * call's one ticket. Every transition of a call is idempotent (a repeated event changes nothing), so a replay,
 * a second listener or a retry finds the work done. Runs inside the transaction of a {@link CallWork}.
 */
@ApplicationScoped
class CallRules {

    @Inject
    HotlineFilter hotline;

    @Inject
    Operators operators;

    @Inject
    TicketService tickets;

    @Inject
    OutboundCalls outbound;

    void apply(CallEvent event, CallWork work) {
        if (event.linkedid().startsWith(PbxActions.CALLBACK_PREFIX)) {
            outbound.apply(event);
        } else if (event instanceof CallEvent.ChannelEntered e) {
            entered(e, work);
        } else if (event instanceof CallEvent.QueueJoined e) {
            queued(e, work);
        } else {
            Call call = work.find(event.linkedid());
            if (call != null) {
                applyTo(call, event, work);
            }
        }
    }

    private void applyTo(Call call, CallEvent event, CallWork work) {
        if (event instanceof CallEvent.CallerIdentified e) {
            // Only the caller's own channel names the caller: an operator's leg of a call without caller ID
            // carries the dialled hotline number instead.
            if (call.callerSide(e.channel())) {
                identify(call, e.callerNumber(), e.callerName(), e.at(), work);
            }
        } else if (event instanceof CallEvent.AgentConnected e) {
            if (call.answered(e.memberName(), e.memberInterface(), operators.ofInterface(e.memberInterface()),
                    e.holdSeconds(), e.at())) {
                if (call.ticketId != null && call.operatorUsername != null) {
                    tickets.callAnswered(call.ticketId, call.operatorUsername, e.at());
                }
                work.changed(call);
            }
        } else if (event instanceof CallEvent.AgentCompleted e) {
            if (call.completed(e.memberName(), e.memberInterface(), operators.ofInterface(e.memberInterface()),
                    e.holdSeconds(), e.talkSeconds(), e.reason(), e.at())) {
                work.changed(call);
            }
        } else if (event instanceof CallEvent.QueueAbandoned e) {
            if (call.abandoned(e.holdSeconds(), e.at())) {
                unanswered(call, "abandoned in the queue after " + e.holdSeconds() + " s", e.at(), work);
            }
        } else if (event instanceof CallEvent.ChannelHungUp e) {
            if (call.hungUp(e.channel(), e.cause(), e.causeText(), e.at())) {
                if (call.state == CallState.MISSED) {
                    unanswered(call, call.missedReason, e.at(), work);
                } else {
                    work.changed(call);
                }
            }
        }
    }

    private void entered(CallEvent.ChannelEntered e, CallWork work) {
        String did = hotline.dialled(e.context(), e.exten());
        if (did == null) {
            return;
        }
        Call call = work.find(e.linkedid());
        if (call == null) {
            call = create(e.linkedid(), did, e.channel(), e.callerNumber(), e.callerName(), e.at(), work);
        } else {
            identify(call, e.callerNumber(), e.callerName(), e.at(), work);
        }
        if (e.uniqueid() != null && !e.uniqueid().equals(e.linkedid()) && !e.uniqueid().equals(call.callerUniqueid)) {
            // The other half of the caller's Local channel, the one that joins the queue: queue_log's callid.
            call.callerUniqueid = e.uniqueid();
            work.changed(call);
        }
    }

    private void queued(CallEvent.QueueJoined e, CallWork work) {
        Call call = work.find(e.linkedid());
        if (call == null) {
            if (!hotline.queue(e.queue())) {
                return;
            }
            call = create(e.linkedid(), null, e.channel(), e.callerNumber(), e.callerName(), e.at(), work);
        }
        CallState before = call.state;
        call.queued(e.queue(), e.channel(), e.at());
        identify(call, e.callerNumber(), e.callerName(), e.at(), work);
        if (before != call.state) {
            work.changed(call);
        }
    }

    /** A new call and its ticket, written with the caller already known (no second write to add it). */
    private Call create(String linkedid, String did, String channel, String rawNumber, String rawName, Instant at,
            CallWork work) {
        Call call = Call.arrived(linkedid, did, channel, at);
        call.identify(PhoneNumbers.normalise(rawNumber).orElse(null), callerName(rawName));
        call.ticketId = tickets.callArrived(call.callerNumber, call.callerName, at, work.toNumber());
        work.created(call);
        work.changed(call);
        return call;
    }

    private void identify(Call call, String rawNumber, String rawName, Instant at, CallWork work) {
        // Most events of a call repeat the number already stored, which is in canonical form already.
        String number = rawNumber != null && rawNumber.equals(call.callerNumber) ? rawNumber
                : PhoneNumbers.normalise(rawNumber).orElse(null);
        if (number != null && call.did != null && number.equals(PhoneNumbers.normalise(call.did).orElse(null))) {
            // The hotline's own number is never the caller's.
            number = null;
        }
        if (call.identify(number, callerName(rawName))) {
            if (call.ticketId != null) {
                tickets.callerIdentified(call.ticketId, call.callerNumber, call.callerWithheld, call.callerName, at);
            }
            work.changed(call);
        }
    }

    /** An unanswered call puts its ticket on the callback list, if nobody has started working on it. */
    private void unanswered(Call call, String reason, Instant at, CallWork work) {
        work.count("hotline.calls.unanswered", "state", call.state.name());
        if (call.ticketId != null) {
            tickets.callUnanswered(call.ticketId, reason, at);
        }
        work.changed(call);
    }

    /**
     * Logs a finished call read back from Asterisk's files, with its one ticket, exactly as a live call would
     * have had it: the operator who answered takes the ticket, an unanswered call puts it on the callback list.
     *
     * @return false when the Linkedid is already logged (the call is left untouched)
     */
    boolean imported(BackfilledCall b, CallWork work) {
        String operator = b.state() != CallState.COMPLETED ? null : operatorOf(b);
        Call known = work.find(b.linkedid());
        if (known == null && b.callerUniqueid() != null) {
            // The other file keys the call by another id: queue_log by the caller channel's uniqueid,
            // Master.csv by the Linkedid.
            known = Call.<Call>find("callerUniqueid = ?1 or linkedid = ?1", b.callerUniqueid()).firstResult();
        }
        if (known != null) {
            if (known.completeFrom(b, operator)) {
                work.changed(known);
            }
            return false;
        }
        String number = PhoneNumbers.normalise(b.callerNumber()).orElse(null);
        String name = callerName(b.callerName());
        long ticketId = tickets.callArrived(number, name, b.arrivedAt(), work.toNumber());
        Call call = Call.backfilled(b, number, name, operator, ticketId);
        work.created(call);
        work.count("hotline.calls.backfilled");
        if (operator != null) {
            tickets.callAnswered(ticketId, operator, b.answeredAt() != null ? b.answeredAt() : b.arrivedAt());
        }
        if (call.state == CallState.MISSED || call.state == CallState.ABANDONED) {
            unanswered(call, call.missedReason, b.lastSeen(), work);
        } else {
            work.changed(call);
        }
        return true;
    }

    private String operatorOf(BackfilledCall b) {
        String byInterface = operators.ofInterface(b.operatorInterface());
        return byInterface != null ? byInterface : operators.named(b.operatorName());
    }

    /**
     * After a reconnection: the calls the log has in progress that Asterisk no longer has ended unseen; they
     * are closed as OUTCOME_UNKNOWN (those not yet answered go on the callback list).
     *
     * @return how many calls were closed
     */
    int resynced(Set<String> activeLinkedids, Instant at, CallWork work) {
        outbound.resynced(activeLinkedids, at);
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
                work.changed(call);
            } else {
                unanswered(call, call.missedReason, at, work);
            }
        }
        return closed;
    }

    private static String callerName(String raw) {
        return PhoneNumbers.isWithheld(raw) ? null : raw;
    }
}
