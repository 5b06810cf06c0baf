package vn.gov.moit.hotline.telephony.ami;

import io.quarkus.arc.DefaultBean;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.telephony.CallEvent;
import vn.gov.moit.hotline.telephony.CallEventSink;

/**
 * Stands in until the call log provides its {@link CallEventSink} bean (which then replaces this one), so the
 * application builds and the connector can be tried on its own. Says loudly that calls are not recorded.
 */
@DefaultBean
@Singleton
class UnwiredCallEventSink implements CallEventSink {

    private static final Logger LOG = Logger.getLogger(UnwiredCallEventSink.class);
    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    public void accept(CallEvent event) {
        if (warned.compareAndSet(false, true)) {
            LOG.warn("No call log is wired to the AMI connector: call events are logged at DEBUG and discarded");
        }
        LOG.debugf("%s", event);
    }

    @Override
    public void resynced(Set<String> activeLinkedids, Instant at) {
        LOG.debugf("resynced %s at %s", activeLinkedids, at);
    }
}
