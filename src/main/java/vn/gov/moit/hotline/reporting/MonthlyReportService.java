package vn.gov.moit.hotline.reporting;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.callbacks.CallbackConfig;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.JobLock;

/**
 * Builds and publishes the monthly report. A closed month (its end is not after now) is published as an
 * immutable version: when the newest version already has the same figures (same content hash) nothing
 * happens, otherwise the next version is added and the older ones stay readable. The month in progress is a
 * month-to-date preview, version {@value ReportVersionRepository#PREVIEW}, replaced at every build. Builds of one
 * month run under a {@link JobLock}, so concurrent triggers (the nightly job on several instances, an
 * administrator's request) publish once.
 */
@ApplicationScoped
class MonthlyReportService {

    private static final Logger LOG = Logger.getLogger(MonthlyReportService.class);

    /** What a build did. {@code created} is false when the figures had not changed since the last version. */
    record BuildResult(String month, int version, boolean preview, boolean created) {
    }

    @Inject
    Clock clock;

    @Inject
    ReportConfig config;

    @Inject
    ReportFacts facts;

    @Inject
    CallbackConfig callbackConfig;

    @Inject
    ReportVersionRepository versions;

    @Inject
    JobLock lock;

    /** The month in progress in the report's zone. */
    YearMonth currentMonth() {
        return YearMonth.from(clock.instant().atZone(config.zone()));
    }

    /**
     * Builds {@code month} from the data as it is now and publishes it.
     *
     * @throws DomainException.InvalidInput on {@code month} for a month that has not started or is before the
     *     hotline's first month
     * @throws DomainException.Conflict when a build of the same month is running elsewhere
     */
    BuildResult build(YearMonth month) {
        if (month.isAfter(currentMonth())) {
            throw DomainException.InvalidInput.because("month", "month-not-started", month.toString());
        }
        if (month.isBefore(config.firstMonth())) {
            throw DomainException.InvalidInput.because("month", "month-before-start", month.toString(),
                    config.firstMonth().toString());
        }
        AtomicReference<BuildResult> result = new AtomicReference<>();
        boolean ran = lock.tryRun("monthly-report:" + month, config.lockLease(),
                () -> result.set(QuarkusTransaction.requiringNew().call(() -> publish(month))));
        if (!ran) {
            throw new DomainException.Conflict("build-in-progress",
                    "The report of " + month + " is being built right now; try again in a minute");
        }
        return result.get();
    }

    private BuildResult publish(YearMonth month) {
        ZoneId zone = config.zone();
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        MonthlyReportCalculator.Accumulator figures = new MonthlyReportCalculator(
                ReportParameters.of(config, callbackConfig.target())).start(month, now);
        facts.calls(start, end, figures::add);
        facts.tickets(start, end, figures::add);
        facts.callbacks(start, end, figures::add);
        MonthlyReport report = figures.report();
        String hash = report.contentHash();

        if (report.preview()) {
            versions.deletePreview(month);
            versions.insert(stored(report, ReportVersionRepository.PREVIEW, hash, now));
            return new BuildResult(month.toString(), ReportVersionRepository.PREVIEW, true, true);
        }
        Optional<ReportVersionRepository.Stored> latest = versions.latestPublished(month);
        if (latest.isPresent() && latest.get().contentHash().equals(hash)) {
            return new BuildResult(month.toString(), latest.get().version(), false, false);
        }
        int version = latest.map(v -> v.version() + 1).orElse(1);
        versions.insert(stored(report, version, hash, now));
        versions.deletePreview(month);
        LOG.infof("Monthly report %s published as version %d", month, version);
        return new BuildResult(month.toString(), version, false, true);
    }

    private static ReportVersionRepository.Stored stored(MonthlyReport report, int version, String hash, Instant now) {
        return new ReportVersionRepository.Stored(report.month(), version, report.preview(), hash,
                new String(report.toJson(), StandardCharsets.UTF_8), new String(report.toCsv(), StandardCharsets.UTF_8),
                now, report.dataAsOf());
    }

    /** The published months, newest first. */
    List<ReportVersionRepository.Published> months() {
        return versions.months();
    }

    /** The newest version of a month (its preview when the month is in progress). */
    ReportVersionRepository.Stored latest(YearMonth month) {
        return versions.latest(month).orElseThrow(() -> new DomainException.NotFound("Report of", month));
    }

    ReportVersionRepository.Stored version(YearMonth month, int version) {
        return versions.version(month, version)
                .orElseThrow(() -> new DomainException.NotFound("Report of " + month + " version", version));
    }
}
