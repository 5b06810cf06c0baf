package vn.gov.moit.hotline.security;

import io.quarkus.security.AuthenticationFailedException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import vn.gov.moit.hotline.common.ProblemMapper;

/**
 * A login refused, without checking its password, because of too many failures ({@link LoginThrottle}):
 * Quarkus's own authentication failure, marked with how long to wait.
 */
final class LoginThrottled {

    private static final String RETRY_AFTER = ProblemMapper.RETRY_AFTER_SECONDS;

    private LoginThrottled() {
    }

    static AuthenticationFailedException failure(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new AuthenticationFailedException("too many failed logins", Map.of(RETRY_AFTER, seconds));
    }

    /** Whole seconds until a login may be tried again, when the failure is a throttled login. */
    static OptionalLong retryAfterSeconds(AuthenticationFailedException e) {
        Object seconds = e.getAttributes() == null ? null : e.getAttributes().get(RETRY_AFTER);
        return seconds instanceof Long s ? OptionalLong.of(s) : OptionalLong.empty();
    }

    static boolean is(Throwable e) {
        return e instanceof AuthenticationFailedException a && retryAfterSeconds(a).isPresent();
    }
}
