package vn.gov.moit.hotline.reporting;

import java.time.Instant;
import java.util.Objects;

/**
 * One hotline call as the monthly report sees it: one row per call (per Asterisk {@code Linkedid}) that
 * entered the hotline, whatever its outcome.
 *
 * @param arrivedAt when the call entered the hotline; decides its month, hour and day
 * @param outcome how it ended
 * @param waitSeconds seconds in the queue (Asterisk HoldTime) for answered and abandoned calls, otherwise
 *        null; null also when not recorded
 * @param talkSeconds seconds talking to the operator (AgentComplete TalkTime), null when not recorded
 */
record CallFact(Instant arrivedAt, CallOutcome outcome, Integer waitSeconds, Integer talkSeconds) {

    CallFact {
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        Objects.requireNonNull(outcome, "outcome");
    }
}
