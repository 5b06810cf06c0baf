package vn.gov.moit.hotline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The design's rules that a reviewer would otherwise have to remember (README, "Architecture"): features
 * without cycles, one writer per record, each feature's tables its own, asterisk-java only in the AMI adapter,
 * no entity in an HTTP signature, time from the injected clock.
 */
class ArchitectureTest {

    private static final String ROOT = "vn.gov.moit.hotline";

    /** Which feature owns each table: only its classes may name the table in SQL. */
    private static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("ticket", "tickets"), Map.entry("ticket_history", "tickets"),
            Map.entry("ticket_reference_counter", "tickets"), Map.entry("escalation", "escalation"),
            Map.entry("call_record", "telephony"), Map.entry("report_version", "reporting"),
            Map.entry("app_user", "security"), Map.entry("web_session", "security"),
            Map.entry("login_failure", "security"), Map.entry("field", "directory"),
            Map.entry("province", "directory"), Map.entry("department", "directory"),
            Map.entry("routing_rule", "directory"), Map.entry("job_lock", "common"),
            Map.entry("callback_task", "callbacks"), Map.entry("callback_attempt", "callbacks"),
            Map.entry("outbound_call", "telephony"), Map.entry("operator_presence", "presence"),
            Map.entry("presence_interval", "presence"),
            Map.entry("ami_instance", "telephony"), Map.entry("capture_gap", "telephony"),
            Map.entry("notification", "notifications"));

    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** The feature of a package: the first name under the root ({@code telephony} for telephony.ami). */
    private static String feature(String packageName) {
        String rest = packageName.length() > ROOT.length() ? packageName.substring(ROOT.length() + 1) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String packageOf(String source) {
        Matcher m = Pattern.compile("(?m)^package ([\\w.]+);").matcher(source);
        return m.find() ? m.group(1) : "";
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
    }

    /**
     * The same over the sources' imports: a constant (a role name in {@code @RolesAllowed}) is inlined by the
     * compiler and leaves no trace in the class files, but it still ties one feature to another.
     */
    @Test
    void featureImportsHaveNoCycles() throws IOException {
        Map<String, java.util.Set<String>> imports = new java.util.TreeMap<>();
        Pattern importLine = Pattern.compile("(?m)^import (?:static )?" + Pattern.quote(ROOT) + "\\.(\\w+)\\.");
        try (Stream<java.nio.file.Path> files = Files.walk(Paths.get("src/main/java/vn/gov/moit/hotline"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                String from = feature(packageOf(code));
                Matcher m = importLine.matcher(code);
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        imports.computeIfAbsent(from, k -> new java.util.TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            java.util.Deque<List<String>> paths = new java.util.ArrayDeque<>();
            paths.push(List.of(start));
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : imports.getOrDefault(path.get(path.size() - 1), java.util.Set.of())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    if (next.equals(start)) {
                        cycles.add(String.join(" -> ", longer));
                    } else if (seen.add(next)) {
                        paths.push(longer);
                    }
                }
            }
        }
        assertThat(cycles).isEmpty();
    }

    @Test
    void onlyTicketsTouchTheTicketAndItsHistory() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".tickets..")
                .should().dependOnClassesThat().haveNameMatching(
                        Pattern.quote(ROOT + ".tickets.") + "(Ticket|TicketHistory|TicketJournal|TicketRepository)")
                .because("tickets is the only writer of a ticket and its history; other features call TicketService")
                .check(main);
    }

    @Test
    void anEntityIsUsedOnlyInsideItsOwnFeature() {
        classes().that().areAnnotatedWith(Entity.class).should(new ArchCondition<>("be used only by its own feature") {
            @Override
            public void check(JavaClass entity, ConditionEvents events) {
                String owner = feature(entity.getPackageName());
                for (Dependency d : entity.getDirectDependenciesToSelf()) {
                    if (!feature(d.getOriginClass().getPackageName()).equals(owner)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).check(main);
    }

    @Test
    void noEntityInAResourceSignature() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class).and().arePublic()
                .should(new ArchCondition<>("take and return no entity") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        List<JavaType> types = new ArrayList<>(method.getParameterTypes());
                        types.add(method.getReturnType());
                        types.stream().flatMap(t -> t.getAllInvolvedRawTypes().stream())
                                .filter(t -> t.isAnnotatedWith(Entity.class))
                                .forEach(t -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " has entity " + t.getName() + " in its signature")));
                    }
                }).check(main);
    }

    @Test
    void jdbcOnlyInAFeaturesOwnPersistenceClasses() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".common..")
                .and().haveNameNotMatching(".*\\.\\w*(Repository|Facts|Retention)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("SQL lives in a feature's repository, fact source or retention class")
                .check(main);
    }

    /** Native SQL, JPQL aside: a table is named only in the sources of the feature that owns it. */
    @Test
    void noFeatureQueriesAnotherFeaturesTables() throws IOException {
        Pattern sql = Pattern.compile("(?i)\\b(?:from|join|into|update|exists \\(select 1 from)\\s+([a-z_]+)\\b");
        Pattern comments = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
        List<String> violations = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(Paths.get("src/main/java/vn/gov/moit/hotline"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = comments.matcher(Files.readString(file)).replaceAll("");
                String pkg = packageOf(code);
                Matcher m = sql.matcher(code);
                while (m.find()) {
                    String owner = TABLE_OWNERS.get(m.group(1).toLowerCase());
                    if (owner != null && !owner.equals(feature(pkg))) {
                        violations.add(file.getFileName() + " names " + m.group(1) + ", a table of " + owner);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyTheAmiAdapterKnowsAsteriskJava() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(ROOT + ".telephony.ami..")
                .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..");
        rule.check(main);
    }

    @Test
    void timeComesOnlyFromTheInjectedClock() {
        ArchRule rule = noClasses()
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("time comes from the injected java.time.Clock, so tests can fix it");
        rule.check(main);
    }

    @Test
    void theCommonPackageKnowsNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".common..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".tickets..", ROOT + ".telephony..",
                        ROOT + ".escalation..", ROOT + ".reporting..", ROOT + ".directory..", ROOT + ".security..")
                .check(main);
    }

    @Test
    void ticketsDoNotDependOnTheFeaturesDownstreamOfThem() {
        noClasses().that().resideInAPackage(ROOT + ".tickets..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".escalation..", ROOT + ".reporting..",
                        ROOT + ".telephony..")
                .check(main);
    }
}
