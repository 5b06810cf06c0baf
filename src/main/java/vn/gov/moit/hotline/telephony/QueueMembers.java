package vn.gov.moit.hotline.telephony;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Where the adapter delivers the hotline queues' member events, in order, one at a time: each is told, with the
 * operator it concerns, to whoever keeps the operators' presence ({@link MemberChanged}), in a transaction of
 * its own. Members of other queues and members that are no operator's extension are left out.
 */
@ApplicationScoped
public class QueueMembers {

    private static final Logger LOG = Logger.getLogger(QueueMembers.class);

    @Inject
    HotlineFilter hotline;

    @Inject
    Operators operators;

    @Inject
    Event<MemberChanged> changes;

    /** One member event of a hotline queue, about the operator of that extension; fired inside a transaction. */
    public record MemberChanged(String operatorUsername, QueueMemberEvent event) {
    }

    public void accept(QueueMemberEvent event) {
        if (!hotline.queue(event.queue())) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            String operator = operators.ofInterface(event.memberInterface());
            if (operator == null) {
                LOG.debugf("Queue member %s is no operator's extension", event.memberInterface());
                return;
            }
            changes.fire(new MemberChanged(operator, event));
        });
    }
}
