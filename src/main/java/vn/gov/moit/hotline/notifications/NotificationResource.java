package vn.gov.moit.hotline.notifications;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Roles;

@Path("/api/admin/notifications")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Notifications", description = "The e-mail outbox: what was sent, what waits, what failed")
class NotificationResource {

    /** A message as administrators see it: to whom, about what, how it went. */
    record NotificationView(long id, String kind, Long ticketId, String recipient, String subject, String state,
            int attempts, Instant createdAt, Instant nextTryAt, Instant sentAt, String lastError) {
    }

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "The outbox, newest first; state PENDING, SENT or FAILED; ticket to see one ticket's messages")
    public List<NotificationView> list(@QueryParam("state") Notification.State state, @QueryParam("ticket") Long ticket,
            @QueryParam("size") Integer size) {
        int limit = size == null ? 100 : Math.max(1, Math.min(500, size));
        String query = "(?1 is null or state = ?1) and (?2 is null or ticketId = ?2) order by createdAt desc, id desc";
        return Notification.<Notification>find(query, state, ticket).page(0, limit).list().stream()
                .map(NotificationResource::view).toList();
    }

    @POST
    @Path("/{id}/retry")
    @Transactional
    @Operation(summary = "Send a failed message again (after the address was corrected at the recipient's side)")
    public NotificationView retry(@PathParam("id") long id) {
        Notification n = Notification.findById(id);
        if (n == null) {
            throw new DomainException.NotFound("Notification", String.valueOf(id));
        }
        if (n.state != Notification.State.FAILED) {
            throw new DomainException.Conflict("not-failed", "Notification " + id + " is " + n.state + ", not FAILED");
        }
        n.state = Notification.State.PENDING;
        n.attempts = 0;
        n.nextTryAt = clock.instant();
        return view(n);
    }

    private static NotificationView view(Notification n) {
        return new NotificationView(n.id, n.kind, n.ticketId, n.recipient, n.subject, n.state.name(), n.attempts,
                n.createdAt, n.nextTryAt, n.sentAt, n.lastError);
    }
}
