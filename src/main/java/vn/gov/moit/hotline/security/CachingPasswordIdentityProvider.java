package vn.gov.moit.hotline.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
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
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checks user names and passwords (HTTP Basic and the login form) before security-jpa's provider, which it
 * wraps: a password verified within {@code hotline.security.credential-cache.ttl} is accepted from
 * {@link CredentialCache} without a new bcrypt check (50-100 ms of CPU each); anything else goes to
 * security-jpa, whose bcrypt check runs off the IO thread, and only a success is remembered. Providers run in
 * decreasing {@link #priority()} and the next one is asked only when one answers nothing, which this one
 * never does, so security-jpa's provider is reached only through here.
 */
@ApplicationScoped
class CachingPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final JpaIdentityProvider passwords;
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
    /** Spent on a user name that does not exist, so that it costs what a wrong password costs. */
    private final String unknownUserPassword = "not-a-user-" + System.identityHashCode(this);

    @Inject
    CachingPasswordIdentityProvider(JpaIdentityProvider passwords, SecurityConfig config, MeterRegistry registry,
            LoginThrottle throttle, WebSessionRepository sessions, Users users,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String formLoginAddress) {
        this.passwords = passwords;
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

    /** Ahead of security-jpa's provider (default priority). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        Uni<SecurityIdentity> identity = verified(request, context, http);
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

    private Uni<SecurityIdentity> verified(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context,
            RoutingContext http) {
        if (!cache.enabled()) {
            return throttled(request, context, http);
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
        return checking.computeIfAbsent(key, k -> verifyOnce(request, context, http, k))
                .onItem().transform(verified -> identity(verified, request));
    }

    private Uni<CredentialCache.Verified> verifyOnce(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context, RoutingContext http, String key) {
        long generation = cache.generation();
        return throttled(request, context, http)
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
    private Uni<SecurityIdentity> throttled(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context,
            RoutingContext http) {
        String username = request.getUsername();
        String address = http == null || http.request().remoteAddress() == null ? null
                : http.request().remoteAddress().hostAddress();
        return blocking(() -> throttle.refusedFor(username, address))
                .onItem().transformToUni(wait -> wait.isPresent()
                        ? Uni.createFrom().<SecurityIdentity>failure(LoginThrottled.failure(wait.get()))
                        : verify(request, context)
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

    /** The bcrypt check by security-jpa, which runs it off the IO thread. */
    private Uni<SecurityIdentity> verify(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return blocking(() -> users.exists(request.getUsername()))
                .onItem().transformToUni(exists -> exists ? passwords.authenticate(request, context)
                        : blocking(() -> {
                            // No such user: the same bcrypt work as a wrong password, then the same refusal.
                            BcryptUtil.bcryptHash(unknownUserPassword);
                            throw new AuthenticationFailedException();
                        }).replaceWith(Uni.createFrom().<SecurityIdentity>nullItem()))
                .onItem().invoke(identity -> accepted.increment())
                .onFailure().invoke(failure -> refused.increment());
    }

    /** Database work, off the IO thread. */
    private static <T> Uni<T> blocking(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The same identity security-jpa builds: the user name, the roles, and this request's password. */
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
