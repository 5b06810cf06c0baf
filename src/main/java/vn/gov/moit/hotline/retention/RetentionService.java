package vn.gov.moit.hotline.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.JobLock;
import vn.gov.moit.hotline.telephony.CallRetention;
import vn.gov.moit.hotline.tickets.TicketRetention;

/**
 * Removes callers' numbers and names older than the retention period from the call log and the tickets, under
 * a database lock so that one instance does it at a time. Each feature knows its own tables and which of their
 * columns are personal data ({@link CallRetention}, {@link TicketRetention}); this service only owns the policy:
 * the period, the cutoff, when it runs.
 */
@ApplicationScoped
class RetentionService {

    static final String LOCK = "retention";
    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    /** What one run removed: caller data of calls and tickets older than {@code cutoff}. */
    record RetentionResult(Instant cutoff, int callRecords, int tickets) {
    }

    @Inject
    Clock clock;

    @Inject
    RetentionConfig config;

    @Inject
    JobLock lock;

    @Inject
    CallRetention calls;

    @Inject
    TicketRetention tickets;

    /**
     * Removes what is past the retention period now.
     *
     * @throws DomainException.Conflict when a run is going on elsewhere
     */
    RetentionResult run() {
        AtomicReference<RetentionResult> result = new AtomicReference<>();
        boolean ran = lock.tryRun(LOCK, config.lockLease(), () -> {
            Instant cutoff = clock.instant().minus(config.period());
            // Two transactions: each part is complete on its own, and a rerun finishes what a failure left.
            int callRecords = calls.redactCallersBefore(cutoff);
            int ticketCount = tickets.redactCallersBefore(cutoff);
            result.set(new RetentionResult(cutoff, callRecords, ticketCount));
        });
        if (!ran) {
            throw new DomainException.Conflict("retention-in-progress",
                    "Callers' data is being removed right now; try again in a minute");
        }
        RetentionResult r = result.get();
        LOG.infof("Retention: caller data older than %s removed from %d call records and %d tickets", r.cutoff(),
                r.callRecords(), r.tickets());
        return r;
    }
}
