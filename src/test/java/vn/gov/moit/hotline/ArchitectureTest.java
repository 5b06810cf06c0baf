package vn.gov.moit.hotline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The design's rules that a reviewer would otherwise have to remember. */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.gov.moit.hotline");
    }

    @Test
    void onlyTheAmiAdapterKnowsAsteriskJava() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("vn.gov.moit.hotline.telephony.ami..")
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
        noClasses().that().resideInAPackage("vn.gov.moit.hotline.common..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.gov.moit.hotline.tickets..",
                        "vn.gov.moit.hotline.telephony..", "vn.gov.moit.hotline.escalation..",
                        "vn.gov.moit.hotline.reporting..", "vn.gov.moit.hotline.directory..")
                .check(main);
    }

    @Test
    void ticketsDoNotDependOnTheFeaturesDownstreamOfThem() {
        noClasses().that().resideInAPackage("vn.gov.moit.hotline.tickets..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.gov.moit.hotline.escalation..",
                        "vn.gov.moit.hotline.reporting..", "vn.gov.moit.hotline.telephony..")
                .check(main);
    }
}
