package de.kielregion.kooperation.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules, checked with ArchUnit on the compiled classes of every module
 * (contracts, platform, the three services, the portal): no package depends on another that
 * depends back, in any module; the portal's pages do not reach into each other in circles;
 * nothing calls into the HTTP layer; no service uses another service's code; the contracts use
 * nothing but the JDK; and only the platform writes outbox rows (services record a change through
 * the platform's change log).
 */
class PackageStructureTest {

    private static final String ROOT = "de.kielregion.kooperation";
    private static final List<String> MODULES =
            List.of("contracts", "platform", "partners-service", "projects-service", "memberships-service", "portal");
    /** Each service's and the portal's own root package. */
    private static final List<String> APPLICATIONS = List.of("partners", "projects", "memberships", "portal");

    private static JavaClasses classes;

    @BeforeAll
    static void importCompiledModules() {
        List<Path> dirs =
                MODULES.stream().map(m -> Path.of("..", m, "target", "classes")).toList();
        dirs.forEach(d -> assertTrue(Files.isDirectory(d), d + " is missing: build the modules first"));
        classes = new ClassFileImporter().importPaths(dirs);
        for (String root : List.of("contracts", "platform", "partners", "projects", "memberships", "portal")) {
            assertTrue(
                    classes.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + "." + root + ".")),
                    "no classes of " + root + " imported");
        }
    }

    @Test
    void thePackagesOfEachModuleFormNoCycle() {
        slices().matching(ROOT + ".(*).(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void thePortalsPagesDoNotDependOnEachOtherInCircles() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        if (!javaClass.getPackageName().equals(ROOT + ".portal.web")) {
                            return SliceIdentifier.ignore();
                        }
                        String name = javaClass.getName();
                        int inner = name.indexOf('$');
                        return SliceIdentifier.of(inner < 0 ? name : name.substring(0, inner));
                    }

                    @Override
                    public String getDescription() {
                        return "each top-level class of the portal's web package";
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void noCodeDependsOnAnHttpResource() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        ROOT + ".platform..", ROOT + ".partners..", ROOT + ".projects..", ROOT + ".memberships..")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith("jakarta.ws.rs.Path")
                .because("resources are the outer layer; services must not call them (the portal's pages call"
                        + " the services through their REST client interfaces, which carry @Path too)")
                .check(classes);
    }

    @Test
    void noApplicationUsesAnotherOnesCode() {
        for (String app : APPLICATIONS) {
            for (String other : APPLICATIONS) {
                if (!app.equals(other)) {
                    noClasses()
                            .that()
                            .resideInAPackage(ROOT + "." + app + "..")
                            .should()
                            .dependOnClassesThat()
                            .resideInAPackage(ROOT + "." + other + "..")
                            .because("the services share events (contracts) and the platform, never code")
                            .check(classes);
                }
            }
        }
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".platform..", ROOT + ".contracts..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        APPLICATIONS.stream().map(a -> ROOT + "." + a + "..").toArray(String[]::new))
                .because("the platform and the contracts know no service")
                .check(classes);
    }

    @Test
    void theContractsUseNothingButTheJdk() {
        classes()
                .that()
                .resideInAPackage(ROOT + ".contracts..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", ROOT + ".contracts..")
                .because("every service and every IT system reads them, whatever framework it runs on")
                .check(classes);
    }

    @Test
    void onlyThePlatformWritesOutboxRows() {
        noClasses()
                .that()
                .resideOutsideOfPackages(ROOT + ".platform.outbox..", ROOT + ".platform.changes..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".platform.outbox.Outbox")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".platform.outbox.OutboxEvent")
                .because("a change and its event are recorded together by the platform's ChangeLog")
                .check(classes);
    }
}
