package vn.gov.moit.hotline.telephony.ami;

import java.time.Clock;
import java.time.Instant;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import vn.gov.moit.hotline.telephony.CallEvent;
import vn.gov.moit.hotline.telephony.PbxActions;
import vn.gov.moit.hotline.telephony.QueueMemberEvent;

/**
 * Turns the asterisk-java events the call log needs into {@link CallEvent}s; everything else maps to null.
 * Runs on asterisk-java's event thread, so it only copies fields. asterisk-java already turns the literal
 * {@code <unknown>} into null; {@code anonymous} comes through as written.
 */
final class AmiEventTranslator {

    /** The event classes translated here, registered explicitly because classpath scanning can find none. */
    static final java.util.List<Class<? extends ManagerEvent>> TRANSLATED = java.util.List.of(
            NewChannelEvent.class, NewExtenEvent.class, NewCallerIdEvent.class, QueueCallerJoinEvent.class,
            AgentConnectEvent.class, AgentCompleteEvent.class, QueueCallerAbandonEvent.class, HangupEvent.class,
            OriginateResponseEvent.class, DialEndEvent.class, QueueMemberAddedEvent.class,
            QueueMemberRemovedEvent.class, QueueMemberPauseEvent.class, QueueMemberStatusEvent.class,
            AgentRingNoAnswerEvent.class);

    private final Clock clock;

    AmiEventTranslator(Clock clock) {
        this.clock = clock;
    }

    /**
     * @return the call event, or null when the call log has no use for this event
     * @throws MalformedEventException when the event lacks what identifies its call
     */
    CallEvent translate(ManagerEvent event) {
        if (event instanceof NewChannelEvent e) {
            return new CallEvent.ChannelEntered(linkedid(e, e.getLinkedid()), at(e), e.getChannel(),
                    e.getUniqueId(), e.getContext(), e.getExten(), e.getCallerIdNum(), e.getCallerIdName());
        }
        if (event instanceof NewExtenEvent e) {
            String exten = e.getExten() != null ? e.getExten() : e.getExtension();
            return new CallEvent.ChannelEntered(linkedid(e, e.getLinkedId()), at(e), e.getChannel(),
                    e.getUniqueId(), e.getContext(), exten, e.getCallerIdNum(), e.getCallerIdName());
        }
        if (event instanceof NewCallerIdEvent e) {
            return new CallEvent.CallerIdentified(linkedid(e, e.getLinkedId()), at(e), e.getChannel(),
                    e.getCallerIdNum(), e.getCallerIdName());
        }
        if (event instanceof QueueCallerJoinEvent e) {
            return new CallEvent.QueueJoined(linkedid(e, e.getLinkedId()), at(e), e.getChannel(), e.getQueue(),
                    e.getCallerIdNum(), e.getCallerIdName());
        }
        if (event instanceof AgentConnectEvent e) {
            return new CallEvent.AgentConnected(linkedid(e, e.getLinkedId()), at(e), e.getQueue(),
                    e.getMemberName(), e.getInterface(), seconds(e.getHoldTime()));
        }
        if (event instanceof AgentCompleteEvent e) {
            return new CallEvent.AgentCompleted(linkedid(e, e.getLinkedId()), at(e), e.getQueue(),
                    e.getMemberName(), e.getInterface(), seconds(e.getHoldTime()), seconds(e.getTalkTime()),
                    e.getReason());
        }
        if (event instanceof QueueCallerAbandonEvent e) {
            return new CallEvent.QueueAbandoned(linkedid(e, e.getLinkedId()), at(e), e.getQueue(), e.getHoldTime());
        }
        if (event instanceof HangupEvent e) {
            return new CallEvent.ChannelHungUp(linkedid(e, e.getLinkedId()), at(e), e.getChannel(), e.getUniqueId(),
                    e.getCause(), e.getCauseTxt());
        }
        if (event instanceof OriginateResponseEvent e) {
            // The hotline's own Originates only: their ChannelId (the Uniqueid) and ActionID carry the prefix.
            String id = ours(e.getUniqueId()) ? e.getUniqueId() : ours(e.getActionId()) ? e.getActionId() : null;
            return id == null ? null : new CallEvent.OriginateResponded(id, at(e), "Success".equals(e.getResponse()),
                    e.getReason());
        }
        if (event instanceof DialEndEvent e) {
            return !ours(e.getLinkedId()) ? null : new CallEvent.DialEnded(e.getLinkedId(), at(e), e.getChannel(),
                    e.getDestChannel(), e.getDialStatus());
        }
        return null;
    }

    /** The queue member events, or null for any other event. */
    QueueMemberEvent translateMember(ManagerEvent event) {
        if (event instanceof QueueMemberStatusEvent e) {
            return new QueueMemberEvent.Status(e.getQueue(), e.getInterface(), e.getMemberName(),
                    e.getStatus() == null ? 0 : e.getStatus(), Boolean.TRUE.equals(e.getPaused()),
                    e.getPausedreason(), e.getIncall() != null && e.getIncall() > 0,
                    e.getWrapuptime() == null ? 0 : e.getWrapuptime(), at(e));
        }
        if (event instanceof QueueMemberPauseEvent e) {
            return new QueueMemberEvent.Paused(e.getQueue(), e.getInterface(), e.getMemberName(),
                    Boolean.TRUE.equals(e.getPaused()), e.getPausedreason(), at(e));
        }
        if (event instanceof QueueMemberAddedEvent e) {
            return new QueueMemberEvent.Added(e.getQueue(), e.getInterface(), e.getMemberName(),
                    Boolean.TRUE.equals(e.getPaused()), null, at(e));
        }
        if (event instanceof QueueMemberRemovedEvent e) {
            return new QueueMemberEvent.Removed(e.getQueue(), e.getInterface(), e.getMemberName(), at(e));
        }
        if (event instanceof AgentRingNoAnswerEvent e) {
            return new QueueMemberEvent.RingNoAnswer(e.getQueue(), e.getInterface(), e.getMemberName(), at(e));
        }
        return null;
    }

    private static boolean ours(String id) {
        return id != null && id.startsWith(PbxActions.CALLBACK_PREFIX);
    }

    /** Asterisk's Timestamp header (timestampevents = yes) when present, else when it was read. */
    private Instant at(ManagerEvent e) {
        Double ts = e.getTimestamp();
        if (ts == null) {
            return clock.instant();
        }
        long seconds = (long) Math.floor(ts);
        long micros = Math.round((ts - seconds) * 1_000_000d);
        return Instant.ofEpochSecond(seconds, micros * 1_000L);
    }

    private static String linkedid(ManagerEvent e, String linkedid) {
        if (linkedid == null || linkedid.isBlank()) {
            throw new MalformedEventException(e.getClass().getSimpleName() + " without Linkedid");
        }
        return linkedid;
    }

    private static Integer seconds(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    /** An event the call log needs but cannot use: counted and skipped. */
    static final class MalformedEventException extends RuntimeException {
        MalformedEventException(String message) {
            super(message, null, false, false);
        }
    }
}
