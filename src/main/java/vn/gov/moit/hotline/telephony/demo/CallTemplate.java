package vn.gov.moit.hotline.telephony.demo;

import java.util.List;

/**
 * The events of one recorded call and what the call generator needs to know about them: the caller as recorded,
 * the operator, Asterisk's own hold and talk figures, and the epoch second the recording started at (the first
 * part of the first Uniqueid).
 */
public record CallTemplate(String name, List<AmiMessage> events, String callerNumber, String callerName,
        String operator, int holdSeconds, int talkSeconds, boolean answered, long startEpochSecond) {

    /** The three single-call templates shipped with the application, recorded on Asterisk 22.10.1. */
    public static CallTemplate answeredCall() {
        return of("answered", AmiTranscript.readResource("ami-templates/answered.ami"));
    }

    public static CallTemplate abandonedCall() {
        return of("abandoned", AmiTranscript.readResource("ami-templates/abandoned.ami"));
    }

    public static CallTemplate anonymousCall() {
        return of("anonymous", AmiTranscript.readResource("ami-templates/anonymous.ami"));
    }

    /** Reads a single-call transcript's events; the FullyBooted of the recorder's login is left out. */
    public static CallTemplate of(String name, List<AmiMessage> transcriptEvents) {
        List<AmiMessage> events = transcriptEvents.stream()
                .filter(e -> !"FullyBooted".equals(e.eventName()))
                .toList();
        String number = null;
        String callerName = null;
        String operator = null;
        int hold = 0;
        int talk = 0;
        boolean answered = false;
        long start = -1;
        for (AmiMessage e : events) {
            String ev = e.eventName();
            if (start < 0 && e.get("Uniqueid") != null) {
                start = Long.parseLong(e.get("Uniqueid").substring(0, e.get("Uniqueid").indexOf('.')));
            }
            switch (ev) {
                case "QueueCallerJoin" -> {
                    if (number == null) {
                        number = e.get("CallerIDNum");
                        callerName = e.get("CallerIDName");
                    }
                }
                case "AgentConnect" -> {
                    answered = true;
                    hold = Integer.parseInt(e.get("HoldTime"));
                    String member = e.get("MemberName");
                    operator = member.substring(member.lastIndexOf(' ') + 1);
                }
                case "AgentComplete" -> talk = Integer.parseInt(e.get("TalkTime"));
                case "QueueCallerAbandon" -> hold = Integer.parseInt(e.get("HoldTime"));
                default -> {
                    // not needed to describe the call
                }
            }
        }
        if (number == null || start < 0) {
            throw new IllegalArgumentException(name + " is not a single queued call");
        }
        return new CallTemplate(name, events, number, callerName, operator, hold, talk, answered, start);
    }
}
