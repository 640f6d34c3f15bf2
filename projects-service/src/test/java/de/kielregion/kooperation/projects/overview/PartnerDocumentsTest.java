package de.kielregion.kooperation.projects.overview;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A project's profile and the strategy's summary for the partners: German by default, English on
 * request (headings, labels, dates and amounts), what people typed as written, no codes.
 */
@QuarkusTest
class PartnerDocumentsTest {

    private static String text(String path, String lang) {
        var request = as(VIEWER);
        if (lang != null) {
            request = request.queryParam("lang", lang);
        }
        return request.when().get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void aProjectProfileInGermanAndInEnglish() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String id = as(COORDINATOR)
                .body(Map.of(
                        "title", "Grüne Häfen " + tag,
                        "summary", "Häfen in Kiel, Aarhus und Göteborg senken ihren Ausstoß.",
                        "lead", "KielRegion",
                        "plannedStart", "2027-03-01",
                        "financing",
                                List.of(Map.of(
                                        "kind", "EU_PROGRAMME", "name", "Interreg Ostsee", "amount", "120000.00"))))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String german = text("/projects/" + id + "/profile/markdown", null);
        for (String expected : List.of(
                "Grüne Häfen " + tag,
                "Eckdaten",
                "Idee",
                "01.03.2027",
                "EU-Programm",
                "120.000,00\u00a0€",
                "Finanzierung")) {
            assertTrue(german.contains(expected), expected + " in:\n" + german);
        }
        String english = text("/projects/" + id + "/profile/markdown", "en");
        for (String expected : List.of(
                "Grüne Häfen " + tag,
                "Häfen in Kiel, Aarhus und Göteborg",
                "Key facts",
                "Financing",
                "EU programme",
                "€120,000.00",
                "1 Mar 2027",
                "Milestones")) {
            assertTrue(english.contains(expected), expected + " in:\n" + english);
        }
        for (String code : List.of("EU_PROGRAMME", "IDEA", "2027-03-01", "Eckdaten")) {
            assertFalse(english.contains(code), code + " in:\n" + english);
        }
        byte[] pdf = as(VIEWER)
                .queryParam("lang", "en")
                .when()
                .get("/projects/" + id + "/profile/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        as(VIEWER)
                .queryParam("lang", "fr")
                .when()
                .get("/projects/" + id + "/profile/pdf")
                .then()
                .statusCode(400);
        as(VIEWER)
                .when()
                .get("/projects/" + UUID.randomUUID() + "/profile/markdown")
                .then()
                .statusCode(404);
    }

    @Test
    void theStrategySummaryForThePartners() {
        String english = text("/strategy/summary/markdown", "en");
        for (String expected :
                List.of("KielRegion's internationalisation strategy", "## Goals", "## Measures", "## Focus partners")) {
            assertTrue(english.contains(expected), expected + " in:\n" + english);
        }
        String german = text("/strategy/summary/markdown", null);
        assertTrue(german.contains("## Ziele") && german.contains("## Schwerpunktpartner"), german);
        byte[] pdf = as(VIEWER)
                .queryParam("lang", "en")
                .when()
                .get("/strategy/summary/pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }
}
