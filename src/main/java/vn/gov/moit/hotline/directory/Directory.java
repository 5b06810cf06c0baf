package vn.gov.moit.hotline.directory;

import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import vn.gov.moit.hotline.common.DomainException;

/**
 * Reference data the other features check codes against and read labels from: departments, fields,
 * provinces and the routing rules from field to department. The lists of names are kept in memory (public pages
 * read them on every request: most of the CPU of a public read at 500 req/s); codes are still checked against
 * the database.
 */
@ApplicationScoped
public class Directory {

    /** A code with its Vietnamese and English names. */
    public record Entry(String code, String nameVi, String nameEn) {
    }

    /** A routing rule as the admin sees it. */
    public record Route(String fieldCode, String departmentCode, long version) {
    }

    /** A department was saved through {@link #saveDepartment}. */
    record DepartmentSaved(String code) {
    }

    /** The names of departments (saved here or on another instance sharing the database: see the cache's expiry). */
    static final String DEPARTMENTS = "directory-departments";
    /** Fields and provinces change only through Flyway migrations, which run before the application starts. */
    static final String FIELDS = "directory-fields";
    static final String PROVINCES = "directory-provinces";

    @Inject
    Event<DepartmentSaved> departmentSaved;

    /**
     * Every public request and report page names the departments: kept in {@value #DEPARTMENTS}, which expires
     * after {@code quarkus.cache.caffeine."directory-departments".expire-after-write} (a save on another instance
     * shows within it) and is emptied when a department is saved here.
     */
    @CacheResult(cacheName = DEPARTMENTS)
    public List<Entry> departments() {
        return Department.<Department>list("order by code").stream()
                .map(d -> new Entry(d.code, d.nameVi, d.nameEn)).toList();
    }

    @CacheResult(cacheName = FIELDS)
    public List<Entry> fields() {
        return Field.<Field>list("order by sortOrder, code").stream()
                .map(f -> new Entry(f.code, f.nameVi, f.nameEn)).toList();
    }

    @CacheResult(cacheName = PROVINCES)
    public List<Entry> provinces() {
        return Province.<Province>list("order by code").stream()
                .map(p -> new Entry(p.code, p.nameVi, p.nameEn)).toList();
    }

    /** After the commit, so that the next read sees the saved department. */
    @CacheInvalidateAll(cacheName = DEPARTMENTS)
    void onDepartmentSaved(@Observes(during = TransactionPhase.AFTER_COMPLETION) DepartmentSaved saved) {
    }

    public List<Route> routes() {
        return RoutingRule.<RoutingRule>list("order by fieldCode").stream()
                .map(r -> new Route(r.fieldCode, r.departmentCode, r.version)).toList();
    }

    /** The department suggested for tickets of this field, if a rule exists. */
    public Optional<String> routeFor(String fieldCode) {
        if (fieldCode == null) {
            return Optional.empty();
        }
        return RoutingRule.<RoutingRule>findByIdOptional(fieldCode).map(r -> r.departmentCode);
    }

    /** Throws an {@link DomainException.InvalidInput} on {@code field} unless the department exists and is active. */
    public void requireDepartment(String field, String code) {
        Department d = code == null ? null : Department.findById(code);
        if (d == null || !d.active) {
            throw DomainException.InvalidInput.because(field, "unknown-department", code);
        }
    }

    public void requireField(String field, String code) {
        if (code != null && Field.findById(code) == null) {
            throw DomainException.InvalidInput.because(field, "unknown-field", code);
        }
    }

    public void requireProvince(String field, String code) {
        if (code != null && Province.findById(code) == null) {
            throw DomainException.InvalidInput.because(field, "unknown-province", code);
        }
    }

    /** Whom a department is reached through, besides its officers: its shared mailbox and its head's user name. */
    public record Contacts(String mailbox, String headUsername, long version) {
    }

    public Contacts contactsOf(String code) {
        Department d = Department.findById(code);
        if (d == null) {
            throw new DomainException.NotFound("Department", code);
        }
        return new Contacts(d.mailbox, d.headUsername, d.version);
    }

    @Transactional
    public Contacts saveContacts(String code, String mailbox, String headUsername, long expectedVersion) {
        Department d = Department.findById(code);
        if (d == null) {
            throw new DomainException.NotFound("Department", code);
        }
        if (d.version != expectedVersion) {
            throw new DomainException.StaleVersion("Department " + code, expectedVersion, d.version);
        }
        d.mailbox = mailbox;
        d.headUsername = headUsername;
        Department.getEntityManager().flush();
        return new Contacts(d.mailbox, d.headUsername, d.version);
    }

    @Transactional
    public Entry saveDepartment(Entry entry, boolean active) {
        Department d = Department.findById(entry.code());
        if (d == null) {
            d = new Department();
            d.code = entry.code();
        }
        d.nameVi = entry.nameVi();
        d.nameEn = entry.nameEn();
        d.active = active;
        d.persist();
        departmentSaved.fire(new DepartmentSaved(d.code));
        return entry;
    }

    @Transactional
    public Route saveRoute(String fieldCode, String departmentCode, Long expectedVersion) {
        if (Field.findById(fieldCode) == null) {
            throw new DomainException.NotFound("Field", fieldCode);
        }
        requireDepartment("departmentCode", departmentCode);
        RoutingRule rule = RoutingRule.findById(fieldCode);
        if (rule == null) {
            rule = new RoutingRule();
            rule.fieldCode = fieldCode;
        } else if (expectedVersion != null && expectedVersion != rule.version) {
            throw new DomainException.StaleVersion("Routing rule " + fieldCode, expectedVersion, rule.version);
        }
        rule.departmentCode = departmentCode;
        rule.persist();
        RoutingRule.getEntityManager().flush();
        return new Route(rule.fieldCode, rule.departmentCode, rule.version);
    }
}
