package vn.gov.moit.hotline.tickets;

import java.time.Instant;

/**
 * Fired (CDI event, inside the transaction) when a missed or abandoned call's ticket goes on the callback
 * list, for the callbacks feature to open or join the caller's callback task.
 *
 * @param callerNumber the caller's number, null when withheld
 */
public record CallbackNeeded(long ticketId, String callerNumber, Instant at) {
}
