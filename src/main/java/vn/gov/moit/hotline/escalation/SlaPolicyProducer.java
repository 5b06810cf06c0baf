package vn.gov.moit.hotline.escalation;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import vn.gov.moit.hotline.escalation.SlaPolicy.Allowance;
import vn.gov.moit.hotline.escalation.SlaPolicy.Settings;
import vn.gov.moit.hotline.escalation.SlaPolicy.WorkingPeriod;
import vn.gov.moit.hotline.tickets.Priority;

/**
 * Builds the one {@link SlaPolicy} of the application from {@link EscalationConfig}. A bad calendar
 * (overlapping periods, unparsable period, a date both holiday and working day) fails at startup.
 */
@Singleton
class SlaPolicyProducer {

    @Produces
    @Singleton
    SlaPolicy slaPolicy(EscalationConfig config) {
        return policyOf(config);
    }

    /** The policy these settings describe; usable without CDI (tests, tools). */
    static SlaPolicy policyOf(EscalationConfig config) {
        Map<Priority, Allowance> allowances = new EnumMap<>(Priority.class);
        allowances.put(Priority.URGENT, new Allowance(config.urgentAllowance(), config.urgentBasis()));
        allowances.put(Priority.HIGH, new Allowance(config.highAllowance(), config.highBasis()));
        allowances.put(Priority.NORMAL, new Allowance(config.normalAllowance(), config.normalBasis()));
        allowances.put(Priority.LOW, new Allowance(config.lowAllowance(), config.lowBasis()));

        List<WorkingPeriod> periods = config.businessPeriods().stream().map(WorkingPeriod::parse).toList();

        return SlaPolicy.of(new Settings(allowances, periods, new HashSet<>(config.workingDays()),
                new HashSet<>(config.holidays()), new HashSet<>(config.extraWorkingDays().orElse(List.of())),
                config.zone()));
    }
}
