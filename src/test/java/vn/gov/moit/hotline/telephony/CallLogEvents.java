package vn.gov.moit.hotline.telephony;

import java.time.Instant;

/** Calls told straight to the call log, as the AMI connector would deliver their events. */
public final class CallLogEvents {

    private CallLogEvents() {
    }

    /** A caller (null: withheld) who waited 28 s in the queue and gave up, from {@code at}. */
    public static void abandoned(CallLogService calls, String linkedid, String number, Instant at) {
        String trunk = "PJSIP/trunk-" + linkedid;
        calls.accept(new CallEvent.ChannelEntered(linkedid, at, trunk, linkedid, "from-pstn", "024222021115",
                number == null ? "anonymous" : number, null));
        calls.accept(new CallEvent.QueueJoined(linkedid, at.plusSeconds(2), trunk, "hotline", number, null));
        calls.accept(new CallEvent.QueueAbandoned(linkedid, at.plusSeconds(30), "hotline", 28));
        calls.accept(new CallEvent.ChannelHungUp(linkedid, at.plusSeconds(30), trunk, linkedid, 16, "Normal Clearing"));
    }

    /** A caller answered by Operator 1001 (operator1) after 3 s in the queue, from {@code at}; still talking. */
    public static void answeredOn1001(CallLogService calls, String linkedid, String number, Instant at) {
        String trunk = "PJSIP/trunk-" + linkedid;
        calls.accept(new CallEvent.ChannelEntered(linkedid, at, trunk, linkedid, "from-pstn", "024222021115", number,
                null));
        calls.accept(new CallEvent.QueueJoined(linkedid, at.plusSeconds(2), trunk, "hotline", number, null));
        calls.accept(new CallEvent.AgentConnected(linkedid, at.plusSeconds(5), "hotline", "Operator 1001",
                "Local/1001@agents/n", 3));
    }
}
