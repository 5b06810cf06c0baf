package vn.gov.moit.hotline.reporting;

import java.nio.charset.StandardCharsets;

/**
 * The CSV form of a {@link MonthlyReport}: UTF-8 (no byte-order mark), RFC 4180 (CRLF line ends, fields
 * quoted only when they hold a comma, quote, CR or LF, quotes doubled). Header
 * {@value #HEADER}. Rows in order: the report's own facts (section {@code report}), one row per metric
 * (section {@code calls} or {@code tickets}), then one row per breakdown cell (section = the breakdown's
 * key, key = the cell's key). {@code value} is the printed figure: a number, "x" (hidden) or "—";
 * {@code formula} is the Vietnamese formula, " | ", the English one.
 */
final class ReportCsv {

    static final String HEADER = "section,key,label_vi,label_en,value,unit,formula";
    static final String FORMULA_SEPARATOR = " | ";
    private static final String CRLF = "\r\n";

    private ReportCsv() {
    }

    static byte[] write(MonthlyReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append(CRLF);
        ReportParameters p = report.parameters();
        row(csv, "report", "report.month", "Tháng", "Month", report.month().toString(), "", "");
        row(csv, "report", "report.zone", "Múi giờ", "Time zone", report.zone().getId(), "", "");
        row(csv, "report", "report.data_as_of", "Số liệu tính đến", "Data as of",
                report.dataAsOf().toString(), "", "");
        row(csv, "report", "report.preview", "Số liệu tạm tính (tháng chưa kết thúc)",
                "Preview (month not yet ended)", Boolean.toString(report.preview()), "", "");
        row(csv, "report", "report.short_abandon_seconds", "Ngưỡng bỏ dở ngắn", "Short abandon threshold",
                Integer.toString(p.shortAbandonSeconds()), Unit.SECONDS.code(), "");
        row(csv, "report", "report.service_level_seconds", "Ngưỡng mức phục vụ", "Service level threshold",
                Integer.toString(p.serviceLevelSeconds()), Unit.SECONDS.code(), "");
        row(csv, "report", "report.suppression_threshold", "Ngưỡng ẩn số liệu nhỏ",
                "Small-count suppression threshold", Integer.toString(p.suppressionThreshold()), "", "");
        for (MetricValue metric : report.metrics()) {
            row(csv, metric.section(), metric.key(), metric.labelVi(), metric.labelEn(),
                    metric.value().display(), metric.unit().code(),
                    metric.formulaVi() + FORMULA_SEPARATOR + metric.formulaEn());
        }
        for (Breakdown breakdown : report.breakdowns()) {
            String formula = breakdown.formulaVi() + FORMULA_SEPARATOR + breakdown.formulaEn();
            for (Breakdown.Cell cell : breakdown.cells()) {
                row(csv, breakdown.key(), cell.key(), breakdown.labelVi(), breakdown.labelEn(),
                        cell.value().display(), breakdown.unit().code(), formula);
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields[i]));
        }
        csv.append(CRLF);
    }

    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
