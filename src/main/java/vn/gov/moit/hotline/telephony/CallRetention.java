package vn.gov.moit.hotline.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Removes callers' personal data from the call log once it is no longer kept (see the retention feature). */
@ApplicationScoped
public class CallRetention {

    /**
     * Sets the caller number and name to null, and {@code caller_redacted}, on every call that ended (or, never
     * seen to end, arrived) before {@code cutoff}. Nothing else of the call changes, not even its version: it
     * is not an edit of the call. Calls already without number and name are left alone.
     *
     * @return how many call records lost caller data
     */
    @Transactional
    public int redactCallersBefore(Instant cutoff) {
        return Call.getEntityManager().createNativeQuery("update call_record"
                        + " set caller_number = null, caller_name = null, caller_redacted = true"
                        + " where (caller_number is not null or caller_name is not null)"
                        + " and coalesce(ended_at, arrived_at) < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
