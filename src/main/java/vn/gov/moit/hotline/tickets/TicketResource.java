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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.DayRange;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Page;
import vn.gov.moit.hotline.common.PageRequest;
import vn.gov.moit.hotline.common.Roles;
import vn.gov.moit.hotline.common.TypedParams;

@Path("/api/tickets")
@Tag(name = "Tickets", description = "The ticket desk: create, search, triage, resolve, close, reopen, duplicates, callbacks")
class TicketResource {


    /** Limits match the database columns. */
    record CreateTicketRequest(
            @NotNull @Schema(examples = "MANUAL") TicketSource source,
            @Size(max = 30) @Schema(examples = "0912 345 678") String callerNumber,
            @Size(max = 200) @Schema(examples = "Nguyễn Văn An") String callerName,
            @Schema(examples = "BUSINESS") CallerType callerType,
            @Size(max = 40) @Schema(examples = "HA_NOI") String provinceCode,
            @Size(max = 200) @Schema(examples = "Phường Ba Đình") String commune,
            @Size(max = 40) @Schema(examples = "ECOMMERCE") String fieldCode,
            @Size(max = 100) @Schema(examples = "Thông báo website") String category,
            @Schema(examples = "NORMAL") Priority priority,
            @Size(max = 300) @Schema(examples = "Thủ tục thông báo website thương mại điện tử") String summary,
            @Size(max = 4000) @Schema(examples = "Doanh nghiệp hỏi hồ sơ thông báo website bán hàng sau phân cấp") String description) {
    }

    record TriageRequest(
            @NotNull @Schema(examples = "1") Long version,
            @Size(max = 200) @Schema(examples = "Nguyễn Văn An") String callerName,
            @NotNull @Schema(examples = "BUSINESS") CallerType callerType,
            @NotBlank @Size(max = 40) @Schema(examples = "HA_NOI") String provinceCode,
            @Size(max = 200) @Schema(examples = "Phường Ba Đình") String commune,
            @NotBlank @Size(max = 40) @Schema(examples = "ECOMMERCE") String fieldCode,
            @Size(max = 100) @Schema(examples = "Thông báo website") String category,
            @NotNull @Schema(examples = "NORMAL") Priority priority,
            @NotBlank @Size(max = 300) @Schema(examples = "Thủ tục thông báo website thương mại điện tử") String summary,
            @Size(max = 4000) @Schema(examples = "Doanh nghiệp hỏi hồ sơ thông báo website bán hàng sau phân cấp") String description) {
    }

    record NoteRequest(@NotNull @Schema(examples = "3") Long version,
            @Size(max = 4000) @Schema(examples = "Đã gọi lại báo kết quả cho người gọi") String note) {
    }

    record ResolveRequest(@NotNull @Schema(examples = "1") Long version,
            @NotBlank @Size(max = 4000) @Schema(examples = "Đã hướng dẫn hồ sơ theo Nghị định 52/2013/NĐ-CP") String resolution) {
    }

    record DuplicateRequest(@NotNull @Schema(examples = "1") Long version, @NotNull @Schema(examples = "42") Long duplicateOf,
            @Size(max = 2000) @Schema(examples = "Người gọi gọi lại về cùng việc") String note) {
    }

    record CallbackRequest(@NotNull @Schema(examples = "1") Long version, @NotNull @Schema(examples = "true") Boolean reached,
            @Size(max = 2000) @Schema(examples = "Đã gọi lại, người gọi nhấc máy") String note) {
    }

    private static final Map<String, String> SORTABLE = Map.of(
            "createdAt", "createdAt", "updatedAt", "updatedAt", "priority", "priority",
            "status", "status", "reference", "reference", "id", "id");

    @Inject
    TicketService service;

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "Open a ticket by hand (manual, field officer report or callback); phone tickets come from the call log")
    @APIResponse(responseCode = "201", description = "the ticket as stored, with its Location",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketView.class)))
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
            @Parameter(description = "status", example = "ESCALATED") @QueryParam("status") TicketStatus status,
            @Parameter(description = "field code", example = "ECOMMERCE") @QueryParam("field") String field,
            @Parameter(description = "province code", example = "HA_NOI") @QueryParam("province") String province,
            @Parameter(description = "department code", example = "TMDT") @QueryParam("department") String department,
            @Parameter(description = "LOW, NORMAL, HIGH or URGENT", example = "HIGH") @QueryParam("priority") Priority priority,
            @Parameter(description = "caller number in any written form", example = "0912 345 678") @QueryParam("caller") String caller,
            @Parameter(description = "created on or after this day (hotline zone)", example = "2026-11-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "created on or before this day (hotline zone)", example = "2026-11-30") @QueryParam("to") LocalDate to,
            @Parameter(description = "words in reference, summary, description, caller name or commune", example = "website") @QueryParam("q") String q,
            @Parameter(description = "page number from 0", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "page size, 1 to 200, default 20", example = "20") @QueryParam("size") Integer size,
            @Parameter(description = "createdAt, updatedAt, priority, status or reference; then ,asc or ,desc (deadlines: /api/escalations)", example = "createdAt,desc") @QueryParam("sort") String sort) {
        DayRange days = DayRange.of(from, to);
        if (q != null && q.length() > 200) {
            throw DomainException.InvalidInput.because("q", "text-too-long", "q", "200");
        }
        TicketFilter filter = new TicketFilter(status,
                blankToNull(field), blankToNull(province), blankToNull(department),
                priority, blankToNull(caller), days,
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
    public Page<TicketView> callbacks(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.callbackList(PageRequest.parse(page, size, null, SORTABLE, "createdAt,asc"));
    }

    @GET
    @Path("/repeat-suggestions")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "The caller's open tickets within the repeat-caller window, to link a new call to")
    public List<TicketView> repeatSuggestions(
            @Parameter(description = "caller number in any written form", required = true) @QueryParam("number") String number,
            @Parameter(description = "a ticket to leave out (the one being worked)") @QueryParam("exclude") Integer exclude) {
        if (number == null || number.isBlank()) {
            throw new DomainException.InvalidInput("number", "number is required");
        }
        Long excludeId = exclude == null ? null : (long) TypedParams.within("exclude", exclude, 0, 1, Integer.MAX_VALUE);
        return service.repeatSuggestions(number, excludeId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
