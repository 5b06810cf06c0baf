package vn.gov.moit.hotline.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The backfill after an AMI outage: the hotline calls that Asterisk recorded in Master.csv or queue_log and
 * that arrived in a time window, logged through the same path as live calls (one ticket each, unanswered ones
 * on the callback list). Calls already logged, live or by an earlier import, are left as they are, so a file
 * can be imported again, or a wider window chosen, without creating anything twice.
 */
@ApplicationScoped
class CallBackfill {

    private static final Logger LOG = Logger.getLogger(CallBackfill.class);
    private static final int SKIPPED_LISTED = 50;

    @Inject
    TelephonyConfig config;

    @Inject
    CallLogService callLog;

    @Inject
    HotlineFilter hotline;

    /** Imports the calls of the file that arrived in [from, to). */
    BackfillSummary run(BackfillFormat format, Instant from, Instant to, String text) {
        BackfillRead read = switch (format) {
            case CDR_CSV -> CdrCsv.read(text, config.backfill().cdrZone(), hotline);
            case QUEUE_LOG -> QueueLog.read(text, hotline);
        };
        List<BackfillSummary.Skipped> skipped = new ArrayList<>(read.skipped());
        int inWindow = 0;
        int created = 0;
        for (BackfillRead.Found found : read.calls()) {
            BackfilledCall call = found.call();
            if (call.arrivedAt().isBefore(from) || !call.arrivedAt().isBefore(to)) {
                continue;
            }
            inWindow++;
            try {
                if (callLog.importCall(call)) {
                    created++;
                }
            } catch (RuntimeException e) {
                // One call the database refuses must not stop the others; the log has the cause.
                LOG.warnf(e, "Backfill: call %s (line %d) could not be stored", call.linkedid(), found.line());
                skipped.add(new BackfillSummary.Skipped(found.line(),
                        "call " + call.linkedid() + " could not be stored"));
                inWindow--;
            }
        }
        skipped.sort(Comparator.comparingInt(BackfillSummary.Skipped::line));
        LOG.infof("Backfill from %s, %s to %s: %d lines, %d calls in the window, %d created, %d skipped lines",
                format.id, from, to, read.linesRead(), inWindow, created, skipped.size());
        return new BackfillSummary(format.id, from, to, read.linesRead(), inWindow, created, inWindow - created,
                skipped.size(), List.copyOf(skipped.subList(0, Math.min(SKIPPED_LISTED, skipped.size()))));
    }
}
