package vn.gov.moit.hotline.retention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.Roles;

@Path("/api/admin/retention")
@Tag(name = "Retention (admin)", description = "Remove callers' personal data past the retention period")
class RetentionAdminResource {

    @Inject
    RetentionService service;

    @POST
    @Path("/run")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove now the caller number and name of calls that ended, and of closed or duplicate "
            + "tickets, before now minus hotline.retention.period; returns the cutoff and how many rows changed. "
            + "409 while another run is going on")
    public RetentionService.RetentionResult run() {
        return service.run();
    }
}
