package vn.gov.moit.hotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.reporting.JulyFixture.AFTER_JULY;
import static vn.gov.moit.hotline.reporting.JulyFixture.HCM;
import static vn.gov.moit.hotline.reporting.JulyFixture.JULY;
import static vn.gov.moit.hotline.reporting.JulyFixture.call;
import static vn.gov.moit.hotline.reporting.JulyFixture.july;
import static vn.gov.moit.hotline.reporting.JulyFixture.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** What the public receives: suppression, CSV and JSON, and the same bytes for the same data. */
class ReportRenderingTest {

    private static final ReportParameters K3 = new ReportParameters(HCM, 5, 30, 3, 60);

    private static MonthlyReport julyReport(List<CallFact> calls, List<TicketFact> tickets) {
        return new MonthlyReportCalculator(K3).calculate(JULY, AFTER_JULY, calls, tickets);
    }

    private static MonthlyReport julyReport() {
        return julyReport(JulyFixture.calls(), JulyFixture.tickets());
    }

    @Test
    void smallCountsAndWhatWouldGiveThemAwayAreHidden() {
        MonthlyReport report = julyReport();

        // raw: abandoned short 2, missed 1, unknown 1, resolved on call 2, raised to leaders 1
        for (String small : List.of("calls.abandoned_short", "calls.missed", "calls.outcome_unknown",
                "tickets.resolved_on_call", "tickets.raised_to_leaders")) {
            assertThat(report.metric(small).value()).as(small).isEqualTo(new PublicValue(null, true, "x"));
        }
        // offered 13 = answered 6 + abandoned 5 + missed 1 + unknown 1: with missed and unknown alone hidden,
        // their sum (2) would be offered - answered - abandoned, both 1 each; abandoned (the smallest other) is
        // hidden with them, and the abandon rate that would give it back (5 / 13) too.
        assertThat(report.metric("calls.abandoned").value()).isEqualTo(new PublicValue(null, true, "x"));
        assertThat(report.metric("calls.abandon_rate").value().display()).isEqualTo("—");
        assertThat(report.metric("calls.answered").value().display()).isEqualTo("6");
        assertThat(report.metric("calls.answer_rate").value().display()).isEqualTo("46.2");
        assertThat(report.metric("calls.offered").value().display()).isEqualTo("13");
        assertThat(report.metric("tickets.opened").value().display()).isEqualTo("9");
        // 3 within the service level of 11: neither part is small, so the rate is published
        assertThat(report.metric("calls.service_level").value().display()).isEqualTo("27.3");
        // IMPORT 1 and UNSPECIFIED 1 would be 9 - 4 - 3 together: ENERGY (3) is hidden with them
        assertThat(MonthlyReportCalculatorTest.cells(report, "tickets.by_field"))
                .containsEntry("ECOM", "4").containsEntry("ENERGY", "x")
                .containsEntry("IMPORT", "x").containsEntry("UNSPECIFIED", "x");
        assertThat(MonthlyReportCalculatorTest.cells(report, "calls.by_hour"))
                .containsEntry("00", "x").containsEntry("10", "3").containsEntry("01", "0");

        String csv = new String(report.toCsv(), StandardCharsets.UTF_8);
        String json = new String(report.toJson(), StandardCharsets.UTF_8);
        assertThat(csv).contains("calls.missed,Cuộc gọi nhỡ,Calls missed,x,count,");
        assertThat(json).contains("\"key\": \"calls.missed\"")
                .contains("\"value\": null,\n      \"suppressed\": true,\n      \"display\": \"x\"");
    }

    @Test
    void csvAndJsonOfTheSameReportSayTheSame() throws IOException {
        MonthlyReport report = julyReport();
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        List<List<String>> csv = parseCsv(new String(report.toCsv(), StandardCharsets.UTF_8));

        assertThat(csv.get(0)).containsExactly("section", "key", "label_vi", "label_en", "value", "unit", "formula");
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("report", "report.month", "Tháng", "Month", json.get("month").asText(), "", ""));
        expected.add(List.of("report", "report.zone", "Múi giờ", "Time zone", json.get("zone").asText(), "", ""));
        expected.add(List.of("report", "report.data_as_of", "Số liệu tính đến", "Data as of",
                json.get("dataAsOf").asText(), "", ""));
        expected.add(List.of("report", "report.preview", "Số liệu tạm tính (tháng chưa kết thúc)",
                "Preview (month not yet ended)", json.get("preview").asText(), "", ""));
        JsonNode parameters = json.get("parameters");
        expected.add(List.of("report", "report.short_abandon_seconds", "Ngưỡng bỏ dở ngắn",
                "Short abandon threshold", parameters.get("shortAbandonSeconds").asText(), "seconds", ""));
        expected.add(List.of("report", "report.service_level_seconds", "Ngưỡng mức phục vụ",
                "Service level threshold", parameters.get("serviceLevelSeconds").asText(), "seconds", ""));
        expected.add(List.of("report", "report.suppression_threshold", "Ngưỡng ẩn số liệu nhỏ",
                "Small-count suppression threshold", parameters.get("suppressionThreshold").asText(), "", ""));
        expected.add(List.of("report", "report.callback_target_minutes", "Thời hạn gọi lại", "Callback target",
                parameters.get("callbackTargetMinutes").asText(), "minutes", ""));
        for (JsonNode metric : json.get("metrics")) {
            JsonNode value = metric.get("value");
            String display = metric.get("display").asText();
            assertThat(value.isNull() ? (metric.get("suppressed").asBoolean() ? "x" : "—") : value.asText())
                    .as(metric.get("key").asText()).isEqualTo(display);
            expected.add(List.of(metric.get("section").asText(), metric.get("key").asText(),
                    metric.get("labelVi").asText(), metric.get("labelEn").asText(), display,
                    metric.get("unit").asText(),
                    metric.get("formulaVi").asText() + " | " + metric.get("formulaEn").asText()));
        }
        for (JsonNode breakdown : json.get("breakdowns")) {
            for (JsonNode cell : breakdown.get("cells")) {
                expected.add(List.of(breakdown.get("key").asText(), cell.get("key").asText(),
                        breakdown.get("labelVi").asText(), breakdown.get("labelEn").asText(),
                        cell.get("display").asText(), breakdown.get("unit").asText(),
                        breakdown.get("formulaVi").asText() + " | " + breakdown.get("formulaEn").asText()));
            }
        }
        assertThat(csv.subList(1, csv.size())).containsExactlyElementsOf(expected);
        // 8 report rows + 25 metrics + 24 hours + 31 days + 4 fields + 4 provinces + 4 departments + 4 types
        assertThat(csv).hasSize(1 + 8 + 25 + 24 + 31 + 16);
        assertThat(json.get("metrics").get(0).get("value").isIntegralNumber()).isTrue();
        assertThat(json.get("metrics").get(6).get("value").decimalValue()).isEqualByComparingTo("46.2");
    }

    @Test
    void csvQuotesFieldsPerRfc4180() {
        assertThat(ReportCsv.field("plain")).isEqualTo("plain");
        assertThat(ReportCsv.field("a, b")).isEqualTo("\"a, b\"");
        assertThat(ReportCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReportCsv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");

        String csv = new String(julyReport().toCsv(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("section,key,label_vi,label_en,value,unit,formula\r\n").endsWith("\r\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        // a formula with commas is quoted
        assertThat(csv).contains("x,count,\"Số cuộc gọi đến không vào hàng đợi hoặc không được phục vụ (gác máy");
    }

    @Test
    void sameFactsInAnyOrderGiveTheSameBytesWhateverTheDefaultZoneAndLocale() {
        MonthlyReport reference = julyReport();
        byte[] json = reference.toJson();
        byte[] csv = reference.toCsv();
        String hash = reference.contentHash();

        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            Random random = new Random(20250731);
            String[][] settings = { {"UTC", "en-US"}, {"America/New_York", "ar-EG"}, {"Asia/Kolkata", "vi-VN"},
                {"Pacific/Chatham", "de-DE"} };
            for (String[] setting : settings) {
                TimeZone.setDefault(TimeZone.getTimeZone(setting[0]));
                Locale.setDefault(Locale.forLanguageTag(setting[1]));
                List<CallFact> calls = new ArrayList<>(JulyFixture.calls());
                List<TicketFact> tickets = new ArrayList<>(JulyFixture.tickets());
                Collections.shuffle(calls, random);
                Collections.shuffle(tickets, random);

                MonthlyReport again = julyReport(calls, tickets);

                assertThat(again.toJson()).as(setting[0]).isEqualTo(json);
                assertThat(again.toCsv()).as(setting[0]).isEqualTo(csv);
                assertThat(again.contentHash()).as(setting[0]).isEqualTo(hash);
                assertThat(again).isEqualTo(reference);
            }
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void contentHashFollowsTheDataNotTheTimeOfReading() {
        MonthlyReport tonight = julyReport();
        MonthlyReport nextWeek = new MonthlyReportCalculator(K3)
                .calculate(JULY, local(2025, 8, 8, 1, 30, 0), JulyFixture.calls(), JulyFixture.tickets());
        List<CallFact> lateData = new ArrayList<>(JulyFixture.calls());
        lateData.add(call(july(12, 9, 0), CallOutcome.COMPLETED, 12, 60));
        MonthlyReport afterLateData = julyReport(lateData, JulyFixture.tickets());

        assertThat(nextWeek.toJson()).isNotEqualTo(tonight.toJson());
        assertThat(nextWeek.contentHash()).isEqualTo(tonight.contentHash());
        assertThat(afterLateData.contentHash()).isNotEqualTo(tonight.contentHash());
        assertThat(tonight.contentHash()).matches("[0-9a-f]{64}");
        assertThat(new String(ReportJson.canonical(tonight), StandardCharsets.UTF_8)).doesNotContain("dataAsOf");
    }

    /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
            } else if (c == '"') {
                assertThat(field).as("quote inside an unquoted field").isEmpty();
                quoted = true;
                i++;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                assertThat(c).as("bare line break").isNotIn('\r', '\n');
                field.append(c);
                i++;
            }
        }
        assertThat(quoted).as("unterminated quote").isFalse();
        assertThat(row).as("last record without CRLF").isEmpty();
        return rows;
    }
}
