package vn.gov.moit.hotline.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    @Inject
    CachingPasswordIdentityProvider(JpaIdentityProvider passwords, SecurityConfig config, MeterRegistry registry) {
        this.passwords = passwords;
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
        if (!cache.enabled()) {
            return verify(request, context);
        }
        String key = cache.keyOf(request.getUsername(), request.getPassword().getPassword());
        Optional<CredentialCache.Verified> known = cache.lookup(key);
        if (known.isPresent()) {
            cacheHits.increment();
            return Uni.createFrom().item(identity(known.get(), request));
        }
        // When an entry expires, every request of a busy client misses until the new check is done: they wait
        // for that one check instead of each starting its own.
        return checking.computeIfAbsent(key, k -> verifyOnce(request, context, k))
                .onItem().transform(verified -> identity(verified, request));
    }

    private Uni<CredentialCache.Verified> verifyOnce(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context, String key) {
        long generation = cache.generation();
        return verify(request, context)
                .onItem().transform(identity -> new CredentialCache.Verified(identity.getPrincipal().getName(),
                        identity.getRoles()))
                .onItem().invoke(verified -> cache.remember(generation, key, verified))
                .onTermination().invoke(() -> checking.remove(key))
                .memoize().indefinitely();
    }

    /** The bcrypt check by security-jpa, which runs it off the IO thread. */
    private Uni<SecurityIdentity> verify(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return passwords.authenticate(request, context)
                .onItem().invoke(identity -> accepted.increment())
                .onFailure().invoke(failure -> refused.increment());
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
