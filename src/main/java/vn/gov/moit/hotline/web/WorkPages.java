package vn.gov.moit.hotline.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Languages;
import vn.gov.moit.hotline.common.Roles;
import vn.gov.moit.hotline.directory.Directory;
import vn.gov.moit.hotline.telephony.CallState;
import vn.gov.moit.hotline.tickets.CallerType;
import vn.gov.moit.hotline.tickets.Priority;
import vn.gov.moit.hotline.tickets.TicketService;
import vn.gov.moit.hotline.tickets.TicketSource;
import vn.gov.moit.hotline.tickets.TicketStatus;

/**
 * The working pages. Login is enforced before these methods run (the {@code pages} HTTP permission sends an
 * anonymous visitor to {@code /login}); which page a role may open is decided here. A ticket the user may
 * not see is a "not found" page in the user's language rather than a problem document.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
class WorkPages {

    @Inject
    Pages pages;

    @Inject
    Directory directory;

    @Inject
    Languages languages;

    @Inject
    ObjectMapper json;

    @Inject
    TicketService tickets;

    @Inject
    Template console;

    @Inject
    Template desk;

    @Inject
    Template board;

    @Inject
    Template ticket;

    @Inject
    Template calls;

    @Inject
    Template admin;

    @GET
    @Path("console")
    @Operation(hidden = true)
    public Response console() {
        return page(pages::mayUseConsole, () -> withTicketForms(pages.page(console, "console"))
                .data("sources", List.of(TicketSource.MANUAL, TicketSource.FIELD_OFFICER_REPORT, TicketSource.CALLBACK)));
    }

    @GET
    @Path("desk")
    @Operation(hidden = true)
    public Response desk() {
        return page(pages::mayUseDesk, () -> withTicketForms(pages.page(desk, "desk")));
    }

    @GET
    @Path("board")
    @Operation(hidden = true)
    public Response board() {
        return page(pages::mayUseBoard, () -> withTicketForms(pages.page(board, "board")));
    }

    @GET
    @Path("admin")
    @Operation(hidden = true)
    public Response admin() {
        return page(pages::mayAdminister, () -> pages.page(admin, "admin").data("d", directory)
                .data("roles", List.of(Roles.OPERATOR, Roles.OFFICER, Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN)));
    }

    @GET
    @Path("calls")
    @Operation(hidden = true)
    public Response calls() {
        return page(pages::mayUseCallLog, () -> pages.page(calls, "calls").data("outcomes", CallState.values()));
    }

    @GET
    @Path("tickets/{id}")
    @Operation(hidden = true)
    public Response ticket(@PathParam("id") String id) {
        long ticketId;
        String reference;
        try {
            ticketId = Long.parseLong(id);
            // Another department's ticket is "not found" for an officer, exactly as in the API.
            reference = tickets.get(ticketId).reference();
        } catch (NumberFormatException | DomainException.NotFound e) {
            return Response.status(404).entity(pages.notFound()).build();
        }
        return Response.ok(withTicketForms(pages.page(ticket, "ticket"))
                .data("ticketId", ticketId).data("reference", reference)).build();
    }

    /**
     * What the ticket panel and the ticket lists' filters need: reference data for their forms, the codes of the ticket's enumerations, and the
     * names of fields, provinces and departments in the page's language for its script (as JSON).
     */
    private TemplateInstance withTicketForms(TemplateInstance page) {
        return page.data("d", directory).data("callerTypes", CallerType.values()).data("priorities", Priority.values())
                .data("statuses", TicketStatus.values())
                .data("names", names(languages.forPeople().equals(Languages.VIETNAMESE)));
    }

    private String names(boolean vi) {
        Map<String, Map<String, String>> names = Map.of("field", byCode(directory.fields(), vi),
                "province", byCode(directory.provinces(), vi), "department", byCode(directory.departments(), vi));
        return PageTexts.forScript(json, names);
    }

    private static Map<String, String> byCode(List<Directory.Entry> entries, boolean vi) {
        Map<String, String> names = new TreeMap<>();
        entries.forEach(e -> names.put(e.code(), vi ? e.nameVi() : e.nameEn()));
        return names;
    }

    private Response page(BooleanSupplier allowed, Supplier<TemplateInstance> render) {
        if (!allowed.getAsBoolean()) {
            // Another role's page (an old bookmark, or the page a previous user of this workstation was
            // sent to the login from): the user's own page is what they want.
            return Response.status(Response.Status.SEE_OTHER).header("Location", pages.home()).build();
        }
        return Response.ok(render.get()).build();
    }
}
