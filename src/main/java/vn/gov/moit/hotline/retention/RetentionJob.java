package vn.gov.moit.hotline.retention;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.common.DomainException;

/** Every night: removes callers' personal data older than the retention period. */
@ApplicationScoped
class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    RetentionService service;

    @Scheduled(identity = "retention", cron = "${hotline.retention.cron}", timeZone = "${hotline.retention.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void nightly() {
        try {
            service.run();
        } catch (DomainException.Conflict busy) {
            LOG.info("Retention skipped: another instance is running it");
        }
    }

    /** The off switch, {@code hotline.retention.enabled}. */
    @Singleton
    static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        RetentionConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
