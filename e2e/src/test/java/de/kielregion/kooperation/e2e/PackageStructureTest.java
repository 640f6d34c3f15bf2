package de.kielregion.kooperation.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The services' package structure, checked on their compiled classes: the packages of a service
 * (partner, relation, project, budget, decision, ...) depend on each other in one direction
 * only, and nothing calls into the HTTP layer: reactions across packages are CDI events, and
 * the resources sit on top.
 */
class PackageStructureTest {

    private static final List<String> MODULES = List.of("partners-service", "projects-service", "memberships-service");

    private static JavaClasses classes;

    @BeforeAll
    static void importCompiledServices() {
        List<Path> dirs =
                MODULES.stream().map(m -> Path.of("..", m, "target", "classes")).toList();
        dirs.forEach(d -> assertTrue(Files.isDirectory(d), d + " is missing: build the services first"));
        classes = new ClassFileImporter().importPaths(dirs);
        assertTrue(
                classes.stream().anyMatch(c -> c.getPackageName().startsWith("de.kielregion.kooperation.projects.")),
                "no service classes imported");
    }

    @Test
    void thePackagesOfEachServiceFormNoCycle() {
        slices().matching("de.kielregion.kooperation.(*).(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void noCodeDependsOnAnHttpResource() {
        noClasses()
                .that()
                .resideInAPackage("de.kielregion.kooperation..")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith("jakarta.ws.rs.Path")
                .because("resources are the outer layer; services must not call them")
                .check(classes);
    }
}
