package vn.gov.moit.hotline.telephony;

import java.time.Instant;
import java.util.List;

/**
 * What an import of Asterisk's records did. {@code callsInWindow} = {@code created} + {@code alreadyPresent};
 * {@code skipped} lists the first 50 lines (or calls, by their first line) that could not be used, and
 * {@code skippedTotal} counts them all.
 */
public record BackfillSummary(String format, Instant from, Instant to, int linesRead, int callsInWindow,
        int created, int alreadyPresent, int skippedTotal, List<Skipped> skipped) {

    /** A line of the file that was not used, and why. */
    public record Skipped(int line, String reason) {
    }
}
