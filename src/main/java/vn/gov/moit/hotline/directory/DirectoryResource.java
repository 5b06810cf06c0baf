package vn.gov.moit.hotline.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.EmailAddress;
import vn.gov.moit.hotline.common.Roles;

@Path("/api/directory")
@Tag(name = "Directory", description = "Departments, fields, provinces and routing rules")
class DirectoryResource {

    record DepartmentRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Cục Thương mại điện tử và Kinh tế số") String nameVi,
            @NotBlank @Size(max = 200) @Schema(examples = "E-commerce and Digital Economy Agency") String nameEn,
            @Schema(examples = "true") Boolean active) {
    }

    record RouteRequest(
            @NotBlank @Size(max = 40) @Schema(examples = "TMDT") String departmentCode,
            @Schema(examples = "0") Long version) {
    }

    record ContactsRequest(
            @NotNull Long version,
            @Email(regexp = EmailAddress.PATTERN, message = "must be an e-mail address") @Size(max = 254)
            @Schema(examples = "cuc.tmdt@moit.gov.vn") String mailbox,
            @Pattern(regexp = "[a-z0-9._-]{3,60}", message = "must be a user name") @Schema(examples = "head.tmdt")
            String headUsername) {
    }

    @Inject
    Directory directory;

    @GET
    @Path("/departments")
    @PermitAll
    @Operation(summary = "Ministry departments that answer escalated tickets")
    public List<Directory.Entry> departments() {
        return directory.departments();
    }

    @GET
    @Path("/fields")
    @PermitAll
    @Operation(summary = "Fields (sectors) a ticket can be about")
    public List<Directory.Entry> fields() {
        return directory.fields();
    }

    @GET
    @Path("/provinces")
    @PermitAll
    @Operation(summary = "The 34 provinces and centrally-run cities")
    public List<Directory.Entry> provinces() {
        return directory.provinces();
    }

    @GET
    @Path("/routing-rules")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Which department each field is routed to by default")
    public List<Directory.Route> routes() {
        return directory.routes();
    }

    @PUT
    @Path("/departments/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or rename a department, or mark it inactive (admin)")
    public Directory.Entry saveDepartment(
            @PathParam("code") @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "must be 2 to 40 capital letters, digits or _") String code,
            @Valid @NotNull DepartmentRequest body) {
        return directory.saveDepartment(new Directory.Entry(code, body.nameVi(), body.nameEn()),
                body.active() == null || body.active());
    }

    @GET
    @Path("/departments/{code}/contacts")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A department's mailbox and head, told of its escalations and breached deadlines")
    public Directory.Contacts contacts(@PathParam("code") String code) {
        return directory.contactsOf(code);
    }

    @PUT
    @Path("/departments/{code}/contacts")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set a department's mailbox and head (admin)")
    public Directory.Contacts saveContacts(@PathParam("code") String code, @Valid @NotNull ContactsRequest body) {
        return directory.saveContacts(code, body.mailbox(), body.headUsername(), body.version());
    }

    @PUT
    @Path("/routing-rules/{fieldCode}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Route a field's tickets to a department (admin)")
    public Directory.Route saveRoute(@PathParam("fieldCode") String fieldCode, @Valid @NotNull RouteRequest body) {
        return directory.saveRoute(fieldCode, body.departmentCode(), body.version());
    }
}
