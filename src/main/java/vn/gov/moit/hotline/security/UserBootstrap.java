package vn.gov.moit.hotline.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.gov.moit.hotline.common.Roles;

/**
 * Creates the first administrator from configuration and, in demo mode, one user per role, so that a
 * newcomer can try every role at once. Existing users are never changed.
 */
@ApplicationScoped
class UserBootstrap {

    private static final Logger LOG = Logger.getLogger(UserBootstrap.class);

    /** Demo users: user name, role, display name, department, extension. */
    private static final String[][] DEMO = {
        {"operator1", Roles.OPERATOR, "Operator 1001", null, "1001"},
        {"operator2", Roles.OPERATOR, "Operator 1002", null, "1002"},
        {"officer.tmdt", Roles.OFFICER, "Officer, E-commerce and Digital Economy", "TMDT", null},
        {"officer.tttn", Roles.OFFICER, "Officer, Domestic Market", "TTTN", null},
        {"officer.xnk", Roles.OFFICER, "Officer, Import-Export", "XNK", null},
        {"supervisor", Roles.SUPERVISOR, "Hotline supervisor", null, null},
        {"leader", Roles.LEADER, "Vice Minister on duty", null, null},
    };

    @Inject
    SecurityConfig config;

    @Inject
    Users users;

    void onStart(@Observes StartupEvent event) {
        config.adminPassword().ifPresentOrElse(
                password -> createIfMissing(config.adminUsername(), password, Roles.ADMIN, "Administrator", null, null),
                () -> {
                    if (!config.demoUsers() && users.list().stream().noneMatch(u -> Roles.ADMIN.equals(u.role()))) {
                        LOG.warn("No administrator exists and hotline.security.admin-password is not set");
                    }
                });
        if (config.demoUsers()) {
            LOG.warn("DEMO USERS are enabled (hotline.security.demo-users): never use this in production");
            createIfMissing(config.adminUsername(), config.adminPassword().orElse(config.demoPassword()),
                    Roles.ADMIN, "Administrator", null, null);
            for (String[] u : DEMO) {
                createIfMissing(u[0], config.demoPassword(), u[1], u[2], u[3], u[4]);
            }
        }
    }

    private void createIfMissing(String username, String password, String role, String name, String department,
            String extension) {
        try {
            if (users.list().stream().noneMatch(u -> u.username().equals(username))) {
                // The demo users' mail goes to a reserved domain (RFC 2606), delivered only by a test's SMTP server.
                String email = Roles.ADMIN.equals(role) ? null : username + "@hotline.test";
                users.create(username, password, role, name, department, extension, email, "vi");
                LOG.infof("Created user %s (%s)", username, role);
            }
        } catch (RuntimeException e) {
            // Another instance starting at the same moment may have created it first.
            LOG.debugf("User %s not created: %s", username, e.getMessage());
        }
    }
}
