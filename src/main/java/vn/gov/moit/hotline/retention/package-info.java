/**
 * Retention of callers' personal data: the policy (period, schedule, lock) in one place, the removal itself in
 * the features that own the data ({@code telephony.CallRetention}, {@code tickets.TicketRetention}). A feature
 * of its own, downstream of telephony and tickets like reporting, because neither of them should know the other.
 */
package vn.gov.moit.hotline.retention;
