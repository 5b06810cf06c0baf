package vn.gov.moit.hotline.telephony.ami;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Connection to the Asterisk Manager Interface (AMI) that feeds the call log. */
@ConfigMapping(prefix = "hotline.ami")
public interface AmiConfig {

    /** Listen to Asterisk at all; false switches the listener off (readiness stays UP). */
    @WithDefault("true")
    boolean enabled();

    /** Host name or address of Asterisk's AMI; empty means not configured, so no listener (unless the demo PBX runs). */
    Optional<String> host();

    /** AMI TCP port, {@code port} in manager.conf. */
    @WithDefault("5038")
    int port();

    /** AMI user, the section name in manager.conf. */
    @WithDefault("hotline")
    String username();

    /** Secret of the AMI user; in production only through the environment (HOTLINE_AMI_SECRET). */
    Optional<String> secret();

    /** How often a Ping checks the connection; two unanswered pings in a row count as a dead connection. */
    @WithDefault("10s")
    Duration pingInterval();

    /** Socket read timeout: no byte for this long closes the connection. At least twice the ping interval. */
    @WithDefault("25s")
    Duration readTimeout();

    /** First wait before retrying a failed login or a lost connection; doubled on each failure. */
    @WithDefault("1s")
    Duration reconnectBackoffMin();

    /** Longest wait between two connection attempts. */
    @WithDefault("30s")
    Duration reconnectBackoffMax();

    /** Threads delivering events to the call log; events of one call always go to the same thread. */
    @WithDefault("4")
    int dispatcherThreads();

    /** Events waiting per dispatcher thread; beyond that new events are dropped and counted. */
    @WithDefault("10000")
    int dispatcherQueueCapacity();

    /** Most events a dispatcher thread applies in one transaction when they have queued up (1: one by one). */
    @WithDefault("200")
    int dispatcherBatchSize();

    /** Longest wait for each login step (greeting, challenge, login, version probe) and for action answers. */
    @WithDefault("5s")
    Duration loginTimeout();

    /** How long shutdown waits for queued events to reach the call log. */
    @WithDefault("10s")
    Duration shutdownDrainTimeout();

    /**
     * How long an action the application sends (Originate, QueueAdd, QueueRemove, QueuePause) waits for
     * Asterisk's answer before the request is answered 503.
     */
    @WithDefault("5s")
    Duration actionTimeout();

    /** Which of several instances sharing the database listens: only one at a time, see {@link AmiLeaderElection}. */
    Election election();

    /** The election of the one active AMI listener among instances sharing the database. */
    interface Election {

        /** Elect one listener; false makes every instance with the listener enabled listen (one instance only). */
        @WithDefault("true")
        boolean enabled();

        /** How long the leadership outlives the leader's last renewal: the longest a dead leader goes unreplaced. */
        @WithDefault("15s")
        Duration lease();

        /** How often every instance renews (leader) or tries to take (standby) the lease; less than half the lease. */
        @WithDefault("5s")
        Duration renewInterval();

        /** This instance's name in the lease table; default host name, process id and a random suffix. */
        Optional<String> instanceId();

        /**
         * Standbys keep their own AMI connection and the recent events (without writing them), and the one
         * elected applies them from the last event heard onwards: nothing of a takeover's window is lost.
         * False: standbys connect only once elected (the window is then a gap for the reconciliation).
         */
        @WithDefault("true")
        boolean hotStandby();

        /** How far back a standby keeps events. */
        @WithDefault("60s")
        Duration standbyBufferTime();

        /** The most events a standby keeps; older ones are dropped (counted) and left to the reconciliation. */
        @WithDefault("200000")
        int standbyBufferEvents();

        /**
         * How long a listener shutting down (SIGTERM, a rolling deploy) keeps listening until a hot standby reports
         * being connected to Asterisk, before it gives the lease up; with none by then it gives it up all the same
         * and the window until the next listener is connected is reconciled as a gap. Keep it well within the
         * orchestrator's grace period for a stop (30 s on Kubernetes). Zero: give the lease up at once.
         */
        @WithDefault("20s")
        Duration handoverTimeout();
    }
}
