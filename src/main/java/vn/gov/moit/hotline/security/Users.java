package vn.gov.moit.hotline.security;

import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.gov.moit.hotline.common.DomainException;
import vn.gov.moit.hotline.common.Roles;
import vn.gov.moit.hotline.directory.Directory;

/** Managing users, and finding the operator who answers on an extension. */
@ApplicationScoped
public class Users {

    /** A user as an administrator sees it: never the password hash. */
    public record UserView(String username, String role, String displayName, String departmentCode,
            String extension, String email, String language, long version) {
    }

    /** Someone to be told by e-mail, in their language. */
    public record Recipient(String username, String displayName, String email, String language) {
    }

    /** The users of a role (and of a department, for officers) who have an e-mail address. */
    public List<Recipient> recipients(String role, String departmentCode) {
        return User.<User>list("roles = ?1 and email is not null order by username", role).stream()
                .filter(u -> departmentCode == null || departmentCode.equals(u.departmentCode))
                .map(Users::recipient).toList();
    }

    /** The user as a recipient, if they exist and have an e-mail address. */
    public Optional<Recipient> recipient(String username) {
        return Optional.ofNullable(username == null ? null : User.findByUsername(username))
                .filter(u -> u.email != null).map(Users::recipient);
    }

    private static Recipient recipient(User u) {
        return new Recipient(u.username, u.displayName, u.email, u.language);
    }

    /** A user was added, their password, role, department or extension changed, or they were removed. */
    record UserChanged(String username) {
    }

    @Inject
    Clock clock;

    @Inject
    Event<UserChanged> changed;

    @Inject
    Directory directory;

    @Inject
    WebSessionRepository sessions;

    public List<UserView> list() {
        return User.<User>list("order by username").stream().map(Users::view).toList();
    }

    public UserView get(String username) {
        User u = User.findByUsername(username);
        if (u == null) {
            throw new DomainException.NotFound("User", username);
        }
        return view(u);
    }

    /**
     * How long the extension-to-operator map read by the call log is kept. A change made on this instance
     * clears it once committed; one made on another instance sharing the database is seen within this time.
     */
    static final Duration EXTENSIONS_KEPT = Duration.ofSeconds(30);

    static final String EXTENSIONS = "operator-extensions";

    @Inject
    Instance<Users> self;

    /** After the commit, so that the next read cannot cache the row as it was before the change. */
    @CacheInvalidateAll(cacheName = EXTENSIONS)
    void onUserChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) UserChanged change) {
    }

    /**
     * The operator's user name for a phone extension (e.g. "1001"), if one is registered. Asked for every
     * answered call, so it is answered from a map of all extensions, read again after any user change and in
     * each period of {@link #EXTENSIONS_KEPT} of the injected clock.
     */
    public Optional<String> operatorForExtension(String extension) {
        if (extension == null || extension.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(self.get().extensions(clock.millis() / EXTENSIONS_KEPT.toMillis()).get(extension));
    }

    /**
     * Every registered extension and its user, cached per period of the injected clock (the key): a new period
     * reads them again, and the cache's own expiry ({@code quarkus.cache.caffeine."operator-extensions"}) drops
     * the old periods' maps.
     */
    @CacheResult(cacheName = EXTENSIONS)
    Map<String, String> extensions(long period) {
        Map<String, String> users = new HashMap<>();
        User.<User>list("extension is not null").forEach(u -> users.put(u.extension, u.username));
        return Map.copyOf(users);
    }

    /** What a password is checked against: the stored bcrypt hash and the user's roles. */
    record Credentials(String passwordHash, Set<String> roles) {
    }

    /** The roles of a user; empty when there is no such user any more. */
    @Transactional
    Set<String> rolesOf(String username) {
        return credentials(username).map(Credentials::roles).orElse(Set.of());
    }

    /** The hash and roles of a user, if there is one (read off the IO thread, before a password check). */
    @Transactional
    Optional<Credentials> credentials(String username) {
        User u = User.findByUsername(username);
        if (u == null) {
            return Optional.empty();
        }
        Set<String> roles = new java.util.HashSet<>();
        for (String role : u.roles.split(",")) {
            if (!role.isBlank()) {
                roles.add(role.trim());
            }
        }
        return Optional.of(new Credentials(u.passwordHash, Set.copyOf(roles)));
    }

    /** The extension registered for a user, if any. */
    public Optional<String> extensionOf(String username) {
        return Optional.ofNullable(User.findByUsername(username)).map(u -> u.extension);
    }

    @Transactional
    public UserView create(String username, String password, String role, String displayName,
            String departmentCode, String extension, String email, String language) {
        if (User.findByUsername(username) != null) {
            throw new DomainException.Conflict("user-exists", "User " + username + " already exists");
        }
        User u = new User();
        u.username = username;
        u.createdAt = clock.instant();
        apply(u, role, displayName, departmentCode, extension, email, language);
        u.passwordHash = BcryptUtil.bcryptHash(password);
        u.persist();
        User.getEntityManager().flush();
        changed.fire(new UserChanged(username));
        return view(u);
    }

    @Transactional
    public UserView update(String username, long expectedVersion, String password, String role,
            String displayName, String departmentCode, String extension, String email, String language) {
        User u = User.findByUsername(username);
        if (u == null) {
            throw new DomainException.NotFound("User", username);
        }
        if (u.version != expectedVersion) {
            throw new DomainException.StaleVersion("User " + username, expectedVersion, u.version);
        }
        if (Roles.ADMIN.equals(u.roles) && !Roles.ADMIN.equals(role)) {
            requireAnotherAdministrator(u);
        }
        boolean roleChanged = !role.equals(u.roles) || !java.util.Objects.equals(departmentCode, u.departmentCode);
        apply(u, role, displayName, departmentCode, extension, email, language);
        if (password != null) {
            u.passwordHash = BcryptUtil.bcryptHash(password);
            sessions.endAllOf(username, "password-changed");
        } else if (roleChanged) {
            sessions.endAllOf(username, "role-changed");
        }
        User.getEntityManager().flush();
        changed.fire(new UserChanged(username));
        return view(u);
    }

    @Transactional
    public void delete(String username) {
        User u = User.findByUsername(username);
        if (u == null) {
            throw new DomainException.NotFound("User", username);
        }
        if (Roles.ADMIN.equals(u.roles)) {
            requireAnotherAdministrator(u);
        }
        u.delete();
        sessions.endAllOf(username, "removed");
        changed.fire(new UserChanged(username));
    }

    /**
     * Someone must still be able to administer the hotline after {@code leaving} stops being an administrator.
     * The administrators' rows are locked, so that two administrators removing each other at the same moment
     * cannot both succeed.
     */
    private static void requireAnotherAdministrator(User leaving) {
        long others = User.<User>find("roles = ?1", Roles.ADMIN).withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                .filter(a -> !a.username.equals(leaving.username)).count();
        if (others == 0) {
            throw new DomainException.Conflict("last-administrator",
                    leaving.username + " is the last administrator; make another user an administrator first");
        }
    }

    private void apply(User u, String role, String displayName, String departmentCode, String extension, String email,
            String language) {
        u.email = email;
        u.language = language == null ? "vi" : language;
        if (!Roles.ALL.contains(role)) {
            throw new DomainException.InvalidInput("role", "role must be one of " + String.join(", ",
                    Roles.ALL.stream().sorted().toList()));
        }
        if (Roles.OFFICER.equals(role)) {
            if (departmentCode == null) {
                throw new DomainException.InvalidInput("departmentCode", "an officer must belong to a department");
            }
            directory.requireDepartment("departmentCode", departmentCode);
        } else if (departmentCode != null) {
            throw new DomainException.InvalidInput("departmentCode", "only officers belong to a department");
        }
        if (extension != null) {
            User other = User.find("extension", extension).firstResult();
            if (other != null && other != u) {
                throw new DomainException.Conflict("extension-taken",
                        "Extension " + extension + " is already registered for " + other.username);
            }
        }
        u.roles = role;
        u.displayName = displayName;
        u.departmentCode = departmentCode;
        u.extension = extension;
    }

    private static UserView view(User u) {
        return new UserView(u.username, u.roles, u.displayName, u.departmentCode, u.extension, u.email, u.language,
                u.version);
    }
}
