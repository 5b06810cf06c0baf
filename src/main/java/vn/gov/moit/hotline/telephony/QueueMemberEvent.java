package vn.gov.moit.hotline.telephony;

import java.time.Instant;

/**
 * What the telephony adapter tells about the queue's members (the operators' phones in the queue), in the
 * project's own words. {@code memberInterface} is Asterisk's Interface header ({@code Local/1001@agents/n}).
 */
public sealed interface QueueMemberEvent {

    String queue();

    String memberInterface();

    Instant at();

    /** The member joined the queue (QueueMemberAdded), perhaps already paused. */
    record Added(String queue, String memberInterface, String memberName, boolean paused, String pausedReason,
            Instant at) implements QueueMemberEvent {
    }

    /** The member left the queue (QueueMemberRemoved). */
    record Removed(String queue, String memberInterface, String memberName, Instant at) implements QueueMemberEvent {
    }

    /** The member was paused or unpaused (QueueMemberPause); Asterisk gives no reason on unpause. */
    record Paused(String queue, String memberInterface, String memberName, boolean paused, String pausedReason,
            Instant at) implements QueueMemberEvent {
    }

    /**
     * The member's device changed state (QueueMemberStatus): status is Asterisk's device state (1 not in use,
     * 2 in use, 3 busy, 4 invalid, 5 unavailable, 6 ringing, 7 ring in use, 8 on hold); wrapupSeconds the
     * queue's wrap-up time.
     */
    record Status(String queue, String memberInterface, String memberName, int status, boolean paused,
            String pausedReason, boolean inCall, int wrapupSeconds, Instant at) implements QueueMemberEvent {
    }

    /** The member's phone rang for a caller and was not answered (AgentRingNoAnswer). */
    record RingNoAnswer(String queue, String memberInterface, String memberName, Instant at)
            implements QueueMemberEvent {
    }
}
