package vn.gov.moit.hotline.telephony;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.gov.moit.hotline.tickets.TicketService;

/**
 * One transaction of the call log: the calls it works on, the tickets it opened, the calls it changed and what
 * it will count once committed. {@link CallRules} decide what happens; {@link CallLogService} owns the
 * transaction, publishes the changed calls and counts.
 *
 * <p>A batch (events that queued up together) reads its calls and their tickets in two queries and keeps them
 * at hand, so no later query has to flush the session: the changes are written once, at commit, and the
 * batch's new tickets are numbered just before it (the register's row is locked only then).
 */
final class CallWork {

    /** The batch's calls by Linkedid (null: not yet logged); null when this is not a batch. */
    private final Map<String, Call> calls;
    final List<Long> opened = new ArrayList<>();
    final Map<String, Call> changed = new LinkedHashMap<>();
    /** Counted after the commit: what the metrics acknowledge is in the database. */
    final List<Count> counts = new ArrayList<>();

    record Count(String name, String... tags) {
    }

    private CallWork(Map<String, Call> calls) {
        this.calls = calls;
    }

    /** The work of one event, or of one imported call, or of a resync. */
    static CallWork single() {
        return new CallWork(null);
    }

    static CallWork batch(List<CallEvent> events, TicketService tickets) {
        Map<String, Call> calls = new HashMap<>();
        List<String> linkedids = events.stream().map(CallEvent::linkedid).distinct().toList();
        linkedids.forEach(id -> calls.put(id, null));
        List<Call> known = Call.list("linkedid in ?1", linkedids);
        known.forEach(c -> calls.put(c.linkedid, c));
        tickets.load(known.stream().map(c -> c.ticketId).filter(Objects::nonNull).distinct().toList());
        return new CallWork(calls);
    }

    boolean isBatch() {
        return calls != null;
    }

    /** The call of a Linkedid, or null; inside a batch, from the batch's calls. */
    Call find(String linkedid) {
        return calls == null ? Call.byLinkedid(linkedid) : calls.get(linkedid);
    }

    /** The tickets' list to number at the end of a batch; null: number a new ticket at once. */
    List<Long> toNumber() {
        return calls == null ? null : opened;
    }

    void created(Call call) {
        call.persist();
        if (calls == null) {
            // Flushing here turns a concurrent duplicate into a unique-key failure now, inside the retry loop.
            // A batch meets it at commit, and applies its events again one by one.
            Call.flush();
        } else {
            calls.put(call.linkedid, call);
        }
        count("hotline.calls.created");
    }

    void changed(Call call) {
        changed.put(call.linkedid, call);
    }

    void count(String name, String... tags) {
        counts.add(new Count(name, tags));
    }
}
