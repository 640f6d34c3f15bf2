package de.kielregion.kooperation.partners.partner;

import static de.kielregion.kooperation.partners.Api.COORDINATOR;
import static de.kielregion.kooperation.partners.Api.KIEL;
import static de.kielregion.kooperation.partners.Api.VIEWER;
import static de.kielregion.kooperation.partners.Api.as;
import static de.kielregion.kooperation.partners.Api.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.infra.testing.Workbooks;
import de.kielregion.kooperation.partners.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerResourceTest {

    @Test
    void coordinatorRegistersPartnerAndTheEventReachesKafka() throws Exception {
        String name = "Aarhus " + UUID.randomUUID();
        String id = as(COORDINATOR)
                .body(Map.of(
                        "name",
                        name,
                        "localName",
                        "Aarhus Kommune",
                        "type",
                        "CITY",
                        "country",
                        "DK",
                        "nutsCode",
                        "DK042",
                        "coordinates",
                        Map.of("latitude", 56.1629, "longitude", 10.2039),
                        "website",
                        "https://www.aarhus.dk",
                        "themes",
                        List.of("Mobilität ländlicher Raum", "Energie")))
                .when()
                .post("/partners")
                .then()
                .statusCode(201)
                .header("Location", containsString("/partners/"))
                .header("ETag", "\"0\"")
                .body("status", equalTo("ACTIVE"))
                .body("themes", contains("Energie", "Mobilität ländlicher Raum"))
                .extract()
                .path("id");

        List<ConsumerRecord<String, String>> events = Api.events(id, rs -> !rs.isEmpty());
        assertEquals(1, events.size());
        assertEquals(EventTypes.PARTNER_REGISTERED, Api.type(events.get(0)));
        assertTrue(events.get(0).value().contains(name));
    }

    @Test
    void everyEndpointNeedsAToken() {
        given().when().get("/partners").then().statusCode(401);
        given().contentType("application/json")
                .body(Map.of("name", "x", "type", "CITY", "country", "DE"))
                .when()
                .post("/partners")
                .then()
                .statusCode(401);
    }

    @Test
    void viewerAndShareholderMayReadButNotRegister() {
        as(VIEWER).when().get("/partners").then().statusCode(200);
        as(KIEL).when().get("/partners").then().statusCode(200);
        as(VIEWER)
                .body(Map.of("name", "Nope", "type", "CITY", "country", "DE"))
                .when()
                .post("/partners")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(KIEL).body(Map.of("name", "Nope", "type", "CITY", "country", "DE"))
                .when()
                .post("/partners")
                .then()
                .statusCode(403);
        as(VIEWER).when().get("/partners?q=Nope").then().body("totalItems", equalTo(0));
    }

    @Test
    void everyFieldIsValidated() {
        as(COORDINATOR)
                .body(Map.of(
                        "name",
                        " ",
                        "type",
                        "CITY",
                        "country",
                        "dk",
                        "nutsCode",
                        "dk-1",
                        "coordinates",
                        Map.of("latitude", 91, "longitude", 10),
                        "website",
                        "ftp://example.org"))
                .when()
                .post("/partners")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("name", "country", "nutsCode", "coordinates.latitude", "website"));
        as(COORDINATOR)
                .body(Map.of("name", "Somewhere", "type", "VILLAGE", "country", "DE"))
                .when()
                .post("/partners")
                .then()
                .statusCode(400)
                .body("detail", startsWith("Field 'type' has an invalid value"));
        as(COORDINATOR)
                .body(Map.of("name", "Aarhus?", "type", "CITY", "country", "DK", "nutsCode", "SE232"))
                .when()
                .post("/partners")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("nutsCode"));
        as(COORDINATOR)
                .body(Map.of("name", "Athens", "type", "CITY", "country", "GR", "nutsCode", "EL303"))
                .when()
                .post("/partners")
                .then()
                .statusCode(201);
        as(COORDINATOR)
                .body(Map.of("name", "Nowhere", "type", "CITY", "country", "XX"))
                .when()
                .post("/partners")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("country"));
    }

    @Test
    void searchIgnoresCaseAndAccentsAndFilters() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String goteborg = partner("Göteborg " + tag, "CITY", "SE");
        String vastra = partner("Västra Götalandsregionen " + tag, "REGION", "SE");
        partner("Oslo " + tag, "CITY", "NO");

        as(VIEWER)
                .queryParam("q", "goteborg " + tag)
                .when()
                .get("/partners")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(goteborg));
        as(VIEWER)
                .queryParam("q", "GÖTE")
                .queryParam("country", "SE")
                .queryParam("type", "CITY")
                .when()
                .get("/partners")
                .then()
                .body("items.id", hasItem(goteborg))
                .body("items.id", not(hasItem(vastra)));
        as(VIEWER)
                .queryParam("q", tag)
                .queryParam("sort", "-name")
                .queryParam("size", 2)
                .when()
                .get("/partners")
                .then()
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].name", startsWith("Västra"));
        as(VIEWER)
                .queryParam("sort", "secret")
                .when()
                .get("/partners")
                .then()
                .statusCode(400)
                .body("detail", containsString("sortable fields"));
        as(VIEWER)
                .queryParam("type", "VILLAGE")
                .when()
                .get("/partners")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("type"));
        as(VIEWER).queryParam("size", 0).when().get("/partners").then().statusCode(400);
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        String id = partner("Hamburg " + UUID.randomUUID(), "CITY", "DE");
        Map<String, Object> body = Map.of("name", "Freie und Hansestadt Hamburg", "type", "CITY", "country", "DE");
        as(COORDINATOR).body(body).when().put("/partners/" + id).then().statusCode(428);
        as(COORDINATOR)
                .header("If-Match", "\"7\"")
                .body(body)
                .when()
                .put("/partners/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as(COORDINATOR)
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .put("/partners/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Freie und Hansestadt Hamburg"));
        // The same state again changes nothing.
        as(COORDINATOR)
                .header("If-Match", "\"1\"")
                .body(body)
                .when()
                .put("/partners/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        as(COORDINATOR)
                .body(Map.of("name", "Hamburg", "type", "CITY", "country", "DE", "version", 0))
                .when()
                .put("/partners/" + id)
                .then()
                .statusCode(409);
        as(VIEWER)
                .when()
                .get("/partners/" + id + "/history")
                .then()
                .statusCode(200)
                .body("action", contains("PartnerRegistered", "PartnerUpdated"))
                .body("[1].actor", equalTo("coordinator-carla"))
                .body("[1].changes.name.to", equalTo("Freie und Hansestadt Hamburg"));
        as(VIEWER).when().get("/partners/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void retiredPartnerStaysAndPublishesRetired() {
        String id = partner("Retiring " + UUID.randomUUID(), "AGENCY", "DE");
        as(COORDINATOR)
                .when()
                .post("/partners/" + id + "/retire")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"));
        as(COORDINATOR).when().post("/partners/" + id + "/retire").then().statusCode(409);
        as(VIEWER).when().get("/partners/" + id).then().statusCode(200).body("status", equalTo("RETIRED"));
        List<ConsumerRecord<String, String>> events = Api.events(id, rs -> rs.size() >= 2);
        assertEquals(
                List.of(EventTypes.PARTNER_REGISTERED, EventTypes.PARTNER_RETIRED),
                events.stream().map(Api::type).toList());
    }

    @Test
    void cityBelongsToARegionButNotToACity() {
        String region = partner("Region Midtjylland " + UUID.randomUUID(), "REGION", "DK");
        String city = partner("Silkeborg " + UUID.randomUUID(), "CITY", "DK");
        as(COORDINATOR)
                .body(Map.of("name", "Skanderborg", "type", "CITY", "country", "DK", "parentRegionId", region))
                .when()
                .post("/partners")
                .then()
                .statusCode(201)
                .body("parentRegionId", equalTo(region));
        as(COORDINATOR)
                .body(Map.of("name", "Ry", "type", "CITY", "country", "DK", "parentRegionId", city))
                .when()
                .post("/partners")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("parentRegionId"));
        as(VIEWER)
                .queryParam("parentRegionId", region)
                .when()
                .get("/partners")
                .then()
                .body("items.name", contains("Skanderborg"));
    }

    @Test
    void aPartnerHasADegreeOfUrbanisationThatTheListFiltersAndTheEventCarries() throws Exception {
        String region = partner("Region Midtjylland " + UUID.randomUUID(), "REGION", "DK");
        String rural = partner(Map.of(
                "name", "Samsø " + UUID.randomUUID(),
                "type", "CITY",
                "country", "DK",
                "parentRegionId", region,
                "urbanisation", "RURAL"));
        partner(Map.of(
                "name", "Aarhus " + UUID.randomUUID(),
                "type", "CITY",
                "country", "DK",
                "parentRegionId", region,
                "urbanisation", "CITY"));
        as(VIEWER).when().get("/partners/" + rural).then().body("urbanisation", equalTo("RURAL"));
        as(VIEWER)
                .queryParam("parentRegionId", region)
                .queryParam("urbanisation", "RURAL")
                .when()
                .get("/partners")
                .then()
                .statusCode(200)
                .body("items.id", contains(rural));
        as(VIEWER)
                .queryParam("urbanisation", "VILLAGE")
                .when()
                .get("/partners")
                .then()
                .statusCode(400)
                .body("detail", containsString("urbanisation"));
        as(COORDINATOR)
                .body(Map.of("name", "Ry", "type", "CITY", "country", "DK", "urbanisation", "SUBURB"))
                .when()
                .post("/partners")
                .then()
                .statusCode(400);

        JsonNode registered = new ObjectMapper()
                .readTree(Api.events(rural, rs -> !rs.isEmpty()).get(0).value());
        assertEquals("RURAL", registered.get("urbanisation").asText());
        assertEquals(region, registered.get("parentRegionId").asText());
    }

    @Test
    void exportsGeoJsonAndCsv() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        partner(Map.of(
                "name",
                "Oslo " + tag,
                "type",
                "CITY",
                "country",
                "NO",
                "coordinates",
                Map.of("latitude", 59.9139, "longitude", 10.7522)));
        partner("Nowhere " + tag, "CITY", "NO");
        as(VIEWER)
                .queryParam("q", tag)
                .when()
                .get("/partners/export/geojson")
                .then()
                .statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features", hasSize(1))
                .body("features[0].geometry.coordinates[0]", equalTo(10.7522f))
                .body("features[0].geometry.coordinates[1]", equalTo(59.9139f))
                .body("features[0].properties.name", equalTo("Oslo " + tag));
        String csv = as(VIEWER)
                .queryParam("q", tag)
                .when()
                .get("/partners/export/csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        byte[] xlsx = as(VIEWER)
                .queryParam("q", tag)
                .when()
                .get("/partners/export/xlsx")
                .then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .extract()
                .asByteArray();
        String sheet = Workbooks.text(xlsx);
        assertTrue(sheet.contains("Oslo " + tag) && sheet.contains("Nowhere " + tag), sheet);
        assertTrue(sheet.contains(">urbanisation<"), "the CSV's columns");
        String[] lines = csv.strip().split("\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[0].startsWith("id,name,localName,type,country"), lines[0]);
        assertTrue(lines[1].contains("Nowhere " + tag), csv);
    }

    @Test
    void contactPersonsAreErasableWithoutTrace() {
        String id = partner("Kommune " + UUID.randomUUID(), "CITY", "DK");
        String contact = as(COORDINATOR)
                .body(Map.of(
                        "name",
                        "Jakob Gorm Andreasen",
                        "role",
                        "International",
                        "email",
                        "jakob@example.dk",
                        "phone",
                        "+45 1234 5678"))
                .when()
                .post("/partners/" + id + "/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(COORDINATOR)
                .body(Map.of("name", "X", "email", "not-an-email"))
                .when()
                .post("/partners/" + id + "/contacts")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("email"));
        as(KIEL).when().get("/partners/" + id + "/contacts").then().statusCode(403);
        as(VIEWER)
                .when()
                .get("/partners/" + id + "/contacts")
                .then()
                .statusCode(200)
                .body("email", contains("jakob@example.dk"));

        as(COORDINATOR)
                .when()
                .delete("/partners/" + id + "/contacts/" + contact)
                .then()
                .statusCode(204);
        as(VIEWER).when().get("/partners/" + id + "/contacts").then().body("", hasSize(0));
        String history = as(VIEWER)
                .when()
                .get("/partners/" + id + "/history")
                .then()
                .statusCode(200)
                .body("action", hasItems("ContactPersonAdded", "ContactPersonErased"))
                .body("[2].changes.contactId", notNullValue())
                .extract()
                .asString();
        assertFalse(history.contains("Andreasen"), history);
        assertFalse(history.contains("jakob@example.dk"), history);
        as(COORDINATOR)
                .when()
                .delete("/partners/" + id + "/contacts/" + contact)
                .then()
                .statusCode(404);
    }
}
