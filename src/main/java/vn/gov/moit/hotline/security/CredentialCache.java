package vn.gov.moit.hotline.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * User names and passwords that were verified against their bcrypt hash a moment ago, so that an HTTP Basic
 * client sending the same credentials on every request costs one bcrypt check per time-to-live, not one per
 * request. Neither the password nor anything a password could be guessed from offline is kept: entries are
 * keyed by an HMAC-SHA256 of user name and password under a random key that lives only in this process.
 *
 * <p>Only successful verifications are remembered; a different password makes a different {@link #keyOf key}
 * and is always checked against the hash. {@link #forget} drops a user's entries when the user changes. A verification
 * that was already running when a user changed might have read the old hash: {@link #remember} takes the
 * {@link #generation()} read before the verification began and discards the entry if any user changed since.
 *
 * <p>Not a quarkus-cache: that generation check (a verification that raced with a user's change is not kept)
 * and the per-user removal by name under a key that hides the name have no counterpart in {@code @CacheResult}.
 */
final class CredentialCache {

    /** What is remembered of a verified user: enough to rebuild the identity, never the password. */
    record Verified(String username, Set<String> roles) {
    }

    private record Entry(Verified verified, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final int maxSize;
    private final LongSupplier nanoTicker;
    /** One HMAC per thread, keyed once: getting and keying a Mac was half the cost of a key on every request. */
    private final ThreadLocal<Mac> hmac;

    /**
     * @param ttl how long a verification is trusted; zero turns the cache off
     * @param maxSize the most entries kept; when full (after dropping expired ones) new verifications are not kept
     * @param nanoTicker a monotonic time in nanoseconds, {@code System::nanoTime} in production
     */
    CredentialCache(Duration ttl, int maxSize, LongSupplier nanoTicker) {
        if (ttl.isNegative() || maxSize < 0) {
            throw new IllegalArgumentException("ttl and max-size must not be negative");
        }
        this.ttlNanos = ttl.toNanos();
        this.maxSize = maxSize;
        this.nanoTicker = nanoTicker;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        SecretKeySpec secret = new SecretKeySpec(random, "HmacSHA256");
        this.hmac = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(secret);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        });
    }

    boolean enabled() {
        return ttlNanos > 0 && maxSize > 0;
    }

    /** The key of a user name and password: an HMAC under this process's secret, useless anywhere else. */
    String keyOf(String username, char[] password) {
        Mac mac = hmac.get();
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        // The user name's length first, so that no other user name and password make the same input.
        mac.update(ByteBuffer.allocate(4).putInt(user.length).flip());
        mac.update(user);
        mac.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)));
        // doFinal also resets the Mac for the thread's next key.
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    /** The user verified with exactly the password of this {@link #keyOf key} within the time-to-live, if any. */
    Optional<Verified> lookup(String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (nanoTicker.getAsLong() - e.expiresAtNanos >= 0) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.verified);
    }

    /** A number that changes whenever any user changes; read it before starting a verification. */
    long generation() {
        return generation.get();
    }

    /**
     * Remembers a successful verification of the password of {@code key} for {@code verified.username()}, unless
     * a user changed after {@code generationBefore} was read (the verification may then have used an old hash).
     */
    void remember(long generationBefore, String key, Verified verified) {
        if (!enabled()) {
            return;
        }
        long now = nanoTicker.getAsLong();
        if (entries.size() >= maxSize) {
            entries.values().removeIf(e -> now - e.expiresAtNanos >= 0);
            if (entries.size() >= maxSize) {
                return;
            }
        }
        Entry entry = new Entry(verified, now + ttlNanos);
        entries.put(key, entry);
        // forget() bumps the generation before it removes entries: either it removes this entry, or the
        // generation has already moved and this entry is taken back here.
        if (generation.get() != generationBefore) {
            entries.remove(key, entry);
        }
    }

    /** Drops every remembered verification of the user: their password, role or department changed, or they left. */
    void forget(String username) {
        generation.incrementAndGet();
        entries.values().removeIf(e -> e.verified.username().equals(username));
    }

    int size() {
        return entries.size();
    }
}
