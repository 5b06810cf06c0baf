package vn.gov.moit.hotline.telephony.ami;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when calls are being captured, or when there is deliberately nothing to capture: switched off, not
 * configured, or standing by while another instance listens. Down while connecting or disconnected.
 */
@Readiness
@ApplicationScoped
class AmiReadinessCheck implements HealthCheck {

    private final AmiConnector connector;

    AmiReadinessCheck(AmiConnector connector) {
        this.connector = connector;
    }

    @Override
    public HealthCheckResponse call() {
        AmiState state = connector.state();
        boolean up = state == AmiState.CONNECTED || state == AmiState.OFF || state == AmiState.STANDBY;
        var builder = HealthCheckResponse.named("asterisk-ami").status(up).withData("state", state.name());
        connector.endpoint().ifPresent(e -> builder.withData("endpoint", e.host() + ":" + e.port()));
        return builder.build();
    }
}
