package vn.gov.moit.hotline.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import vn.gov.moit.hotline.common.Roles;

/**
 * The user behind the current request, with what the features need to decide what they may see: an
 * officer's department. Read once per request.
 */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    WebSessionRepository sessions;

    private User user;

    public String username() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** Ends the page session this request came with (logout); nothing for HTTP Basic. */
    public void endSession() {
        String token = identity.getAttribute(SessionIdentityProvider.TOKEN);
        if (token != null) {
            sessions.end(token);
        }
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** True when the user sees only one department's tickets. */
    public boolean isOfficer() {
        return identity.hasRole(Roles.OFFICER) && !identity.hasRole(Roles.SUPERVISOR) && !identity.hasRole(Roles.ADMIN)
                && !identity.hasRole(Roles.LEADER);
    }

    /** The officer's department, or null for users who are not bound to one. */
    public String departmentCode() {
        User u = user();
        return u == null ? null : u.departmentCode;
    }

    private User user() {
        if (user == null && !identity.isAnonymous()) {
            user = User.findByUsername(identity.getPrincipal().getName());
        }
        return user;
    }
}
