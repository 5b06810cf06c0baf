package vn.gov.moit.hotline.telephony.ami;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import vn.gov.moit.hotline.telephony.CallEvent;
import vn.gov.moit.hotline.telephony.CallEventSink;

/** Records what the connector delivers; stands in for the call log. */
class RecordingSink implements CallEventSink {

    final ConcurrentLinkedQueue<CallEvent> events = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Set<String>> resyncs = new ConcurrentLinkedQueue<>();
    /** Linkedids whose events were delivered concurrently or on different threads (must stay empty). */
    final Set<String> concurrentDeliveries = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, Thread> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void accept(CallEvent event) {
        if (inFlight.putIfAbsent(event.linkedid(), Thread.currentThread()) != null) {
            concurrentDeliveries.add(event.linkedid());
        }
        events.add(event);
        inFlight.remove(event.linkedid());
    }

    @Override
    public void resynced(Set<String> activeLinkedids, Instant at) {
        resyncs.add(activeLinkedids);
    }

    Map<String, List<CallEvent>> byCall() {
        return events.stream().collect(Collectors.groupingBy(CallEvent::linkedid, java.util.LinkedHashMap::new,
                Collectors.toList()));
    }

    <T extends CallEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
