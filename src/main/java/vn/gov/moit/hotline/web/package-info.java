/**
 * The pages people use: login, the operator console, the department desk, the supervisor board and a
 * ticket's own page. Qute renders each page's frame (labels in the user's language, reference data, who is
 * logged in); a little vanilla JavaScript per page reads and changes data through the same {@code /api/*}
 * endpoints as any other client, authenticated by the form login's session cookie.
 *
 * <p>Nothing here decides what a user may see or do: the API does (an officer asking for another
 * department's ticket gets "not found" from {@code TicketService}, here as from the API).
 */
package vn.gov.moit.hotline.web;
