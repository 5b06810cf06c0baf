package vn.gov.moit.hotline.telephony;

import java.time.Duration;

/**
 * What the application asks of Asterisk: place a call, and put operators in and out of the queue. Each method
 * returns once Asterisk accepted the action; a PBX that cannot be reached is a
 * {@link vn.gov.moit.hotline.common.DomainException.Unavailable}, a refusal a
 * {@link vn.gov.moit.hotline.common.DomainException.Conflict}.
 */
public interface PbxActions {

    /** The Linkedid of every call the hotline places: Originate's ChannelId begins with it. */
    String CALLBACK_PREFIX = "hotline-callback-";

    /**
     * Rings {@code channel} (the operator's phone) for up to {@code ring}; once answered, Asterisk runs
     * {@code exten} at priority 1 of {@code context}. {@code channelId} becomes the first channel's uniqueid and
     * so the call's Linkedid. Asynchronous: the outcome comes as events.
     */
    void originate(String channelId, String channel, String context, String exten, String callerId, Duration ring);

    /** Adds a member to the queue; already there is not an error. */
    void queueAdd(String queue, String memberInterface, String memberName, String stateInterface);

    /** Removes a member from the queue; not there is not an error. */
    void queueRemove(String queue, String memberInterface);

    /** Pauses (with a reason) or unpauses a member of the queue. */
    void queuePause(String queue, String memberInterface, boolean paused, String reason);
}
