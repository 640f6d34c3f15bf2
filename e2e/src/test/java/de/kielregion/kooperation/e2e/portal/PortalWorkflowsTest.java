package de.kielregion.kooperation.e2e.portal;

import static de.kielregion.kooperation.e2e.Suite.COORDINATOR;
import static de.kielregion.kooperation.e2e.Suite.DECIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.e2e.Suite;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The workflows that were API-only, done through the portal's pages as the demo user whose role
 * owns them (real Chromium, Keycloak's login), each checked through the service's API afterwards;
 * a refused input keeps the form, a role that may not gets no form.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalWorkflowsTest {

    private static final String TAG =
            UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();
    private static final PageChecks CHECKS = new PageChecks();
    private static Suite suite;
    private static String portal;

    @BeforeAll
    static void start() {
        suite = Suite.get();
        portal = suite.url("portal");
        suite.demoData();
    }

    @AfterAll
    static void everyPageReadWasClean() {
        CHECKS.assertClean(10);
    }

    @Test
    @Order(1)
    void aCoordinatorWritesGoalsThemesMeasuresNextStepsAndQuestionsAndTheBoardAnswers() {
        String goal = "Ziel " + TAG;
        String theme = "Handlungsfeld " + TAG;
        String measure = "Maßnahme " + TAG;
        int number = 50 + new java.util.Random().nextInt(50); // the service numbers measures 1 to 99
        String measureId;
        String question = "Soll KielRegion " + TAG + " beitreten?";
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/plan");
            CHECKS.check(carla, "plan");
            carla.submit("[data-testid=goal-new]");
            // Nothing typed: the service's refusal stands at the field, the form stays.
            carla.type("#f-description", "ohne Titel").submit("[data-testid=goal-save]");
            assertFalse(carla.text("#e-f-title").isBlank(), "the missing title is named at its field");
            assertEquals("ohne Titel", carla.find("#f-description").getDomProperty("value"), "what was typed is kept");
            CHECKS.check(carla, "goal refused");
            carla.type("#f-title", goal).submit("[data-testid=goal-save]");
            assertTrue(carla.text("[data-testid=goals]").contains(goal));

            carla.submit("[data-testid=theme-new]");
            carla.type("#f-name", theme)
                    .type("#f-description", "neu im Workshop")
                    .submit("[data-testid=theme-save]");
            assertTrue(carla.text("[data-testid=themes]").contains(theme));

            carla.submit("[data-testid=measure-new]");
            carla.type("#f-number", "zwölf").type("#f-title", measure).submit("[data-testid=measure-save]");
            assertFalse(carla.text("#e-f-number").isBlank(), "a number that is none is named at its field");
            carla.type("#f-number", String.valueOf(number))
                    .type("#f-whatMustHappen", "Partner ansprechen")
                    .type("#f-timeline", "2027");
            carla.raw().findElements(org.openqa.selenium.By.cssSelector("input[name=themeIds]")).stream()
                    .filter(box -> box.findElement(org.openqa.selenium.By.xpath(".."))
                            .getText()
                            .contains(theme))
                    .findFirst()
                    .orElseThrow()
                    .click();
            carla.submit("[data-testid=measure-save]");
            assertTrue(carla.text("[data-testid=measure-title]").contains(measure));
            assertTrue(carla.text("[data-testid=measure-themes]").contains(theme));
            CHECKS.check(carla, "measure");
            measureId = carla.raw().getCurrentUrl().replaceAll(".*/plan/measures/([0-9a-f-]{36}).*", "$1");
            // The same number again: the service's refusal, in German, above the kept form.
            carla.open("/plan/measures/new");
            carla.type("#f-number", String.valueOf(number))
                    .type("#f-title", "Doppelt")
                    .submit("[data-testid=measure-save]");
            assertTrue(
                    carla.text("[data-testid=problem]")
                            .contains("Eine Maßnahme mit der Nummer " + number + " gibt es bereits"),
                    carla.text("[data-testid=problem]"));
            assertEquals("Doppelt", carla.find("#f-title").getDomProperty("value"));
            carla.open("/plan/measures/" + measureId);

            carla.submit("[data-testid=step-new]");
            carla.type("#f-title", "Gespräch mit Aarhus " + TAG)
                    .type("#f-owner", "Carla Coordinator")
                    .date(
                            "#f-dueDate",
                            LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(14))
                    .submit("[data-testid=step-save]");
            assertTrue(carla.text("[data-testid=steps]").contains("Gespräch mit Aarhus " + TAG));
            carla.submit("[data-testid=step-done]");
            assertTrue(carla.text("[data-testid=steps]").contains("erledigt"));

            carla.submit("[data-testid=question-new]");
            carla.type("#f-text", question)
                    .type("#f-organisations", "STRING, UBC")
                    .submit("[data-testid=question-save]");
            assertTrue(carla.text("[data-testid=questions]").contains(question));
            assertTrue(carla.all("[data-testid^=answer-]").isEmpty(), "a coordinator does not answer by decision");
        }
        // Through the API: what the pages wrote is what the service has.
        assertTrue(suite.as("projects", COORDINATOR)
                .when()
                .get("/goals")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("title")
                .contains(goal));
        Map<String, Object> m = suite.as("projects", COORDINATOR)
                .when()
                .get("/measures/" + measureId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(number, m.get("number"));
        assertEquals("Partner ansprechen", m.get("whatMustHappen"));
        assertEquals(1, ((List<?>) m.get("themeIds")).size());
        List<Map<String, Object>> steps = suite.as("projects", COORDINATOR)
                .queryParam("measureId", measureId)
                .when()
                .get("/next-steps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertEquals(1, steps.size());
        assertEquals("DONE", steps.get(0).get("status"));
        assertEquals(
                LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(14).toString(),
                steps.get(0).get("dueDate"));

        try (Browser dirk = new Browser(portal, "de-DE").login("dirk.decider", "demo-decider")) {
            dirk.open("/plan/measures/" + measureId);
            assertTrue(dirk.all("[data-testid=step-new]").isEmpty(), "a decision-maker writes no next steps");
            dirk.submit("[data-testid^=answer-]");
            CHECKS.check(dirk, "answer a question");
            dirk.choose("#f-body", "Aufsichtsrat")
                    .type("#f-answer", "Ja, zum 1. Januar")
                    .type("#f-minutesReference", "AR " + TAG)
                    .submit("[data-testid=question-answer]");
            assertTrue(dirk.text("[data-testid=questions]").contains("Ja, zum 1. Januar"));
            assertTrue(dirk.text("[data-testid=questions]").contains("Beantwortet"));

            dirk.submit("[data-testid=measure-decide-link]");
            dirk.type("#f-kind", "Umsetzung der Maßnahme")
                    .choose("#f-body", "Aufsichtsrat")
                    .choose("#f-outcome", "Genehmigt")
                    .type("#f-minutesReference", "AR " + TAG + ", TOP 2")
                    .submit("[data-testid=measure-decide]");
            assertTrue(dirk.text("[data-testid=measure-title]").contains(measure));
        }
        List<Map<String, Object>> questions = suite.as("projects", COORDINATOR)
                .queryParam("measureId", measureId)
                .when()
                .get("/open-questions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertEquals("RESOLVED", questions.get(0).get("status"));
        assertEquals("Ja, zum 1. Januar", questions.get(0).get("answer"));
        List<Map<String, Object>> decisions = suite.as("projects", COORDINATOR)
                .queryParam("subjectId", measureId)
                .queryParam("size", 50)
                .when()
                .get("/decisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertTrue(
                decisions.stream()
                        .anyMatch(d ->
                                "Umsetzung der Maßnahme".equals(d.get("kind")) && "APPROVED".equals(d.get("outcome"))),
                "the register has the decision on the measure: " + decisions);

        try (Browser vera = new Browser(portal, "de-DE").login("vera.viewer", "demo-viewer")) {
            vera.open("/plan");
            assertTrue(vera.all("[data-testid=goal-new]").isEmpty(), "a viewer reads only");
            vera.open("/plan/goals/new");
            assertEquals(403, status(vera), "a viewer gets no form");
            CHECKS.check(vera, "forbidden form");
        }
    }

    @Test
    @Order(2)
    void aCoordinatorSetsTheBudgetOfAYearWithoutTheApi() {
        int year = YEAR + 2 + new java.util.Random().nextInt(50);
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/budget?year=" + year);
            CHECKS.check(carla, "budget");
            assertTrue(carla.text("[data-testid=budget-PROJECT_FUNDS]").contains("noch nicht festgelegt"));
            carla.submit("[data-testid=set-PROJECT_FUNDS]");
            carla.type("#f-amount", "zwölf").submit("[data-testid=line-save]");
            assertFalse(carla.text("#e-f-amount").isBlank(), "an amount that is none is named at its field");
            CHECKS.check(carla, "budget line refused");
            carla.type("#f-amount", "12.345,50").submit("[data-testid=line-save]");
            assertTrue(
                    carla.text("[data-testid=budget-PROJECT_FUNDS]").matches("(?s).*12\\.345,50\\s€.*"),
                    carla.text("[data-testid=budget-PROJECT_FUNDS]"));
            // Changed again: the form carries the line's version (If-Match).
            carla.submit("[data-testid=set-PROJECT_FUNDS]");
            carla.type("#f-amount", "20.000").submit("[data-testid=line-save]");
            carla.submit("[data-testid=set-STAFF]");
            carla.type("#f-amount", "1,5").submit("[data-testid=line-save]");
            assertTrue(
                    carla.text("[data-testid=budget-STAFF]").contains("1,5"), carla.text("[data-testid=budget-STAFF]"));
        }
        Map<String, Object> funds = suite.as("projects", COORDINATOR)
                .when()
                .get("/budget/" + year)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("lines.find { it.category == 'PROJECT_FUNDS' }");
        assertEquals(
                0,
                new BigDecimal("20000")
                        .compareTo(new BigDecimal(funds.get("amount").toString())));
        Map<String, Object> staff = suite.as("projects", COORDINATOR)
                .when()
                .get("/budget/" + year)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("lines.find { it.category == 'STAFF' }");
        assertEquals(
                0,
                new BigDecimal("1.5")
                        .compareTo(new BigDecimal(staff.get("amount").toString())));
        try (Browser dirk = new Browser(portal, "de-DE").login("dirk.decider", "demo-decider")) {
            dirk.open("/budget?year=" + year);
            assertTrue(dirk.all("[data-testid=set-STAFF]").isEmpty(), "a decision-maker does not set budget lines");
            dirk.open("/budget/" + year + "/STAFF");
            assertEquals(403, status(dirk));
        }
    }

    @Test
    @Order(3)
    void anOrganisationIsRegisteredAMembershipProposedDecidedWithConditionsItsFeeChangedAndNoticeGiven() {
        // Room for the fee on this year's line, so that the approved membership is funded at once.
        Map<String, Object> fees = suite.as("projects", COORDINATOR)
                .when()
                .get("/budget/" + YEAR)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("lines.find { it.category == 'MEMBERSHIP_FEES' }");
        BigDecimal room = fees == null
                ? BigDecimal.ZERO
                : new BigDecimal(fees.get("amount").toString());
        var put = suite.as("projects", COORDINATOR).body(Map.of("amount", room.add(new BigDecimal("10000"))));
        if (fees != null) {
            put = put.header("If-Match", "\"" + fees.get("version") + "\"");
        }
        put.when().put("/budget/" + YEAR + "/lines/MEMBERSHIP_FEES").then().statusCode(200);

        String acronym = "N" + TAG;
        String membership;
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/memberships");
            carla.submit("[data-testid=organisation-new]");
            carla.type("#f-acronym", acronym).submit("[data-testid=organisation-save]");
            assertFalse(carla.text("#e-f-name").isBlank(), "the missing name is named at its field");
            assertEquals(acronym, carla.find("#f-acronym").getDomProperty("value"), "what was typed is kept");
            CHECKS.check(carla, "organisation refused");
            carla.type("#f-name", "Netzwerk " + TAG)
                    .choose("#f-kind", "Städtenetzwerk")
                    .choose("#f-seatCountry", "Schweden")
                    .type("#f-feeModel-flatFee", "2.500,00")
                    .submit("[data-testid=organisation-save]");
            // On to the proposal, the new organisation chosen.
            assertTrue(carla.text("#f-organisationId option:checked").startsWith(acronym));
            assertEquals(
                    0,
                    new BigDecimal("2500")
                            .compareTo(new BigDecimal(carla.find("#f-yearlyFee").getDomProperty("value"))),
                    "the organisation's flat fee");
            CHECKS.check(carla, "propose a membership");
            carla.choose("#f-holder", "Kreis Plön")
                    .type("#f-termMonths", "12")
                    .type("#f-noticePeriod", "3")
                    .submit("[data-testid=membership-propose]");
            assertEquals("Kandidat", carla.text("[data-testid=membership-status]"));
            membership = carla.raw().getCurrentUrl().replaceAll(".*/memberships/([0-9a-f-]{36}).*", "$1");
            carla.submit("button[value=UNDER_REVIEW]");
            assertEquals("In Prüfung", carla.text("[data-testid=membership-status]"));
        }
        try (Browser dirk = new Browser(portal, "de-DE").login("dirk.decider", "demo-decider")) {
            dirk.open("/memberships/" + membership);
            dirk.choose("#md-kind", "Beitritt")
                    .choose("#md-outcome", "Genehmigt")
                    .type("#md-cond", "Mitarbeit in der Arbeitsgruppe Verkehr")
                    .type("#md-min", "AR " + TAG)
                    .submit("[data-testid=membership-decide]");
            assertTrue(dirk.all("[data-testid=problem]").isEmpty(), () -> dirk.text("main"));
            dirk.wait.until(d -> dirk.text("[data-testid=membership-status]").equals("Aktiv"));
            assertTrue(dirk.text("#membership-decisions").contains("Auflagen: Mitarbeit in der Arbeitsgruppe Verkehr"));
        }
        List<Map<String, Object>> decided = suite.as("memberships", COORDINATOR)
                .when()
                .get("/memberships/" + membership + "/decisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertEquals("Mitarbeit in der Arbeitsgruppe Verkehr", decided.get(0).get("conditions"));
        Map<String, Object> proposed = suite.as("memberships", COORDINATOR)
                .when()
                .get("/memberships/" + membership)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals("PLOEN", proposed.get("holder"));
        assertEquals("P3M", proposed.get("noticePeriod"));
        assertEquals(12, proposed.get("termMonths"));

        // Kiel's staff propose for Kiel only, and change no fee of Plön's.
        try (Browser kai = new Browser(portal, "de-DE").login("kai.kiel", "demo-kiel")) {
            kai.open("/memberships/new");
            assertEquals(List.of("Landeshauptstadt Kiel"), kai.texts("#f-holder option"));
            kai.choose(
                            "#f-organisationId",
                            kai.texts("#f-organisationId option").stream()
                                    .filter(o -> o.startsWith(acronym))
                                    .findFirst()
                                    .orElseThrow())
                    .submit("[data-testid=membership-propose]");
            assertEquals("Kandidat", kai.text("[data-testid=membership-status]"));
            kai.open("/memberships/" + membership);
            assertTrue(kai.all("[data-testid=fee-change]").isEmpty(), "not Kiel's membership");
            kai.open("/memberships/" + membership + "/fee");
            assertEquals(403, status(kai));
        }

        LocalDate nextYear = LocalDate.of(YEAR + 1, 1, 1);
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/memberships/" + membership);
            carla.submit("[data-testid=fee-change]");
            CHECKS.check(carla, "change a fee");
            carla.type("#f-yearlyFee", "3.000,00")
                    .date("#f-validFrom", nextYear)
                    .submit("[data-testid=fee-save]");
            assertTrue(carla.text("#fees").contains("3.000,00"), carla.text("#fees"));
            // This year's fee: the organisation's invoice, then its payment (not more than the fee).
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
            carla.submit("[data-testid=invoice-" + YEAR + "]");
            CHECKS.check(carla, "fee invoice");
            carla.type("#f-invoiceNumber", "R-" + TAG)
                    .type("#f-amount", "2.500,00")
                    .date("#f-payableBy", today.plusDays(30))
                    .submit("[data-testid=invoice-save]");
            String year = carla.text("[data-testid=fee-year-" + YEAR + "]");
            assertTrue(year.contains("R-" + TAG) && year.contains("zahlbar bis"), year);
            carla.submit("[data-testid=payment-" + YEAR + "]");
            carla.type("#f-amount", "3.000,00").submit("[data-testid=payment-save]");
            assertTrue(carla.text("main").contains("mehr als der Mitgliedsbeitrag"), carla.text("main"));
            carla.type("#f-amount", "2.500,00").submit("[data-testid=payment-save]");
            assertTrue(
                    carla.text("[data-testid=fee-year-" + YEAR + "]").contains("gezahlt am"),
                    carla.text("[data-testid=fee-year-" + YEAR + "]"));
        }
        List<Map<String, Object>> feeRows = suite.as("memberships", COORDINATOR)
                .when()
                .get("/memberships/" + membership + "/fees")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertTrue(
                feeRows.stream()
                        .anyMatch(f -> new BigDecimal("3000")
                                                .compareTo(new BigDecimal(
                                                        f.get("yearlyFee").toString()))
                                        == 0
                                && nextYear.toString().equals(f.get("validFrom"))),
                feeRows.toString());

        // Notice by decision; the membership runs until its end date and cannot be ended before.
        try (Browser dirk = new Browser(portal, "de-DE").login("dirk.decider", "demo-decider")) {
            dirk.open("/memberships/" + membership);
            dirk.choose("#md-kind", "Kündigung")
                    .choose("#md-outcome", "Genehmigt")
                    .submit("[data-testid=membership-decide]");
            assertEquals("Gekündigt", dirk.text("[data-testid=membership-status]"));
            assertFalse(dirk.text("[data-testid=membership-end-date]").isBlank());
        }
        assertEquals(
                "NOTICE_GIVEN",
                suite.as("memberships", COORDINATOR)
                        .when()
                        .get("/memberships/" + membership)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status"));
    }

    @Test
    @Order(4)
    void partnersAreRegisteredScoredInAnAreaDesignatedAndRetired() {
        String region = "Region " + TAG;
        String city = "Stadt " + TAG;
        String regionId;
        String cityId;
        String areaId;
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/partners");
            carla.submit("[data-testid=partner-new]");
            carla.choose("#f-type", "Region").submit("[data-testid=partner-save]");
            assertFalse(carla.text("#e-f-name").isBlank(), "the missing name is named at its field");
            CHECKS.check(carla, "partner refused");
            carla.type("#f-name", region)
                    .choose("#f-country", "Schweden")
                    .type("#f-coordinates-latitude", "57,7")
                    .type("#f-coordinates-longitude", "11,97")
                    .submit("[data-testid=partner-save]");
            assertEquals(region, carla.text("h1"));
            regionId = idIn(carla, "partners");
            carla.open("/partners/new");
            carla.type("#f-name", city)
                    .choose("#f-type", "Stadt")
                    .choose("#f-country", "Schweden")
                    .choose("#f-urbanisation", "Kleinstadt oder Vorort")
                    .choose("#f-parentRegionId", region + " (Schweden)")
                    .submit("[data-testid=partner-save]");
            assertEquals("Kleinstadt oder Vorort", carla.text("[data-testid=urbanisation]"));
            cityId = idIn(carla, "partners");
            carla.submit("[data-testid=partner-edit]");
            CHECKS.check(carla, "edit a partner");
            carla.type("#f-localName", "Staden " + TAG).submit("[data-testid=partner-save]");
            assertTrue(carla.text("#partner-facts").contains("Staden " + TAG));

            carla.submit("[data-testid=contact-new]");
            carla.type("#f-name", "Lena Lund")
                    .type("#f-email", "lena@example.se")
                    .submit("[data-testid=contact-save]");
            assertTrue(carla.text("[data-testid=contacts]").contains("lena@example.se"));
            carla.confirm("[data-testid=contact-erase]");
            assertFalse(carla.text("[data-testid=contacts]").contains("Lena Lund"), "erased");

            carla.open("/partners");
            carla.submit("[data-testid=area-new]");
            carla.type("#f-name", "Raum " + TAG);
            for (String name : List.of(region, city)) {
                carla.raw().findElements(org.openqa.selenium.By.cssSelector("#f-memberIds option")).stream()
                        .filter(o -> o.getText().startsWith(name))
                        .findFirst()
                        .orElseThrow()
                        .click();
            }
            carla.submit("[data-testid=area-save]");
            assertTrue(carla.text("h1").contains("Raum " + TAG));
            areaId = idIn(carla, "areas");
            carla.submit("[data-testid=analysis-edit]");
            carla.type("#cn-0", "Erreichbarkeit").type("#cw-0", "2").submit("[data-testid=analysis-save]");
            carla.submit("[data-testid=analysis-edit]");
            CHECKS.check(carla, "score an analysis");
            carla.type("input[aria-label='" + region + ": Erreichbarkeit']", "4")
                    .type("input[aria-label='" + city + ": Erreichbarkeit']", "2,5")
                    .submit("[data-testid=analysis-save]");
            List<String> ranking = carla.texts("[data-testid=ranking] tbody tr");
            assertTrue(ranking.get(0).contains(region) && ranking.get(1).contains(city), ranking.toString());
            // A score outside 0 to 5 is refused and the form keeps what was typed.
            carla.submit("[data-testid=analysis-edit]");
            carla.type("input[aria-label='" + city + ": Erreichbarkeit']", "7").submit("[data-testid=analysis-save]");
            assertFalse(carla.text("[data-testid=problem]").isBlank());
            assertEquals(
                    "7",
                    carla.find("input[aria-label='" + city + ": Erreichbarkeit']")
                            .getDomProperty("value"));
        }
        Map<String, Object> analysis = suite.as("partners", COORDINATOR)
                .when()
                .get("/cooperation-areas/" + areaId + "/potential-analysis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(1, ((List<?>) analysis.get("criteria")).size());
        assertEquals(2, ((List<?>) analysis.get("scores")).size(), "the refused 7 changed nothing");
        assertEquals(
                regionId,
                suite.as("partners", COORDINATOR)
                        .when()
                        .get("/partners/" + cityId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("parentRegionId"));

        try (Browser dirk = new Browser(portal, "de-DE").login("dirk.decider", "demo-decider")) {
            dirk.open("/partners/" + cityId);
            dirk.submit("[data-testid=partner-decide-link]");
            CHECKS.check(dirk, "decide on a partner");
            dirk.choose("#f-kind", "Bestimmung zum Schwerpunktpartner")
                    .choose("#f-body", "Aufsichtsrat")
                    .choose("#f-outcome", "Abgelehnt")
                    .submit("[data-testid=partner-decide]");
            assertTrue(
                    dirk.text("[data-testid=partner-decisions]")
                            .contains("Bestimmung zum Schwerpunktpartner – Abgelehnt"),
                    dirk.text("[data-testid=partner-decisions]"));
            dirk.submit("[data-testid=partner-decide-link]");
            dirk.choose("#f-kind", "Bestimmung zum Schwerpunktpartner")
                    .choose("#f-shareholder", "Landeshauptstadt Kiel")
                    .choose("#f-body", "Aufsichtsrat")
                    .choose("#f-outcome", "Genehmigt")
                    .submit("[data-testid=partner-decide]");
            assertTrue(dirk.text("[data-testid=partner-decisions]").contains("Genehmigt"));
            assertTrue(dirk.all("[data-testid=partner-edit]").isEmpty(), "a decision-maker does not edit partners");
        }
        List<Map<String, Object>> decided = suite.as("partners", COORDINATOR)
                .when()
                .get("/partners/" + cityId + "/decisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertEquals(
                List.of("REJECTED", "APPROVED"),
                decided.stream()
                        .sorted(java.util.Comparator.comparing(d -> String.valueOf(d.get("recordedAt"))))
                        .map(d -> d.get("outcome"))
                        .toList());

        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/partners/" + regionId);
            carla.confirm("[data-testid=partner-retire]");
            assertEquals("ausgeschieden", carla.text("[data-testid=partner-retired]"));
        }
        assertEquals(
                "RETIRED",
                suite.as("partners", COORDINATOR)
                        .when()
                        .get("/partners/" + regionId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status"));
        try (Browser vera = new Browser(portal, "de-DE").login("vera.viewer", "demo-viewer")) {
            vera.open("/partners/" + cityId);
            assertTrue(vera.all("[data-testid=partner-edit]").isEmpty());
            vera.open("/partners/new");
            assertEquals(403, status(vera));
            vera.open("/areas/" + areaId + "/analysis");
            assertEquals(403, status(vera));
        }
    }

    @Test
    @Order(5)
    void aProjectsPartnersWithRolesItsFinancingAndItsNextStepsAreKeptOnItsPages() {
        // An idea, proposed through the API, with Kiel taking part.
        String projectId = suite.as("projects", COORDINATOR)
                .body(Map.of("title", "Teile " + TAG, "shareholders", List.of("KIEL")))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<Map<String, Object>> two = suite.as("partners", COORDINATOR)
                .queryParam("size", 2)
                .queryParam("status", "ACTIVE")
                .queryParam("sort", "name")
                .when()
                .get("/partners")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        String lead = (String) two.get(0).get("name");
        String partner = (String) two.get(1).get("name");
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/projects/" + projectId);
            assertTrue(carla.all("[data-testid=allocate-form]").isEmpty(), "an idea gets no resources");
            assertTrue(carla.text("[data-testid=no-allocation]").contains("genehmigte Projekte"));
            carla.submit("[data-testid=edit-partners]");
            CHECKS.check(carla, "project partners");
            carla.choose("[data-testid=add-partner-1]", option(carla, "[data-testid=add-partner-1]", lead))
                    .choose("[data-testid=add-role-1]", "Lead-Partner")
                    .choose("[data-testid=add-partner-2]", option(carla, "[data-testid=add-partner-2]", partner))
                    .choose("[data-testid=add-role-2]", "Lead-Partner")
                    .submit("[data-testid=partners-save]");
            assertFalse(carla.text("[data-testid=problem]").isBlank(), "two lead partners are refused");
            assertTrue(
                    carla.text("[data-testid=add-partner-2] option:checked").startsWith(partner), "the rows are kept");
            carla.choose("[data-testid=add-role-2]", "Partner").submit("[data-testid=partners-save]");
            assertTrue(carla.text("#project-facts").contains(lead + " – Lead-Partner"), carla.text("#project-facts"));
            // The project on the map: its partners with coordinates, on the base map the portal ships.
            long placed =
                    two.stream().filter(pa -> pa.get("coordinates") != null).count();
            carla.wait.until(d -> "drawn".equals(carla.find("[data-testid=map]").getDomAttribute("data-base")));
            carla.wait.until(d -> String.valueOf(placed)
                    .equals(carla.find("[data-testid=map]").getDomAttribute("data-markers")));
            CHECKS.check(carla, "project with its map");

            carla.submit("[data-testid=edit-financing]");
            CHECKS.check(carla, "project financing");
            carla.choose("[data-testid=kind-1]", "EU-Programm")
                    .type("[data-testid=name-1]", "Interreg")
                    .type("[data-testid=amount-1]", "25.000")
                    .choose("[data-testid=kind-2]", "Eigenmittel")
                    .type("[data-testid=name-2]", "KielRegion")
                    .type("[data-testid=amount-2]", "5.000,50")
                    .submit("[data-testid=financing-save]");
            assertTrue(carla.text("#project-facts").matches("(?s).*30\\.000,50\\s€.*"), carla.text("#project-facts"));

            // The history names people as they are called, not by a Keycloak id.
            assertTrue(
                    carla.text("#project-history").contains("von Carla Coordinator am "),
                    carla.text("#project-history"));
            assertFalse(carla.text("#project-history").matches("(?s).*[0-9a-f]{8}-[0-9a-f]{4}-.*"), "no ids");
            carla.submit("[data-testid=step-new]");
            carla.type("#f-title", "Antrag vorbereiten")
                    .type("#f-owner", "Carla Coordinator")
                    .submit("[data-testid=step-save]");
            assertTrue(carla.text("[data-testid=steps]").contains("Antrag vorbereiten"));
        }
        try (Browser kai = new Browser(portal, "de-DE").login("kai.kiel", "demo-kiel")) {
            kai.open("/projects/" + projectId);
            kai.submit("[data-testid=step-new]");
            kai.type("#f-title", "Ratsbeschluss Kiel")
                    .type("#f-owner", "Kai Kiel")
                    .submit("[data-testid=step-save]");
            assertTrue(kai.text("[data-testid=steps]").contains("Ratsbeschluss Kiel"));
            kai.submit("[data-testid=step-done]");
        }
        Map<String, Object> project = suite.as("projects", COORDINATOR)
                .when()
                .get("/projects/" + projectId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(
                List.of("LEAD_PARTNER", "PARTNER"),
                ((List<Map<String, Object>>) project.get("partners"))
                        .stream().map(pp -> (String) pp.get("role")).sorted().toList());
        assertEquals(2, ((List<?>) project.get("financing")).size());
        assertEquals(
                0,
                new BigDecimal("30000.50")
                        .compareTo(new BigDecimal(project.get("financingTotal").toString())));
        List<Map<String, Object>> steps = suite.as("projects", COORDINATOR)
                .queryParam("projectId", projectId)
                .when()
                .get("/next-steps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertEquals(2, steps.size());
        assertEquals(
                1, steps.stream().filter(st -> "DONE".equals(st.get("status"))).count(), steps.toString());
    }

    @Test
    @Order(6)
    void aProjectPlansMilestonesReportsIsReturnedCorrectsAndIsAcceptedAndTheGoalShowsItsAttainment() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String goal = "Ergebnisziel " + TAG;
        String goalId = suite.as("projects", COORDINATOR)
                .body(Map.of("title", goal, "description", "für den Ergebnistest"))
                .when()
                .post("/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        suite.as("projects", COORDINATOR)
                .body(Map.of(
                        "kind",
                        "OUTPUT",
                        "name",
                        "Vereinbarungen " + TAG,
                        "unit",
                        "COUNT",
                        "targets",
                        List.of(Map.of("year", YEAR, "target", 2))))
                .when()
                .post("/goals/" + goalId + "/indicators")
                .then()
                .statusCode(201);
        String projectId = suite.as("projects", COORDINATOR)
                .body(Map.of(
                        "title", "Ergebnisse " + TAG,
                        "shareholders", List.of("KIEL"),
                        "plannedStart", today.minusMonths(7).toString(),
                        "plannedEnd", today.plusYears(1).toString()))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String results = "/projects/" + projectId + "/results";
        Map<String, Object> measure = suite.as("projects", COORDINATOR)
                .when()
                .get("/measures")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("[0]");
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            // The measure serves the goal too: its page says so, the dashboard lists it under the goal.
            carla.open("/plan/measures/" + measure.get("id"));
            carla.submit("[data-testid=measure-goals-edit]");
            CHECKS.check(carla, "measure goals");
            carla.raw().findElements(org.openqa.selenium.By.cssSelector("input[name=goalIds]")).stream()
                    .filter(box -> box.findElement(org.openqa.selenium.By.xpath(".."))
                            .getText()
                            .contains(goal))
                    .findFirst()
                    .orElseThrow()
                    .click();
            carla.submit("[data-testid=goals-save]");
            assertTrue(carla.text("[data-testid=measure-goals]").contains(goal));
            carla.open("/projects/" + projectId);
            carla.submit("[data-testid=project-results]");
            CHECKS.check(carla, "project results");
            carla.submit("[data-testid=goals-edit]");
            carla.raw().findElements(org.openqa.selenium.By.cssSelector("input[name=goalIds]")).stream()
                    .filter(box -> box.findElement(org.openqa.selenium.By.xpath(".."))
                            .getText()
                            .contains(goal))
                    .findFirst()
                    .orElseThrow()
                    .click();
            carla.submit("[data-testid=goals-save]");
            assertTrue(carla.text("[data-testid=project-goals]").contains(goal));

            carla.submit("[data-testid=work-package-new]");
            carla.type("#f-title", "Vereinbarungen vorbereiten").submit("[data-testid=work-package-save]");
            carla.submit("[data-testid=milestone-new]");
            CHECKS.check(carla, "milestone form");
            carla.choose("#f-workPackageId", "1. Vereinbarungen vorbereiten")
                    .type("#f-title", "Nach dem Ende")
                    .date("#f-dueOn", today.plusYears(2))
                    .submit("[data-testid=milestone-save]");
            assertTrue(
                    carla.text("#e-f-dueOn").contains("nach dem geplanten Projektende"),
                    "the refusal stands at the day, in German: " + carla.text("#e-f-dueOn"));
            carla.type("#f-title", "Absichtserklärung unterzeichnet")
                    .date("#f-dueOn", today.minusDays(2))
                    .submit("[data-testid=milestone-save]");
            assertTrue(carla.text("[data-testid=milestones-1]").contains("Absichtserklärung unterzeichnet"));
            carla.submit("[data-testid=milestone-reached]");
            assertTrue(carla.text("[data-testid=milestones-1]").contains("Erreicht"));
            // A deliverable: a file of the work package, from the browser's file field.
            java.nio.file.Path study = java.nio.file.Files.createTempFile("Machbarkeitsstudie-", ".pdf");
            java.nio.file.Files.writeString(
                    study, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
            carla.find("#deliverable-1").sendKeys(study.toString());
            carla.submit("[data-testid=deliverable-add-1]");
            assertTrue(
                    carla.text("[data-testid=deliverables-1]")
                            .contains(study.getFileName().toString()),
                    carla.text("[data-testid=deliverables-1]"));

            carla.submit("[data-testid=indicator-new]");
            carla.choose("#f-kind", "Output")
                    .type("#f-name", "Unterzeichnete Vereinbarungen")
                    .choose("#f-unit", "Anzahl")
                    .type("#f-target", "2")
                    .choose("#f-contributesTo", option(carla, "#f-contributesTo", goal))
                    .submit("[data-testid=indicator-save]");
            assertTrue(carla.text("[data-testid=indicators]").contains("Unterzeichnete Vereinbarungen"));

            carla.submit("[data-testid=period-new]");
            carla.date("#f-startsOn", today.minusMonths(6))
                    .date("#f-endsOn", today.minusDays(1))
                    .submit("[data-testid=period-save]");
            assertTrue(carla.text("[data-testid=period-1]").contains("noch kein Bericht"));
            CHECKS.check(carla, "results planned");
        }
        try (Browser kai = new Browser(portal, "de-DE").login("kai.kiel", "demo-kiel")) {
            kai.open(results);
            assertTrue(kai.all("[data-testid=period-new]").isEmpty(), "a shareholder does not plan periods");
            kai.submit("[data-testid=report-write]");
            CHECKS.check(kai, "report form");
            String value = "#" + kai.find("input[id^=f-value-]").getAttribute("id");
            kai.type("#f-narrative", "Drei Vereinbarungen mit Aarhus.")
                    .type(value, "3")
                    .submit("[data-testid=report-save]");
            kai.submit("[data-testid=report-submit]");
            assertTrue(kai.text("[data-testid=period-1]").contains("Eingereicht"));
        }
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open(results);
            carla.submit("[data-testid=report-return]");
            carla.type("#f-comment", "Unterzeichnet sind erst zwei; bitte korrigieren.")
                    .submit("[data-testid=report-return-save]");
            assertTrue(carla.text("[data-testid=period-1]").contains("Zurückgegeben"));
        }
        try (Browser kai = new Browser(portal, "de-DE").login("kai.kiel", "demo-kiel")) {
            kai.open(results);
            assertTrue(kai.text("[data-testid=report-comment]").contains("erst zwei"));
            kai.submit("[data-testid=report-write]");
            String value = "#" + kai.find("input[id^=f-value-]").getAttribute("id");
            kai.type("#f-narrative", "Zwei Vereinbarungen mit Aarhus; die dritte folgt.")
                    .type(value, "2")
                    .submit("[data-testid=report-save]");
            kai.submit("[data-testid=report-submit]");
            assertTrue(kai.text("[data-testid=period-1]").contains("Fassung 2"));
        }
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open(results);
            carla.submit("[data-testid=report-accept]");
            assertTrue(carla.text("[data-testid=period-1]").contains("Angenommen"));
            assertEquals("2", carla.text("[data-testid=indicator-achieved]"));
            CHECKS.check(carla, "report accepted");
            carla.open("/results?year=" + YEAR);
            CHECKS.check(carla, "results dashboard");
            String section = carla.raw()
                    .findElement(org.openqa.selenium.By.id("goal-" + goalId))
                    .getText();
            assertTrue(section.contains("Vereinbarungen " + TAG), section);
            assertTrue(section.contains(String.valueOf(measure.get("title"))), "the measure serving it: " + section);
            assertTrue(section.contains("100"), "2 of 2 reached: " + section);
        }
        Map<String, Object> report = suite.as("projects", COORDINATOR)
                .when()
                .get(results)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("periods[0].report");
        assertEquals("ACCEPTED", report.get("status"));
        assertEquals(2, report.get("revision"));
    }

    @Test
    @Order(7)
    void aMeetingsAgendaFromWhatWaitsPapersDecisionsInTheMeetingAndTheStrategyAdoptedAsAVersion() {
        String goal = "Nach dem Beschluss " + TAG;
        String title = "Sitzungsprojekt " + TAG;
        String meetingTitle = "AR-Sitzung " + TAG;
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String projectId = proposedProject(Map.of(
                "title",
                title,
                "lead",
                "KielRegion",
                "financing",
                List.of(Map.of("kind", "EU_PROGRAMME", "name", "Interreg Ostsee", "amount", "25000.00"))));
        String meeting;
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/meetings");
            CHECKS.check(carla, "meetings");
            carla.submit("[data-testid=meeting-new]");
            CHECKS.check(carla, "meeting form");
            carla.choose("#f-body", "Aufsichtsrat")
                    .date("#f-meetsOn", today)
                    .type("#f-title", meetingTitle)
                    .type("#f-place", "Kiel, Haus der Wirtschaft")
                    .submit("[data-testid=meeting-save]");
            meeting = idIn(carla, "meetings");
            assertTrue(carla.text("[data-testid=candidates]").contains(title), "the proposed project waits");
            // The demo's meeting in six weeks has the strategy on its agenda: it moves to this one.
            Map<String, String> strategyItem = strategyItem();
            carla.open("/meetings/" + strategyItem.get("meeting") + "/items/" + strategyItem.get("item") + "/move");
            CHECKS.check(carla, "move form");
            carla.choose("#f-toMeetingId", option(carla, "#f-toMeetingId", meetingTitle))
                    .type("#f-reason", "Vorgezogen in die Sitzung " + TAG)
                    .submit("[data-testid=move-save]");
            assertTrue(
                    carla.text("[data-testid=moved]").contains("Internationalisierungsstrategie"),
                    carla.text("[data-testid=moved]"));
            carla.open("/meetings/" + meeting);
            // The agenda from what waits for a decision: the project and the strategy among it, in words.
            carla.submit("[data-testid=add-pending]");
            CHECKS.check(carla, "meeting with agenda");
            String agenda = carla.text("[data-testid=agenda]");
            assertTrue(agenda.contains(title) && agenda.contains("Internationalisierungsstrategie"), agenda);
            assertTrue(agenda.contains("offen") && !agenda.contains("OPEN") && !agenda.contains("Project"), agenda);
            List<String> before = carla.texts("tr[data-testid=agenda-item] th");
            carla.submit("tr[data-testid=agenda-item]:nth-child(1) form[action$='/down'] button");
            List<String> after = carla.texts("tr[data-testid=agenda-item] th");
            assertEquals(before.get(0), after.get(1), "the first item went one down");
            // Its decision paper, through the portal: a PDF.
            String paper = carla.raw()
                    .findElement(org.openqa.selenium.By.xpath(
                            "//tr[@data-testid='agenda-item'][contains(., '" + title + "')]//a[@data-testid='paper']"))
                    .getAttribute("href");
            assertEquals("200 application/pdf %PDF", fetched(carla, paper));
            carla.submit("[data-testid=meeting-invite]");
            assertTrue(carla.text("[data-testid=meeting-invitation]").contains("versandt am"));
        }
        try (Browser dirk = new Browser(portal, "de-DE").login("dirk.decider", "demo-decider")) {
            dirk.open("/meetings/" + meeting);
            dirk.open(decideLink(dirk, title));
            CHECKS.check(dirk, "decision in the meeting");
            assertTrue(
                    dirk.text("main").contains("Beschluss des Gremiums Aufsichtsrat in der Sitzung „" + meetingTitle));
            dirk.choose("#f-outcome", "Genehmigt")
                    .type("#f-minutesReference", meetingTitle + ", TOP 2")
                    .submit("[data-testid=meeting-decide]");
            dirk.open(decideLink(dirk, "Internationalisierungsstrategie"));
            dirk.choose("#f-kind", "Beschluss der Internationalisierungsstrategie")
                    .choose("#f-outcome", "Genehmigt")
                    .type("#f-minutesReference", "AR-Protokoll " + TAG)
                    .submit("[data-testid=meeting-decide]");
            String decisions = dirk.text("[data-testid=meeting-decisions]");
            assertTrue(decisions.contains(title) && decisions.contains("Genehmigt"), decisions);
            assertTrue(dirk.texts("[data-testid=agenda-status]").stream()
                            .filter("beschlossen"::equals)
                            .count()
                    >= 2);
            dirk.open("/strategy");
            String adopted = dirk.text("[data-testid=strategy-version]");
            assertTrue(
                    adopted.matches(
                            "(?s).*Beschlossen am \\d\\d\\.\\d\\d\\.\\d{4} \\(Aufsichtsrat, Fassung \\d+\\)\\..*"),
                    adopted);
            assertFalse(dirk.all("[data-testid=strategy-unchanged]").isEmpty(), "just adopted: unchanged");
            CHECKS.check(dirk, "strategy adopted");
        }
        assertEquals(
                meeting,
                suite.as("projects", COORDINATOR)
                        .queryParam("subjectId", projectId)
                        .when()
                        .get("/decisions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items[0].meetingId"),
                "the register shows the meeting");
        suite.as("projects", COORDINATOR)
                .body(Map.of("title", goal, "description", "nachträglich"))
                .when()
                .post("/goals")
                .then()
                .statusCode(201);
        try (Browser vera = new Browser(portal, "de-DE").login("vera.viewer", "demo-viewer")) {
            vera.open("/strategy");
            String changes = vera.text("[data-testid=strategy-changes]");
            assertTrue(changes.contains("Ziele") && changes.contains(goal), changes);
            assertTrue(vera.all("[data-testid=strategy-decide]").isEmpty(), "a viewer records no decision");
            CHECKS.check(vera, "strategy changed");
        }
        int number = suite.as("projects", COORDINATOR)
                .when()
                .get("/strategy/versions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("[0].number");
        assertTrue(number >= 1);
    }

    @Test
    @Order(8)
    void theTeamIsStaffedWithinItsCapacityAndTheProjectsAllocatedStaff() {
        String title = "Teamprojekt " + TAG;
        String projectId = proposedProject(Map.of("title", title));
        suite.as("projects", DECIDER)
                .body(Map.of(
                        "body",
                        "MANAGEMENT",
                        "decidedOn",
                        LocalDate.now(ZoneId.of("Europe/Berlin")).toString(),
                        "outcome",
                        "APPROVED"))
                .when()
                .post("/projects/" + projectId + "/decisions")
                .then()
                .statusCode(201);
        Object version = suite.as("projects", COORDINATOR)
                .when()
                .get("/budget/" + YEAR)
                .then()
                .statusCode(200)
                .extract()
                .path("lines.find { it.category == 'STAFF' }.version");
        Map<String, Object> line = new java.util.HashMap<>(Map.of("amount", "50.00"));
        if (version != null) {
            line.put("version", version);
        }
        suite.as("projects", COORDINATOR)
                .body(line)
                .when()
                .put("/budget/" + YEAR + "/lines/STAFF")
                .then()
                .statusCode(200);
        suite.as("projects", COORDINATOR)
                .body(Map.of("year", YEAR, "category", "STAFF", "amount", "0.50"))
                .when()
                .post("/projects/" + projectId + "/allocations")
                .then()
                .statusCode(201);
        String person = "Jana Hansen " + TAG;
        try (Browser carla = new Browser(portal, "de-DE").login("carla.coordinator", "demo-coordinator")) {
            carla.open("/team");
            CHECKS.check(carla, "team");
            carla.submit("[data-testid=member-new]");
            carla.type("#f-name", person)
                    .type("#f-role", "Referentin Internationale Kooperation")
                    .type("#f-year", String.valueOf(YEAR))
                    .type("#f-fte", "0,8")
                    .submit("[data-testid=member-save]");
            assertTrue(carla.text("[data-testid=team]").contains(person));
            carla.submit("[data-testid=assign-new]");
            CHECKS.check(carla, "team assignment");
            carla.choose("#f-memberId", person)
                    .choose("#f-subject", "Projekt: " + title)
                    .type("#f-fte", "0,6")
                    .submit("[data-testid=assign-save]");
            String refusal = carla.text("main");
            assertTrue(
                    refusal.contains("0,50 VZÄ") && refusal.contains(title),
                    "the project's staff bounds it: " + refusal);
            carla.type("#f-fte", "0,5").submit("[data-testid=assign-save]");
            String team = carla.text("[data-testid=team]");
            assertTrue(team.contains(title) && team.contains("0,50 VZÄ") && team.contains("0,30 VZÄ"), team);
            // The dashboard shows the coming years' commitments, the staff assigned among them.
            carla.open("/");
            String commitments = carla.text("[data-testid=commitments]");
            assertTrue(commitments.contains(String.valueOf(YEAR + 2)) && commitments.contains("VZÄ"), commitments);
            // The project's profile for its partners, in English, from its page.
            carla.open("/projects/" + projectId);
            String profile = carla.raw()
                    .findElement(org.openqa.selenium.By.cssSelector("[data-testid=profile-en]"))
                    .getAttribute("href");
            assertEquals("200 application/pdf %PDF", fetched(carla, profile));
            carla.open("/strategy");
            String summary = carla.raw()
                    .findElement(org.openqa.selenium.By.cssSelector("[data-testid=summary-en]"))
                    .getAttribute("href");
            assertEquals("200 application/pdf %PDF", fetched(carla, summary));
        }
    }

    /** A project proposed for a decision, through the API; its id. */
    private static String proposedProject(Map<String, ?> body) {
        String id = suite.as("projects", COORDINATOR)
                .body(body)
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        suite.as("projects", COORDINATOR)
                .body(Map.of("status", "PROPOSED"))
                .when()
                .post("/projects/" + id + "/status")
                .then()
                .statusCode(200);
        return id;
    }

    /** Status, type and first bytes of a file the portal serves, fetched in the browser's session. */
    private static Object fetched(Browser browser, String url) {
        return browser.raw()
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                                + " + r.headers.get('content-type') + ' ' + new TextDecoder().decode(b.slice(0, 4)))));",
                        url);
    }

    /** The coming meeting with the strategy on its agenda (the demo data's) and that item: meeting, item. */
    private static Map<String, String> strategyItem() {
        List<String> meetings = suite.as("projects", COORDINATOR)
                .when()
                .get("/board-meetings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
        for (String m : meetings) {
            List<Map<String, Object>> agenda = suite.as("projects", COORDINATOR)
                    .when()
                    .get("/board-meetings/" + m)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("agenda");
            for (Map<String, Object> item : agenda) {
                if ("STRATEGY".equals(item.get("subjectType")) && "OPEN".equals(item.get("status"))) {
                    return Map.of("meeting", m, "item", String.valueOf(item.get("id")));
                }
            }
        }
        throw new AssertionError("no coming meeting has the strategy on its agenda: " + meetings);
    }

    /** The address of the decision form of the agenda item whose row names {@code subject}. */
    private static String decideLink(Browser browser, String subject) {
        return java.net
                .URI
                .create(browser.raw()
                        .findElement(org.openqa.selenium.By.xpath("//tr[@data-testid='agenda-item'][contains(., '"
                                + subject + "')]//a[@data-testid='decide']"))
                        .getAttribute("href"))
                .getPath();
    }

    /**
     * Kiel's IT system subscribes to its activities (by API, as a machine client does); its
     * receiver refuses the first delivery and takes the retry. An admin sees the subscription, its
     * attempts in German (failed, then delivered), pauses and resumes it; a viewer has no such page.
     */
    @Test
    @Order(9)
    void anAdminSeesTheWebhookSubscriptionsAndTheirAttemptsInGerman() {
        try (de.kielregion.kooperation.infra.testing.WebhookReceiver receiver =
                new de.kielregion.kooperation.infra.testing.WebhookReceiver()) {
            receiver.answer(n -> n == 1
                    ? de.kielregion.kooperation.infra.testing.WebhookReceiver.Reply.status(503)
                    : de.kielregion.kooperation.infra.testing.WebhookReceiver.Reply.ok());
            String id = suite.subscribe(
                    Suite.KIEL,
                    receiver,
                    List.of("cooperation.activity.upserted.v1"),
                    Map.of("shareholder", "KIEL", "description", "Fachverfahren Kiel " + TAG));
            suite.as("partners", Suite.KIEL)
                    .body(Map.of(
                            "externalId", "wh-" + TAG, "title", "Webhook " + TAG, "kind", "EXCHANGE", "yearFrom", YEAR))
                    .when()
                    .put("/shareholders/KIEL/activities/wh-" + TAG)
                    .then()
                    .statusCode(201);
            Suite.await(
                    Duration.ofSeconds(60),
                    "the retried delivery",
                    () -> !receiver.processed().isEmpty());
            try (Browser anna = new Browser(portal, "de-DE").login("anna.admin", "demo-admin")) {
                anna.open("/webhooks");
                CHECKS.check(anna, "webhooks");
                assertTrue(anna.text("[data-testid=webhooks]").contains("Fachverfahren Kiel " + TAG));
                anna.open("/webhooks/" + id);
                CHECKS.check(anna, "webhook subscription");
                String attempts = anna.text("[data-testid=webhook-attempts]");
                assertTrue(attempts.contains("fehlgeschlagen, wird wiederholt") && attempts.contains("503"), attempts);
                assertTrue(attempts.contains("zugestellt"), attempts);
                assertTrue(anna.text("[data-testid=webhook-facts]").contains("nur Daten von Landeshauptstadt Kiel"));
                anna.submit("[data-testid=webhook-pause]");
                assertEquals("angehalten", anna.text("[data-testid=webhook-status]"));
                anna.submit("[data-testid=webhook-resume]");
                assertEquals("aktiv", anna.text("[data-testid=webhook-status]"));
            }
            try (Browser vera = new Browser(portal, "de-DE").login("vera.viewer", "demo-viewer")) {
                assertTrue(vera.all("a[href='/webhooks']").isEmpty(), "no webhooks in a viewer's navigation");
                vera.open("/webhooks");
                assertEquals(403, status(vera));
            }
            suite.as("webhooks", Suite.KIEL)
                    .delete("/webhook-subscriptions/" + id)
                    .then()
                    .statusCode(204);
        }
    }

    /** The visible text of the option of a select that starts with {@code start}. */
    private static String option(Browser browser, String select, String start) {
        return browser.texts(select + " option").stream()
                .filter(o -> o.startsWith(start))
                .findFirst()
                .orElseThrow();
    }

    /** The id in the browser's address after {@code /<collection>/}. */
    private static String idIn(Browser browser, String collection) {
        return browser.raw().getCurrentUrl().replaceAll(".*/" + collection + "/([0-9a-f-]{36}).*", "$1");
    }

    /** The HTTP status of the page the browser shows (from the navigation timing of the document). */
    static long status(Browser browser) {
        Object status =
                browser.raw().executeScript("return performance.getEntriesByType('navigation')[0].responseStatus;");
        return status instanceof Number n ? n.longValue() : -1;
    }
}
