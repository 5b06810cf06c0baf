package vn.gov.moit.hotline.telephony.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AmiTranscriptTest {

    @Test
    void keepsEveryEventBlockInOrderAndNothingElse() {
        List<AmiMessage> events = RecordedAmi.read("answered.ami");

        // 91 "Event:" lines in the file; the greeting and the recorder's Response blocks are gone.
        assertThat(events).hasSize(91);
        assertThat(events).allSatisfy(e -> assertThat(e.eventName()).isNotNull());
        assertThat(events.get(0).eventName()).isEqualTo("FullyBooted");
        assertThat(events.get(1).eventName()).isEqualTo("Newchannel");
        assertThat(events.get(1).get("Channel")).isEqualTo("Local/024222021115@from-pstn-00000000;1");
        assertThat(events.get(1).get("AccountCode")).isEmpty();
        assertThat(events).extracting(AmiMessage::eventName).contains("OriginateResponse");
    }

    @Test
    void roundTripsTheWireFormatByteForByte() {
        List<AmiMessage> events = RecordedAmi.read("abandoned.ami");
        String file = RecordedAmi.text("abandoned.ami");

        for (AmiMessage e : events) {
            assertThat(file).contains(e.toString());
        }
    }

    @Test
    void burstHoldsSixQueuedCalls() {
        List<AmiMessage> events = RecordedAmi.read("burst.ami");

        assertThat(events.stream().filter(e -> "QueueCallerJoin".equals(e.eventName()))).hasSize(6);
        assertThat(events).hasSize(445);
    }
}
