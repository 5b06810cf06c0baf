package vn.gov.moit.hotline.telephony.ami;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.telephony.PbxActions;

/**
 * Sends the application's actions to Asterisk over an AMI connection of their own, logged in with
 * {@code Events: off}. Every instance has one, the standbys too, so that a request reaching any instance is
 * carried out there and then, without a hop to the elected listener and without waiting behind its events;
 * what the action causes (OriginateResponse, the member events) reaches the listener like any other event,
 * since Asterisk sends those to every session that reads them. The connection is made on the first action and
 * made again after a failure; an Asterisk that cannot be reached makes the request a 503 with nothing done.
 */
@Singleton
public class AmiActions implements PbxActions {

    private static final Logger LOG = Logger.getLogger(AmiActions.class);

    private final AmiConfig config;
    private final Instance<AmiEndpointProvider> providers;
    private ManagerConnection connection;
    private AmiEndpoint endpoint;

    @Inject
    AmiActions(AmiConfig config, Instance<AmiEndpointProvider> providers) {
        this.config = config;
        this.providers = providers;
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (this) {
            close();
        }
    }

    @Override
    public void originate(String channelId, String channel, String context, String exten, String callerId,
            Duration ring) {
        OriginateAction a = new OriginateAction();
        a.setChannel(channel);
        a.setContext(context);
        a.setExten(exten);
        a.setPriority(1);
        a.setCallerId(callerId);
        a.setTimeout(ring.toMillis());
        a.setAsync(true);
        a.setChannelId(channelId);
        a.setOtherChannelId(channelId + "-2");
        // Also the OriginateResponse's ActionID, should its Uniqueid be missing when no channel came up.
        a.setActionId(channelId);
        expect(send(a), Set.of());
    }

    @Override
    public void queueAdd(String queue, String memberInterface, String memberName, String stateInterface) {
        QueueAddAction a = new QueueAddAction(queue, memberInterface);
        a.setMemberName(memberName);
        a.setStateInterface(stateInterface);
        expect(send(a), Set.of("Unable to add interface: Already there"));
    }

    @Override
    public void queueRemove(String queue, String memberInterface) {
        expect(send(new QueueRemoveAction(queue, memberInterface)), Set.of("Unable to remove interface: Not there"));
    }

    @Override
    public void queuePause(String queue, String memberInterface, boolean paused, String reason) {
        QueuePauseAction a = new QueuePauseAction(memberInterface, queue, paused);
        if (paused && reason != null) {
            a.setReason(reason);
        }
        expect(send(a), Set.of());
    }

    private static void expect(ManagerResponse r, Set<String> harmless) {
        if (r instanceof ManagerError error && "Unable to remove interface: Not dynamic".equals(error.getMessage())) {
            throw new DomainException.Conflict("static-member", "This operator is a static member of the queue "
                    + "(queues.conf): only dynamic members log in and out; see telephony-config/queues.conf");
        }
        if (r instanceof ManagerError error && !harmless.contains(error.getMessage())) {
            throw new DomainException.Conflict("pbx-refused", "Asterisk refused the action: " + error.getMessage());
        }
    }

    /** Sends on the current connection, once more on a fresh one if that fails; one action at a time. */
    private synchronized ManagerResponse send(ManagerAction action) {
        for (int attempt = 1;; attempt++) {
            ManagerConnection c = connected();
            try {
                ManagerResponse r = c.sendAction(action, config.actionTimeout().toMillis());
                if (r == null) {
                    throw new IllegalStateException("no answer within " + config.actionTimeout());
                }
                return r;
            } catch (Exception e) {
                close();
                if (attempt == 2) {
                    throw unavailable(action.getAction() + " not answered: " + e.getMessage());
                }
                LOG.debugf("AMI action connection failed (%s); connecting again", e.toString());
            }
        }
    }

    private ManagerConnection connected() {
        if (connection != null && connection.getState() == ManagerConnectionState.CONNECTED) {
            return connection;
        }
        close();
        endpoint = AmiEndpoint.resolve(config, () -> providers.stream().map(AmiEndpointProvider::amiEndpoint)
                .flatMap(Optional::stream).findFirst());
        if (endpoint == null || !config.enabled()) {
            throw unavailable("no AMI host configured (hotline.ami.host)");
        }
        DefaultManagerConnection c = new DefaultManagerConnection(endpoint.host(), endpoint.port(),
                endpoint.username(), endpoint.secret());
        int timeout = (int) config.loginTimeout().toMillis();
        c.setDefaultResponseTimeout(timeout);
        c.setSocketTimeout(timeout);
        try {
            c.login("off");
        } catch (Exception e) {
            throw unavailable("login to " + endpoint + " failed: " + e.getMessage());
        }
        connection = c;
        return c;
    }

    private DomainException.Unavailable unavailable(String why) {
        return new DomainException.Unavailable("pbx-unavailable", "Asterisk cannot be reached (" + why
                + "); nothing was done, try again");
    }

    private void close() {
        ManagerConnection c = connection;
        connection = null;
        if (c != null && (c.getState() == ManagerConnectionState.CONNECTED
                || c.getState() == ManagerConnectionState.RECONNECTING)) {
            try {
                c.logoff();
            } catch (RuntimeException e) {
                LOG.debugf("AMI logoff failed: %s", e.toString());
            }
        }
    }
}
