package vn.gov.moit.hotline.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.gov.moit.hotline.tickets.TicketMerged;

/** When an operator merges a call's ticket into the caller's open ticket, the call follows. */
@ApplicationScoped
class CallTicketLinks {

    void onMerge(@Observes TicketMerged merged) {
        Call.update("ticketId = ?1 where ticketId = ?2", merged.originalId(), merged.duplicateId());
    }
}
