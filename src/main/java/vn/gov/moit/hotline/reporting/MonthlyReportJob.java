package vn.gov.moit.hotline.reporting;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.YearMonth;
import java.util.List;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.common.DomainException;

/**
 * Every night: publishes the month just closed (a no-op when nothing changed) and the month-to-date preview;
 * a month before the hotline's first one is never published.
 */
@ApplicationScoped
class MonthlyReportJob {

    private static final Logger LOG = Logger.getLogger(MonthlyReportJob.class);

    @Inject
    MonthlyReportService service;

    @Inject
    ReportConfig config;

    @Scheduled(identity = "monthly-report", cron = "${hotline.report.cron}", timeZone = "${hotline.report.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void nightly() {
        YearMonth current = service.currentMonth();
        for (YearMonth month : List.of(current.minusMonths(1), current)) {
            if (month.isBefore(config.firstMonth())) {
                continue;
            }
            try {
                service.build(month);
            } catch (DomainException.Conflict busy) {
                LOG.infof("Report of %s skipped: another instance is building it", month);
            }
        }
    }

    /** The off switch, {@code hotline.report.enabled}. */
    @Singleton
    static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        ReportConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
