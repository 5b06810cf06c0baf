package vn.gov.moit.hotline.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail: how many capture gaps wait to be reconciled. Always up: a gap is no reason to take the
 * instance out of service (it is what the reconciliation is for), only one to look at the board.
 */
@Readiness
@ApplicationScoped
class CaptureGapsCheck implements HealthCheck {

    @Inject
    CaptureGaps gaps;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("capture-gaps").up().withData("pending", gaps.pendingCount()).build();
    }
}
