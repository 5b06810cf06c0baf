package vn.gov.moit.hotline.reporting;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of a {@link MonthlyReport}, written field by field so the bytes depend on nothing but the
 * report: fixed field order, "\n" line ends whatever the platform, UTF-8 without escaping Vietnamese, and
 * none of the application's {@code ObjectMapper} customisations. Numbers are plain decimals (85.3, 12);
 * {@code value} is null when a figure is absent or suppressed, {@code display} is what to print.
 */
final class ReportJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ReportJson() {
    }

    /** The JSON to serve. */
    static byte[] write(MonthlyReport report) {
        return render(report, true);
    }

    /** The JSON without {@code dataAsOf}: what {@link MonthlyReport#contentHash()} digests. */
    static byte[] canonical(MonthlyReport report) {
        return render(report, false);
    }

    private static byte[] render(MonthlyReport report, boolean withDataAsOf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(prettyPrinter());
            json.writeStartObject();
            json.writeStringField("month", report.month().toString());
            json.writeStringField("zone", report.zone().getId());
            if (withDataAsOf) {
                json.writeStringField("dataAsOf", report.dataAsOf().toString());
            }
            json.writeBooleanField("preview", report.preview());
            json.writeObjectFieldStart("parameters");
            json.writeNumberField("shortAbandonSeconds", report.parameters().shortAbandonSeconds());
            json.writeNumberField("serviceLevelSeconds", report.parameters().serviceLevelSeconds());
            json.writeNumberField("suppressionThreshold", report.parameters().suppressionThreshold());
            json.writeNumberField("callbackTargetMinutes", report.parameters().callbackTargetMinutes());
            json.writeEndObject();
            json.writeArrayFieldStart("metrics");
            for (MetricValue metric : report.metrics()) {
                json.writeStartObject();
                json.writeStringField("key", metric.key());
                json.writeStringField("section", metric.section());
                json.writeStringField("labelVi", metric.labelVi());
                json.writeStringField("labelEn", metric.labelEn());
                json.writeStringField("unit", metric.unit().code());
                writeValue(json, metric.value());
                json.writeStringField("formulaVi", metric.formulaVi());
                json.writeStringField("formulaEn", metric.formulaEn());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("breakdowns");
            for (Breakdown breakdown : report.breakdowns()) {
                json.writeStartObject();
                json.writeStringField("key", breakdown.key());
                json.writeStringField("section", breakdown.section());
                json.writeStringField("labelVi", breakdown.labelVi());
                json.writeStringField("labelEn", breakdown.labelEn());
                json.writeStringField("unit", breakdown.unit().code());
                json.writeStringField("formulaVi", breakdown.formulaVi());
                json.writeStringField("formulaEn", breakdown.formulaEn());
                json.writeArrayFieldStart("cells");
                for (Breakdown.Cell cell : breakdown.cells()) {
                    json.writeStartObject();
                    json.writeStringField("key", cell.key());
                    writeValue(json, cell.value());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator json, PublicValue value) throws IOException {
        json.writeFieldName("value");
        if (value.value() == null) {
            json.writeNull();
        } else {
            json.writeNumber(value.value());
        }
        json.writeBooleanField("suppressed", value.suppressed());
        json.writeStringField("display", value.display());
    }

    /** A new one each time: pretty printers keep nesting state. */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter newlines = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(newlines)
                .withArrayIndenter(newlines);
    }
}
