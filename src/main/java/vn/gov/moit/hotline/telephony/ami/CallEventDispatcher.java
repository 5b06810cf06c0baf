package vn.gov.moit.hotline.telephony.ami;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.telephony.CallEvent;
import vn.gov.moit.hotline.telephony.CallEventSink;

/**
 * Hands call events from asterisk-java's event thread to the sink. Events are striped by Linkedid onto
 * single-thread executors, so one call's events arrive in order and never concurrently while different calls
 * proceed in parallel. Queues are bounded and {@link #dispatch} never blocks: when a stripe is full the event is
 * dropped and counted (the resync after a reconnect and the idempotent call log limit the damage; blocking would
 * stall the reader and make asterisk-java drop everything, responses included).
 */
final class CallEventDispatcher {

    private static final Logger LOG = Logger.getLogger(CallEventDispatcher.class);

    private final CallEventSink sink;
    private final List<ThreadPoolExecutor> stripes;
    private final Counter dropped;
    private final Counter failed;

    CallEventDispatcher(CallEventSink sink, int threads, int queueCapacity, Counter dropped, Counter failed) {
        this.sink = sink;
        this.dropped = dropped;
        this.failed = failed;
        this.stripes = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            String name = "ami-dispatch-" + i;
            ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(queueCapacity), r -> {
                        Thread t = new Thread(r, name);
                        t.setDaemon(true);
                        return t;
                    }, new ThreadPoolExecutor.AbortPolicy());
            stripes.add(executor);
        }
    }

    void dispatch(CallEvent event) {
        ThreadPoolExecutor stripe = stripes.get(Math.floorMod(event.linkedid().hashCode(), stripes.size()));
        try {
            stripe.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            dropped.increment();
        }
    }

    /** Events waiting across all stripes. */
    int queued() {
        return stripes.stream().mapToInt(s -> s.getQueue().size() + s.getActiveCount()).sum();
    }

    private void deliver(CallEvent event) {
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            failed.increment();
            LOG.errorf(e, "Call log refused %s of call %s", event.getClass().getSimpleName(), event.linkedid());
        }
    }

    /** Stops taking events and waits up to the timeout for the queued ones to be delivered. */
    boolean shutdown(Duration drainTimeout) {
        stripes.forEach(ThreadPoolExecutor::shutdown);
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        boolean drained = true;
        for (ThreadPoolExecutor s : stripes) {
            try {
                drained &= s.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                drained = false;
            }
        }
        if (!drained) {
            int lost = stripes.stream().mapToInt(s -> s.shutdownNow().size()).sum();
            LOG.warnf("AMI dispatcher stopped with %d events undelivered", lost);
        }
        return drained;
    }
}
