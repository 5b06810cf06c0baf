package vn.gov.moit.hotline.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

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

    private ReportCsv() {
    }

    /** RFC 4180 with CRLF, quoting only what must be quoted. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();

    static byte[] write(MonthlyReport report) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(csv, FORMAT)) {
            out.printRecord((Object[]) HEADER.split(","));
            ReportParameters p = report.parameters();
            out.printRecord("report", "report.month", "Tháng", "Month", report.month().toString(), "", "");
            out.printRecord("report", "report.zone", "Múi giờ", "Time zone", report.zone().getId(), "", "");
            out.printRecord("report", "report.data_as_of", "Số liệu tính đến", "Data as of",
                    report.dataAsOf().toString(), "", "");
            out.printRecord("report", "report.preview", "Số liệu tạm tính (tháng chưa kết thúc)",
                    "Preview (month not yet ended)", Boolean.toString(report.preview()), "", "");
            out.printRecord("report", "report.short_abandon_seconds", "Ngưỡng bỏ dở ngắn", "Short abandon threshold",
                    Integer.toString(p.shortAbandonSeconds()), Unit.SECONDS.code(), "");
            out.printRecord("report", "report.service_level_seconds", "Ngưỡng mức phục vụ", "Service level threshold",
                    Integer.toString(p.serviceLevelSeconds()), Unit.SECONDS.code(), "");
            out.printRecord("report", "report.suppression_threshold", "Ngưỡng ẩn số liệu nhỏ",
                    "Small-count suppression threshold", Integer.toString(p.suppressionThreshold()), "", "");
            out.printRecord("report", "report.callback_target_minutes", "Thời hạn gọi lại", "Callback target",
                    Integer.toString(p.callbackTargetMinutes()), "minutes", "");
            for (MetricValue metric : report.metrics()) {
                out.printRecord(metric.section(), metric.key(), metric.labelVi(), metric.labelEn(),
                        metric.value().display(), metric.unit().code(),
                        metric.formulaVi() + FORMULA_SEPARATOR + metric.formulaEn());
            }
            for (Breakdown breakdown : report.breakdowns()) {
                String formula = breakdown.formulaVi() + FORMULA_SEPARATOR + breakdown.formulaEn();
                for (Breakdown.Cell cell : breakdown.cells()) {
                    out.printRecord(breakdown.key(), cell.key(), breakdown.labelVi(), breakdown.labelEn(),
                            cell.value().display(), breakdown.unit().code(), formula);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One field as the CSV prints it (quoted only when it holds a comma, quote, CR or LF). */
    static String field(String text) {
        return FORMAT.format(text);
    }
}
