package vn.gov.moit.hotline.escalation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.Page;
import vn.gov.moit.hotline.common.PageRequest;
import vn.gov.moit.hotline.common.Roles;
import vn.gov.moit.hotline.tickets.TicketView;

@Path("/api/escalations")
@Tag(name = "Escalation", description = "Sending tickets to ministry departments, deadlines, answers, forwards, raising to leaders")
class EscalationResource {

    record EscalateRequest(@NotNull @Schema(examples = "1") Long version,
            @Size(max = 40) @Schema(examples = "TMDT") String departmentCode,
            @Size(max = 2000) @Schema(examples = "Đề nghị Cục hướng dẫn hồ sơ") String note) {
    }

    record VersionRequest(@NotNull @Schema(examples = "2") Long version) {
    }

    record AnswerRequest(@NotNull @Schema(examples = "3") Long version,
            @NotBlank @Size(max = 4000) @Schema(examples = "Hồ sơ nộp qua Cổng dịch vụ công của Bộ Công Thương") String answer) {
    }

    record ForwardRequest(@NotNull @Schema(examples = "3") Long version,
            @NotBlank @Size(max = 40) @Schema(examples = "TTTN") String departmentCode,
            @NotBlank @Size(max = 2000) @Schema(examples = "Thuộc thẩm quyền Vụ Thị trường trong nước") String reason) {
    }

    record RaiseRequest(@NotNull @Schema(examples = "3") Long version,
            @NotBlank @Size(max = 2000) @Schema(examples = "Vượt thẩm quyền của Cục, cần lãnh đạo Bộ cho ý kiến") String reason) {
    }

    record Suggestion(String departmentCode) {
    }

    private static final Map<String, String> SORTABLE = Map.of("deadline", "deadline", "escalatedAt", "escalatedAt",
            "id", "id");

    @Inject
    EscalationService service;

    @GET
    @Path("/tickets/{id}/routing-suggestion")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "The department the ticket's field is routed to")
    public Suggestion suggestion(@PathParam("id") long id) {
        return new Suggestion(service.suggestedDepartment(id));
    }

    @POST
    @Path("/tickets/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(summary = "Send a triaged ticket to a department (the routing suggestion when none is given); "
            + "the deadline comes from the SLA policy")
    public TicketView escalate(@PathParam("id") long id, @Valid @NotNull EscalateRequest body) {
        return service.escalate(id, body.version(), body.departmentCode(), body.note());
    }

    @POST
    @Path("/tickets/{id}/accept")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "An officer of the department takes the ticket")
    public TicketView accept(@PathParam("id") long id, @Valid @NotNull VersionRequest body) {
        return service.accept(id, body.version());
    }

    @POST
    @Path("/tickets/{id}/answer")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "The department's (or, when raised, the leaders') answer to the caller")
    public TicketView answer(@PathParam("id") long id, @Valid @NotNull AnswerRequest body) {
        return service.answer(id, body.version(), body.answer());
    }

    @POST
    @Path("/tickets/{id}/forward")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Pass the ticket to another department, with a new deadline; the history is kept")
    public TicketView forward(@PathParam("id") long id, @Valid @NotNull ForwardRequest body) {
        return service.forward(id, body.version(), body.departmentCode(), body.reason());
    }

    @POST
    @Path("/tickets/{id}/raise")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Raise the ticket to the ministry's leaders: beyond the department's authority")
    public TicketView raise(@PathParam("id") long id, @Valid @NotNull RaiseRequest body) {
        return service.raise(id, body.version(), body.reason());
    }

    @GET
    @Path("/tickets/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Every department the ticket was sent to, with deadlines and answers")
    public List<EscalationView> ofTicket(@PathParam("id") long id) {
        return service.ofTicket(id);
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Escalations, soonest deadline first; officers see only their department's")
    public Page<EscalationView> list(
            @Parameter(description = "OPEN, ACCEPTED, ANSWERED or FORWARDED") @QueryParam("state") EscalationState state,
            @Parameter(description = "department code") @QueryParam("department") String department,
            @Parameter(description = "only pending escalations past their deadline") @QueryParam("breached") Boolean breached,
            @Parameter(description = "only pending escalations due within the due-soon window") @QueryParam("dueSoon") Boolean dueSoon,
            @Parameter(description = "only escalations raised to leaders") @QueryParam("raised") Boolean raised,
            @Parameter(description = "only escalations still waiting for their department") @QueryParam("pending") Boolean pending,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "deadline or escalatedAt, then ,asc or ,desc") @QueryParam("sort") String sort) {
        var filter = new EscalationService.Filter(state,
                department == null || department.isBlank() ? null : department.trim(),
                Boolean.TRUE.equals(breached), Boolean.TRUE.equals(dueSoon), Boolean.TRUE.equals(raised),
                Boolean.TRUE.equals(pending));
        return service.list(filter, PageRequest.parse(page, size, sort, SORTABLE, "deadline,asc"));
    }
}
