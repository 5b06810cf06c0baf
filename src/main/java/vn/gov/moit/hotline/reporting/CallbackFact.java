package vn.gov.moit.hotline.reporting;

import java.time.Instant;

/**
 * A missed or abandoned caller as the report counts them: when they first missed, whether their number was
 * withheld, when they were first called back, whether they were reached by their due time, and whether the
 * attempts ran out.
 */
record CallbackFact(Instant firstMissedAt, boolean withheld, Instant firstAttemptAt, boolean reachedWithinTarget,
        boolean unreachable) {
}
