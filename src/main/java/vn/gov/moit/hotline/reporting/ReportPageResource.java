package vn.gov.moit.hotline.reporting;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.directory.Directory;

/** The monthly report as a web page for the public, in Vietnamese (default) or English. No login. */
@Path("/reports")
@PermitAll
@Produces(ReportPageResource.HTML)
@Tag(name = "Monthly report (public)")
class ReportPageResource {

    static final String HTML = "text/html;charset=UTF-8";

    @Inject
    MonthlyReportService service;

    @Inject
    Directory directory;

    @GET
    @Operation(summary = "The page of the latest closed month (or of the month given by month=yyyy-MM)")
    public String latest(@Parameter(description = "yyyy-MM; default the latest closed month") @QueryParam("month") String month,
            @Parameter(description = "vi (default) or en") @QueryParam("lang") String lang) {
        ReportPage.Lang language = ReportPage.Lang.parse(lang);
        List<ReportVersionRepository.Published> months = service.months();
        if (month != null && !month.isBlank()) {
            return render(service.latest(Months.parse(month.trim())), months, language);
        }
        return months.stream().filter(m -> !m.preview()).findFirst().or(() -> months.stream().findFirst())
                .map(m -> render(service.latest(m.month()), months, language))
                .orElseGet(() -> ReportPage.empty(language));
    }

    @GET
    @Path("/{month}")
    @Operation(summary = "The page of a month's latest version: charts, every figure with its formula, downloads")
    public String month(@Parameter(description = "yyyy-MM, e.g. 2025-07") @PathParam("month") String month,
            @Parameter(description = "vi (default) or en") @QueryParam("lang") String lang) {
        ReportPage.Lang language = ReportPage.Lang.parse(lang);
        return render(service.latest(Months.parse(month)), service.months(), language);
    }

    private String render(ReportVersionRepository.Stored report, List<ReportVersionRepository.Published> months, ReportPage.Lang lang) {
        Function<Directory.Entry, String> name = lang == ReportPage.Lang.VI ? Directory.Entry::nameVi : Directory.Entry::nameEn;
        ReportPage.Labels labels = new ReportPage.Labels(names(directory.fields(), name),
                names(directory.provinces(), name), names(directory.departments(), name));
        return ReportPage.render(report, months, labels, lang);
    }

    private static Map<String, String> names(List<Directory.Entry> entries, Function<Directory.Entry, String> name) {
        return entries.stream().collect(Collectors.toMap(Directory.Entry::code, name));
    }
}
