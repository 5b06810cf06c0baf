package vn.gov.moit.hotline.reporting;

import java.time.Instant;
import java.util.Objects;

/**
 * One ticket as the monthly report sees it. Codes only (labels come from reference data); no caller
 * number, name or free text ever enters the report.
 *
 * <p>For a month M the report needs every ticket opened before the end of M that was not closed before
 * the start of M: tickets opened in M feed the monthly counts, older ones only "open at month end".
 *
 * @param openedAt when the ticket was created
 * @param fieldCode field (sector) code, null when not yet triaged
 * @param provinceCode province code, null when unknown
 * @param departmentCode responsible department code, null when never escalated
 * @param callerType caller type code, null when unknown
 * @param resolvedOnCall the operator resolved it on the call
 * @param escalated it was escalated to a department
 * @param raisedToLeaders it was raised to the ministry's leaders
 * @param firstAnsweredAt when the responsible department first answered it, null when not answered
 * @param deadline the (first) escalation deadline, null when none was set
 * @param closedAt when it was (last) closed, null when not closed
 * @param status current ticket status name (e.g. {@code CLOSED}); {@code DUPLICATE} tickets are left out
 */
record TicketFact(Instant openedAt, String fieldCode, String provinceCode, String departmentCode,
        String callerType, boolean resolvedOnCall, boolean escalated, boolean raisedToLeaders,
        Instant firstAnsweredAt, Instant deadline, Instant closedAt, String status) {

    /** Status of a ticket merged into another: it is not a request of its own. */
    static final String DUPLICATE = "DUPLICATE";

    TicketFact {
        Objects.requireNonNull(openedAt, "openedAt");
    }

    boolean duplicate() {
        return DUPLICATE.equals(status);
    }
}
