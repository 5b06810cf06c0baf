package vn.gov.moit.hotline.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Lets in a request carrying the pages' session cookie only while its server-side session lives
 * ({@link WebSessionRepository}): the cookie's principal is {@code username|token}, written at login by
 * {@link CachingPasswordIdentityProvider}. A cookie replayed after logout, after a password or role change, or
 * after the user's removal is refused, on every instance. The roles are read from the database each time, so
 * a role change counts at once. Runs before security-jpa's own provider for these requests, which it replaces.
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    /** The identity attribute holding the session's token, for logout. */
    static final String TOKEN = "hotline.session-token";
    private static final char SEPARATOR = '|';

    @Inject
    WebSessionRepository sessions;

    @Inject
    Users users;

    static String cookiePrincipal(String username, String token) {
        return username + SEPARATOR + token;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String principal = request.getPrincipal();
        int at = principal.lastIndexOf(SEPARATOR);
        if (at <= 0) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        String username = principal.substring(0, at);
        String token = principal.substring(at + 1);
        return context.runBlocking(() -> {
            Set<String> roles = sessions.resume(token).filter(username::equals).map(users::rolesOf)
                    .orElseThrow(AuthenticationFailedException::new);
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username)).addRoles(roles)
                    .addAttribute(TOKEN, token).setAnonymous(false).build();
        });
    }
}
