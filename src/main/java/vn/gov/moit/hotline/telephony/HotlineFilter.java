package vn.gov.moit.hotline.telephony;

import java.util.Set;
import java.util.stream.Collectors;
import vn.gov.moit.hotline.common.PhoneNumbers;

/** Which records are hotline calls, by the same rules as the live call log (TelephonyConfig). */
record HotlineFilter(Set<String> dids, Set<String> contexts, Set<String> queues) {

    static HotlineFilter of(TelephonyConfig config) {
        return new HotlineFilter(
                config.dids().stream().map(d -> PhoneNumbers.normalise(d).orElse(d)).collect(Collectors.toSet()),
                Set.copyOf(config.inboundContexts()), Set.copyOf(config.queues()));
    }

    /** The hotline's number dialled in an inbound context. */
    boolean dialled(String context, String exten) {
        return contexts.contains(context) && PhoneNumbers.normalise(exten).map(dids::contains).orElse(false);
    }

    boolean queue(String name) {
        return name != null && queues.contains(name);
    }
}
