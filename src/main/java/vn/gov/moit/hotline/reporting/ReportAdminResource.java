package vn.gov.moit.hotline.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.Roles;

@Path("/api/admin/reports")
@Tag(name = "Monthly report (admin)", description = "Build the public monthly report on demand")
class ReportAdminResource {

    @Inject
    MonthlyReportService service;

    @POST
    @Path("/{month}/build")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Build and publish a month's report now: a closed month gets a new version only if its "
            + "figures changed (created=false otherwise); the month in progress gets a fresh preview (version 0). "
            + "400 for a month that has not started, 409 while another build of the month runs")
    public MonthlyReportService.BuildResult build(
            @Parameter(description = "the month, yyyy-MM, e.g. 2025-07") @PathParam("month") String month) {
        return service.build(Months.parse(month));
    }
}
