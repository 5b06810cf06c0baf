package vn.gov.moit.hotline.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing, on HTTP Basic and the login form alike: after {@code max-failures} failed
 * logins of a user name (or {@code max-failures-per-address} from one client address) within the window,
 * logins of that name (or from that address) are refused for {@code block-for} without checking the password.
 * A successful login resets its user name's count. The counts are in the database, so the limit holds across
 * instances. Names that do not exist are counted like names that do, so the answers tell nothing about which
 * users exist.
 */
@ApplicationScoped
class LoginThrottle {

    @Inject
    EntityManager em;

    @Inject
    SecurityConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    /** How long logins of this user name from this address are still refused; empty when they may try. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Duration> refusedFor(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> wait = blockedFor(userKey(username), now).or(() -> blockedFor(addressKey(address), now));
        wait.ifPresent(w -> metrics.counter("hotline.security.logins.throttled").increment());
        return wait;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failed(String username, String address) {
        Instant now = clock.instant();
        count(userKey(username), config.loginThrottle().maxFailures(), now);
        count(addressKey(address), config.loginThrottle().maxFailuresPerAddress(), now);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void succeeded(String username) {
        em.createNativeQuery("delete from login_failure where throttle_key = ?1").setParameter(1, userKey(username))
                .executeUpdate();
    }

    private Optional<Duration> blockedFor(String key, Instant now) {
        List<?> until = em.createNativeQuery("select blocked_until from login_failure where throttle_key = ?1 "
                + "and blocked_until is not null").setParameter(1, key).getResultList();
        if (until.isEmpty()) {
            return Optional.empty();
        }
        Instant end = WebSessionRepository.instant(until.get(0));
        return end.isAfter(now) ? Optional.of(Duration.between(now, end)) : Optional.empty();
    }

    /** One more failure of the key; at the limit the key is blocked. The row is locked by the update. */
    private void count(String key, int limit, Instant now) {
        if (limit <= 0) {
            return;
        }
        Instant windowStart = now.minus(config.loginThrottle().window());
        int updated = em.createNativeQuery("update login_failure set failures = case when window_start > ?2 then "
                + "failures + 1 else 1 end, window_start = case when window_start > ?2 then window_start else ?1 end "
                + "where throttle_key = ?3").setParameter(1, now).setParameter(2, windowStart).setParameter(3, key)
                .executeUpdate();
        if (updated == 0) {
            // The first failure of the key: inserted, or counted by a concurrent first failure's row.
            int inserted = em.createNativeQuery("insert into login_failure (throttle_key, failures, window_start) "
                    + "select ?1, 1, ?2 from (select 1 as one) x where not exists "
                    + "(select 1 from login_failure where throttle_key = ?1)").setParameter(1, key).setParameter(2, now)
                    .executeUpdate();
            if (inserted == 0) {
                count(key, limit, now);
                return;
            }
        }
        em.createNativeQuery("update login_failure set blocked_until = ?1 where throttle_key = ?2 and failures >= ?3")
                .setParameter(1, now.plus(config.loginThrottle().blockFor())).setParameter(2, key).setParameter(3, limit)
                .executeUpdate();
    }

    /** Keys fit the column whatever a client sends as its user name. */
    private static String userKey(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > 100 ? name.substring(0, 100) : name);
    }

    private static String addressKey(String address) {
        return "addr:" + (address == null ? "unknown" : address.length() > 100 ? address.substring(0, 100) : address);
    }
}
