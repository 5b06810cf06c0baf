package vn.gov.moit.hotline.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The calls operators answered in a period, for the operators' figures (presence, statistics). */
@ApplicationScoped
public class AnsweredCalls {

    /** One answered call: who, when, and how long they talked (null while the call is still going). */
    public record Answered(String operatorUsername, Instant answeredAt, Integer talkSeconds) {
    }

    /** Calls answered in [from, to) by a known operator, oldest first. */
    public List<Answered> between(Instant from, Instant to) {
        return Call.<Call>list("answeredAt >= ?1 and answeredAt < ?2 and operatorUsername is not null "
                + "order by answeredAt", from, to).stream()
                .map(c -> new Answered(c.operatorUsername, c.answeredAt, c.talkSeconds)).toList();
    }
}
