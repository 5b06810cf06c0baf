package vn.gov.moit.hotline.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of time for the application, and the hotline's time zone. Tests replace the clock with a
 * fixed or movable one; production code never reads the system time directly.
 */
@ApplicationScoped
public class ClockProducer {

    @ConfigProperty(name = "hotline.zone", defaultValue = "Asia/Ho_Chi_Minh")
    String zone;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Where the hotline's days, months and office hours are counted. */
    @Produces
    @Singleton
    ZoneId hotlineZone() {
        return ZoneId.of(zone);
    }
}
