package vn.gov.moit.hotline.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.escalation.SlaPolicy.Allowance;
import vn.gov.moit.hotline.escalation.SlaPolicy.TimeBasis;
import vn.gov.moit.hotline.tickets.Priority;

/** The mapping's defaults parse, and build the documented policy, without starting Quarkus. */
class EscalationConfigTest {

    private static EscalationConfig load(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(EscalationConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(EscalationConfig.class);
    }

    private static Instant vn(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00").toInstant();
    }

    @Test
    void defaults() {
        EscalationConfig config = load(Map.of());

        assertThat(config.urgentAllowance()).isEqualTo(Duration.ofHours(4));
        assertThat(config.urgentBasis()).isEqualTo(TimeBasis.CALENDAR);
        assertThat(config.highAllowance()).isEqualTo(Duration.ofMinutes(450));
        assertThat(config.lowBasis()).isEqualTo(TimeBasis.BUSINESS);
        assertThat(config.businessPeriods()).containsExactly("08:00-12:00", "13:30-17:00");
        assertThat(config.workingDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(config.holidays()).contains(LocalDate.parse("2026-02-16"), LocalDate.parse("2026-02-20"),
                LocalDate.parse("2026-04-27"), LocalDate.parse("2026-09-02"));
        assertThat(config.extraWorkingDays()).isEmpty();
        assertThat(config.zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(config.dueSoonWindow()).isEqualTo(Duration.ofHours(4));
        assertThat(config.watch().enabled()).isTrue();
        assertThat(config.watch().cron()).isEqualTo("0 0/5 * * * ?");
    }

    @Test
    void defaultPolicyMatchesTheDocumentedOne() {
        SlaPolicy policy = SlaPolicyProducer.policyOf(load(Map.of()));

        assertThat(policy.settings().allowances()).isEqualTo(SlaPolicy.Settings.DEFAULT_ALLOWANCES);
        assertThat(policy.settings().periods()).isEqualTo(SlaPolicy.Settings.DEFAULT_PERIODS);
        // Across Tet 2026 from the configured holidays.
        assertThat(policy.deadline(Priority.HIGH, vn("2026-02-13T16:00"))).isEqualTo(vn("2026-02-23T16:00"));
    }

    @Test
    void overrides() {
        SlaPolicy policy = SlaPolicyProducer.policyOf(load(Map.of(
                "hotline.escalation.high-allowance", "PT2H",
                "hotline.escalation.high-basis", "calendar",
                "hotline.escalation.business-periods", "07:30-11:30,13:00-16:30",
                "hotline.escalation.extra-working-days", "2026-01-10,2026-01-11")));

        assertThat(policy.allowance(Priority.HIGH)).isEqualTo(Allowance.calendar(Duration.ofHours(2)));
        assertThat(policy.isWorkingTime(vn("2026-01-11T07:30"))).isTrue();
        assertThat(policy.deadline(Priority.NORMAL, vn("2026-01-09T16:30")))
                .as("opened at the end of Friday; Sat 10, Sun 11 and Mon 12 Jan, 7 h 30 each")
                .isEqualTo(vn("2026-01-12T16:30"));
    }

    @Test
    void badPeriodFailsWithAClearMessage() {
        EscalationConfig config = load(Map.of("hotline.escalation.business-periods", "08:00-12:00,11:30-17:00"));
        assertThatThrownBy(() -> SlaPolicyProducer.policyOf(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Working periods 08:00-12:00 and 11:30-17:00 overlap");
    }
}
