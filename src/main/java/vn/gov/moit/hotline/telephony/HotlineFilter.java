package vn.gov.moit.hotline.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import vn.gov.moit.hotline.common.PhoneNumbers;

/**
 * Which channels and records are hotline calls (TelephonyConfig), for live capture and the backfill alike:
 * the hotline's number dialled in an inbound context, or a join of one of the hotline's queues.
 */
@ApplicationScoped
class HotlineFilter {

    private final Set<String> dids;
    private final Set<String> contexts;
    private final Set<String> queues;

    @Inject
    HotlineFilter(TelephonyConfig config) {
        this(config.dids(), config.inboundContexts(), config.queues());
    }

    HotlineFilter(Collection<String> dids, Collection<String> contexts, Collection<String> queues) {
        this.dids = dids.stream().map(d -> PhoneNumbers.normalise(d)
                        .orElseThrow(() -> new IllegalArgumentException("hotline.telephony.dids: not a number: " + d)))
                .collect(Collectors.toUnmodifiableSet());
        this.contexts = Set.copyOf(contexts);
        this.queues = Set.copyOf(queues);
    }

    /** The hotline's number (normalised) when {@code exten} dialled in {@code context} is it, else null. */
    String dialled(String context, String exten) {
        return contexts.contains(context) ? PhoneNumbers.normalise(exten).filter(dids::contains).orElse(null) : null;
    }

    boolean queue(String name) {
        return name != null && queues.contains(name);
    }
}
