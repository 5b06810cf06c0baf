package vn.gov.moit.hotline.telephony.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.telephony.demo.CallGenerator.CallSpec;
import vn.gov.moit.hotline.telephony.demo.CallGenerator.TimedEvent;

class CallGeneratorTest {

    private final CallTemplate answered = CallTemplate.of("answered",
            RecordedAmi.read("answered.ami"));
    private final Instant start = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void readsWhatTheRecordingSays() {
        assertThat(answered.callerNumber()).isEqualTo("0912345678");
        assertThat(answered.callerName()).isEqualTo("Nguyen Van An");
        assertThat(answered.operator()).isEqualTo("1001");
        assertThat(answered.holdSeconds()).isEqualTo(2);
        assertThat(answered.talkSeconds()).isEqualTo(8);
    }

    @Test
    void renumbersEveryIdConsistentlyAndSubstitutesCallerOperatorAndTimes() {
        CallGenerator generator = new CallGenerator(1, true);
        generator.derive(answered, new CallSpec(start, "0900000000", "x", "1001", 0, 1, 1)); // uses the low ids
        List<TimedEvent> call = generator.derive(answered,
                new CallSpec(start, "0243999888", "Le Thi Cuc", "1002", 4, 30, 120));

        Set<String> oldIds = ids(answered.events());
        Set<String> newIds = ids(call.stream().map(TimedEvent::event).toList());
        assertThat(newIds).hasSameSizeAs(oldIds).doesNotContainAnyElementsOf(oldIds);
        assertThat(call.stream().map(t -> t.event().get("Linkedid")).filter(Objects::nonNull).distinct())
                .hasSize(1);
        String all = call.stream().map(t -> t.event().toString()).collect(Collectors.joining());
        assertThat(all).doesNotContain("0912345678", "Nguyen Van An", "1001", "from-pstn-00000000;");
        assertThat(all).contains("Local/1002@agents/n", "Operator 1002", "0243999888", "Le Thi Cuc");

        TimedEvent connect = find(call, "AgentConnect");
        TimedEvent complete = find(call, "AgentComplete");
        assertThat(connect.event().get("HoldTime")).isEqualTo("30");
        assertThat(complete.event().get("TalkTime")).isEqualTo("120");
        assertThat(connect.at()).isEqualTo(start.plusSeconds(34));
        assertThat(find(call, "QueueCallerJoin").at()).isEqualTo(start.plusSeconds(4));
        assertThat(Duration.between(start, call.get(call.size() - 1).at())).isEqualTo(Duration.ofSeconds(154));
        assertThat(connect.event().get("Timestamp")).isEqualTo((start.getEpochSecond() + 34) + ".000000");
        // Cdr of the caller's channel: 4 s greeting + 30 s wait + 120 s talk, in the PBX's time zone (UTC).
        AmiMessage cdr = find(call, "Cdr").event();
        assertThat(cdr.get("StartTime")).isEqualTo("2026-12-01 02:00:00");
        assertThat(cdr.get("EndTime")).isEqualTo("2026-12-01 02:02:34");
        assertThat(cdr.get("Duration")).isEqualTo("154");
        for (int i = 1; i < call.size(); i++) {
            assertThat(call.get(i).at()).isAfterOrEqualTo(call.get(i - 1).at());
        }
    }

    @Test
    void callsFromOneGeneratorShareNoIdAndInterleaveByTime() {
        CallGenerator generator = new CallGenerator(7, false);
        List<List<TimedEvent>> calls = generator.copies(answered, 3, start, 1000);

        Set<String> seen = new HashSet<>();
        for (List<TimedEvent> call : calls) {
            Set<String> ids = ids(call.stream().map(TimedEvent::event).toList());
            assertThat(seen).doesNotContainAnyElementsOf(ids);
            seen.addAll(ids);
        }
        List<AmiMessage> stream = CallGenerator.interleave(calls);
        assertThat(stream).hasSize(3 * answered.events().size());
        // The second call starts before the first one ends: overlapping calls.
        List<String> linkedids = stream.stream().map(e -> e.get("Linkedid")).filter(Objects::nonNull).toList();
        String first = linkedids.get(0);
        int secondStarts = linkedids.indexOf(linkedids.stream().filter(l -> !l.equals(first)).findFirst().get());
        assertThat(linkedids.lastIndexOf(first)).isGreaterThan(secondStarts);
    }

    private static TimedEvent find(List<TimedEvent> call, String event) {
        return call.stream().filter(t -> event.equals(t.event().eventName())).findFirst().orElseThrow();
    }

    private static Set<String> ids(List<AmiMessage> events) {
        Set<String> ids = new HashSet<>();
        for (AmiMessage e : events) {
            for (var h : e.headers()) {
                String k = h.getKey().toLowerCase();
                if ((k.endsWith("uniqueid") || k.endsWith("linkedid")) && !h.getValue().isEmpty()) {
                    ids.add(h.getValue());
                }
            }
        }
        return ids;
    }
}
