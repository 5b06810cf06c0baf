package vn.gov.moit.hotline.telephony;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A window live capture may have missed, and its reconciliation. Written only by {@link CaptureGaps}. */
@Entity
@Table(name = "capture_gap")
class CaptureGap extends PanacheEntityBase {

    enum State {
        /** Waiting to be reconciled (its records may still be being written, or the last try failed). */
        PENDING,
        /** Reconciled from Asterisk's tables. */
        RECONCILED,
        /** No source of Asterisk's records is configured: calls of this window may be missing. */
        UNRECONCILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "gap_from")
    Instant from;

    @Column(name = "gap_to")
    Instant to;

    String cause;

    @Enumerated(EnumType.STRING)
    State state;

    @Column(name = "calls_added")
    int callsAdded;

    int attempts;

    @Column(name = "next_try_at")
    Instant nextTryAt;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "reconciled_at")
    Instant reconciledAt;

    @Version
    long version;
}
