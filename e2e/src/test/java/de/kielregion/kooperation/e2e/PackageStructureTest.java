package de.kielregion.kooperation.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules, checked with ArchUnit on the compiled classes of every module
 * (contracts, platform, the three services, the portal): no package depends on another that
 * depends back, in any module; the portal's pages do not reach into each other in circles;
 * nothing calls into the HTTP layer; every service has one layout (HTTP resources in {@code api},
 * event consumers in {@code messaging}, above the feature packages, which never reach up); no
 * service uses another service's code; the contracts use nothing but the JDK; and a change is
 * recorded by the platform's change log alone: only it writes history entries and outbox rows,
 * and only it flushes (one named exception, with its reason).
 */
class PackageStructureTest {

    private static final String ROOT = "de.kielregion.kooperation";
    private static final List<String> MODULES = List.of(
            "contracts",
            "platform",
            "partners-service",
            "projects-service",
            "memberships-service",
            "webhooks-service",
            "portal");
    /** Each service's and the portal's own root package. */
    private static final List<String> APPLICATIONS =
            List.of("partners", "projects", "memberships", "webhooks", "portal");

    private static JavaClasses classes;

    @BeforeAll
    static void importCompiledModules() {
        List<Path> dirs =
                MODULES.stream().map(m -> Path.of("..", m, "target", "classes")).toList();
        dirs.forEach(d -> assertTrue(Files.isDirectory(d), d + " is missing: build the modules first"));
        classes = new ClassFileImporter().importPaths(dirs);
        for (String root :
                List.of("contracts", "platform", "partners", "projects", "memberships", "webhooks", "portal")) {
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
                        ROOT + ".platform..",
                        ROOT + ".partners..",
                        ROOT + ".projects..",
                        ROOT + ".memberships..",
                        ROOT + ".webhooks..")
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

    /** Each service's root package, e.g. {@code de.kielregion.kooperation.projects}. */
    private static String[] services(String suffix) {
        return List.of("partners", "projects", "memberships", "webhooks").stream()
                .map(s -> ROOT + "." + s + suffix)
                .toArray(String[]::new);
    }

    @Test
    void everyServiceKeepsItsHttpResourcesInApi() {
        classes()
                .that()
                .resideInAnyPackage(services(".."))
                .and()
                .areAnnotatedWith("jakarta.ws.rs.Path")
                .should()
                .resideInAnyPackage(services(".api"))
                .because("one layout in every service: HTTP resources in api, event consumers in messaging, the"
                        + " features (aggregates, their rules, their application services) below both")
                .check(classes);
    }

    @Test
    void everyServiceKeepsItsEventConsumersInMessaging() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAnyPackage(services(".."))
                .and()
                .areAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")
                .should()
                .beDeclaredInClassesThat()
                .resideInAnyPackage(services(".messaging"))
                .because("a consumer is an adapter like a resource: it may span features, so it sits above them")
                .check(classes);
    }

    @Test
    void theFeaturesOfAServiceDoNotDependOnItsAdapters() {
        noClasses()
                .that()
                .resideInAnyPackage(services(".."))
                .and()
                .resideOutsideOfPackages(services(".api"))
                .and()
                .resideOutsideOfPackages(services(".messaging"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Stream.concat(Stream.of(services(".api")), Stream.of(services(".messaging")))
                        .toArray(String[]::new))
                .because("api and messaging are the outer layer: a feature package never reaches up")
                .check(classes);
    }

    @Test
    void onlyTheChangeLogWritesHistoryEntries() {
        noClasses()
                .that()
                .resideOutsideOfPackages(ROOT + ".platform.changes..", ROOT + ".platform.audit..")
                .should()
                .callMethod(
                        ROOT + ".platform.audit.Audit",
                        "record",
                        "java.lang.String",
                        "java.lang.Object",
                        "java.lang.String",
                        "java.lang.Object")
                .because("a change's history entry and its event are written together by ChangeLog.record")
                .check(classes);
    }

    /**
     * The places that may flush the persistence context by hand besides {@code ChangeLog}, each with
     * its reason in a comment at the call.
     */
    private static final Set<String> FLUSHES_WITH_A_REASON = Set.of(
            // the old fee is closed before the new open one is inserted (one open fee per membership)
            ROOT + ".memberships.membership.MembershipService.changeFee",
            // one event of a batch ends before the next begins (flushed and cleared): the next
            // reads the database as the last left it, and no flush checks a whole batch's entities
            ROOT + ".platform.inbox.Inbox.applyAll",
            // a run of replica events (nothing but replicas kept, no bulk statement among them) ends
            // with one flush before the next event begins
            ROOT + ".platform.inbox.Inbox.applyRun");

    private static final Set<String> PERSISTENCE_CONTEXTS =
            Set.of("jakarta.persistence.EntityManager", "org.hibernate.Session");

    @Test
    void onlyTheChangeLogFlushes() {
        classes()
                .that()
                .resideOutsideOfPackages(ROOT + ".platform.changes..", ROOT + ".infra..")
                .should(new ArchCondition<JavaClass>("not flush the persistence context by hand") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                            boolean flush = call.getTarget().getName().equals("flush")
                                    && PERSISTENCE_CONTEXTS.contains(
                                            call.getTargetOwner().getName());
                            String origin =
                                    item.getName() + "." + call.getOrigin().getName();
                            if (flush && !FLUSHES_WITH_A_REASON.contains(origin)) {
                                events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                            }
                        }
                    }
                })
                .because("ChangeLog.record is the one flush point of a change: it makes @Version current before"
                        + " the event is built")
                .check(classes);
    }

    @Test
    void thePortalCallsTheServicesThroughTypedClientsOnly() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".portal..")
                .should()
                .callMethodWhere(
                        new com.tngtech.archunit.base.DescribedPredicate<JavaMethodCall>(
                                "a REST client method that takes or returns a java.util.Map") {
                            @Override
                            public boolean test(JavaMethodCall call) {
                                var target = call.getTarget();
                                boolean client = target.getOwner()
                                        .isAnnotatedWith(
                                                "org.eclipse.microprofile.rest.client.inject.RegisterRestClient");
                                boolean map = target.getRawReturnType().isAssignableTo(java.util.Map.class)
                                        || target.getRawParameterTypes().stream()
                                                .anyMatch(t -> t.isAssignableTo(java.util.Map.class));
                                return client && map;
                            }
                        })
                .because("the portal uses the clients and models generated from docs/api: a change of a document"
                        + " that breaks a page fails the build")
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
