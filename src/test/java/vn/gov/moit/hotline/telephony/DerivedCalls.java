package vn.gov.moit.hotline.telephony;

import java.time.Instant;
import java.util.List;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.CallGenerator;
import vn.gov.moit.hotline.telephony.demo.CallTemplate;

/** New calls made from the recorded ones (fresh Linkedid, start and caller), to be published in parts. */
public final class DerivedCalls {

    private DerivedCalls() {
    }

    /** The AMI events of a call shaped like {@code template}, starting at {@code start}, from {@code number}. */
    public static List<AmiMessage> derived(CallTemplate template, Instant start, String number) {
        return derived(template, start, number, "Nguoi Goi Thu");
    }

    /** The same, with the caller's name. */
    public static List<AmiMessage> derived(CallTemplate template, Instant start, String number, String name) {
        var generator = new CallGenerator(7, true);
        return generator.derive(template, new CallGenerator.CallSpec(start, number, name, null, 0,
                template.holdSeconds(), template.talkSeconds())).stream().map(CallGenerator.TimedEvent::event).toList();
    }

    /** Position of the first event named {@code name}. */
    public static int indexOf(List<AmiMessage> events, String name) {
        for (int i = 0; i < events.size(); i++) {
            if (name.equals(events.get(i).eventName())) {
                return i;
            }
        }
        throw new AssertionError("no " + name + " event");
    }
}
