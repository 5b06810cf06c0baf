package vn.gov.moit.hotline.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Who exists when the application starts. */
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
}
