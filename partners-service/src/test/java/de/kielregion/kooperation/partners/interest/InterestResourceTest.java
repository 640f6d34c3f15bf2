package de.kielregion.kooperation.partners.interest;

import static de.kielregion.kooperation.partners.Api.COORDINATOR;
import static de.kielregion.kooperation.partners.Api.KIEL;
import static de.kielregion.kooperation.partners.Api.PLOEN;
import static de.kielregion.kooperation.partners.Api.VIEWER;
import static de.kielregion.kooperation.partners.Api.as;
import static de.kielregion.kooperation.partners.Api.partner;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.partners.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shareholders' interests: recorded by each for itself, published, and narrowing the potential analysis. */
@QuarkusTest
class InterestResourceTest {

    @Test
    void aShareholderRecordsItsOwnInterestsAndTheAnalysisKeepsWhatTheyReach() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String midtjylland = partner("Region Midtjylland " + tag, "REGION", "DK");
        String aarhus = partner(
                Map.of("name", "Aarhus " + tag, "type", "CITY", "country", "DK", "parentRegionId", midtjylland));
        String goteborg = partner("Göteborg " + tag, "CITY", "SE");
        String oslo = partner(Map.of(
                "name",
                "Oslo " + tag,
                "type",
                "CITY",
                "country",
                "NO",
                "themes",
                List.of("Mobilität ländlicher Raum")));
        String hamburg = partner("Hamburg " + tag, "CITY", "DE");

        Map<String, Object> kiel = Map.of(
                "themes", List.of("MOBILITAT LANDLICHER RAUM"),
                "countries", List.of("SE"),
                "regionIds", List.of(midtjylland));
        as(PLOEN).body(kiel).when().put("/shareholders/KIEL/interests").then().statusCode(403);
        as(KIEL).body(Map.of("themes", List.of(), "countries", List.of("Sweden"), "regionIds", List.of()))
                .when()
                .put("/shareholders/KIEL/interests")
                .then()
                .statusCode(400)
                .body("violations[0].field", containsString("countries"));
        as(KIEL).body(Map.of("themes", List.of(), "countries", List.of(), "regionIds", List.of(UUID.randomUUID())))
                .when()
                .put("/shareholders/KIEL/interests")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("regionIds[0]"));
        as(KIEL).body(kiel)
                .when()
                .put("/shareholders/KIEL/interests")
                .then()
                .statusCode(200)
                .body("regions.name", contains("Region Midtjylland " + tag));
        long version = as(VIEWER)
                .when()
                .get("/shareholders/KIEL/interests")
                .then()
                .statusCode(200)
                .body("countries", contains("SE"))
                .extract()
                .jsonPath()
                .getLong("version");
        as(KIEL).header("If-Match", "\"" + (version + 7) + "\"")
                .body(kiel)
                .when()
                .put("/shareholders/KIEL/interests")
                .then()
                .statusCode(412);

        String area = as(COORDINATOR)
                .body(Map.of("name", "Korridor " + tag, "memberIds", List.of(aarhus, goteborg, oslo, hamburg)))
                .when()
                .post("/cooperation-areas")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(COORDINATOR)
                .body(Map.of(
                        "criteria", List.of(Map.of("key", "fit", "name", "Passung", "weight", 1)),
                        "scores",
                                List.of(
                                        Map.of("partnerId", hamburg, "criterion", "fit", "score", 5),
                                        Map.of("partnerId", aarhus, "criterion", "fit", "score", 4),
                                        Map.of("partnerId", oslo, "criterion", "fit", "score", 3),
                                        Map.of("partnerId", goteborg, "criterion", "fit", "score", 2))))
                .when()
                .put("/cooperation-areas/" + area + "/potential-analysis")
                .then()
                .statusCode(200);
        // Aarhus by its region, Göteborg by its country, Oslo by its theme; Hamburg is none of them.
        as(VIEWER)
                .queryParam("interestsOf", "KIEL")
                .when()
                .get("/cooperation-areas/" + area + "/potential-analysis")
                .then()
                .statusCode(200)
                .body("ranking.partnerName", contains("Aarhus " + tag, "Oslo " + tag, "Göteborg " + tag))
                .body("ranking.rank", contains(2, 3, 4))
                .body("scores.partnerId", containsInAnyOrder(aarhus, oslo, goteborg));
        as(VIEWER)
                .queryParam("interestsOf", "RENDSBURG_ECKERNFOERDE")
                .when()
                .get("/cooperation-areas/" + area + "/potential-analysis")
                .then()
                .statusCode(409)
                .body("detail", containsString("no interests"));
        as(VIEWER)
                .queryParam("interestsOf", "HAMBURG")
                .when()
                .get("/cooperation-areas/" + area + "/potential-analysis")
                .then()
                .statusCode(400);

        JsonNode changed = new ObjectMapper()
                .readTree(Api.events(
                                "KIEL",
                                rs -> rs.stream()
                                        .anyMatch(r -> EventTypes.SHAREHOLDER_INTERESTS_CHANGED.equals(Api.type(r))))
                        .stream()
                        .filter(r -> EventTypes.SHAREHOLDER_INTERESTS_CHANGED.equals(Api.type(r)))
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .value());
        assertEquals("KIEL", changed.get("shareholder").asText());
        assertEquals(midtjylland, changed.get("regionIds").get(0).asText());
    }
}
