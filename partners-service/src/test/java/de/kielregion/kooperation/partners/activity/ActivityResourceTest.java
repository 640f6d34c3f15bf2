package de.kielregion.kooperation.partners.activity;

import static de.kielregion.kooperation.partners.Api.COORDINATOR;
import static de.kielregion.kooperation.partners.Api.KIEL;
import static de.kielregion.kooperation.partners.Api.PLOEN;
import static de.kielregion.kooperation.partners.Api.VIEWER;
import static de.kielregion.kooperation.partners.Api.as;
import static de.kielregion.kooperation.partners.Api.partner;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.partners.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActivityResourceTest {

    private static Map<String, Object> activity(String title, String partnerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("kind", "EXCHANGE");
        body.put("yearFrom", 2023);
        body.put("yearTo", 2024);
        body.put("partnerIds", List.of(partnerId));
        body.put("themes", List.of("Jugend", "Kultur"));
        body.put("link", "https://www.kiel.de/international");
        return body;
    }

    @Test
    void repeatedPushChangesNothingAndPublishesNothing() {
        String aarhus = partner("Aarhus " + UUID.randomUUID(), "CITY", "DK");
        String externalId = "KI-" + UUID.randomUUID();
        String path = "/shareholders/KIEL/activities/" + externalId;
        String id = as(KIEL).body(activity("Jugendaustausch", aarhus))
                .when()
                .put(path)
                .then()
                .statusCode(201)
                .header("X-Outcome", "CREATED")
                .header("ETag", "\"0\"")
                .extract()
                .path("id");
        as(KIEL).body(activity("Jugendaustausch", aarhus))
                .when()
                .put(path)
                .then()
                .statusCode(200)
                .header("X-Outcome", "UNCHANGED")
                .header("ETag", "\"0\"");
        // Themes in another order are the same content.
        Map<String, Object> reordered = activity("Jugendaustausch", aarhus);
        reordered.put("themes", List.of("Kultur", "Jugend"));
        as(KIEL).body(reordered).when().put(path).then().header("X-Outcome", "UNCHANGED");
        as(KIEL).body(activity("Jugendaustausch 2024", aarhus))
                .when()
                .put(path)
                .then()
                .statusCode(200)
                .header("X-Outcome", "UPDATED")
                .header("ETag", "\"1\"");

        // Exactly two events (created, updated): the unchanged pushes published nothing.
        String marker = partner("Marker " + UUID.randomUUID(), "CITY", "DK");
        Api.events(marker, rs -> !rs.isEmpty());
        assertEquals(
                List.of(EventTypes.ACTIVITY_UPSERTED, EventTypes.ACTIVITY_UPSERTED),
                Api.events(id, rs -> rs.size() >= 2).stream().map(Api::type).toList());
        as(VIEWER).when().get(path).then().statusCode(200).body("title", equalTo("Jugendaustausch 2024"));
    }

    @Test
    void shareholderPushesOnlyItsOwnActivities() {
        String oslo = partner("Oslo " + UUID.randomUUID(), "CITY", "NO");
        as(PLOEN)
                .body(activity("Fremd", oslo))
                .when()
                .put("/shareholders/KIEL/activities/X-1")
                .then()
                .statusCode(403);
        as(PLOEN)
                .body(Map.of("activities", List.of(withId(activity("Fremd", oslo), "X-2"))))
                .when()
                .post("/shareholders/KIEL/activities/bulk")
                .then()
                .statusCode(403);
        as(COORDINATOR)
                .body(activity("Für Kiel", oslo))
                .when()
                .put("/shareholders/KIEL/activities/C-" + UUID.randomUUID())
                .then()
                .statusCode(201);
        as(KIEL).body(activity("x", oslo))
                .when()
                .put("/shareholders/HAMBURG/activities/X-3")
                .then()
                .statusCode(404);
        as(KIEL).body(withId(activity("x", oslo), "OTHER"))
                .when()
                .put("/shareholders/KIEL/activities/X-4")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("externalId"));
        Map<String, Object> backwards = activity("x", oslo);
        backwards.put("yearTo", 2000);
        as(KIEL).body(backwards)
                .when()
                .put("/shareholders/KIEL/activities/X-5")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("yearTo"));
    }

    @Test
    void bulkPushIsAllOrNothingAndIdempotent() {
        String goteborg = partner("Göteborg " + UUID.randomUUID(), "CITY", "SE");
        String prefix = "RD-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(withId(activity("Aktivität " + i, goteborg), prefix + i));
        }
        String bulk = "/shareholders/RENDSBURG_ECKERNFOERDE/activities/bulk";

        List<Map<String, Object>> broken = new ArrayList<>(items);
        Map<String, Object> bad = withId(activity("", goteborg), prefix + "bad");
        broken.add(bad);
        as(COORDINATOR)
                .body(Map.of("activities", broken))
                .when()
                .post(bulk)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("activities[50].title"));
        List<Map<String, Object>> unknownPartner = new ArrayList<>(items);
        unknownPartner.add(withId(activity("x", UUID.randomUUID().toString()), prefix + "x"));
        as(COORDINATOR)
                .body(Map.of("activities", unknownPartner))
                .when()
                .post(bulk)
                .then()
                .statusCode(400);
        List<Map<String, Object>> twice = new ArrayList<>(items);
        twice.add(items.get(0));
        as(COORDINATOR)
                .body(Map.of("activities", twice))
                .when()
                .post(bulk)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("activities[50].externalId"));
        as(VIEWER)
                .queryParam("size", 500)
                .when()
                .get("/shareholders/RENDSBURG_ECKERNFOERDE/activities")
                .then()
                .body("items.findAll { it.externalId.startsWith('" + prefix + "') }.size()", equalTo(0));

        as(COORDINATOR)
                .body(Map.of("activities", items))
                .when()
                .post(bulk)
                .then()
                .statusCode(200)
                .body("created", equalTo(50))
                .body("unchanged", equalTo(0));
        items.set(7, withId(activity("Geändert", goteborg), prefix + 7));
        as(COORDINATOR)
                .body(Map.of("activities", items))
                .when()
                .post(bulk)
                .then()
                .statusCode(200)
                .body("received", equalTo(50))
                .body("created", equalTo(0))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(49));
        as(VIEWER)
                .queryParam("size", 500)
                .queryParam("theme", "Jugend")
                .when()
                .get("/shareholders/RENDSBURG_ECKERNFOERDE/activities")
                .then()
                .body("items.findAll { it.externalId.startsWith('" + prefix + "') }.size()", equalTo(50));
    }

    private static Map<String, Object> withId(Map<String, Object> activity, String externalId) {
        Map<String, Object> copy = new HashMap<>(activity);
        copy.put("externalId", externalId);
        return copy;
    }
}
