package vn.gov.moit.hotline.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the public report page shows, read from a version's stored JSON (so the page holds exactly the figures
 * of the JSON and CSV downloads), in one language. The template ({@code ReportPageResource/report.html}) draws
 * it; {@link ChartGeometry} places the bars.
 */
record ReportView(String lang, String otherLang, MonthLink month, boolean preview, int version, String dataAsOf,
        String zone, List<MonthLink> months, List<Integer> earlierVersions, List<Card> callCards, Card serviceLevel,
        List<Chart> callCharts, List<Card> ticketCards, List<Chart> ticketCharts, int threshold) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One month of the picker: {@code number} 1-12, {@code name} the English name. */
    record MonthLink(String value, int number, String name, int year, boolean preview, boolean current) {

        static MonthLink of(YearMonth month, boolean preview, boolean current) {
            return new MonthLink(month.toString(), month.getMonthValue(),
                    month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), month.getYear(), preview, current);
        }
    }

    /** One figure: its label, what it shows ("x" and "—" included), its unit and its formula. */
    record Card(String key, String label, String display, String unit, boolean hasValue, String formula,
            String levelWidth) {
    }

    /** One cell of a breakdown: its code, its name in the page's language, what it shows, hidden or not. */
    record Cell(String code, String name, String display, boolean suppressed) {
    }

    /** A breakdown drawn as columns (by day or hour) or rows (by code), with its cells' bars and table. */
    record Chart(String key, String label, String formula, List<Cell> cells, List<ChartGeometry.Column> columns,
            List<ChartGeometry.Row> rows, int rowsHeight) {
    }

    /** Names of the codes in the ticket tables, by breakdown key, in the page's language. */
    record Labels(Map<String, String> fields, Map<String, String> provinces, Map<String, String> departments,
            Map<String, String> callerTypes, String unspecified) {
    }

    static ReportView of(ReportVersionRepository.Stored report, List<ReportVersionRepository.Published> months,
            Labels labels, String lang) {
        JsonNode json;
        try {
            json = MAPPER.readTree(report.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean vi = lang.equals("vi");
        ZoneId zone = ZoneId.of(json.path("zone").asText());
        int threshold = json.path("parameters").path("suppressionThreshold").asInt(1);
        List<MonthLink> links = months.stream().map(m -> MonthLink.of(m.month(), m.preview(),
                m.month().equals(report.month()))).toList();
        List<Integer> earlier = new ArrayList<>();
        if (!report.preview()) {
            for (int v = report.version() - 1; v >= 1; v--) {
                earlier.add(v);
            }
        }
        List<JsonNode> metrics = list(json.path("metrics"));
        List<Chart> callCharts = new ArrayList<>();
        List<Chart> ticketCharts = new ArrayList<>();
        for (JsonNode breakdown : json.path("breakdowns")) {
            String key = breakdown.path("key").asText();
            if (key.equals("calls.by_day") || key.equals("calls.by_hour")) {
                callCharts.add(chart(breakdown, Map.of(), labels.unspecified(), threshold, vi, true));
            } else if (key.startsWith("tickets.")) {
                ticketCharts.add(chart(breakdown, namesFor(key, labels), labels.unspecified(), threshold, vi, false));
            }
        }
        Card serviceLevel = metrics.stream().filter(m -> m.path("key").asText().equals("calls.service_level"))
                .findFirst().map(m -> card(m, vi)).orElse(null);
        return new ReportView(lang, vi ? "en" : "vi", MonthLink.of(report.month(), report.preview(), true),
                report.preview(), report.version(),
                DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(report.dataAsOf().atZone(zone)), Formulas.zoneName(zone, vi),
                links, earlier, cards(metrics, "calls", vi), serviceLevel, callCharts, cards(metrics, "tickets", vi),
                ticketCharts, threshold);
    }

    public String downloadBase() {
        return "/api/public/reports/" + month.value() + "/versions/" + version;
    }

    /** The smallest count shown: below it (1 to k - 1) a count is hidden. */
    public int smallestHidden() {
        return threshold - 1;
    }

    private static List<Card> cards(List<JsonNode> metrics, String section, boolean vi) {
        return metrics.stream().filter(m -> m.path("section").asText().equals(section)).map(m -> card(m, vi)).toList();
    }

    private static Card card(JsonNode metric, boolean vi) {
        boolean hasValue = !metric.path("value").isNull();
        return new Card(metric.path("key").asText(), label(metric, vi), metric.path("display").asText(),
                metric.path("unit").asText(), hasValue, formula(metric, vi),
                hasValue ? ChartGeometry.level(metric.path("value").asDouble()) : null);
    }

    private static Chart chart(JsonNode breakdown, Map<String, String> names, String unspecified, int threshold,
            boolean vi, boolean columns) {
        List<Cell> cells = new ArrayList<>();
        List<Double> heights = new ArrayList<>();
        for (JsonNode cell : breakdown.path("cells")) {
            String code = cell.path("key").asText();
            boolean suppressed = cell.path("suppressed").asBoolean();
            String name = code.equals(ReportBreakdown.UNSPECIFIED) ? unspecified : names.getOrDefault(code, code);
            cells.add(new Cell(code, name, cell.path("display").asText(), suppressed));
            // A hidden cell is drawn as an outlined bar of height k, the same for every hidden cell.
            heights.add(suppressed ? threshold : cell.path("value").isNull() ? 0 : cell.path("value").asDouble());
        }
        return new Chart(breakdown.path("key").asText(), label(breakdown, vi), formula(breakdown, vi), cells,
                columns ? ChartGeometry.columns(heights) : List.of(), columns ? List.of() : ChartGeometry.rows(heights),
                ChartGeometry.ROW_HEIGHT * cells.size());
    }

    private static Map<String, String> namesFor(String breakdown, Labels labels) {
        return switch (breakdown) {
            case "tickets.by_field" -> labels.fields();
            case "tickets.by_province" -> labels.provinces();
            case "tickets.by_department" -> labels.departments();
            case "tickets.by_caller_type" -> labels.callerTypes();
            default -> Map.of();
        };
    }

    private static String label(JsonNode node, boolean vi) {
        return node.path(vi ? "labelVi" : "labelEn").asText();
    }

    private static String formula(JsonNode node, boolean vi) {
        return node.path(vi ? "formulaVi" : "formulaEn").asText();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
