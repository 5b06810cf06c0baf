package vn.gov.moit.hotline.reporting;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.moit.hotline.common.Languages;
import vn.gov.moit.hotline.directory.Directory;

/**
 * The monthly report as a web page for the public, in Vietnamese (default) or English: server-rendered, with
 * inline SVG charts, no script and no external resource. No login.
 */
@Path("/reports")
@PermitAll
@Produces(ReportPageResource.HTML)
@Tag(name = "Monthly report (public)")
class ReportPageResource {

    static final String HTML = "text/html;charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportView r, String ministryUrl);

        static native TemplateInstance empty(String lang, String ministryUrl);
    }

    @Inject
    MonthlyReportService service;

    @Inject
    ReportConfig config;

    @Inject
    Directory directory;

    @Inject
    Languages languages;

    @Inject
    ReportMessages vi;

    @Inject
    @Localized("en")
    ReportMessages en;

    @GET
    @Operation(summary = "The page of the latest closed month (or of the month given by month=yyyy-MM)")
    public TemplateInstance latest(@Parameter(description = "yyyy-MM; default the latest closed month") @QueryParam("month") String month,
            @Parameter(description = "vi or en; default the language switch's cookie, else Accept-Language, else vi")
            @QueryParam("lang") String lang) {
        String language = languages.forPeople(lang);
        List<ReportVersionRepository.Published> months = service.months();
        if (month != null && !month.isBlank()) {
            return render(service.latest(Months.parse(month.trim())), months, language);
        }
        return months.stream().filter(m -> !m.preview()).findFirst().or(() -> months.stream().findFirst())
                .map(m -> render(service.latest(m.month()), months, language))
                .orElseGet(() -> localized(Templates.empty(language, config.ministryUrl()), language));
    }

    @GET
    @Path("/{month}")
    @Operation(summary = "The page of a month's latest version: charts, every figure with its formula, downloads")
    public TemplateInstance month(@Parameter(description = "yyyy-MM, e.g. 2025-07") @PathParam("month") String month,
            @Parameter(description = "vi or en; default the language switch's cookie, else Accept-Language, else vi")
            @QueryParam("lang") String lang) {
        String language = languages.forPeople(lang);
        return render(service.latest(Months.parse(month)), service.months(), language);
    }

    private TemplateInstance render(ReportVersionRepository.Stored report, List<ReportVersionRepository.Published> months,
            String lang) {
        boolean vietnamese = lang.equals(Languages.VIETNAMESE);
        ReportMessages m = vietnamese ? vi : en;
        Function<Directory.Entry, String> name = vietnamese ? Directory.Entry::nameVi : Directory.Entry::nameEn;
        ReportView.Labels labels = new ReportView.Labels(names(directory.fields(), name),
                names(directory.provinces(), name), names(directory.departments(), name), Map.of(
                        "CITIZEN", m.callerType_CITIZEN(),
                        "BUSINESS", m.callerType_BUSINESS(),
                        "COMMUNE_PEOPLES_COMMITTEE", m.callerType_COMMUNE_PEOPLES_COMMITTEE(),
                        "WARD_PEOPLES_COMMITTEE", m.callerType_WARD_PEOPLES_COMMITTEE(),
                        "SPECIAL_ZONE_PEOPLES_COMMITTEE", m.callerType_SPECIAL_ZONE_PEOPLES_COMMITTEE(),
                        "PROVINCIAL_DEPARTMENT_OF_INDUSTRY_AND_TRADE",
                        m.callerType_PROVINCIAL_DEPARTMENT_OF_INDUSTRY_AND_TRADE(),
                        "OTHER", m.callerType_OTHER()), m.notSpecified());
        return localized(Templates.report(ReportView.of(report, months, labels, lang), config.ministryUrl()), lang);
    }

    private static TemplateInstance localized(TemplateInstance page, String lang) {
        return page.setLocale(Locale.forLanguageTag(lang));
    }

    private static Map<String, String> names(List<Directory.Entry> entries, Function<Directory.Entry, String> name) {
        return entries.stream().collect(Collectors.toMap(Directory.Entry::code, name));
    }
}
