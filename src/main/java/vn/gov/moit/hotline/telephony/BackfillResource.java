package vn.gov.moit.hotline.telephony;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Roles;

@Path("/api/admin/calls/backfill")
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
@Tag(name = "Calls")
class BackfillResource {

    private static final int PAYLOAD_TOO_LARGE = 413;

    @Inject
    CallBackfill backfill;

    @Inject
    TelephonyConfig config;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import the calls of an AMI outage from Asterisk's Master.csv or queue_log",
            description = "Creates the hotline calls (and their tickets) that arrived in [from, to) and are not "
                    + "logged yet; importing the same file again creates nothing. Lines that cannot be read are "
                    + "listed, never fatal.")
    public BackfillSummary importFile(
            @Parameter(description = "cdr-csv (Master.csv) or queue-log (queue_log)") @QueryParam("format") String format,
            @Parameter(description = "first instant of the window, ISO 8601, e.g. 2026-11-22T07:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "end of the window (excluded), ISO 8601") @QueryParam("to") String to,
            InputStream body) throws IOException {
        BackfillFormat kind = BackfillFormat.of(format == null ? null : format.trim()).orElseThrow(
                () -> new DomainException.InvalidInput("format", "format must be cdr-csv or queue-log"));
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw new DomainException.InvalidInput("to", "to must be after from");
        }
        return backfill.run(kind, start, end, text(body));
    }

    private String text(InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        int max = config.backfill().maxBytes();
        byte[] bytes = body.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new WebApplicationException(PAYLOAD_TOO_LARGE);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new DomainException.InvalidInput(name, name + " is required, e.g. 2026-11-22T07:00:00Z");
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException.InvalidInput(name,
                    name + " must be an ISO 8601 date-time with an offset, e.g. 2026-11-22T07:00:00Z");
        }
    }
}
