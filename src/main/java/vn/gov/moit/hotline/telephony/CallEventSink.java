package vn.gov.moit.hotline.telephony;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where the telephony adapter delivers call events. Calls to {@link #accept} for one linkedid arrive in the
 * order Asterisk sent them, never concurrently; different calls may be delivered on different threads.
 */
public interface CallEventSink {

    /** One event of one call. Must be idempotent: the same event may be delivered again after a replay. */
    void accept(CallEvent event);

    /**
     * Events that queued up together, in order (per call, the order Asterisk sent them). A sink may apply
     * them in one transaction; by default they are applied one by one.
     */
    default void acceptAll(List<CallEvent> events) {
        events.forEach(this::accept);
    }

    /**
     * After a (re)connection: the linkedids of every channel Asterisk still has up (CoreShowChannels).
     * Calls the log thinks are in progress and are not in this set ended while nobody was listening.
     */
    void resynced(Set<String> activeLinkedids, Instant at);

    /**
     * The same, when the listener has heard Asterisk since {@code heardSince} only (a standby taking over with the
     * events it kept): what came before it and after the last event heard is a gap.
     */
    default void resynced(Set<String> activeLinkedids, Instant at, Instant heardSince) {
        resynced(activeLinkedids, at);
    }

    /** Until when a listener is known to have heard Asterisk, here or on another instance; empty if never. */
    default java.util.Optional<Instant> heardUntil() {
        return java.util.Optional.empty();
    }

    /** The connection is alive at {@code at} (a ping answered): nothing before it went unheard. */
    default void heard(Instant at) {
    }
}
