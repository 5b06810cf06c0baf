package vn.gov.moit.hotline.tickets;

/**
 * Fired (CDI event, inside the transaction) when a ticket is marked a duplicate of another, so that whatever
 * pointed at the duplicate (a call) can point at the original.
 */
public record TicketMerged(long duplicateId, long originalId) {
}
