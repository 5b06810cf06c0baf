package vn.gov.moit.hotline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.common.Roles;

/** What the cache of verified passwords remembers, for how long, and what makes it forget. */
class CredentialCacheTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), 3, nanos::get);

    private String key(String username, String password) {
        return cache.keyOf(username, password.toCharArray());
    }

    private static CredentialCache.Verified operator(String name) {
        return new CredentialCache.Verified(name, Set.of(Roles.OPERATOR));
    }

    @Test
    void aVerifiedPasswordIsKnownUntilItsTimeToLiveEnds() {
        cache.remember(cache.generation(), key("an", "right-password"), operator("an"));

        assertThat(cache.lookup(key("an", "right-password"))).contains(operator("an"));
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.lookup(key("an", "right-password"))).isPresent();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.lookup(key("an", "right-password"))).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void onlyTheSameUserWithTheSamePasswordIsKnown() {
        cache.remember(cache.generation(), key("an", "right-password"), operator("an"));

        assertThat(cache.lookup(key("an", "wrong-password"))).isEmpty();
        assertThat(cache.lookup(key("an", "right-passwor"))).isEmpty();
        assertThat(cache.lookup(key("anr", "ight-password"))).isEmpty();
        assertThat(cache.lookup(key("binh", "right-password"))).isEmpty();
    }

    @Test
    void aChangedUserIsForgottenAndOthersAreKept() {
        cache.remember(cache.generation(), key("an", "password-1"), operator("an"));
        cache.remember(cache.generation(), key("an", "password-2"), operator("an"));
        cache.remember(cache.generation(), key("binh", "password-3"), operator("binh"));

        cache.forget("an");

        assertThat(cache.lookup(key("an", "password-1"))).isEmpty();
        assertThat(cache.lookup(key("an", "password-2"))).isEmpty();
        assertThat(cache.lookup(key("binh", "password-3"))).isPresent();
    }

    @Test
    void aVerificationThatOverlappedAChangeIsNotRemembered() {
        long before = cache.generation();
        cache.forget("an"); // the user changed while their old password was being checked

        cache.remember(before, key("an", "old-password"), operator("an"));

        assertThat(cache.lookup(key("an", "old-password"))).isEmpty();
    }

    @Test
    void whenFullExpiredEntriesMakeRoomAndOtherwiseNothingNewIsKept() {
        for (String name : new String[] {"a1", "a2", "a3"}) {
            cache.remember(cache.generation(), key(name, "password"), operator(name));
        }
        cache.remember(cache.generation(), key("a4", "password"), operator("a4"));
        assertThat(cache.lookup(key("a4", "password"))).isEmpty();
        assertThat(cache.lookup(key("a1", "password"))).isPresent();

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        cache.remember(cache.generation(), key("a4", "password"), operator("a4"));
        assertThat(cache.lookup(key("a4", "password"))).isPresent();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void keysDependOnUserNameAndPasswordAndOnTheProcessOnly() {
        String key = key("an", "right-password");

        assertThat(key("an", "right-password")).isEqualTo(key);
        assertThat(key).doesNotContain("right-password");
        assertThat(new CredentialCache(Duration.ofSeconds(60), 3, nanos::get).keyOf("an", "right-password".toCharArray()))
                .isNotEqualTo(key);
    }

    @Test
    void aTimeToLiveOfZeroTurnsTheCacheOff() {
        CredentialCache off = new CredentialCache(Duration.ZERO, 10_000, nanos::get);
        off.remember(off.generation(), off.keyOf("an", "right-password".toCharArray()), operator("an"));

        assertThat(off.enabled()).isFalse();
        assertThat(off.lookup(off.keyOf("an", "right-password".toCharArray()))).isEmpty();
        assertThat(off.size()).isZero();
    }
}
