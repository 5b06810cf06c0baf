package vn.gov.moit.hotline.tickets;

import java.time.Instant;

/**
 * Fired (CDI event, inside the transaction) when the hotline and a caller spoke outside a callback task: an
 * operator answered the caller's new call, or marked a callback ticket called back from the ticket itself.
 *
 * @param callerNumber the caller's number, null when withheld
 * @param reached false when the ticket's own "not reached" closed it
 */
public record CallerReached(long ticketId, String callerNumber, boolean reached, Instant at) {
}
