package vn.gov.moit.hotline.tickets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.DayRange;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Page;
import vn.gov.moit.hotline.common.PageRequest;
import vn.gov.moit.hotline.common.QueryParams;
import vn.gov.moit.hotline.security.Roles;

@Path("/api/tickets")
@Tag(name = "Tickets", description = "The ticket desk: create, search, triage, resolve, close, reopen, duplicates, callbacks")
class TicketResource {


    /** Limits match the database columns. */
    record CreateTicketRequest(
            @NotNull TicketSource source,
            @Size(max = 30) String callerNumber,
            @Size(max = 200) String callerName,
            CallerType callerType,
            @Size(max = 40) String provinceCode,
            @Size(max = 200) String commune,
            @Size(max = 40) String fieldCode,
            @Size(max = 100) String category,
            Priority priority,
            @Size(max = 300) String summary,
            @Size(max = 4000) String description) {
    }

    record TriageRequest(
            @NotNull Long version,
            @Size(max = 200) String callerName,
            @NotNull CallerType callerType,
            @NotBlank @Size(max = 40) String provinceCode,
            @Size(max = 200) String commune,
            @NotBlank @Size(max = 40) String fieldCode,
            @Size(max = 100) String category,
            @NotNull Priority priority,
            @NotBlank @Size(max = 300) String summary,
            @Size(max = 4000) String description) {
    }

    record NoteRequest(@NotNull Long version, @Size(max = 4000) String note) {
    }

    record ResolveRequest(@NotNull Long version, @NotBlank @Size(max = 4000) String resolution) {
    }

    record DuplicateRequest(@NotNull Long version, @NotNull Long duplicateOf, @Size(max = 2000) String note) {
    }

    record CallbackRequest(@NotNull Long version, @NotNull Boolean reached, @Size(max = 2000) String note) {
    }

    private static final Map<String, String> SORTABLE = Map.of(
            "createdAt", "createdAt", "updatedAt", "updatedAt", "deadline", "deadline", "priority", "priority",
            "status", "status", "reference", "reference", "id", "id");

    @Inject
    TicketService service;

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "Open a ticket by hand (manual, field officer report or callback); phone tickets come from the call log")
    public Response create(@Valid @NotNull CreateTicketRequest body) {
        TicketView view = service.create(new TicketService.NewTicket(body.source(), body.callerNumber(), body.callerName(),
                body.callerType(), body.provinceCode(), body.commune(), body.fieldCode(), body.category(), body.priority(), body.summary(),
                body.description()));
        return Response.status(201).header("Location", "/api/tickets/" + view.id()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Search tickets; officers see only their department's")
    public Page<TicketView> search(
            @Parameter(description = "status, e.g. ESCALATED") @QueryParam("status") String status,
            @Parameter(description = "field code") @QueryParam("field") String field,
            @Parameter(description = "province code") @QueryParam("province") String province,
            @Parameter(description = "department code") @QueryParam("department") String department,
            @Parameter(description = "LOW, NORMAL, HIGH or URGENT") @QueryParam("priority") String priority,
            @Parameter(description = "caller number in any written form") @QueryParam("caller") String caller,
            @Parameter(description = "created on or after this day (hotline zone), e.g. 2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "created on or before this day (hotline zone)") @QueryParam("to") String to,
            @Parameter(description = "words in reference, summary, description, caller name or commune") @QueryParam("q") String q,
            @Parameter(description = "page number from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1 to 200, default 20") @QueryParam("size") String size,
            @Parameter(description = "createdAt, updatedAt, deadline, priority, status or reference; then ,asc or ,desc") @QueryParam("sort") String sort) {
        DayRange days = DayRange.parse(from, to);
        if (q != null && q.length() > 200) {
            throw new DomainException.InvalidInput("q", "q must be at most 200 characters");
        }
        TicketFilter filter = new TicketFilter(QueryParams.enumParam("status", status, TicketStatus.class),
                blankToNull(field), blankToNull(province), blankToNull(department),
                QueryParams.enumParam("priority", priority, Priority.class), blankToNull(caller), days,
                blankToNull(q));
        return service.search(filter, PageRequest.parse(page, size, sort, SORTABLE, "createdAt,desc"));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "One ticket")
    public TicketView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Every change of the ticket: who, when, from, to, note")
    public List<TicketJournal.Entry> history(@PathParam("id") long id) {
        return service.history(id);
    }

    @PUT
    @Path("/{id}/triage")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "Classify the ticket: caller type, province, commune, field, priority, summary")
    public TicketView triage(@PathParam("id") long id, @Valid @NotNull TriageRequest body) {
        return service.triage(id, body.version(), new Ticket.Triage(body.callerName(), body.callerType(), body.provinceCode(),
                body.commune(), body.fieldCode(), body.category(), body.priority(), body.summary(), body.description()));
    }

    @POST
    @Path("/{id}/resolve-on-call")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "The operator answered the caller on the call")
    public TicketView resolveOnCall(@PathParam("id") long id, @Valid @NotNull ResolveRequest body) {
        return service.resolveOnCall(id, body.version(), body.resolution());
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "Close an answered or resolved ticket (the caller has been told)")
    public TicketView close(@PathParam("id") long id, @Valid @NotNull NoteRequest body) {
        return service.close(id, body.version(), body.note());
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "Reopen a closed ticket")
    public TicketView reopen(@PathParam("id") long id, @Valid @NotNull NoteRequest body) {
        return service.reopen(id, body.version(), body.note());
    }

    @POST
    @Path("/{id}/duplicate")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "Merge this ticket into another: marks it a duplicate; a repeat caller's new call is linked "
            + "to their open ticket this way")
    public TicketView duplicate(@PathParam("id") long id, @Valid @NotNull DuplicateRequest body) {
        return service.markDuplicate(id, body.version(), body.duplicateOf(), body.note());
    }

    @POST
    @Path("/{id}/called-back")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "Record a callback of a missed call: reached (the ticket is worked as new) or not (closed)")
    public TicketView calledBack(@PathParam("id") long id, @Valid @NotNull CallbackRequest body) {
        return service.calledBack(id, body.version(), body.reached(), body.note());
    }

    @GET
    @Path("/callbacks")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "The callback list: tickets of missed and abandoned calls, oldest first")
    public Page<TicketView> callbacks(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service.callbackList(PageRequest.parse(page, size, null, SORTABLE, "createdAt,asc"));
    }

    @GET
    @Path("/repeat-suggestions")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "The caller's open tickets within the repeat-caller window, to link a new call to")
    public List<TicketView> repeatSuggestions(
            @Parameter(description = "caller number in any written form", required = true) @QueryParam("number") String number,
            @Parameter(description = "a ticket to leave out (the one being worked)") @QueryParam("exclude") String exclude) {
        if (number == null || number.isBlank()) {
            throw new DomainException.InvalidInput("number", "number is required");
        }
        Long excludeId = exclude == null || exclude.isBlank() ? null
                : (long) QueryParams.intParam("exclude", exclude, 0, 1, Integer.MAX_VALUE);
        return service.repeatSuggestions(number, excludeId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
