package vn.gov.moit.hotline.telephony.demo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The AMI server of the tests: the demo PBX's server with the failures a real network and a real Asterisk
 * bring: every connection reset, connections refused for a while (a restart), a half-open silent connection,
 * pings left unanswered behind a backlog, garbage on the wire.
 */
public final class FaultyAmiServer extends AmiServer {

    private static final Logger LOG = Logger.getLogger(FaultyAmiServer.class);

    private volatile boolean silent;
    private volatile boolean pingsUnanswered;
    private volatile boolean loginsUnanswered;

    public FaultyAmiServer(String username, String secret, Clock clock) {
        super(username, secret, clock);
    }

    @Override
    protected boolean sends() {
        return !silent;
    }

    @Override
    protected boolean answers(AmiMessage action) {
        String name = action.get("Action");
        return !silent && !(pingsUnanswered && "ping".equalsIgnoreCase(name))
                && !(loginsUnanswered && ("login".equalsIgnoreCase(name) || "challenge".equalsIgnoreCase(name)));
    }

    /** Keeps sockets open but stops answering and sending anything: what a half-open connection looks like. */
    public void setSilent(boolean silent) {
        this.silent = silent;
    }

    /** Leaves Pings without an answer while everything else goes on, as when the answer waits behind events. */
    public void setPingsUnanswered(boolean unanswered) {
        this.pingsUnanswered = unanswered;
    }

    /**
     * Leaves logins without an answer while the sessions already logged in go on, as an Asterisk whose manager
     * is swamped or a firewall rule not yet opened for a new host would: new clients cannot get in.
     */
    public void setLoginsUnanswered(boolean unanswered) {
        this.loginsUnanswered = unanswered;
    }

    /** Writes raw bytes (garbage, truncated blocks) to every logged-in client; nothing is tracked. */
    public void publishRaw(byte[] bytes) {
        writeToClients(bytes);
    }

    /** Resets every client connection, as a network failure would. */
    public void dropConnections() {
        abortClients();
    }

    /** Like an Asterisk restart: drops every client and refuses connections until {@link #resumeListening()}. */
    public void stopListening() {
        stopAccepting();
    }

    /** Accepts connections again on the same port. */
    public void resumeListening() throws IOException {
        acceptAgain();
    }

    /** Stops listening now and resumes after the given time, on a background thread. */
    public void refuseConnectionsFor(Duration downtime) {
        stopListening();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(downtime.toMillis());
                resumeListening();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.warnf("AMI test server could not listen again on port %d: %s", port(), e.getMessage());
            }
        }, "ami-server-restart");
        t.setDaemon(true);
        t.start();
    }
}
