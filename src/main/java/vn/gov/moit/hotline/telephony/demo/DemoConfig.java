package vn.gov.moit.hotline.telephony.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo PBX: generated hotline calls for demonstrations and trials, never for production. */
@ConfigMapping(prefix = "hotline.demo")
public interface DemoConfig {

    /** Start the demo PBX when no AMI host is configured (hotline.ami.host empty). */
    @WithDefault("false")
    boolean enabled();

    /** Average calls arriving per minute (Poisson); two operators keep up with about one a minute. */
    @WithDefault("1")
    double callsPerMinute();

    /** Seed of the call generator: the same seed gives the same callers, waits and talk times. */
    @WithDefault("20250701")
    long seed();

    /** Loopback port of the demo AMI server; 0 picks a free port. */
    @WithDefault("0")
    int port();
}
