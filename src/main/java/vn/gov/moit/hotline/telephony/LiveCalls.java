package vn.gov.moit.hotline.telephony;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** The live feed of call changes, published only once the change is committed. */
@ApplicationScoped
class LiveCalls {

    private final BroadcastProcessor<CallView> feed = BroadcastProcessor.create();

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallLogService.CallChanged change) {
        feed.onNext(change.call());
    }

    /** Every change from now on; a slow subscriber loses the oldest changes rather than slowing the call log. */
    Multi<CallView> stream() {
        return feed.onOverflow().drop();
    }
}
