package vn.gov.moit.hotline.telephony;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The windows live capture may have missed, and their reconciliation. While the listener hears Asterisk it
 * moves a watermark forward; whenever a listener (re)connects (after a drop, a failover to another instance, a
 * restart or a deploy) the time since the watermark is a gap. Once Asterisk has had time to write the gap's
 * records ({@code delay}), its window (with a margin) is read from Asterisk's own tables and imported through
 * the backfill's rules: idempotent (each call once, whichever of the two tables or live capture had it first),
 * flagged, unanswered calls on the callback list. Tables that cannot be read leave the gap pending and retried,
 * never dropped. The only writer of {@link CaptureGap} and {@link CaptureWatermark}.
 */
@ApplicationScoped
public class CaptureGaps {

    private static final Logger LOG = Logger.getLogger(CaptureGaps.class);
    private static final Duration MAX_RETRY = Duration.ofHours(1);

    @Inject
    TelephonyConfig config;

    @Inject
    Clock clock;

    @Inject
    AsteriskRecordsRepository records;

    @Inject
    CallBackfill backfill;

    @Inject
    MeterRegistry metrics;

    private final AtomicLong pending = new AtomicLong();

    /** A gap as the board and the API show it. */
    public record GapView(long id, Instant from, Instant to, String cause, String state, int callsAdded,
            int attempts, Instant nextTryAt, String lastError, Instant reconciledAt) {

        static GapView of(CaptureGap g) {
            return new GapView(g.id, g.from, g.to, g.cause, g.state.name(), g.callsAdded, g.attempts, g.nextTryAt,
                    g.lastError, g.reconciledAt);
        }
    }

    @PostConstruct
    void gauges() {
        metrics.gauge("hotline.capture.gaps.pending", pending);
    }

    /** The listener heard Asterisk at {@code at} (its connection is alive): nothing before it is a gap. */
    void heard(Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            CaptureWatermark w = CaptureWatermark.findById(CaptureWatermark.ID);
            if (w == null) {
                w = new CaptureWatermark();
                w.id = CaptureWatermark.ID;
                w.heardAt = at;
                w.persist();
            } else if (w.heardAt.isBefore(at)) {
                w.heardAt = at;
            }
        });
    }

    /**
     * A listener connected and resynced, having heard Asterisk since {@code at}: what happened between the
     * watermark and then was not heard. The very first connection of a new installation has no watermark and no
     * gap.
     */
    void reconnected(Instant at, String cause) {
        QuarkusTransaction.requiringNew().run(() -> {
            CaptureWatermark w = CaptureWatermark.findById(CaptureWatermark.ID);
            if (w == null || !w.heardAt.isBefore(at)) {
                // Heard without a break (a standby that kept the events since before the last one heard).
                return;
            }
            CaptureGap g = new CaptureGap();
            g.from = w.heardAt;
            g.to = at;
            g.cause = cause;
            boolean source = !"none".equals(config.reconcile().source());
            g.state = source ? CaptureGap.State.PENDING : CaptureGap.State.UNRECONCILED;
            g.nextTryAt = at.plus(config.reconcile().delay());
            if (!source) {
                g.lastError = "no source of Asterisk's records (hotline.telephony.reconcile.source=none)";
            }
            g.persist();
            w.heardAt = at;
            metrics.counter("hotline.capture.gaps", "state", g.state.name()).increment();
            LOG.warnf("Capture gap %s to %s (%s)%s", g.from, g.to, cause,
                    source ? ": reconciled from Asterisk's tables after " + config.reconcile().delay()
                            : ": calls of this window may be missing (no reconciliation source)");
        });
    }

    private volatile boolean stopping;

    // Before the database goes: a run that would start now finds it closed.
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${hotline.telephony.reconcile.every:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcileDue() {
        if (stopping) {
            return;
        }
        try {
            reconcile(clock.instant());
        } catch (RuntimeException e) {
            // The next run tries again; nothing of a gap is lost by a run that failed.
            LOG.warnf("Capture gaps not reconciled this time: %s", e.toString());
        }
    }

    /** Reconciles every pending gap due by {@code now}; returns how many calls were added. */
    int reconcile(Instant now) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> CaptureGap.<CaptureGap>list(
                "state = ?1 and nextTryAt <= ?2 order by from", CaptureGap.State.PENDING, now).stream()
                .map(g -> g.id).toList());
        int added = 0;
        for (long id : due) {
            added += reconcileOne(id, now);
        }
        pending.set(QuarkusTransaction.requiringNew().call(() -> CaptureGap.count("state", CaptureGap.State.PENDING)));
        return added;
    }

    private int reconcileOne(long id, Instant now) {
        CaptureGap gap = QuarkusTransaction.requiringNew().call(() -> CaptureGap.findById(id));
        var r = config.reconcile();
        Instant from = gap.from.minus(r.margin());
        Instant to = gap.to.plus(r.margin());
        int created;
        String error = null;
        try {
            String cdr = records.cdrCsv(r.cdrTable(), from, to, config.backfill().cdrZone());
            String queueLog = records.queueLogText(r.queueLogTable(), from, to, r.queueLogZone());
            // Master.csv first: it keys calls by Linkedid and names the caller's channel, which queue_log's
            // callid is; either order gives each call once.
            created = backfill.run(BackfillFormat.CDR_CSV, from, to, cdr).created()
                    + backfill.run(BackfillFormat.QUEUE_LOG, from, to, queueLog).created();
        } catch (Exception e) {
            created = 0;
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        String failure = error;
        int calls = created;
        QuarkusTransaction.requiringNew().run(() -> {
            CaptureGap g = CaptureGap.findById(id);
            g.attempts++;
            if (failure == null) {
                g.state = CaptureGap.State.RECONCILED;
                g.callsAdded += calls;
                g.lastError = null;
                g.reconciledAt = now;
            } else {
                Duration wait = r.retry().multipliedBy(1L << Math.min(10, g.attempts - 1));
                g.nextTryAt = now.plus(wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait);
                g.lastError = failure.length() > 500 ? failure.substring(0, 500) : failure;
            }
        });
        if (failure == null) {
            metrics.counter("hotline.capture.gaps.reconciled").increment();
            metrics.counter("hotline.capture.gaps.calls_added").increment(calls);
            LOG.infof("Capture gap %s to %s reconciled: %d calls added", gap.from, gap.to, calls);
        } else {
            metrics.counter("hotline.capture.gaps.failures").increment();
            LOG.warnf("Capture gap %s to %s not reconciled (%s); trying again", gap.from, gap.to, failure);
        }
        return calls;
    }

    /** The latest gaps, newest first. */
    public List<GapView> recent(int n) {
        return CaptureGap.<CaptureGap>find("order by from desc, id desc").page(0, n).list().stream()
                .map(GapView::of).toList();
    }

    /** Until when the listener is known to have heard Asterisk. */
    java.util.Optional<Instant> watermark() {
        return QuarkusTransaction.requiringNew().call(() -> java.util.Optional.ofNullable(
                CaptureWatermark.<CaptureWatermark>findById(CaptureWatermark.ID)).map(w -> w.heardAt));
    }

    /** The gaps waiting to be reconciled, as of the last run (no query). */
    long pendingCount() {
        return pending.get();
    }
}
