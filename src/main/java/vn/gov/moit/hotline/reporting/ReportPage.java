package vn.gov.moit.hotline.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public HTML page of one published report, rendered on the server with inline SVG charts: no script, no
 * external resource. It is drawn from the version's stored JSON, so the page shows exactly the figures the
 * JSON and CSV downloads hold; every figure carries {@code data-key} (and table cells {@code data-cell}) so
 * that machines can read the page too. Every text from data is escaped.
 */
final class ReportPage {

    /** Which language the page is in; the JSON carries both labels. */
    enum Lang {
        VI, EN;

        static Lang parse(String text) {
            if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("vi")) {
                return VI;
            }
            if (text.trim().equalsIgnoreCase("en")) {
                return EN;
            }
            throw new vn.gov.moit.hotline.common.DomainException.InvalidInput("lang", "lang must be vi or en");
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Names of the codes in the ticket tables, by breakdown key, in the page's language. */
    record Labels(Map<String, String> fields, Map<String, String> provinces, Map<String, String> departments) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Map<String, String[]> CALLER_TYPES = Map.of(
            "CITIZEN", new String[] {"Người dân", "Citizen"},
            "BUSINESS", new String[] {"Doanh nghiệp", "Business"},
            "COMMUNE_PEOPLES_COMMITTEE", new String[] {"UBND xã", "Commune People's Committee"},
            "WARD_PEOPLES_COMMITTEE", new String[] {"UBND phường", "Ward People's Committee"},
            "SPECIAL_ZONE_PEOPLES_COMMITTEE", new String[] {"UBND đặc khu", "Special zone People's Committee"},
            "PROVINCIAL_DEPARTMENT_OF_INDUSTRY_AND_TRADE",
            new String[] {"Sở Công Thương", "Provincial Department of Industry and Trade"},
            "OTHER", new String[] {"Khác", "Other"});

    private final Lang lang;
    /** k: a hidden cell is drawn as an outlined bar of that height, the same for every hidden cell. */
    private int threshold = 1;
    private final StringBuilder html = new StringBuilder(64 * 1024);

    private ReportPage(Lang lang) {
        this.lang = lang;
    }

    /** The page of {@code report}, with a picker over {@code months}. */
    static String render(ReportVersionRepository.Stored report, List<ReportVersionRepository.Published> months, Labels labels,
            Lang lang) {
        JsonNode json;
        try {
            json = MAPPER.readTree(report.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReportPage page = new ReportPage(lang);
        page.page(report, json, months, labels);
        return page.html.toString();
    }

    /** The page shown when nothing has been published yet. */
    static String empty(Lang lang) {
        ReportPage page = new ReportPage(lang);
        page.head(page.t("Báo cáo đường dây nóng", "Hotline report"));
        page.html.append("<main><h1>").append(page.t("Báo cáo hoạt động đường dây nóng 024.222.021115",
                "Hotline 024.222.021115 monthly report")).append("</h1><p>")
                .append(page.t("Chưa có báo cáo nào được công bố.", "No report has been published yet."))
                .append("</p></main></body></html>\n");
        return page.html.toString();
    }

    private void page(ReportVersionRepository.Stored report, JsonNode json, List<ReportVersionRepository.Published> months,
            Labels labels) {
        ZoneId zone = ZoneId.of(json.path("zone").asText());
        threshold = json.path("parameters").path("suppressionThreshold").asInt(1);
        String title = t("Báo cáo hoạt động đường dây nóng 024.222.021115", "Hotline 024.222.021115 monthly report");
        head(title + " — " + monthName(report.month()));
        html.append("<header><div class=\"wrap\"><h1>").append(esc(title)).append("<br><span class=\"month\">")
                .append(esc(monthName(report.month()))).append("</span></h1>\n");
        html.append("<p class=\"meta\">");
        if (report.preview()) {
            html.append("<strong class=\"preview\">").append(t("Số liệu tạm tính, tháng chưa kết thúc",
                    "Preview: the month has not ended")).append("</strong> · ");
        } else {
            html.append(t("Phiên bản ", "Version ")).append(report.version()).append(" · ");
        }
        html.append(t("Số liệu tính đến ", "Data as of ")).append(esc(dateTime(report.dataAsOf(), zone)))
                .append(" (").append(t("giờ ", "")).append(esc(zone.getId())).append(t(")", " time)")).append("</p>\n");
        nav(report, months);
        html.append("</div></header>\n<main class=\"wrap\">\n");

        List<JsonNode> metrics = list(json.path("metrics"));
        section("calls", t("Cuộc gọi", "Calls"), metrics);
        serviceLevel(metrics);
        for (JsonNode breakdown : json.path("breakdowns")) {
            String key = breakdown.path("key").asText();
            if (key.equals("calls.by_day") || key.equals("calls.by_hour")) {
                columns(breakdown);
            }
        }
        section("tickets", t("Phiếu yêu cầu", "Tickets"), metrics);
        for (JsonNode breakdown : json.path("breakdowns")) {
            String key = breakdown.path("key").asText();
            if (key.startsWith("tickets.")) {
                rows(breakdown, labelsFor(key, labels));
            }
        }
        notes(json);
        html.append("</main>\n</body>\n</html>\n");
    }

    private void head(String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n");
    }

    private void nav(ReportVersionRepository.Stored report, List<ReportVersionRepository.Published> months) {
        String month = report.month().toString();
        html.append("<nav>\n<form method=\"get\" action=\"/reports\"><label>").append(t("Tháng", "Month"))
                .append(" <select name=\"month\">");
        for (ReportVersionRepository.Published m : months) {
            String value = m.month().toString();
            html.append("<option value=\"").append(value).append('"')
                    .append(value.equals(month) ? " selected" : "").append('>').append(esc(monthName(m.month())))
                    .append(m.preview() ? t(" (tạm tính)", " (preview)") : "").append("</option>");
        }
        html.append("</select></label><input type=\"hidden\" name=\"lang\" value=\"").append(lang.code())
                .append("\"> <button type=\"submit\">").append(t("Xem", "Show")).append("</button></form>\n");
        html.append("<p class=\"months\">");
        for (ReportVersionRepository.Published m : months) {
            String value = m.month().toString();
            html.append("<a href=\"/reports/").append(value).append("?lang=").append(lang.code()).append('"')
                    .append(value.equals(month) ? " aria-current=\"page\"" : "").append('>').append(value)
                    .append("</a> ");
        }
        html.append("</p>\n<p class=\"downloads\">");
        String base = "/api/public/reports/" + month + "/versions/" + report.version();
        html.append("<a href=\"").append(base).append("\">").append(t("Tải JSON", "Download JSON")).append("</a> · ")
                .append("<a href=\"").append(base).append("?format=csv\">").append(t("Tải CSV", "Download CSV"))
                .append("</a> · ");
        if (!report.preview() && report.version() > 1) {
            html.append(t("Phiên bản trước: ", "Earlier versions: "));
            for (int v = report.version() - 1; v >= 1; v--) {
                html.append("<a href=\"/api/public/reports/").append(month).append("/versions/").append(v)
                        .append("\">v").append(v).append("</a> ");
            }
            html.append("· ");
        }
        Lang other = lang == Lang.VI ? Lang.EN : Lang.VI;
        html.append("<a href=\"/reports/").append(month).append("?lang=").append(other.code()).append("\" hreflang=\"")
                .append(other.code()).append("\">").append(other == Lang.EN ? "English" : "Tiếng Việt")
                .append("</a></p>\n</nav>\n");
    }

    private void section(String name, String heading, List<JsonNode> metrics) {
        html.append("<section><h2>").append(esc(heading)).append("</h2>\n<div class=\"cards\">\n");
        for (JsonNode metric : metrics) {
            if (!metric.path("section").asText().equals(name)) {
                continue;
            }
            String unit = metric.path("unit").asText();
            html.append("<div class=\"card\"><div class=\"label\">").append(esc(label(metric))).append("</div>")
                    .append("<div class=\"figure\"><span class=\"value\" data-key=\"")
                    .append(esc(metric.path("key").asText())).append("\">").append(esc(display(metric)))
                    .append("</span>");
            if (!metric.path("value").isNull()) {
                html.append("<span class=\"unit\">").append(esc(unitText(unit))).append("</span>");
            }
            html.append("</div><div class=\"formula\">").append(esc(formula(metric))).append("</div></div>\n");
        }
        html.append("</div></section>\n");
    }

    private void serviceLevel(List<JsonNode> metrics) {
        JsonNode sl = metrics.stream().filter(m -> m.path("key").asText().equals("calls.service_level")).findFirst()
                .orElse(null);
        if (sl == null) {
            return;
        }
        html.append("<section><h2>").append(esc(label(sl))).append("</h2>\n");
        html.append("<svg class=\"chart\" viewBox=\"0 0 720 60\" role=\"img\" aria-label=\"").append(esc(label(sl)))
                .append(": ").append(esc(display(sl))).append("\">");
        html.append("<rect x=\"0\" y=\"10\" width=\"720\" height=\"28\" class=\"track\"/>");
        if (!sl.path("value").isNull()) {
            double percent = Math.max(0, Math.min(100, sl.path("value").asDouble()));
            html.append("<rect x=\"0\" y=\"10\" height=\"28\" class=\"bar\" width=\"")
                    .append(num(720 * percent / 100)).append("\"/>");
        }
        html.append("<text x=\"8\" y=\"30\" class=\"on-bar\">").append(esc(display(sl)))
                .append(sl.path("value").isNull() ? "" : " %").append("</text>");
        html.append("<text x=\"0\" y=\"55\" class=\"axis\">0 %</text><text x=\"720\" y=\"55\" class=\"axis\" "
                + "text-anchor=\"end\">100 %</text></svg>\n");
        html.append("<p class=\"formula\">").append(esc(formula(sl))).append("</p></section>\n");
    }

    /** A column chart over every hour or day, with the table of its figures; it scrolls sideways on a phone. */
    private void columns(JsonNode breakdown) {
        List<JsonNode> cells = list(breakdown.path("cells"));
        double max = max(cells);
        int width = 720;
        int height = 220;
        int top = 18;
        int bottom = 24;
        double plot = height - top - bottom;
        double step = (double) width / Math.max(1, cells.size());
        String title = label(breakdown);
        html.append("<section><h2>").append(esc(title)).append("</h2>\n<div class=\"scroll\"><svg class=\"chart columns\" ")
                .append("viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(esc(title)).append("\">");
        html.append("<line x1=\"0\" x2=\"").append(width).append("\" y1=\"").append(height - bottom)
                .append("\" y2=\"").append(height - bottom).append("\" class=\"axis-line\"/>");
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            double x = i * step;
            String display = display(cell);
            double h = max > 0 ? plot * height(cell) / max : 0;
            if (h > 0) {
                html.append("<rect class=\"").append(suppressed(cell) ? "bar hidden" : "bar").append("\" x=\"")
                        .append(num(x + step * 0.125)).append("\" y=\"").append(num(height - bottom - h))
                        .append("\" width=\"").append(num(Math.max(1, step * 0.75))).append("\" height=\"")
                        .append(num(h)).append("\"><title>").append(esc(cell.path("key").asText())).append(": ")
                        .append(esc(display)).append("</title></rect>");
            }
            html.append("<text class=\"value-label\" x=\"").append(num(x + step / 2)).append("\" y=\"")
                    .append(num(height - bottom - h - 4)).append("\" text-anchor=\"middle\">").append(esc(display))
                    .append("</text>");
            html.append("<text class=\"axis\" x=\"").append(num(x + step / 2)).append("\" y=\"").append(height - 8)
                    .append("\" text-anchor=\"middle\">").append(esc(cell.path("key").asText())).append("</text>");
        }
        html.append("</svg></div>\n");
        table(breakdown, cells, Map.of());
        html.append("</section>\n");
    }

    /** A bar chart with one labelled row per code, with the table of its figures. */
    private void rows(JsonNode breakdown, Map<String, String> names) {
        List<JsonNode> cells = list(breakdown.path("cells"));
        String title = label(breakdown);
        html.append("<section><h2>").append(esc(title)).append("</h2>\n");
        if (cells.isEmpty()) {
            html.append("<p>").append(t("Không có phiếu nào.", "No tickets.")).append("</p>");
        } else {
            double max = max(cells);
            int row = 42;
            int width = 480;
            html.append("<svg class=\"chart rows\" viewBox=\"0 0 ").append(width).append(' ').append(row * cells.size())
                    .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
            for (int i = 0; i < cells.size(); i++) {
                JsonNode cell = cells.get(i);
                int y = i * row;
                String display = display(cell);
                html.append("<text class=\"row-label\" x=\"4\" y=\"").append(y + 16).append("\">")
                        .append(esc(name(cell.path("key").asText(), names))).append("</text>");
                double w = max > 0 ? (width - 60) * height(cell) / max : 0;
                if (w > 0) {
                    html.append("<rect class=\"").append(suppressed(cell) ? "bar hidden" : "bar")
                            .append("\" x=\"4\" y=\"").append(y + 22).append("\" height=\"14\" width=\"")
                            .append(num(w)).append("\"/>");
                }
                html.append("<text class=\"value-label\" x=\"").append(num(w + 10)).append("\" y=\"").append(y + 34)
                        .append("\">").append(esc(display)).append("</text>");
            }
            html.append("</svg>\n");
        }
        table(breakdown, cells, names);
        html.append("</section>\n");
    }

    private void table(JsonNode breakdown, List<JsonNode> cells, Map<String, String> names) {
        String key = breakdown.path("key").asText();
        html.append("<details><summary>").append(t("Bảng số liệu và cách tính", "Figures and formula"))
                .append("</summary>\n<p class=\"formula\">").append(esc(formula(breakdown))).append("</p>\n<table>")
                .append("<thead><tr><th>").append(t("Mục", "Item")).append("</th><th>").append(t("Số lượng", "Count"))
                .append("</th></tr></thead><tbody>");
        for (JsonNode cell : cells) {
            String code = cell.path("key").asText();
            html.append("<tr><td>").append(esc(name(code, names))).append("</td><td class=\"num\" data-breakdown=\"")
                    .append(esc(key)).append("\" data-cell=\"").append(esc(code)).append("\">")
                    .append(esc(display(cell))).append("</td></tr>");
        }
        html.append("</tbody></table></details>\n");
    }

    private void notes(JsonNode json) {
        JsonNode p = json.path("parameters");
        html.append("<section class=\"notes\"><h2>").append(t("Ghi chú", "Notes")).append("</h2><ul>")
                .append("<li>").append(t("Chỉ công bố số liệu tổng hợp: không có số điện thoại, tên hay nội dung của người gọi.",
                        "Aggregates only: no caller's number, name or words are published.")).append("</li>")
                .append("<li>").append(esc(t("\"x\": số đếm được ẩn: số từ 1 đến " + (p.path("suppressionThreshold").asInt() - 1)
                                + ", hoặc số khác được ẩn cùng để không thể tính ra số nhỏ bằng phép trừ. Tỷ lệ và "
                                + "trung bình tính từ ít hơn " + p.path("suppressionThreshold").asInt() + " trường hợp được hiển thị là \"—\".",
                        "\"x\": a hidden count: from 1 to " + (p.path("suppressionThreshold").asInt() - 1) + ", or another count hidden with it so that a "
                                + "small one cannot be worked out by subtraction. Rates and averages of fewer than "
                                + p.path("suppressionThreshold").asInt() + " cases are shown as \"—\"."))).append("</li>")
                .append("<li>").append(t("\"—\": không có dữ liệu để tính.", "\"—\": nothing to compute it from."))
                .append("</li>")
                .append("<li>").append(esc(t("Tháng, ngày và giờ tính theo múi giờ ", "Months, days and hours in the ")
                        + json.path("zone").asText() + t(".", " time zone."))).append("</li></ul></section>\n");
    }

    private String label(JsonNode node) {
        return node.path(lang == Lang.VI ? "labelVi" : "labelEn").asText();
    }

    private String formula(JsonNode node) {
        return node.path(lang == Lang.VI ? "formulaVi" : "formulaEn").asText();
    }

    private static String display(JsonNode node) {
        return node.path("display").asText();
    }

    private String unitText(String unit) {
        return switch (unit) {
            case "percent" -> " %";
            case "seconds" -> t(" giây", " s");
            case "hours" -> t(" giờ", " h");
            default -> "";
        };
    }

    private Map<String, String> labelsFor(String breakdown, Labels labels) {
        return switch (breakdown) {
            case "tickets.by_field" -> labels.fields();
            case "tickets.by_province" -> labels.provinces();
            case "tickets.by_department" -> labels.departments();
            case "tickets.by_caller_type" -> callerTypes();
            default -> Map.of();
        };
    }

    private Map<String, String> callerTypes() {
        java.util.HashMap<String, String> names = new java.util.HashMap<>();
        CALLER_TYPES.forEach((code, both) -> names.put(code, both[lang == Lang.VI ? 0 : 1]));
        return names;
    }

    private String name(String code, Map<String, String> names) {
        if (code.equals(ReportBreakdown.UNSPECIFIED)) {
            return t("Chưa xác định", "Not specified");
        }
        return names.getOrDefault(code, code);
    }

    private String monthName(YearMonth month) {
        return lang == Lang.VI ? "Tháng " + month.getMonthValue() + "/" + month.getYear()
                : month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
    }

    private static String dateTime(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(instant.atZone(zone));
    }

    private String t(String vi, String en) {
        return lang == Lang.VI ? vi : en;
    }

    private double max(List<JsonNode> cells) {
        double max = 0;
        for (JsonNode cell : cells) {
            max = Math.max(max, height(cell));
        }
        return max;
    }

    /** The height a cell is drawn at: its count, or k for a suppressed one. */
    private double height(JsonNode cell) {
        if (suppressed(cell)) {
            return threshold;
        }
        return cell.path("value").isNull() ? 0 : cell.path("value").asDouble();
    }

    private static boolean suppressed(JsonNode cell) {
        return cell.path("suppressed").asBoolean();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static String num(double value) {
        return BigDecimal.valueOf(Math.round(value * 10) / 10.0).stripTrailingZeros().toPlainString();
    }

    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;background:#f6f7f9;line-height:1.45}
            .wrap{max-width:1200px;margin:0 auto;padding:0 16px}
            header{background:#a4161a;color:#fff;padding:12px 0 8px}
            header a{color:#fff}
            h1{font-size:1.35rem;margin:.4em 0}
            h1 .month{font-size:1.1rem;font-weight:normal}
            h2{font-size:1.15rem;margin:1.4em 0 .5em}
            .meta{margin:.2em 0}
            .preview{background:#ffd166;color:#1b1f24;padding:0 .4em;border-radius:3px}
            nav form{display:inline-block;margin:.3em 0}
            nav select,nav button{font-size:1rem;padding:.2em}
            .months a,.downloads a{margin-right:.3em}
            .months a[aria-current]{font-weight:bold;text-decoration:none}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px}
            .card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:10px 12px}
            .card .label{font-weight:600}
            .card .figure{font-size:1.6rem;margin:.15em 0}
            .card .unit{font-size:1rem;color:#4a5159}
            .formula{font-size:.85rem;color:#4a5159;margin:.2em 0}
            svg.chart{width:100%;height:auto;background:#fff;border:1px solid #dde1e6;border-radius:6px}
            svg .bar{fill:#1d70b8}
            svg .track{fill:#e3e7ec}
            svg .axis,svg .value-label{font-size:11px;fill:#4a5159}
            svg .hidden{fill:none;stroke:#1d70b8;stroke-dasharray:3 2}
            svg.rows{max-width:640px;display:block}
            svg.rows .row-label{font-size:14px;fill:#1b1f24}
            svg.rows .value-label{font-size:13px}
            .scroll{overflow-x:auto}
            svg .on-bar{font-size:16px;font-weight:bold;fill:#fff;paint-order:stroke;stroke:#1b1f24;stroke-width:2px}
            svg .axis-line{stroke:#8a9199}
            details{margin:.4em 0 1em}
            table{border-collapse:collapse;background:#fff;width:100%;max-width:640px}
            th,td{border:1px solid #dde1e6;padding:3px 8px;text-align:left}
            td.num{text-align:right}
            .notes{font-size:.9rem;margin-bottom:2em}
            @media (max-width:600px){h1{font-size:1.1rem}.cards{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}
            .card{padding:8px}.card .figure{font-size:1.3rem}.scroll svg.columns{min-width:640px}}
            """;
}
