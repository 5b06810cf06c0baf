package vn.gov.moit.hotline.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.EmailAddress;
import vn.gov.moit.hotline.common.Roles;

@Path("/api/admin/users")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Users", description = "Administration of users and their roles")
class UserResource {

    record CreateUserRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,60}", message = "must be 3 to 60 lower-case letters, digits, . _ or -") String username,
            @NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String password,
            @NotBlank String role,
            @NotBlank @Size(max = 200) String displayName,
            @Size(max = 40) String departmentCode,
            @Pattern(regexp = "[0-9]{2,20}", message = "must be 2 to 20 digits") String extension,
            @Email(regexp = EmailAddress.PATTERN, message = "must be an e-mail address") @Size(max = 254) String email,
            @Pattern(regexp = "vi|en", message = "must be vi or en") String language) {
    }

    record UpdateUserRequest(
            @NotNull Long version,
            @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String password,
            @NotBlank String role,
            @NotBlank @Size(max = 200) String displayName,
            @Size(max = 40) String departmentCode,
            @Pattern(regexp = "[0-9]{2,20}", message = "must be 2 to 20 digits") String extension,
            @Email(regexp = EmailAddress.PATTERN, message = "must be an e-mail address") @Size(max = 254) String email,
            @Pattern(regexp = "vi|en", message = "must be vi or en") String language) {
    }

    @Inject
    Users users;

    @GET
    @Operation(summary = "All users")
    public List<Users.UserView> list() {
        return users.list();
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "One user")
    public Users.UserView get(@PathParam("username") String username) {
        return users.get(username);
    }

    @POST
    @Operation(summary = "Create a user; officers need a department, operators may have an extension")
    @APIResponse(responseCode = "201", description = "the user as stored",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Users.UserView.class)))
    public Response create(@Valid @NotNull CreateUserRequest body) {
        Users.UserView created = users.create(body.username(), body.password(), body.role(), body.displayName(),
                body.departmentCode(), body.extension(), body.email(), body.language());
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("/{username}")
    @Operation(summary = "Change a user's role, department, extension or password")
    public Users.UserView update(@PathParam("username") String username, @Valid @NotNull UpdateUserRequest body) {
        return users.update(username, body.version(), body.password(), body.role(), body.displayName(), body.departmentCode(),
                body.extension(), body.email(), body.language());
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Remove a user; their name stays in ticket history")
    @APIResponse(responseCode = "204", description = "the user is removed")
    public Response delete(@PathParam("username") String username) {
        users.delete(username);
        return Response.noContent().build();
    }
}
