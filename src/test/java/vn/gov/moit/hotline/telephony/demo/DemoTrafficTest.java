package vn.gov.moit.hotline.telephony.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.telephony.demo.CallGenerator.TimedEvent;

class DemoTrafficTest {

    private final Instant start = Instant.parse("2026-12-01T01:00:00Z");

    @Test
    void threeHoursOfCallsLookLikeAHotline() {
        List<List<TimedEvent>> calls = new DemoTraffic(42, 1, start).callsArrivingBefore(start.plusSeconds(3 * 3600));

        assertThat(calls).hasSizeBetween(140, 230);
        int abandoned = 0;
        int withheld = 0;
        Set<String> linkedids = new HashSet<>();
        Map<String, TreeMap<Instant, Instant>> busy = Map.of("1001", new TreeMap<>(), "1002", new TreeMap<>());
        for (List<TimedEvent> call : calls) {
            String linkedid = call.get(0).event().get("Linkedid");
            assertThat(linkedids.add(linkedid)).as("linkedid reused").isTrue();
            AmiMessage join = find(call, "QueueCallerJoin").event();
            String number = join.get("CallerIDNum");
            if (number.equals("anonymous")) {
                withheld++;
            } else {
                assertThat(number).matches("0(3|7|8|9)\\d{8}|02\\d{9}");
            }
            if (call.stream().anyMatch(e -> "QueueCallerAbandon".equals(e.event().eventName()))) {
                abandoned++;
                continue;
            }
            TimedEvent connect = find(call, "AgentConnect");
            TimedEvent complete = find(call, "AgentComplete");
            String operator = connect.event().get("MemberName").replace("Operator ", "");
            Duration talk = Duration.between(connect.at(), complete.at());
            assertThat(talk.getSeconds()).isEqualTo(Long.parseLong(complete.event().get("TalkTime")))
                    .isBetween(30L, 600L);
            assertThat(Duration.between(find(call, "QueueCallerJoin").at(), connect.at()).getSeconds())
                    .isEqualTo(Long.parseLong(connect.event().get("HoldTime")));
            // An operator takes one call at a time.
            var overlapping = busy.get(operator).floorEntry(complete.at());
            assertThat(overlapping == null || !overlapping.getValue().isAfter(connect.at())).isTrue();
            busy.get(operator).put(connect.at(), complete.at());
        }
        assertThat(abandoned).isBetween(3, 70);
        assertThat(withheld).isBetween(5, 35);
        assertThat(busy.get("1001")).isNotEmpty();
        assertThat(busy.get("1002")).isNotEmpty();
    }

    @Test
    void sameSeedSameCalls() {
        List<String> a = numbers(new DemoTraffic(7, 6, start).callsArrivingBefore(start.plusSeconds(600)));
        List<String> b = numbers(new DemoTraffic(7, 6, start).callsArrivingBefore(start.plusSeconds(600)));
        assertThat(a).isNotEmpty().isEqualTo(b);
    }

    private static List<String> numbers(List<List<TimedEvent>> calls) {
        List<String> out = new ArrayList<>();
        calls.forEach(c -> out.add(find(c, "QueueCallerJoin").event().get("CallerIDNum")));
        return out;
    }

    private static TimedEvent find(List<TimedEvent> call, String name) {
        return call.stream().filter(e -> name.equals(e.event().eventName())).findFirst().orElseThrow();
    }
}
