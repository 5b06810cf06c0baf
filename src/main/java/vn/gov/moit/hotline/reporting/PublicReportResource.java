package vn.gov.moit.hotline.reporting;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.TypedParams;

/**
 * The published monthly reports as data, without login: the list of months, and each month's latest or a
 * given version as JSON or CSV. The bodies are the stored bytes of the version, so every download of a
 * version is identical.
 */
@Path("/api/public/reports")
@PermitAll
@Tag(name = "Monthly report (public)", description = "The hotline's published monthly reports: aggregates only, "
        + "no caller data; small counts hidden as \"x\" (see Suppression). No login needed")
class PublicReportResource {

    static final String JSON = "application/json;charset=UTF-8";
    static final String CSV = "text/csv;charset=UTF-8";

    /** One published month. {@code version} 0 is the month-to-date preview of the month in progress. */
    record MonthEntry(String month, int latestVersion, boolean preview, Instant dataAsOf, Links links) {
    }

    record Links(String json, String csv, String html) {
    }

    @Inject
    MonthlyReportService service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published months, newest first, with their latest version and where to get them")
    public List<MonthEntry> months() {
        return service.months().stream().map(m -> new MonthEntry(m.month().toString(), m.latestVersion(),
                m.preview(), m.dataAsOf(), links(m.month().toString()))).toList();
    }

    @GET
    @Path("/{month}")
    @Produces({JSON, CSV})
    @Operation(summary = "A month's latest version (the preview while the month is in progress); JSON, or CSV "
            + "with format=csv")
    @APIResponse(responseCode = "200", description = "the report", content = {
        @Content(mediaType = "application/json"), @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "400", description = "month is not yyyy-MM, or format is unknown")
    @APIResponse(responseCode = "404", description = "no report published for the month")
    public Response latest(@Parameter(description = "yyyy-MM, e.g. 2025-07") @PathParam("month") String month,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format) {
        boolean csv = csv(format);
        return serve(service.latest(Months.parse(month)), csv);
    }

    @GET
    @Path("/{month}.csv")
    @Produces(CSV)
    @Operation(summary = "A month's latest version as CSV (UTF-8, RFC 4180)")
    public Response latestCsv(@Parameter(description = "yyyy-MM, e.g. 2025-07") @PathParam("month") String month) {
        return serve(service.latest(Months.parse(month)), true);
    }

    @GET
    @Path("/{month}/versions/{version}")
    @Produces({JSON, CSV})
    @Operation(summary = "One version of a month's report, as published then (older versions stay readable); "
            + "JSON, or CSV with format=csv")
    @APIResponse(responseCode = "404", description = "no such version")
    public Response version(@Parameter(description = "yyyy-MM, e.g. 2025-07") @PathParam("month") String month,
            @Parameter(description = "1, 2, ...; 0 is the month-to-date preview") @PathParam("version") Integer version,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format) {
        boolean csv = csv(format);
        return serve(service.version(Months.parse(month),
                TypedParams.within("version", version, 0, 0, 1_000_000)), csv);
    }

    static Links links(String month) {
        return new Links("/api/public/reports/" + month, "/api/public/reports/" + month + ".csv",
                "/reports/" + month);
    }

    private static boolean csv(String format) {
        if (format == null || format.isBlank() || format.trim().equalsIgnoreCase("json")) {
            return false;
        }
        if (format.trim().toLowerCase(Locale.ROOT).equals("csv")) {
            return true;
        }
        throw new DomainException.InvalidInput("format", "format must be json or csv");
    }

    private static Response serve(ReportVersionRepository.Stored report, boolean csv) {
        if (csv) {
            String file = "hotline-report-" + report.month() + (report.preview() ? "-preview" : "-v" + report.version())
                    + ".csv";
            return Response.ok(report.csv().getBytes(StandardCharsets.UTF_8), CSV)
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                    .build();
        }
        return Response.ok(report.json().getBytes(StandardCharsets.UTF_8), JSON).build();
    }
}
