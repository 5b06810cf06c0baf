package vn.gov.moit.hotline.escalation;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Every few minutes, marks escalations past their deadline as breached and raises them to leaders. */
@ApplicationScoped
class DeadlineWatchJob {

    @Inject
    EscalationService service;

    @Scheduled(identity = "deadline-watch", cron = "${hotline.escalation.watch.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void watch() {
        service.markBreaches();
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
