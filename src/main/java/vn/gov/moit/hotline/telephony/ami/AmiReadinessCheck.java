package vn.gov.moit.hotline.telephony.ami;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when calls are being captured, or when there is deliberately nothing to capture: switched off, not
 * configured, or standing by while another instance listens (leader election, {@link AmiLeaderElection}).
 * Down while connecting or disconnected.
 */
@Readiness
@ApplicationScoped
class AmiReadinessCheck implements HealthCheck {

    private final AmiConnector connector;
    private final AmiLeaderElection election;

    /** Without an election: one instance. */
    AmiReadinessCheck(AmiConnector connector) {
        this(connector, new AmiLeaderElection());
    }

    @Inject
    AmiReadinessCheck(AmiConnector connector, AmiLeaderElection election) {
        this.connector = connector;
        this.election = election;
    }

    @Override
    public HealthCheckResponse call() {
        AmiState state = connector.state();
        boolean up = state == AmiState.CONNECTED || state == AmiState.OFF || state == AmiState.STANDBY;
        var builder = HealthCheckResponse.named("asterisk-ami").status(up).withData("state", state.name())
                // A hot standby is logged in too: it keeps the events for a takeover.
                .withData("connected", connector.connected());
        connector.endpoint().ifPresent(e -> builder.withData("endpoint", e.host() + ":" + e.port()));
        // "listener" when elected, "standby" while another instance listens (healthy: it takes over if needed).
        election.leader().ifPresent(leader -> builder.withData("election", leader ? "listener" : "standby"));
        election.holder().ifPresent(holder -> builder.withData("instance", holder));
        return builder.build();
    }
}
