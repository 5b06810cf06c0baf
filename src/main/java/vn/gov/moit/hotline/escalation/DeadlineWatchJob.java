package vn.gov.moit.hotline.escalation;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.common.JobLock;

/**
 * Every few minutes, marks escalations past their deadline as breached and raises them to leaders. Every
 * instance schedules it; the database lock {@value #LOCK} makes one of them run it at a time.
 */
@ApplicationScoped
class DeadlineWatchJob {

    static final String LOCK = "deadline-watch";
    private static final Logger LOG = Logger.getLogger(DeadlineWatchJob.class);

    @Inject
    EscalationService service;

    @Inject
    EscalationConfig config;

    @Inject
    JobLock lock;

    @Scheduled(identity = "deadline-watch", cron = "${hotline.escalation.watch.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void watch() {
        if (!lock.tryRun(LOCK, config.watch().lockLease(), () -> {
            service.remind();
            service.markBreaches();
        })) {
            LOG.debug("Deadline watch skipped: another instance is running it");
        }
    }

    /** The off switch, {@code hotline.escalation.watch.enabled}. */
    @Singleton
    static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        EscalationConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.watch().enabled();
        }
    }
}
