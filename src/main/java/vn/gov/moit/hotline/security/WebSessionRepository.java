package vn.gov.moit.hotline.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The pages' sessions, kept in the database so that every instance sees them end: at logout, when the user's
 * password or role changes or the user is removed, after {@code idle-timeout} without use and
 * {@code absolute-lifetime} after the login. The cookie carries a random token; only its SHA-256 is stored.
 */
@ApplicationScoped
class WebSessionRepository {

    /** How often a session's last use is written: a page polls every few seconds. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    SecurityConfig config;

    @Inject
    Clock clock;

    /** Opens a session for a user who has just logged in on the form; the token goes into the cookie. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    String open(String username) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        em.createNativeQuery("insert into web_session (token_hash, username, created_at, last_seen_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, hash(token)).setParameter(2, username).setParameter(3, now).setParameter(4, now)
                .executeUpdate();
        return token;
    }

    /** The user of a live session, noting its use; empty when it ended, expired or never existed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<String> resume(String token) {
        String hash = hash(token);
        List<?> rows = em.createNativeQuery("select username, created_at, last_seen_at from web_session "
                + "where token_hash = ?1 and ended_at is null").setParameter(1, hash).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Instant created = instant(row[1]);
        Instant lastSeen = instant(row[2]);
        Instant now = clock.instant();
        if (!now.isBefore(created.plus(config.session().absoluteLifetime()))) {
            end(hash, "expired", now);
            return Optional.empty();
        }
        if (!now.isBefore(lastSeen.plus(config.session().idleTimeout()))) {
            end(hash, "idle", now);
            return Optional.empty();
        }
        if (!now.isBefore(lastSeen.plus(TOUCH_EVERY))) {
            em.createNativeQuery("update web_session set last_seen_at = ?1 where token_hash = ?2")
                    .setParameter(1, now).setParameter(2, hash).executeUpdate();
        }
        return Optional.of((String) row[0]);
    }

    /** Logout: this session ends. */
    @Transactional
    void end(String token) {
        end(hash(token), "logout", clock.instant());
    }

    /** Every session of the user ends (password or role changed, user removed), on every instance. */
    @Transactional(Transactional.TxType.MANDATORY)
    void endAllOf(String username, String reason) {
        em.createNativeQuery("update web_session set ended_at = ?1, end_reason = ?2 where username = ?3 and ended_at is null")
                .setParameter(1, clock.instant()).setParameter(2, reason).setParameter(3, username).executeUpdate();
    }

    private void end(String hash, String reason, Instant now) {
        em.createNativeQuery("update web_session set ended_at = ?1, end_reason = ?2 where token_hash = ?3 and ended_at is null")
                .setParameter(1, now).setParameter(2, reason).setParameter(3, hash).executeUpdate();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
