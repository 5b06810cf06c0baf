package vn.gov.moit.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Master.csv rules that need no application: CSV quoting, the file without newcdrcolumns, the PBX's zone. */
class CdrCsvTest {

    private static final HotlineFilter HOTLINE = new HotlineFilter(Set.of("024222021115"), Set.of("from-pstn"),
            Set.of("hotline"));

    @Test
    void quotedFieldsKeepTheirCommasAndDoubledQuotes() {
        assertThat(CdrCsv.fields("\"\",\"\"\"An\"\" <0912345678>\",\"hotline,,,,600\",,12,\"x\""))
                .containsExactly("", "\"An\" <0912345678>", "hotline,,,,600", "", "12", "x");
        assertThatThrownBy(() -> CdrCsv.fields("\"a\"b,\"c\"")).hasMessageContaining("after a closing quote");
    }

    @Test
    void withoutNewColumnsTheUniqueidIsTheKeyAndLocalTimeIsConvertedFromThePbxZone() {
        // cdr.conf without usegmtime and newcdrcolumns: 18 fields, times in the PBX's local time.
        String line = "\"\",\"0912345678\",\"+84 24 222 021115\",\"from-pstn\",\"\"\"Nguyen Van An\"\" <0912345678>\","
                + "\"PJSIP/trunk-00000011\",\"\",\"Queue\",\"hotline,,,,600\",\"2026-11-22 14:50:53\","
                + "\"2026-11-22 14:50:53\",\"2026-11-22 14:52:03\",70,70,\"ANSWERED\",\"DOCUMENTATION\","
                + "\"1795333999.17\",\"missed:TIMEOUT\"";

        BackfillRead read = CdrCsv.read(line + "\n", ZoneId.of("Asia/Ho_Chi_Minh"), HOTLINE);

        assertThat(read.skipped()).isEmpty();
        BackfilledCall call = read.calls().get(0).call();
        assertThat(call.linkedid()).isEqualTo("1795333999.17");
        assertThat(call.arrivedAt()).isEqualTo(Instant.parse("2026-11-22T07:50:53Z"));
        assertThat(call.did()).isEqualTo("024222021115");
        assertThat(call.callerName()).isEqualTo("Nguyen Van An");
        assertThat(call.state()).isEqualTo(CallState.MISSED);
        assertThat(call.note()).isEqualTo("backfilled from Master.csv: no operator answered (missed:TIMEOUT)");
    }

    @Test
    void aLineBreakInsideAQuotedFieldBelongsToTheRecordAndTheLinesAfterItAreRecordsOfTheirOwn() {
        // A user field with a line break (set by the dialplan from what the caller typed), then a second call.
        String broken = "\"\",\"0912345678\",\"024222021115\",\"from-pstn\",\"\"\"An\"\" <0912345678>\","
                + "\"PJSIP/trunk-00000011\",\"\",\"Queue\",\"hotline,,,,600\",\"2026-11-22 07:50:53\","
                + "\"2026-11-22 07:50:53\",\"2026-11-22 07:52:03\",70,70,\"ANSWERED\",\"DOCUMENTATION\","
                + "\"1795333999.17\",\"first line\nsecond line\"";
        String next = broken.replace("1795333999.17", "1795333999.18").replace("first line\nsecond line", "plain");

        BackfillRead read = CdrCsv.read(broken + "\n" + next + "\n", ZoneId.of("UTC"), HOTLINE);

        assertThat(read.skipped()).isEmpty();
        assertThat(read.linesRead()).isEqualTo(3);
        assertThat(read.calls()).extracting(f -> f.call().linkedid()).containsExactly("1795333999.17", "1795333999.18");
        assertThat(read.calls()).extracting(BackfillRead.Found::line).containsExactly(1, 3);
    }
}
