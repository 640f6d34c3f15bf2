package de.kielregion.kooperation.e2e;

import static de.kielregion.kooperation.e2e.Suite.COORDINATOR;
import static de.kielregion.kooperation.e2e.Suite.KIEL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A refusal has a stable type and its parameters, and reads in the caller's language: German
 * for Accept-Language de (the portal sends it), English otherwise; the same refusal in both.
 */
class RefusalLanguageTest {

    private static Suite suite;

    @BeforeAll
    static void start() {
        suite = Suite.get();
    }

    @Test
    void anAllocationToAnIdeaIsRefusedInGermanAndInEnglishWithOneType() {
        String title = "Sprache " + UUID.randomUUID().toString().substring(0, 6);
        String project = suite.as("projects", COORDINATOR)
                .body(Map.of("title", title))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear();
        Map<String, Object> allocation = Map.of("year", year, "category", "PROJECT_FUNDS", "amount", "100.00");
        for (String[] language : new String[][] {
            {
                "de-DE,de;q=0.9",
                "Zuteilungen gibt es nur für genehmigte Projekte; das Projekt „" + title + "“ hat den Status „Idee“."
            },
            {"en", "Resources go to approved projects; " + title + " is idea"}
        }) {
            suite.as("projects", COORDINATOR)
                    .header("Accept-Language", language[0])
                    .body(allocation)
                    .when()
                    .post("/projects/" + project + "/allocations")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ostsee-kooperation:problem:allocation.project-not-approved"))
                    .body("detail", equalTo(language[1]))
                    .body("params.status", equalTo("IDEA"))
                    .body("params.project", equalTo(title));
        }
    }

    @Test
    void aFieldRefusalAndAShareholdersForeignDataReadInGerman() {
        // A deferral without its revisit day: the platform's rule, at the field, in German.
        String project = suite.as("projects", COORDINATOR)
                .body(Map.of("title", "Vertagt " + UUID.randomUUID().toString().substring(0, 6)))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        suite.as("projects", COORDINATOR)
                .body(Map.of("status", "PROPOSED"))
                .when()
                .post("/projects/" + project + "/status")
                .then()
                .statusCode(200);
        suite.as("projects", Suite.DECIDER)
                .header("Accept-Language", "de")
                .body(Map.of(
                        "body", "SUPERVISORY_BOARD",
                        "decidedOn", java.time.LocalDate.now().toString(),
                        "outcome", "DEFERRED"))
                .when()
                .post("/projects/" + project + "/decisions")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:ostsee-kooperation:problem:deferral.revisit-required"))
                .body("violations[0].field", equalTo("revisitOn"))
                .body("violations[0].message", containsString("Wiedervorlage"))
                .body("detail", containsString("Feld „revisitOn“"));
        // Kiel's staff writing Plön's activity: refused in German, naming both in words.
        suite.as("partners", KIEL)
                .header("Accept-Language", "de")
                .body(Map.of("title", "Fremd", "kind", "EXCHANGE", "yearFrom", 2025))
                .when()
                .put("/shareholders/PLOEN/activities/fremd-1")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:ostsee-kooperation:problem:shareholder.not-own-data"))
                .body("detail", containsString("Landeshauptstadt Kiel"))
                .body("detail", containsString("Kreis Plön"))
                .body("detail", not(containsString("PLOEN")));
        // Bean validation: the built-in messages in German too.
        suite.as("projects", COORDINATOR)
                .header("Accept-Language", "de")
                .body(Map.of("title", ""))
                .when()
                .post("/projects")
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("title")))
                .body("detail", containsString("Feld „title“"));
    }
}
