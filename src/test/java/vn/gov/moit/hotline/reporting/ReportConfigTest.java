package vn.gov.moit.hotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping's defaults and conversions, checked with SmallRye Config alone (no application start). */
class ReportConfigTest {

    private static ReportConfig map(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(ReportConfig.class)
                .build();
        return config.getConfigMapping(ReportConfig.class);
    }

    @Test
    void defaultsAreTheDesignsValues() {
        ReportConfig config = map(Map.of());

        assertThat(config.zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(config.firstMonth()).isEqualTo(java.time.YearMonth.of(2025, 7));
        assertThat(config.shortAbandonSeconds()).isEqualTo(5);
        assertThat(config.serviceLevelSeconds()).isEqualTo(30);
        assertThat(config.suppressionThreshold()).isEqualTo(3);
        assertThat(config.cron()).isEqualTo("0 30 1 * * ?");
        assertThat(config.enabled()).isTrue();
        assertThat(config.lockLease()).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(ReportParameters.of(config, java.time.Duration.ofHours(1))).isEqualTo(ReportParameters.DEFAULTS);
    }

    @Test
    void overridesReachTheCalculatorParameters() {
        ReportConfig config = map(Map.of("hotline.report.zone", "UTC", "hotline.report.short-abandon-seconds", "3",
                "hotline.report.service-level-seconds", "20", "hotline.report.suppression-threshold", "5",
                "hotline.report.enabled", "false"));

        assertThat(ReportParameters.of(config, java.time.Duration.ofMinutes(30))).isEqualTo(new ReportParameters(ZoneId.of("UTC"), 3, 20, 5, 30));
        assertThat(config.enabled()).isFalse();
    }
}
