package vn.gov.moit.hotline.presence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** How operators are put in the queue, and the reasons they may pause for. */
@ConfigMapping(prefix = "hotline.presence")
public interface PresenceConfig {

    /** The Asterisk queue operators log in to. */
    @WithDefault("hotline")
    String queue();

    /** The member interface of an operator ({extension} replaced), as in telephony-config/queues.conf. */
    @WithDefault("Local/{extension}@agents/n")
    String memberInterface();

    /** The device whose state is the member's (busy, ringing, not registered). */
    @WithDefault("PJSIP/{extension}")
    String stateInterface();

    /** The member name: AgentConnect's MemberName and queue_log's agent. */
    @WithDefault("Operator {extension}")
    String memberName();

    /** The reasons an operator may pause for (sent to Asterisk as QueuePause's Reason and kept here). */
    @WithDefault("break,meal,training,after-call-work")
    List<String> pauseReasons();

    /** Pauses longer than this many minutes are marked on the board. */
    @WithDefault("30")
    int longPauseMinutes();
}
