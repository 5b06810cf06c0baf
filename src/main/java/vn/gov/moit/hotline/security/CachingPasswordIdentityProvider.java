package vn.gov.moit.hotline.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checks user names and passwords (HTTP Basic and the login form): a password verified within
 * {@code hotline.security.credential-cache.ttl} is accepted from {@link CredentialCache} without a new bcrypt
 * check (50-100 ms of CPU each); anything else is checked against the stored bcrypt hash off the IO thread,
 * and only a success is remembered. Providers run in decreasing {@link #priority()} and the next one is asked
 * only when one answers nothing, which this one never does: security-jpa's own provider (the extension maps
 * {@link User}) is never reached.
 */
@ApplicationScoped
class CachingPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final CredentialCache cache;
    /** Checks under way, by cache key. */
    private final Map<String, Uni<CredentialCache.Verified>> checking = new ConcurrentHashMap<>();
    private final Counter accepted;
    private final Counter refused;
    private final Counter cacheHits;

    private static final Logger LOG = Logger.getLogger(CachingPasswordIdentityProvider.class);

    private final LoginThrottle throttle;
    /** Names that failed on this instance since their last success (a cached success must reset them too). */
    private final Map<String, Boolean> failedHere = new ConcurrentHashMap<>();
    private final Users users;
    private final WebSessionRepository sessions;
    private final String formLoginAddress;
    /** Checked for a user name that does not exist, so that it costs what a wrong password costs. */
    private final String unknownUserHash = BcryptUtil.bcryptHash(UUID.randomUUID().toString());

    @Inject
    CachingPasswordIdentityProvider(SecurityConfig config, MeterRegistry registry,
            LoginThrottle throttle, WebSessionRepository sessions, Users users,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String formLoginAddress) {
        this.throttle = throttle;
        this.users = users;
        this.sessions = sessions;
        this.formLoginAddress = formLoginAddress;
        this.cache = new CredentialCache(config.credentialCache().ttl(), config.credentialCache().maxSize(),
                System::nanoTime);
        this.accepted = registry.counter("hotline.security.password.verifications", "outcome", "accepted");
        this.refused = registry.counter("hotline.security.password.verifications", "outcome", "refused");
        this.cacheHits = registry.counter("hotline.security.credential.cache.hits");
        registry.gauge("hotline.security.credential.cache.size", cache, CredentialCache::size);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Ahead of security-jpa's own provider (default priority). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        Uni<SecurityIdentity> identity = verified(request, http);
        if (http == null || !formLoginAddress.equals(http.request().path())) {
            return identity;
        }
        // A login on the form opens a server-side session; its token travels in the principal's name, which is
        // what Quarkus keeps in the encrypted cookie (SessionIdentityProvider reads it back on each request).
        return identity.onItem().transformToUni(id -> blocking(() -> sessions.open(id.getPrincipal().getName()))
                .onItem().transform(token -> QuarkusSecurityIdentity.builder(id)
                        .setPrincipal(new QuarkusPrincipal(SessionIdentityProvider.cookiePrincipal(id.getPrincipal().getName(), token)))
                        .build()));
    }

    private Uni<SecurityIdentity> verified(UsernamePasswordAuthenticationRequest request, RoutingContext http) {
        if (!cache.enabled()) {
            return throttled(request, http);
        }
        String key = cache.keyOf(request.getUsername(), request.getPassword().getPassword());
        Optional<CredentialCache.Verified> known = cache.lookup(key);
        if (known.isPresent()) {
            cacheHits.increment();
            SecurityIdentity identity = identity(known.get(), request);
            // A success resets the name's failures, also when its password is known from the cache.
            return failedHere.remove(request.getUsername()) == null ? Uni.createFrom().item(identity)
                    : blocking(() -> {
                        throttle.succeeded(request.getUsername());
                        return identity;
                    });
        }
        // When an entry expires, every request of a busy client misses until the new check is done: they wait
        // for that one check instead of each starting its own.
        return checking.computeIfAbsent(key, k -> verifyOnce(request, http, k))
                .onItem().transform(verified -> identity(verified, request));
    }

    private Uni<CredentialCache.Verified> verifyOnce(UsernamePasswordAuthenticationRequest request, RoutingContext http,
            String key) {
        long generation = cache.generation();
        return throttled(request, http)
                .onItem().transform(identity -> new CredentialCache.Verified(identity.getPrincipal().getName(),
                        identity.getRoles()))
                .onItem().invoke(verified -> cache.remember(generation, key, verified))
                .onTermination().invoke(() -> checking.remove(key))
                .memoize().indefinitely();
    }

    /**
     * The bcrypt check, unless the name or the address has failed too often (then refused without it); a
     * failure is counted, a success resets the name's count.
     */
    private Uni<SecurityIdentity> throttled(UsernamePasswordAuthenticationRequest request, RoutingContext http) {
        String username = request.getUsername();
        String address = http == null || http.request().remoteAddress() == null ? null
                : http.request().remoteAddress().hostAddress();
        return blocking(() -> throttle.refusedFor(username, address))
                .onItem().transformToUni(wait -> wait.isPresent()
                        ? Uni.createFrom().<SecurityIdentity>failure(LoginThrottled.failure(wait.get()))
                        : verify(request)
                                .onItem().call(identity -> blocking(() -> {
                                    throttle.succeeded(username);
                                    return null;
                                }))
                                .onFailure(f -> !LoginThrottled.is(f)).call(failure -> blocking(() -> {
                                    try {
                                        failedHere.put(username, Boolean.TRUE);
                                        throttle.failed(username, address);
                                    } catch (RuntimeException e) {
                                        // The refusal stands; only this failure goes uncounted.
                                        LOG.warnf("Could not count a failed login: %s", e.getMessage());
                                    }
                                    return null;
                                })));
    }

    /** The bcrypt check, off the IO thread; an unknown name costs the same check and gets the same refusal. */
    private Uni<SecurityIdentity> verify(UsernamePasswordAuthenticationRequest request) {
        return blocking(() -> {
            Optional<Users.Credentials> found = users.credentials(request.getUsername());
            boolean matches = BcryptUtil.matches(new String(request.getPassword().getPassword()),
                    found.map(Users.Credentials::passwordHash).orElse(unknownUserHash));
            if (!matches || found.isEmpty()) {
                throw new AuthenticationFailedException();
            }
            return identity(new CredentialCache.Verified(request.getUsername(), found.get().roles()), request);
        })
                .onItem().invoke(identity -> accepted.increment())
                .onFailure().invoke(failure -> refused.increment());
    }

    /** Database work, off the IO thread. */
    private static <T> Uni<T> blocking(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The identity of a checked password: the user name, the roles, and this request's password. */
    private static SecurityIdentity identity(CredentialCache.Verified verified, UsernamePasswordAuthenticationRequest request) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(verified.username()))
                .addRoles(verified.roles())
                .addCredential(request.getPassword())
                .setAnonymous(false)
                .build();
    }

    /** After the change is committed, so that no verification can read the old row again and be remembered. */
    void onUserChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) Users.UserChanged change) {
        cache.forget(change.username());
    }
}
