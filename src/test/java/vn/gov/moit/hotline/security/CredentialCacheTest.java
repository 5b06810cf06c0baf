package vn.gov.moit.hotline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the cache of verified passwords remembers, for how long, and what makes it forget. */
class CredentialCacheTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), 3, nanos::get);

    private static CredentialCache.Verified operator(String name) {
        return new CredentialCache.Verified(name, Set.of(Roles.OPERATOR));
    }

    @Test
    void aVerifiedPasswordIsKnownUntilItsTimeToLiveEnds() {
        cache.remember(cache.generation(), operator("an"), "right-password".toCharArray());

        assertThat(cache.lookup("an", "right-password".toCharArray())).contains(operator("an"));
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.lookup("an", "right-password".toCharArray())).isPresent();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.lookup("an", "right-password".toCharArray())).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void onlyTheSameUserWithTheSamePasswordIsKnown() {
        cache.remember(cache.generation(), operator("an"), "right-password".toCharArray());

        assertThat(cache.lookup("an", "wrong-password".toCharArray())).isEmpty();
        assertThat(cache.lookup("an", "right-passwor".toCharArray())).isEmpty();
        assertThat(cache.lookup("anr", "ight-password".toCharArray())).isEmpty();
        assertThat(cache.lookup("binh", "right-password".toCharArray())).isEmpty();
    }

    @Test
    void aChangedUserIsForgottenAndOthersAreKept() {
        cache.remember(cache.generation(), operator("an"), "password-1".toCharArray());
        cache.remember(cache.generation(), operator("an"), "password-2".toCharArray());
        cache.remember(cache.generation(), operator("binh"), "password-3".toCharArray());

        cache.forget("an");

        assertThat(cache.lookup("an", "password-1".toCharArray())).isEmpty();
        assertThat(cache.lookup("an", "password-2".toCharArray())).isEmpty();
        assertThat(cache.lookup("binh", "password-3".toCharArray())).isPresent();
    }

    @Test
    void aVerificationThatOverlappedAChangeIsNotRemembered() {
        long before = cache.generation();
        cache.forget("an"); // the user changed while their old password was being checked

        cache.remember(before, operator("an"), "old-password".toCharArray());

        assertThat(cache.lookup("an", "old-password".toCharArray())).isEmpty();
    }

    @Test
    void whenFullExpiredEntriesMakeRoomAndOtherwiseNothingNewIsKept() {
        for (String name : new String[] {"a1", "a2", "a3"}) {
            cache.remember(cache.generation(), operator(name), "password".toCharArray());
        }
        cache.remember(cache.generation(), operator("a4"), "password".toCharArray());
        assertThat(cache.lookup("a4", "password".toCharArray())).isEmpty();
        assertThat(cache.lookup("a1", "password".toCharArray())).isPresent();

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        cache.remember(cache.generation(), operator("a4"), "password".toCharArray());
        assertThat(cache.lookup("a4", "password".toCharArray())).isPresent();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aTimeToLiveOfZeroTurnsTheCacheOff() {
        CredentialCache off = new CredentialCache(Duration.ZERO, 10_000, nanos::get);
        off.remember(off.generation(), operator("an"), "right-password".toCharArray());

        assertThat(off.enabled()).isFalse();
        assertThat(off.lookup("an", "right-password".toCharArray())).isEmpty();
        assertThat(off.size()).isZero();
    }
}
