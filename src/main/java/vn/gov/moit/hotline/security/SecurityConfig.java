package vn.gov.moit.hotline.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Who exists when the application starts, and how long a verified password is trusted. */
@ConfigMapping(prefix = "hotline.security")
public interface SecurityConfig {

    /** The first administrator's user name, created at start when no such user exists. */
    @WithDefault("admin")
    String adminUsername();

    /** The first administrator's password; in production give it as the secret HOTLINE_SECURITY_ADMIN_PASSWORD. */
    Optional<String> adminPassword();

    /** Create one demo user per role at start (embedded/demo use only, never in production). */
    @WithDefault("false")
    boolean demoUsers();

    /** Password of every demo user. */
    @WithDefault("demo")
    String demoPassword();

    /** Verified passwords kept in memory, so that HTTP Basic clients do not cost a bcrypt check per request. */
    CredentialCacheConfig credentialCache();

    interface CredentialCacheConfig {

        /**
         * How long a verified user name and password is accepted without checking the hash again; PT0S turns the
         * cache off. Changes made through this instance drop the user's entries at once; on other instances
         * sharing the database they take effect within this time.
         */
        @WithDefault("PT60S")
        Duration ttl();

        /** The most verified credentials kept; when full, new ones are checked every time until old ones expire. */
        @WithDefault("10000")
        int maxSize();
    }

    /**
     * Mark the session cookie {@code Secure} (sent over HTTPS only): on in production, off for the demo on
     * 127.0.0.1 over plain HTTP (read by common.SecurityHeaders).
     */
    @WithDefault("false")
    boolean secureCookie();

    /** Page sessions (the login form's cookie), kept by the server. */
    SessionConfig session();

    interface SessionConfig {

        /** A session unused for this long ends (an open page's polling keeps it in use). */
        @WithDefault("PT2H")
        Duration idleTimeout();

        /**
         * A session ends this long after its login, used or not: a shift and its hand-over. Also the cookie's own
         * lifetime ({@code quarkus.http.auth.form.timeout} and {@code new-cookie-interval} follow it).
         */
        @WithDefault("PT14H")
        Duration absoluteLifetime();
    }

    /** Failed logins before the user name or the client address is refused for a while (HTTP Basic and the form). */
    LoginThrottleConfig loginThrottle();

    interface LoginThrottleConfig {

        /** Failures of one user name within {@link #window()} after which its logins are refused; 0 turns it off. */
        @WithDefault("10")
        int maxFailures();

        /**
         * Failures from one client address within {@link #window()} after which its logins are refused; higher than
         * per user, since an office's staff may share one address; 0 turns it off.
         */
        @WithDefault("50")
        int maxFailuresPerAddress();

        /** The window in which failures are counted, from the first one. */
        @WithDefault("PT15M")
        Duration window();

        /** How long logins are refused once the limit is reached. */
        @WithDefault("PT15M")
        Duration blockFor();
    }
}
