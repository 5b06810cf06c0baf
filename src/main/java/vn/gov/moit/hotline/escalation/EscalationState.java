package vn.gov.moit.hotline.escalation;

import java.util.EnumSet;
import java.util.Set;

/** Where one department's part of a ticket stands. */
public enum EscalationState {
    /** Sent to the department, not yet taken by an officer. */
    OPEN,
    /** An officer took it and is working on it. */
    ACCEPTED,
    /** The department answered. */
    ANSWERED,
    /** The department passed it to another department; a new escalation carries on. */
    FORWARDED;

    /** States in which the department still owes an answer, and the deadline is watched. */
    public static final Set<EscalationState> PENDING = EnumSet.of(OPEN, ACCEPTED);
}
