package vn.gov.moit.hotline.callbacks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.Page;
import vn.gov.moit.hotline.common.PageRequest;
import vn.gov.moit.hotline.common.Roles;

@Path("/api/callbacks")
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
@Tag(name = "Callbacks", description = "Missed and abandoned callers to call back: one task per caller number")
class CallbackResource {

    record AttemptRequest(@NotNull @Schema(examples = "0") Long version,
            @NotNull @Schema(examples = "true") Boolean reached,
            @Size(max = 2000) @Schema(examples = "Không nghe máy") String note) {
    }

    record CallRequest(@NotNull @Schema(examples = "0") Long version) {
    }

    @Inject
    CallbackService callbacks;

    @GET
    @Operation(summary = "Open callback tasks, soonest due first, with their total and the count of withheld callers")
    public CallbackService.Worklist worklist(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest p = PageRequest.parse(page, size, null, Map.of("dueAt", "dueAt"), "dueAt");
        return callbacks.worklist(p.page(), p.size());
    }

    @GET
    @Path("/withheld")
    @Operation(summary = "Missed callers whose number was withheld: they cannot be called back, and are counted")
    public Page<CallbackService.TaskView> withheld(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest p = PageRequest.parse(page, size, null, Map.of("lastMissedAt", "lastMissedAt"),
                "lastMissedAt");
        return callbacks.withheld(p.page(), p.size());
    }

    @POST
    @Path("/{id}/attempts")
    @Operation(summary = "Record an attempt to call the caller back: reached closes the task (the ticket is worked "
            + "as new); not reached counts, and the last allowed attempt closes the task and its ticket as unreachable")
    public CallbackService.TaskView attempt(@PathParam("id") long id, @Valid @NotNull AttemptRequest body) {
        return callbacks.attempt(id, body.version(), body.reached(), body.note());
    }

    @POST
    @Path("/{id}/calls")
    @Operation(summary = "Call the caller back: the operator's own phone rings, then Asterisk dials the caller with "
            + "the hotline's number; the outcome is recorded on the task and the ticket when the call ends. 202 once "
            + "Asterisk has taken the call; 409 when the task is closed, withheld or already being called; 503 when "
            + "Asterisk cannot be reached (nothing is recorded)")
    public Response call(@PathParam("id") long id, @Valid @NotNull CallRequest body) {
        return Response.accepted(callbacks.call(id, body.version())).build();
    }

    @GET
    @Path("/{id}/attempts")
    @Operation(summary = "The task's attempts, newest first: who, when, dialled or recorded by hand, and the outcome")
    public List<CallbackService.AttemptView> attempts(@PathParam("id") long id) {
        return callbacks.attempts(id);
    }
}
