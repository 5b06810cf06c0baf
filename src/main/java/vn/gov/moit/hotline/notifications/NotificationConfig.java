package vn.gov.moit.hotline.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * E-mail notifications: where the links in them point, how the outbox is sent. The SMTP server itself is
 * {@code quarkus.mailer.*} (host, port, TLS, login, {@code from}).
 */
@ConfigMapping(prefix = "hotline.notifications")
public interface NotificationConfig {

    /** Off: nothing is written to the outbox (and so nothing is sent). */
    @WithDefault("true")
    boolean enabled();

    /** The address of the pages as the recipients open them, for the link to the ticket in every message. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** How often the outbox is looked at for messages due. */
    @WithDefault("5s")
    String sendEvery();

    /** The most messages one instance sends in one look at the outbox. */
    @WithDefault("50")
    int batchSize();

    /** Tries of a message the SMTP server refuses for a while (or cannot be reached) before it is marked failed. */
    @WithDefault("20")
    int maxAttempts();

    /** The wait after the first failed try; doubled at each one up to {@link #retryMax()}. */
    @WithDefault("30s")
    Duration retryMin();

    @WithDefault("30m")
    Duration retryMax();

    /**
     * How long a message taken by an instance for sending stays its own: an instance that dies with it is relieved
     * of it after this time, and another instance sends it.
     */
    @WithDefault("2m")
    Duration claimFor();
}
