package vn.gov.moit.hotline.callbacks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** The callback promise: how soon a missed caller is called back, and how many tries before giving up. */
@ConfigMapping(prefix = "hotline.callback")
public interface CallbackConfig {

    /** A missed caller is due to be called back this long after the first miss, around the clock. */
    @WithDefault("PT1H")
    Duration target();

    /** After this many failed attempts the task closes as unreachable (and its ticket with it). */
    @WithDefault("3")
    @Min(1)
    int maxAttempts();
}
