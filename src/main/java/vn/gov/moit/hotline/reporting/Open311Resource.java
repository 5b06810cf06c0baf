package vn.gov.moit.hotline.reporting;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Languages;
import vn.gov.moit.hotline.common.TypedParams;
import vn.gov.moit.hotline.directory.Directory;

/**
 * A read-only, Open311 GeoReport v2 style view of the hotline's requests for civic-tech reuse: the fields
 * as services, and tickets as anonymised service requests. Never a caller's number, name or words: no
 * description, no address, no status notes. Times are ISO 8601 with the offset of the hotline's zone.
 */
@Path("/api/public/open311/v2")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open311 (public)", description = "Open311 GeoReport v2 style read-only endpoints; no login")
class Open311Resource {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** An Open311 service: one field (sector) of the hotline. */
    record Service(@JsonProperty("service_code") String serviceCode, @JsonProperty("service_name") String serviceName,
            String description, boolean metadata, String type, String keywords, String group) {
    }

    /** An Open311 service request: one ticket, anonymised. Address, coordinates and description are omitted. */
    record ServiceRequest(
            @JsonProperty("service_request_id") String serviceRequestId,
            String status,
            @JsonProperty("status_notes") String statusNotes,
            @JsonProperty("service_name") String serviceName,
            @JsonProperty("service_code") String serviceCode,
            @JsonProperty("agency_responsible") String agencyResponsible,
            @JsonProperty("service_notice") String serviceNotice,
            @JsonProperty("requested_datetime") String requestedDatetime,
            @JsonProperty("updated_datetime") String updatedDatetime,
            @JsonProperty("expected_datetime") String expectedDatetime) {
    }

    @Inject
    Languages languages;

    @Inject
    Directory directory;

    @Inject
    Open311Requests requests;

    @Inject
    ReportConfig config;

    @GET
    @Path("/services.json")
    @Operation(summary = "The fields (sectors) a request can be about, as Open311 services")
    public List<Service> services(@Parameter(description = "vi (default) or en") @QueryParam("lang") String lang) {
        boolean vi = languages.forPeople(lang).equals(Languages.VIETNAMESE);
        Map<String, String> departments = names(directory.departments(), vi);
        Map<String, String> routes = directory.routes().stream()
                .collect(Collectors.toMap(Directory.Route::fieldCode, Directory.Route::departmentCode));
        return directory.fields().stream().map(f -> new Service(f.code(), vi ? f.nameVi() : f.nameEn(),
                (vi ? "Phản ánh, kiến nghị về lĩnh vực: " + f.nameVi()
                        : "Difficulties and requests in the field: " + f.nameEn()),
                false, "realtime", f.nameVi() + ", " + f.nameEn(),
                departments.getOrDefault(routes.get(f.code()), null))).toList();
    }

    @GET
    @Path("/requests.json")
    @Operation(summary = "Anonymised requests (tickets), newest first; duplicates left out")
    public List<ServiceRequest> requests(
            @Parameter(description = "a field code from services.json") @QueryParam("service_code") String serviceCode,
            @Parameter(description = "open or closed") @QueryParam("status") String status,
            @Parameter(description = "requested on or after: ISO 8601 date-time with offset, or a date (hotline zone)")
            @QueryParam("start_date") String startDate,
            @Parameter(description = "requested on or before: ISO 8601 date-time with offset, or a date (whole day)")
            @QueryParam("end_date") String endDate,
            @Parameter(description = "page number from 1") @QueryParam("page") Integer page,
            @Parameter(description = "page size, 1 to 200, default 50") @QueryParam("size") Integer size,
            @Parameter(description = "vi (default) or en") @QueryParam("lang") String lang) {
        boolean vi = languages.forPeople(lang).equals(Languages.VIETNAMESE);
        Map<String, String> fields = names(directory.fields(), vi);
        String field = serviceCode == null || serviceCode.isBlank() ? null : serviceCode.trim();
        if (field != null && !fields.containsKey(field)) {
            throw new DomainException.InvalidInput("service_code", "unknown service_code: see services.json");
        }
        Boolean closed = switch (status == null ? "" : status.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "" -> null;
            case "open" -> false;
            case "closed" -> true;
            default -> throw new DomainException.InvalidInput("status", "status must be open or closed");
        };
        ZoneId zone = config.zone();
        Instant from = instant("start_date", startDate, zone, false);
        Instant to = instant("end_date", endDate, zone, true);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new DomainException.InvalidInput("end_date", "end_date must be after start_date");
        }
        int p = TypedParams.within("page", page, 1, 1, 100_000);
        int s = TypedParams.within("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        Map<String, String> departments = names(directory.departments(), vi);
        return requests.find(new Open311Requests.Query(field, closed, from, to, (p - 1) * s, s)).stream()
                .map(r -> new ServiceRequest(r.reference(), "CLOSED".equals(r.status()) ? "closed" : "open", null,
                        r.fieldCode() == null ? null : fields.get(r.fieldCode()), r.fieldCode(),
                        r.departmentCode() == null ? null : departments.get(r.departmentCode()), null,
                        format(r.createdAt(), zone), format(r.updatedAt(), zone), format(r.deadline(), zone)))
                .toList();
    }

    /** A bound of the date filter; for an end given as a date, the start of the next day (exclusive). */
    private static Instant instant(String name, String text, ZoneId zone, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            Instant at = OffsetDateTime.parse(value).toInstant();
            return end ? at.plusNanos(1000) : at;
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new DomainException.InvalidInput(name,
                        name + " must be a date-time like 2025-07-01T00:00:00+07:00 or a date like 2025-07-01");
            }
        }
    }

    private static String format(Instant instant, ZoneId zone) {
        return instant == null ? null : ISO.format(instant.atZone(zone).toOffsetDateTime());
    }

    private static Map<String, String> names(List<Directory.Entry> entries, boolean vi) {
        Function<Directory.Entry, String> name = vi ? Directory.Entry::nameVi : Directory.Entry::nameEn;
        return entries.stream().collect(Collectors.toMap(Directory.Entry::code, name));
    }
}
