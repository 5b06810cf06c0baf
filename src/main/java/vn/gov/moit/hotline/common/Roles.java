package vn.gov.moit.hotline.common;

/** The roles of the hotline's users, as stored with each user and named in {@code @RolesAllowed}. */
public final class Roles {

    /** Hotline operators: take calls, create and triage tickets, resolve on the call, escalate, close. */
    public static final String OPERATOR = "operator";
    /** Escalation officers: work their own department's tickets only. */
    public static final String OFFICER = "officer";
    /** Supervisors: see everything, breached deadlines, and can do what operators do. */
    public static final String SUPERVISOR = "supervisor";
    /** The ministry's leaders: see everything, answer what was raised to them. */
    public static final String LEADER = "leader";
    /** Administrators: users, departments, routing rules. */
    public static final String ADMIN = "admin";

    public static final java.util.Set<String> ALL = java.util.Set.of(OPERATOR, OFFICER, SUPERVISOR, LEADER, ADMIN);

    private Roles() {
    }
}
