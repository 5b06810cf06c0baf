package vn.gov.moit.hotline.telephony;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import vn.gov.moit.hotline.common.DayRange;
import vn.gov.moit.hotline.common.Page;
import vn.gov.moit.hotline.common.PageRequest;
import vn.gov.moit.hotline.common.Roles;
import vn.gov.moit.hotline.security.CurrentUser;

@Path("/api/calls")
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
@Tag(name = "Calls", description = "The call log of the hotline, calls in progress and the live feed")
class CallResource {

    private static final Map<String, String> SORTABLE = Map.of("arrivedAt", "arrivedAt", "endedAt", "endedAt",
            "waitSeconds", "waitSeconds", "talkSeconds", "talkSeconds", "id", "id");

    @Inject
    CallQueries queries;

    @Inject
    LiveCalls live;

    @Inject
    OutboundCalls outbound;

    @Inject
    CaptureGaps gaps;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Search the call log, newest first")
    public Page<CallView> search(
            @Parameter(description = "ARRIVED, QUEUED, ANSWERED, COMPLETED, ABANDONED, MISSED or OUTCOME_UNKNOWN") @QueryParam("outcome") CallState outcome,
            @Parameter(description = "operator user name") @QueryParam("operator") String operator,
            @Parameter(description = "caller number in any written form") @QueryParam("caller") String caller,
            @Parameter(description = "Asterisk's Linkedid of the call") @QueryParam("linkedid") String linkedid,
            @Parameter(description = "the ticket the call opened (its id)", example = "42") @QueryParam("ticket") Long ticket,
            @Parameter(description = "arrived on or after this day (hotline zone)") @QueryParam("from") LocalDate from,
            @Parameter(description = "arrived on or before this day (hotline zone)") @QueryParam("to") LocalDate to,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "arrivedAt, endedAt, waitSeconds or talkSeconds; then ,asc or ,desc") @QueryParam("sort") String sort) {
        var filter = new CallQueries.Filter(outcome,
                operator == null || operator.isBlank() ? null : operator.trim(),
                caller == null || caller.isBlank() ? null : caller,
                linkedid == null || linkedid.isBlank() ? null : linkedid.trim(), ticket, DayRange.of(from, to));
        return queries.search(filter, PageRequest.parse(page, size, sort, SORTABLE, "arrivedAt,desc"));
    }

    @GET
    @Path("/gaps")
    @RolesAllowed({Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "The latest windows live capture may have missed (the listener disconnected, changed or "
            + "restarted), newest first, and whether each was reconciled from Asterisk's tables and how many calls it added")
    public List<CaptureGaps.GapView> gaps() {
        return gaps.recent(20);
    }

    @GET
    @Path("/callbacks")
    @Operation(summary = "The calls the hotline placed to call a ticket's caller back, newest first")
    public List<OutboundCalls.OutboundCallView> callbacks(
            @Parameter(description = "the ticket (its id)", example = "42", required = true) @QueryParam("ticket") long ticket) {
        return outbound.ofTicket(ticket);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One call")
    public CallView get(@PathParam("id") long id) {
        return queries.get(id);
    }

    @GET
    @Path("/in-progress")
    @Operation(summary = "Calls in the greeting, waiting in the queue or talking now (repeatCaller is left null, as on the live feed)")
    public List<CallView> inProgress() {
        return queries.inProgress();
    }

    @GET
    @Path("/current")
    @Operation(summary = "The call the logged-in operator is talking on now (204 when none): the console pops its ticket")
    public Response current() {
        CallView call = queries.current(user.username());
        return call == null ? Response.noContent().build() : Response.ok(call).build();
    }

    @GET
    @Path("/board")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Calls waiting and talking now; today's offered, answered, abandoned, missed and service level")
    public CallQueries.Board board() {
        return queries.board();
    }

    @GET
    @Path("/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events: every change of a call as it happens")
    public Multi<CallView> live() {
        return live.stream();
    }
}
