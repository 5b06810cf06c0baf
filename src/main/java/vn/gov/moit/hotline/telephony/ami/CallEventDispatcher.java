package vn.gov.moit.hotline.telephony.ami;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
    private final List<Stripe> stripes;
    private final int batchSize;
    private final Counter dropped;
    private final Counter failed;

    CallEventDispatcher(CallEventSink sink, int threads, int queueCapacity, int batchSize, Counter dropped,
            Counter failed) {
        this.sink = sink;
        this.batchSize = Math.max(1, batchSize);
        this.dropped = dropped;
        this.failed = failed;
        this.stripes = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            Stripe stripe = new Stripe(new ArrayBlockingQueue<>(queueCapacity));
            Thread t = new Thread(stripe, "ami-dispatch-" + i);
            t.setDaemon(true);
            stripe.thread = t;
            stripes.add(stripe);
            t.start();
        }
    }

    void dispatch(CallEvent event) {
        Stripe stripe = stripes.get(Math.floorMod(event.linkedid().hashCode(), stripes.size()));
        if (stripe.closed || !stripe.queue.offer(event)) {
            dropped.increment();
        }
    }

    /** Events waiting across all stripes, or being applied. */
    int queued() {
        return stripes.stream().mapToInt(s -> s.queue.size() + s.busy).sum();
    }

    /**
     * One thread per stripe takes what has queued up, at most a batch, and hands it to the call log at once:
     * under load many events share one transaction, at low load each event goes alone without waiting.
     */
    private final class Stripe implements Runnable {
        final BlockingQueue<CallEvent> queue;
        volatile boolean closed;
        volatile int busy;
        Thread thread;

        Stripe(BlockingQueue<CallEvent> queue) {
            this.queue = queue;
        }

        @Override
        public void run() {
            List<CallEvent> batch = new ArrayList<>(batchSize);
            while (!closed || !queue.isEmpty()) {
                try {
                    CallEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                    busy = batch.size();
                    deliver(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    batch.clear();
                    busy = 0;
                }
            }
        }
    }

    private void deliver(List<CallEvent> batch) {
        try {
            sink.acceptAll(batch);
        } catch (RuntimeException e) {
            failed.increment();
            LOG.errorf(e, "Call log refused a batch of %d events", batch.size());
        }
    }

    /** Stops taking events and waits up to the timeout for the queued ones to be delivered. */
    boolean shutdown(Duration drainTimeout) {
        stripes.forEach(s -> s.closed = true);
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        boolean drained = true;
        for (Stripe s : stripes) {
            try {
                s.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            drained &= !s.thread.isAlive();
        }
        if (!drained) {
            int lost = stripes.stream().mapToInt(s -> s.queue.size()).sum();
            stripes.forEach(s -> s.thread.interrupt());
            LOG.warnf("AMI dispatcher stopped with %d events undelivered", lost);
        }
        return drained;
    }
}
