package vn.gov.moit.hotline.telephony;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The calls the hotline places (callbacks): written before Originate is sent, then followed by their events
 * (OriginateResponse, DialEnd, Hangup) through the call log's transactions, and told as
 * {@link OutboundCallEnded} once over. The only writer of {@link OutboundCall}.
 */
@ApplicationScoped
public class OutboundCalls {

    @Inject
    PbxActions pbx;

    @Inject
    TelephonyConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<OutboundCallEnded> ended;

    /** One placed call, as the ticket's list of calls shows it. */
    public record OutboundCallView(long id, String linkedid, String operatorUsername, String number, Long ticketId,
            String state, OutboundCallEnded.Outcome outcome, String detail, Instant startedAt, Instant answeredAt,
            Instant endedAt, Integer talkSeconds) {

        static OutboundCallView of(OutboundCall c) {
            return new OutboundCallView(c.id, c.linkedid, c.operatorUsername, c.number, c.ticketId, c.state.name(),
                    c.outcome, c.detail, c.startedAt, c.answeredAt, c.endedAt, c.talkSeconds);
        }
    }

    /**
     * Inside the caller's transaction: writes the call, then has Asterisk ring the operator's extension and,
     * once answered, dial {@code number} with the hotline's number. When Asterisk cannot be reached or refuses,
     * the exception rolls the transaction back and nothing is kept.
     */
    public OutboundCallView place(String attemptKey, String operatorUsername, String extension, String number,
            Long ticketId) {
        var out = config.outbound();
        OutboundCall c = new OutboundCall();
        c.linkedid = PbxActions.CALLBACK_PREFIX + attemptKey;
        c.attemptKey = attemptKey;
        c.operatorUsername = operatorUsername;
        c.operatorChannel = out.operatorChannel().replace("{extension}", extension);
        c.number = number;
        c.ticketId = ticketId;
        c.state = OutboundCall.State.DIALLING;
        c.startedAt = clock.instant();
        c.persistAndFlush();
        pbx.originate(c.linkedid, c.operatorChannel, out.context(), number,
                "\"" + out.callerIdName() + "\" <" + number + ">", out.ringOperator());
        return OutboundCallView.of(c);
    }

    /** The calls placed for a ticket, newest first. */
    public List<OutboundCallView> ofTicket(long ticketId) {
        return OutboundCall.<OutboundCall>list("ticketId = ?1 order by startedAt desc, id desc", ticketId).stream()
                .map(OutboundCallView::of).toList();
    }

    /** One event of a placed call (its Linkedid has {@link PbxActions#CALLBACK_PREFIX}), in the call log's transaction. */
    void apply(CallEvent event) {
        OutboundCall c = OutboundCall.byLinkedid(event.linkedid());
        if (c == null || c.ended()) {
            return;
        }
        if (event instanceof CallEvent.OriginateResponded e) {
            c.originated(e.success(), e.reason(), e.at());
        } else if (event instanceof CallEvent.DialEnded e) {
            c.dialEnded(e.destChannel(), e.status(), e.at());
        } else if (event instanceof CallEvent.ChannelHungUp e) {
            c.hungUp(e.channel(), e.uniqueid(), e.cause(), e.causeText(), e.at());
        } else if (event instanceof CallEvent.ChannelEntered e && !c.operatorSide(e.channel())
                && c.dialledChannel == null) {
            c.dialledChannel = e.channel();
        }
        told(c);
    }

    /** After a reconnection: placed calls Asterisk no longer has ended unseen. */
    void resynced(Set<String> activeLinkedids, Instant at) {
        for (OutboundCall c : OutboundCall.<OutboundCall>list("state <> ?1", OutboundCall.State.ENDED)) {
            if (!activeLinkedids.contains(c.linkedid)) {
                c.givenUp("gone after the connection to Asterisk was lost", at);
                told(c);
            }
        }
    }

    private volatile boolean stopping;

    // Before the database goes: a sweep that would start now finds it closed.
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    /** Calls whose OriginateResponse never came: failed once the operator's ring time and the grace are over. */
    @Scheduled(every = "${hotline.telephony.outbound.sweep-every:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void giveUpUnanswered() {
        if (stopping) {
            return;
        }
        var out = config.outbound();
        Instant now = clock.instant();
        Instant before = now.minus(out.ringOperator()).minus(out.responseGrace());
        QuarkusTransaction.requiringNew().run(() -> {
            for (OutboundCall c : OutboundCall.<OutboundCall>list("state = ?1 and startedAt < ?2",
                    OutboundCall.State.DIALLING, before)) {
                c.givenUp("no answer from Asterisk to the Originate", now);
                told(c);
            }
        });
    }

    /** Called once per call, on the step that ended it (an ended call takes no further step). */
    private void told(OutboundCall c) {
        if (c.ended()) {
            ended.fire(new OutboundCallEnded(c.attemptKey, c.id, c.ticketId, c.operatorUsername, c.number, c.outcome,
                    c.operatorUnreached, c.answeredAt, c.endedAt, c.talkSeconds, c.detail));
        }
    }
}
