package de.kielregion.kooperation.e2e.portal;

import static de.kielregion.kooperation.e2e.Suite.COORDINATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.e2e.Suite;
import de.kielregion.kooperation.infra.DemoData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The portal as KielRegion's staff use it: a real headless Chromium, Keycloak's real login
 * page, the three services and the broker behind the portal. Every page visited is checked
 * with axe-core (WCAG 2.1 AA: no serious or critical violation).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {

    private static Suite suite;
    private static String portal;
    private static final String TAG =
            UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();
    private static String projectPath;

    @BeforeAll
    static void start() {
        suite = Suite.get();
        portal = suite.url("portal");
        suite.demoData(); // the workshop's partners, corridor, memberships: what the pages show
        // Room on this year's lines (the demo data may or may not have set them).
        for (String[] line : new String[][] {{"STAFF", "2.00"}, {"PROJECT_FUNDS", "50000.00"}}) {
            Map<String, Object> budget = suite.as("projects", COORDINATOR)
                    .when()
                    .get("/budget/" + YEAR)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("lines.find { it.category == '" + line[0] + "' }");
            if (budget == null) {
                suite.as("projects", COORDINATOR)
                        .body(Map.of("amount", line[1]))
                        .when()
                        .put("/budget/" + YEAR + "/lines/" + line[0])
                        .then()
                        .statusCode(200);
            }
        }
    }

    /** axe-core and the console on every page the tests read. */
    private static final PageChecks CHECKS = new PageChecks();

    @AfterAll
    static void everyPageReadWasClean() {
        CHECKS.assertClean(12);
    }

    private static void axe(Browser browser, String page) {
        CHECKS.check(browser, page);
    }

    @Test
    @Order(1)
    void everyDemoRoleLogsInThroughKeycloak() {
        for (String[] login : new String[][] {
            {"anna.admin", "demo-admin", "Anna Admin"},
            {"carla.coordinator", "demo-coordinator", "Carla Coordinator"},
            {"dirk.decider", "demo-decider", "Dirk Decider"},
            {"vera.viewer", "demo-viewer", "Vera Viewer"},
            {"kai.kiel", "demo-kiel", "Kai Kiel"}
        }) {
            try (Browser browser = new Browser(portal, "de-DE").loginAtKeycloak(login[0], login[1])) {
                assertEquals(login[2], browser.text("[data-testid=user]"));
                assertEquals("Lage", browser.text("h1"));
                if (login[0].equals("vera.viewer")) {
                    axe(browser, "viewer's dashboard"); // not "dashboard": the admin's scan would replace it
                }
            }
        }
    }

    @Test
    @Order(2)
    void coordinatorProposesDeciderApprovesCoordinatorAllocates() {
        String title = "Radverkehr Kiel–Aarhus " + TAG;
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/projects");
            axe(carla, "projects");
            carla.submit("[data-testid=propose]");
            axe(carla, "project form");
            // A refused form shows the service's violation next to the field, in the page's language.
            carla.type("#f-effort", "9").submit("[data-testid=save-project]");
            assertTrue(carla.text("[data-testid=problem]").startsWith("Nicht gespeichert."));
            assertFalse(carla.text("#e-f-title").isBlank(), "the missing title is named at its field");
            assertFalse(carla.text("#e-f-effort").isBlank(), "the effort out of range is named at its field");
            axe(carla, "project form refused");
            carla.type("#f-title", title)
                    .type("#f-effort", "2")
                    .type("#f-impact", "5")
                    .type("#f-secured", "80")
                    .type("#f-summary", "Schnell umsetzbar: Leihräder an beiden Fährterminals");
            carla.submit("[data-testid=save-project]");
            assertEquals(title, carla.text("h1"));
            assertEquals("Idee", carla.text("[data-testid=project-status]"));
            projectPath = carla.raw().getCurrentUrl().substring(portal.length());
            carla.submit("[data-testid=move-PROPOSED]");
            assertEquals("Vorgeschlagen", carla.text("[data-testid=project-status]"));
            axe(carla, "project detail");
            assertTrue(carla.all("[data-testid=allocate-form]").isEmpty(), "allocation waits for the approval");
        }
        try (Browser dirk = new Browser(portal, "de-DE").login("dirk.decider", "demo-decider")) {
            dirk.open(projectPath);
            assertTrue(dirk.all("[data-testid=allocate-form]").isEmpty(), "a decision-maker is not offered allocation");
            dirk.choose("#d-outcome", "Genehmigt");
            dirk.type("#d-min", "AR-Sitzung " + TAG + ", TOP 3").submit("[data-testid=decide]");
            assertEquals("Genehmigt", dirk.text("[data-testid=project-status]"));
        }
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/");
            String barBefore = carla.attribute("[data-testid=bar-PROJECT_FUNDS]", "value");
            carla.open(projectPath);
            carla.choose("#a-cat", "Personal");
            carla.type("#a-amount", "0,25").submit("[data-testid=allocate]");
            assertTrue(carla.text("[data-testid=allocation-result]").startsWith("Zugeteilt"));
            assertEquals("Ausgestattet", carla.text("[data-testid=project-status]"));
            carla.choose("#a-cat", "Projektmittel");
            carla.type("#a-amount", "10.000,00").submit("[data-testid=allocate]");
            assertTrue(carla.text("[data-testid=allocation-result]").startsWith("Zugeteilt"));
            // An allocation given back: released in the service, its staff free again on the line.
            String staff = suite.as("projects", COORDINATOR)
                    .when()
                    .get(projectPath + "/allocations")
                    .then()
                    .extract()
                    .jsonPath()
                    .getString("find { it.category == 'STAFF' && it.status == 'ALLOCATED' }.id");
            carla.submit("[data-testid=release-" + staff + "]");
            assertEquals("Zurückgegeben", carla.text("[data-testid=allocation-status-" + staff + "]"));
            assertEquals(
                    "RELEASED",
                    suite.as("projects", COORDINATOR)
                            .when()
                            .get(projectPath + "/allocations")
                            .then()
                            .extract()
                            .jsonPath()
                            .getString("find { it.id == '" + staff + "' }.status"));
            carla.open("/");
            assertTrue(carla.text("[data-testid=budget]").contains("Projektmittel"));
            String barAfter = carla.attribute("[data-testid=bar-PROJECT_FUNDS]", "value");
            assertTrue(
                    Integer.parseInt(barAfter) > Integer.parseInt(barBefore),
                    "the budget bar moved: " + barBefore + " → " + barAfter);
            carla.open("/projects?status=RESOURCED&sort=-updatedAt");
            assertTrue(
                    carla.text("#projects-table").contains(title), "the dashboard's project list shows it RESOURCED");
            // Search as on keep.eu: words of the summary, without the accents, and a partner's country.
            carla.open("/projects");
            carla.type("[data-testid=project-search]", "LEIHRADER " + TAG).submit("[data-testid=apply-filter]");
            assertTrue(carla.text("#projects-table").contains(title), "found by a word of its summary");
            carla.choose("select[name=country]", "Schweden").submit("[data-testid=apply-filter]");
            assertFalse(carla.text("#projects-table").contains(title), "it has no Swedish partner");
        }
    }

    @Test
    @Order(3)
    void aRefusedAllocationShowsItsReason() {
        BigDecimal free = new BigDecimal(suite.as("projects", COORDINATOR)
                .when()
                .get("/budget/" + YEAR)
                .then()
                .extract()
                .jsonPath()
                .getString("lines.find { it.category == 'PROJECT_FUNDS' }.free"));
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open(projectPath);
            carla.choose("#a-cat", "Projektmittel");
            carla.type("#a-amount", free.add(new BigDecimal("1000000")).toPlainString())
                    .submit("[data-testid=allocate]");
            assertTrue(carla.text("[data-testid=allocation-result]").startsWith("Abgelehnt"));
            assertFalse(carla.text("[data-testid=allocation-reason]").isBlank(), "the refusal names its reason");
        }
    }

    @Test
    @Order(4)
    void aShareholderEditsKielsActivitiesButNotPloens() {
        String externalId = "KI-" + TAG;
        try (Browser kai = new Browser(portal, "de-DE").login("kai.kiel", "demo-kiel")) {
            kai.open("/activities");
            axe(kai, "activities");
            kai.submit("[data-testid=new-activity]");
            axe(kai, "activity form");
            kai.type("#a-ext", externalId)
                    .type("#a-title", "Jugendaustausch Kiel–Göteborg " + TAG)
                    .type("#a-from", "2025")
                    .type("#a-themes", "Jugend, Kultur")
                    .submit("[data-testid=save-activity]");
            assertTrue(kai.text("[data-testid=activities]").contains(externalId));
            kai.submit("[data-testid=edit-" + externalId + "]");
            kai.type("#a-title", "Jugendaustausch Kiel–Göteborg (erweitert) " + TAG)
                    .submit("[data-testid=save-activity]");
            assertTrue(kai.text("[data-testid=activities]").contains("(erweitert) " + TAG));

            kai.open("/activities?shareholder=PLOEN");
            assertTrue(kai.all("[data-testid=new-activity]").isEmpty(), "no 'new' for Plön's activities");
            assertTrue(kai.all("[data-testid^=edit-]").isEmpty(), "no 'edit' for Plön's activities");
            // Even typed by hand, partners-service refuses: the portal shows it, nothing is written.
            kai.open("/activities/PLOEN/new");
            kai.type("#a-ext", "PL-" + TAG)
                    .type("#a-title", "Fremd " + TAG)
                    .type("#a-from", "2025")
                    .submit("[data-testid=save-activity]");
            assertTrue(kai.text("[data-testid=problem]").startsWith("Nicht gespeichert."));
            assertEquals(
                    0, suite.count("partners", "select count(*) from activity where external_id = ?", "PL-" + TAG));
        }
    }

    @Test
    @Order(5)
    void aSecondBrowserSeesAChangeWithoutReload() {
        try (Browser vera = new Browser(portal, "de-DE").login("vera.viewer", "demo-viewer")) {
            vera.open("/projects?sort=-updatedAt");
            vera.wait.until(d -> "on".equals(vera.find("#live-status").getDomAttribute("data-state")));
            vera.raw().executeScript("window.__notReloaded = true;");
            String title = "Live-Test " + TAG;
            try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
                carla.open("/projects/new").type("#f-title", title).submit("[data-testid=save-project]");
            }
            vera.wait.until(d -> vera.text("#projects-table").contains(title));
            assertEquals(
                    Boolean.TRUE,
                    vera.raw().executeScript("return window.__notReloaded === true;"),
                    "the page was updated in place, not reloaded");
            vera.wait.until(d -> "Aktualisiert: Es gab eine Änderung.".equals(vera.text("#live-status")));
        }
    }

    @Test
    @Order(6)
    void germanAndEnglish() {
        try (Browser vera = new Browser(portal, "de-DE").login("vera.viewer", "demo-viewer")) {
            vera.open("/projects");
            assertEquals("Projekte", vera.text("h1"));
            assertEquals("de", vera.find("html").getDomAttribute("lang"));
            vera.submit("[data-testid=language]");
            assertEquals("Projects", vera.text("h1"));
            assertEquals("en", vera.find("html").getDomAttribute("lang"));
            vera.open("/");
            assertEquals("Overview", vera.text("h1"));
            vera.submit("[data-testid=language]");
            assertEquals("Lage", vera.text("h1"));
        }
    }

    @Test
    @Order(7)
    void everyPageReadsWithoutAccessibilityProblems() {
        try (Browser anna = new Browser(portal, "de-DE").login("anna.admin", "demo-admin")) {
            anna.open("/");
            axe(anna, "dashboard");
            anna.open("/partners");
            anna.wait.until(d -> anna.find("[data-testid=map]").getDomAttribute("data-markers") != null);
            // The base map comes from the portal itself (Natural Earth), no tile server anywhere.
            anna.wait.until(d -> "drawn".equals(anna.find("[data-testid=map]").getDomAttribute("data-base")));
            assertEquals(
                    Boolean.TRUE,
                    anna.raw()
                            .executeScript("return performance.getEntriesByType('resource')"
                                    + ".every(function (r) { return r.name.indexOf(location.origin) === 0; });"),
                    "every file the partners' page loaded came from the portal");
            axe(anna, "partners");
            List<String> partnerLinks = anna.attributes("#partners-table a[href^='/partners/']", "href");
            anna.open(partnerLinks.get(0));
            axe(anna, "partner detail");
            anna.open("/partners");
            List<String> areaLinks = anna.attributes("a[href^='/areas/']", "href");
            anna.open(areaLinks.get(0));
            axe(anna, "cooperation area");
            anna.open("/memberships");
            axe(anna, "memberships");
            List<String> memberships = anna.attributes("#memberships-table a[href^='/memberships/']", "href");
            anna.open(memberships.get(0));
            axe(anna, "membership detail");
            anna.open("/decisions");
            axe(anna, "decisions");
            assertTrue(
                    anna.text("[data-testid=register]").contains("AR-Sitzung " + TAG),
                    "the register lists the approval recorded in the portal");
            // A decision on a partner reaches the register with its note (partners → projects).
            String note = "Notiz zum Fokuspartner " + TAG;
            suite.as("partners", Suite.DECIDER)
                    .body(Map.of(
                            "kind", "DESIGNATE_FOCUS_PARTNER",
                            "shareholder", "RENDSBURG_ECKERNFOERDE",
                            "body", "MANAGEMENT",
                            "decidedOn",
                                    LocalDate.now(ZoneId.of("Europe/Berlin")).toString(),
                            "outcome", "REJECTED",
                            "note", note))
                    .when()
                    .post(partnerLinks.get(0) + "/decisions")
                    .then()
                    .statusCode(201);
            anna.wait.until(d -> {
                anna.open("/decisions");
                return anna.texts("[data-testid=decision-note]").contains(note);
            });
            axe(anna, "decisions with a note");
            anna.open("/strategy");
            axe(anna, "strategy");
            anna.open("/no-such-page-" + TAG);
            axe(anna, "not found");
            assertFalse(anna.raw().getPageSource().contains("Exception"), "no stack trace on an error page");
            anna.open("/projects/00000000-0000-0000-0000-000000000000");
            assertEquals("Nicht gefunden", anna.text("h1"));
            axe(anna, "project not found");
        }
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/");
            axe(carla, "coordinator's dashboard"); // her project list is scanned in the second test
        }
    }

    @Test
    @Order(8)
    void rolesSeeOnlyWhatTheyMayDo() {
        try (Browser vera = new Browser(portal, "de-DE").login("vera.viewer", "demo-viewer")) {
            vera.open("/projects");
            assertTrue(vera.all("[data-testid=propose]").isEmpty(), "a viewer is not offered to propose");
            vera.open(projectPath);
            assertTrue(
                    vera.all("[data-testid=decide-form]").isEmpty()
                            && vera.all("[data-testid=allocate-form]").isEmpty(),
                    "a viewer is offered neither decisions nor allocations");
            // Typed by hand, the service refuses and the portal says so; nothing changes.
            vera.open("/projects/new").type("#f-title", "Nicht erlaubt " + TAG).submit("[data-testid=save-project]");
            assertTrue(vera.text("[data-testid=problem]").contains("Ihre Rolle erlaubt das nicht."));
            assertEquals(
                    0, suite.count("projects", "select count(*) from project where title = ?", "Nicht erlaubt " + TAG));
        }
        String partner = suite.as("partners", COORDINATOR)
                .when()
                .get("/partners?size=1")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        try (Browser kai = new Browser(portal, "de-DE").login("kai.kiel", "demo-kiel")) {
            kai.open("/partners/" + partner);
            assertTrue(kai.all("[data-testid=contacts]").isEmpty(), "a shareholder sees no contact persons");
            kai.choose("#r-kind", "Projektpartner")
                    .choose("#r-status", "aktiv")
                    .submit("[data-testid=relation-form] button");
            assertTrue(kai.text("#relations").contains("Landeshauptstadt Kiel"), "Kiel's relation is recorded");
            assertEquals(
                    List.of("Landeshauptstadt Kiel"),
                    kai.texts("#r-sh option"),
                    "a shareholder records relations only for itself");
        }
        try (Browser anna = new Browser(portal, "de-DE").login("anna.admin", "demo-admin")) {
            anna.open("/partners/" + partner);
            anna.find("[data-testid=contacts]");
        }
    }

    @Test
    @Order(12)
    void aServiceThatIsDownGivesABannerNotAStackTrace() {
        // Last of this class: the restarted service's consumers wait for the killed ones' session to expire.
        try (Browser vera = new Browser(portal, "de-DE").login("vera.viewer", "demo-viewer")) {
            suite.kill("memberships");
            try {
                vera.open("/");
                assertTrue(vera.text("[data-testid=service-down]")
                        .contains("Die Mitgliedschaftsverwaltung ist gerade nicht erreichbar"));
                assertTrue(vera.text("[data-testid=budget]").contains("Projektmittel"), "the rest of the page works");
                vera.open("/memberships");
                assertEquals("Dienst nicht erreichbar", vera.text("h1"));
                assertFalse(vera.raw().getPageSource().contains("Exception"));
            } finally {
                suite.restart("memberships");
            }
        }
    }

    @Test
    @Order(10)
    void sessionCookieCsrfHeadersAndLogout() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> anonymous = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(portal + "/projects"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, anonymous.statusCode(), "no session: off to Keycloak");
        String location = anonymous.headers().firstValue("Location").orElseThrow();
        assertTrue(
                location.contains("code_challenge_method=S256") && location.contains("client_id=ostsee-portal"),
                "authorization code flow with PKCE: " + location);
        java.net.http.HttpResponse<String> asset = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(portal + "/css/portal.css"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, asset.statusCode());
        String csp = asset.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals(
                "nosniff", asset.headers().firstValue("X-Content-Type-Options").orElseThrow());

        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            StringBuilder session = new StringBuilder();
            for (org.openqa.selenium.Cookie cookie : carla.raw().manage().getCookies().stream()
                    .sorted(java.util.Comparator.comparing(org.openqa.selenium.Cookie::getName))
                    .toList()) {
                if (cookie.getName().startsWith("q_session")) {
                    assertTrue(cookie.isHttpOnly(), cookie.getName() + " is HttpOnly");
                    assertEquals("Lax", cookie.getSameSite(), cookie.getName() + " is SameSite=Lax");
                    session.append(cookie.getValue());
                }
            }
            assertFalse(session.isEmpty(), "a session cookie is set");
            String header = new String(
                    java.util.Base64.getUrlDecoder().decode(session.toString().split("\\.")[0]));
            assertTrue(header.contains("\"enc\""), "the tokens are kept encrypted (JWE), not readable: " + header);
            carla.open(projectPath);
            String before = carla.text("[data-testid=project-status]");
            // A form post without the CSRF token (as another site would send it) is refused and changes nothing.
            Object status = carla.raw().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                        body: 'status=CANCELLED' }).then(r => done(r.status)).catch(e => done(String(e)));
                    """, projectPath + "/status");
            assertEquals(400L, status);
            carla.open(projectPath);
            assertEquals(before, carla.text("[data-testid=project-status]"));

            carla.submit("[data-testid=logout]");
            carla.wait.until(d -> d.getCurrentUrl().startsWith(portal + "/logged-out"));
            assertEquals("Abgemeldet", carla.text("h1"));
            carla.open("/projects");
            carla.find("#username");
            assertTrue(carla.raw().getCurrentUrl().contains("/realms/ostsee/"), "logged out here and at Keycloak");
        }
    }

    @Test
    @Order(15)
    void aCoordinatorAttachesTheApplicationAndARenamedFileIsRefused() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("attachments");
        java.nio.file.Path pdf = dir.resolve("Antrag " + TAG + ".pdf");
        java.nio.file.Files.writeString(
                pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        java.nio.file.Path fake = dir.resolve("Protokoll " + TAG + ".pdf");
        java.nio.file.Files.writeString(fake, "<html><body><script>alert(1)</script></body></html>");
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open(projectPath);
            carla.find("#att-file").sendKeys(pdf.toString());
            carla.submit("[data-testid=attach]");
            assertTrue(carla.text("[data-testid=attachments]").contains("Antrag " + TAG + ".pdf"));
            assertEquals("%PDF-", download(carla, "[data-testid=attachments] a", "application/pdf"));
            carla.find("#att-file").sendKeys(fake.toString());
            carla.submit("[data-testid=attach]");
            assertTrue(
                    carla.text("[data-testid=problem]").contains("text/html"),
                    "refused by its content: " + carla.text("[data-testid=problem]"));
            assertFalse(carla.text("#project-attachments").contains("Protokoll " + TAG));
            axe(carla, "project with attachments");
            // The minutes of the decision on the project go to the decision in the register.
            carla.open("/decisions");
            carla.submit("[data-testid=decision-link]");
            axe(carla, "decision");
            carla.find("#decision-att-file").sendKeys(pdf.toString());
            carla.submit("[data-testid=decision-attach]");
            assertTrue(carla.text("[data-testid=decision-attachments]").contains("Antrag " + TAG + ".pdf"));
        }
    }

    @Test
    @Order(14)
    void aCalendarIsSubscribedToWithoutLogInAndRevoked() throws Exception {
        try (Browser vera = new Browser(portal, "de-DE").login("vera.viewer", "demo-viewer")) {
            vera.open("/calendar");
            axe(vera, "calendar");
            vera.type("#c-name", "Outlook " + TAG).submit("[data-testid=create-calendar]");
            String address = vera.find("[data-testid=calendar-url]").getDomProperty("value");
            assertTrue(address.startsWith(portal + "/ics/") && address.endsWith(".ics"), address);
            // A calendar program has no session: the address alone must do.
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> calendar = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(address))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, calendar.statusCode());
            assertTrue(calendar.headers().firstValue("content-type").orElse("").startsWith("text/calendar"));
            assertTrue(calendar.body().startsWith("BEGIN:VCALENDAR"), calendar.body());
            vera.open("/calendar");
            vera.submit("[data-testid='revoke-Outlook " + TAG + "']");
            assertEquals(
                    404,
                    http.send(
                                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(address))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString())
                            .statusCode(),
                    "revoked");
        }
    }

    @Test
    @Order(13)
    void documentsToPassOnDownloadFromThePages() {
        try (Browser anna = new Browser(portal, "de-DE").login("anna.admin", "demo-admin")) {
            anna.open("/strategy");
            assertEquals("%PDF-", download(anna, "[data-testid=download-pdf]", "application/pdf"));
            anna.open("/projects?q=" + TAG);
            assertEquals(
                    "PK",
                    download(anna, "[data-testid=projects-xlsx]", "spreadsheetml")
                            .substring(0, 2));
            anna.open("/decisions");
            assertEquals(
                    "PK",
                    download(anna, "[data-testid=decisions-xlsx]", "spreadsheetml")
                            .substring(0, 2));
            anna.open("/partners");
            assertEquals(
                    "PK",
                    download(anna, "[data-testid=partners-xlsx]", "spreadsheetml")
                            .substring(0, 2));
            anna.open("/memberships");
            assertEquals(
                    "PK",
                    download(anna, "[data-testid=memberships-xlsx]", "spreadsheetml")
                            .substring(0, 2));
            anna.open("/");
            assertEquals(
                    "PK",
                    download(anna, "[data-testid=budget-xlsx]", "spreadsheetml").substring(0, 2));
        }
    }

    /**
     * Fetches what a download link points to, in the page (with its session), and returns the
     * file's first five characters once status and content type are as expected.
     */
    private static String download(Browser browser, String link, String contentType) {
        String href = browser.find(link).getDomAttribute("href");
        Object result = browser.raw()
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done([r.status,"
                                + " r.headers.get('content-type') || '', r.headers.get('content-disposition') || '',"
                                + " String.fromCharCode(...new Uint8Array(b).slice(0, 5))])));",
                        href);
        List<?> answer = (List<?>) result;
        assertEquals(200L, ((Number) answer.get(0)).longValue(), href);
        assertTrue(answer.get(1).toString().contains(contentType), href + ": " + answer.get(1));
        assertTrue(answer.get(2).toString().startsWith("attachment"), href + ": " + answer.get(2));
        return answer.get(3).toString();
    }

    @Test
    @Order(11)
    void kielRecordsItsInterestsAndTheQuickWinsNarrowToThem() {
        try (Browser kai = new Browser(portal, "de-DE").login("kai.kiel", "demo-kiel")) {
            kai.open("/interests");
            axe(kai, "interests");
            assertTrue(kai.all("[data-testid=interests-form-PLOEN]").isEmpty(), "Kiel's staff do not edit Plön's");
            kai.open("/projects?interestsOf=RENDSBURG_ECKERNFOERDE");
            assertFalse(kai.text("[data-testid=no-interests]").isBlank(), "none recorded: said, not an error page");

            kai.open("/interests");
            kai.raw().executeScript("document.querySelector('#i-KIEL details').open = true;");
            kai.find("[data-testid=interests-form-KIEL] input[name=themes][value='" + DemoData.THEME + "']")
                    .click();
            kai.find("[data-testid=interests-form-KIEL] input[name=countries][value=SE]")
                    .click();
            kai.submit("[data-testid=save-interests-KIEL]");
            assertTrue(kai.text("[data-testid=interests-KIEL]").contains(DemoData.THEME));
            assertTrue(kai.text("[data-testid=interests-KIEL]").contains("Schweden"));

            kai.open("/projects");
            kai.choose("select[name=interestsOf]", "Landeshauptstadt Kiel").submit("[data-testid=apply-filter]");
            // The replica in projects-service follows by event: the page is opened again until it has.
            kai.wait.until(d -> {
                kai.open("/projects?interestsOf=KIEL&sort=quickWin");
                return kai.text("#projects-table").contains("Mobilität im ländlichen Raum");
            });
            assertFalse(
                    kai.text("#projects-table").contains("Radverkehr Kiel–Aarhus " + TAG),
                    "the project of the first test has neither Kiel's theme nor a Swedish partner");
        }
    }

    @Test
    @Order(9)
    void theBoardDecidesToJoinUbcAndTheMembershipBecomesActive() {
        String ubc = suite.as("memberships", COORDINATOR)
                .queryParam("size", 500)
                .when()
                .get("/memberships")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.organisationAcronym == 'UBC' }.id");
        try (Browser dirk = new Browser(portal, "de-DE").login("dirk.decider", "demo-decider")) {
            dirk.open("/memberships/" + ubc);
            assertEquals("In Prüfung", dirk.text("[data-testid=membership-status]"));
            // "AR vertagt UBC": a deferral needs the day the board comes back to it.
            dirk.choose("#md-kind", "Beitritt")
                    .choose("#md-outcome", "Vertagt")
                    .type("#md-min", "AR-Sitzung " + TAG + ", TOP 5")
                    .submit("[data-testid=membership-decide]");
            assertFalse(dirk.text("#e-md-revisit").isBlank(), "the missing revisit day is named at its field");
            dirk.choose("#md-kind", "Beitritt")
                    .choose("#md-outcome", "Vertagt")
                    .date(
                            "#md-revisit",
                            LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1))
                    .type("#md-min", "AR-Sitzung " + TAG + ", TOP 5")
                    .submit("[data-testid=membership-decide]");
            assertEquals("In Prüfung", dirk.text("[data-testid=membership-status]"));
            assertTrue(dirk.text("#membership-decisions").contains("Vertagt"));
            // The register (projects-service) learns of the deferral by event: the dashboard shows it once it has.
            dirk.wait.until(d -> {
                dirk.open("/");
                return dirk.text("[data-testid=deferred]").contains("UBC");
            });
            axe(dirk, "dashboard with a deferral");
            assertTrue(
                    dirk.text("[data-testid=reach-regions]").contains("Region Midtjylland"),
                    "measure 4: the regions with their towns and rural municipalities");

            dirk.open("/memberships/" + ubc);
            dirk.choose("#md-kind", "Beitritt")
                    .choose("#md-outcome", "Genehmigt")
                    .type("#md-min", "AR-Sitzung " + TAG + ", TOP 6")
                    .submit("[data-testid=membership-decide]");
            // Funding goes through projects-service (fee line) and back by events; the open page follows live.
            dirk.raw().executeScript("window.__notReloaded = true;");
            dirk.wait.until(d -> dirk.text("[data-testid=membership-status]").equals("Aktiv"));
            assertEquals(Boolean.TRUE, dirk.raw().executeScript("return window.__notReloaded === true;"));
            axe(dirk, "membership decided");
            dirk.open("/");
            assertFalse(dirk.text("[data-testid=deferred]").contains("UBC"), "decided now: no longer waiting");
        }
    }

    @Test
    @Order(20)
    void aCoordinatorProposesAProjectWithTheKeyboardAlone() {
        String title = "Tastatur " + TAG;
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/");
            carla.tabTo("nav a[href='/projects']").enter();
            carla.tabTo("[data-testid=propose]").enter();
            carla.tabTo("#f-title").keys(title);
            carla.tabTo("#f-effort").keys("2");
            carla.tabTo("#f-impact").keys("4");
            carla.tabTo("[data-testid=save-project]").enter();
            assertEquals(title, carla.text("h1"));
            carla.tabTo("[data-testid=move-PROPOSED]").enter();
            assertEquals("Vorgeschlagen", carla.text("[data-testid=project-status]"));
        }
        List<Map<String, Object>> found = suite.as("projects", COORDINATOR)
                .queryParam("q", title)
                .when()
                .get("/projects")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(1, found.size(), "the service has the project typed with the keyboard");
        assertEquals("PROPOSED", found.get(0).get("status"));
        assertEquals(4, found.get(0).get("impact"));
    }

    @Test
    @Order(21)
    void theAccessibilityStatementIsLinkedFromEveryPageAndReadableWithoutLogIn() {
        try (Browser anyone = new Browser(portal, "de-DE")) {
            anyone.open("/barrierefreiheit");
            assertEquals("Erklärung zur Barrierefreiheit", anyone.text("h1"));
            assertTrue(anyone.attributes("[data-testid=accessibility-contact]", "href")
                    .get(0)
                    .startsWith("mailto:"));
            axe(anyone, "accessibility statement");
        }
        try (Browser vera = new Browser(portal, "de-DE").login("vera.viewer", "demo-viewer")) {
            for (String page : List.of("/", "/projects", "/partners", "/memberships", "/decisions", "/strategy")) {
                vera.open(page);
                assertEquals(
                        List.of("/barrierefreiheit"),
                        vera.attributes("[data-testid=accessibility-link]", "href"),
                        page + " links the statement");
            }
        }
    }

    /** Codes the services keep: a word of capitals with an underscore, or one of the single-word codes. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile(
            "\\b([A-Z]{2,}(_[A-Z]+)+|IDEA|PROPOSED|APPROVED|REJECTED|DEFERRED|RESOURCED|COMPLETED|CANCELLED|RESOLVED"
                    + "|CANDIDATE|ACTIVE|ENDED|RETIRED|KIELREGION|PLOEN|KIEL|STAFF|FTE|JOIN|DECLINE|TERMINATE|OPEN|CITY"
                    + "|TOWN|RURAL|REGION|DISTRICT)\\b");

    /** The kinds of page the crawl read (paths with ids and numbers as {id}). */
    private static final java.util.Set<String> KINDS =
            java.util.Collections.synchronizedSortedSet(new java.util.TreeSet<>());

    /** A path's kind: its ids and numbers as {id}, its query's names without values. */
    private static String shape(String path) {
        // Ids, codes (KIEL, STAFF) and anything with a digit in a segment name one thing of a kind.
        return path.replaceAll("=[^&]*", "=").replaceAll("/(?=[^/?]*[0-9A-Z])[^/?]+", "/{id}");
    }

    private static final java.util.regex.Pattern ISO_DATE =
            java.util.regex.Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

    /**
     * Words of English sentences that German pages do not use, followed by a word in lower case (a
     * sentence; not a proper name such as "Union of the Baltic Cities").
     */
    private static final java.util.regex.Pattern ENGLISH = java.util.regex.Pattern.compile(
            "\\b(the|must|is|are|has|have|should|cannot|which|does|only|free|asked)\\s+[a-z0-9]");

    @Test
    @Order(30)
    void everyPageReadsInGermanForEveryRole() throws Exception {
        List<String> found = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger pages = new java.util.concurrent.atomic.AtomicInteger();
        // Two roles at a time, a browser each: a page is a chain (browser, portal, service,
        // database) that keeps about one core busy, so two crawls take less than their sum.
        java.util.concurrent.ExecutorService crawlers = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> crawls = new ArrayList<>();
        for (String[] login : new String[][] {
            {"anna.admin", "demo-admin"},
            {"carla.coordinator", "demo-coordinator"},
            {"dirk.decider", "demo-decider"},
            {"vera.viewer", "demo-viewer"},
            {"kai.kiel", "demo-kiel"}
        }) {
            crawls.add(crawlers.submit(() -> crawl(login, found, pages)));
        }
        // Every crawl ends (each failure reported, the first with the others added to it) before
        // the next test: a crawl left running would still drive its browser meanwhile.
        crawlers.shutdown();
        Throwable failed = null;
        for (java.util.concurrent.Future<?> crawl : crawls) {
            try {
                crawl.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failed == null) {
                    failed = e.getCause();
                } else {
                    failed.addSuppressed(e.getCause());
                }
            }
        }
        if (failed instanceof Error error) {
            throw error;
        } else if (failed != null) {
            throw new AssertionError("a crawl failed", failed);
        }
        System.out.println("German crawl: " + pages + " pages read as five roles, " + KINDS.size() + " kinds of page: "
                + String.join(" ", KINDS));
        assertTrue(pages.get() > 100, "the crawl read every role's pages: " + pages);
        assertTrue(KINDS.size() >= 40, "the crawl read every kind of page: " + KINDS);
        assertTrue(
                found.isEmpty(),
                found.size() + " codes, ISO dates or English words on German pages:\n"
                        + String.join("\n", found.stream().distinct().limit(80).toList()));
    }

    /** One role's crawl (see {@link #everyPageReadsInGermanForEveryRole}): what it found, the pages it read. */
    private void crawl(String[] login, List<String> found, java.util.concurrent.atomic.AtomicInteger pages) {
        try (Browser user = new Browser(portal, "de-DE").login(login[0], login[1])) {
            // Every kind of page first (a path whose shape, ids and numbers aside, is new), then
            // ten more of the kinds already read (other data, same template); 70 pages at most.
            java.util.Deque<String> next = new java.util.ArrayDeque<>(List.of("/"));
            java.util.Deque<String> more = new java.util.ArrayDeque<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.Set<String> shapes = new java.util.HashSet<>();
            int again = 0;
            while ((!next.isEmpty() || (!more.isEmpty() && again < 10)) && seen.size() < 70) {
                if (next.isEmpty()) {
                    again++;
                }
                String path = next.isEmpty() ? more.poll() : next.poll();
                if (!seen.add(path)) {
                    continue;
                }
                shapes.add(shape(path));
                KINDS.add(shape(path));
                user.open(path);
                pages.incrementAndGet();
                String text = (String) user.raw().executeScript("return document.body.innerText;");
                for (java.util.regex.Pattern p : List.of(CODE, ISO_DATE, ENGLISH)) {
                    java.util.regex.Matcher m = p.matcher(text);
                    while (m.find()) {
                        found.add(login[0] + " " + path + ": '" + m.group() + "' in '"
                                + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40))
                                        .replace('\n', ' ')
                                + "'");
                    }
                }
                for (String href : user.attributes("main a[href^='/'], nav a[href^='/']", "href")) {
                    String link = href.replaceAll("#.*", "");
                    if (!link.matches(".*\\.(xlsx|md|html|pdf|ics|geojson)(\\?.*)?")
                            && !link.startsWith("/logout")
                            && !link.startsWith("/language")
                            && !link.startsWith("/attachments")
                            && !link.startsWith("/ics/")
                            && !seen.contains(link)) {
                        // A kind already read or already waiting: later; a new kind: next.
                        (shapes.add(shape(link)) ? next : more).add(link);
                    }
                }
            }
        }
    }
}
