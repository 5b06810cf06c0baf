package vn.gov.moit.hotline.notifications;

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

/** One e-mail to one recipient in the outbox. Written by {@link Notifications}, sent by {@link NotificationSender}. */
@Entity
@Table(name = "notification")
class Notification extends PanacheEntityBase {

    enum State {
        /** To be sent (again). */
        PENDING,
        SENT,
        /** Refused for good (the address does not exist) or out of tries: shown to administrators. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "idempotency_key")
    String idempotencyKey;

    String kind;

    @Column(name = "ticket_id")
    Long ticketId;

    String recipient;

    String subject;

    String body;

    @Enumerated(EnumType.STRING)
    State state;

    int attempts;

    @Column(name = "next_try_at")
    Instant nextTryAt;

    @Column(name = "claimed_by")
    String claimedBy;

    @Column(name = "claimed_until")
    Instant claimedUntil;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "sent_at")
    Instant sentAt;

    @Version
    long version;
}
