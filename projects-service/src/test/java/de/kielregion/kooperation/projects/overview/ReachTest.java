package de.kielregion.kooperation.projects.overview;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.projects.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Measure 4, cities to regions: projects, existing activities and relations are counted per
 * shareholder as staying in the cities or reaching beyond them, and rolled up to their region.
 * The replicas are fed through the real topic, as partners-service publishes.
 */
@QuarkusTest
class ReachTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String SOURCE = "/ostsee-kooperation/partners-service";

    private static UUID partner(String name, String type, String urbanisation, UUID parentRegion) {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>();
        data.put("id", id.toString());
        data.put("name", name);
        data.put("type", type);
        data.put("country", "DK");
        data.put("status", "ACTIVE");
        data.put("version", 0);
        data.put("urbanisation", urbanisation);
        data.put("parentRegionId", parentRegion == null ? null : parentRegion.toString());
        Api.publish(Api.PARTNERS_TOPIC, SOURCE, EventTypes.PARTNER_REGISTERED, id.toString(), "Partner", data);
        return id;
    }

    private static String project(String title, List<String> shareholders, UUID... partners) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("shareholders", shareholders);
        body.put(
                "partners",
                java.util.Arrays.stream(partners)
                        .map(p -> Map.of("partnerId", p.toString(), "role", "PARTNER"))
                        .toList());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) { // the partner replica fills from the topic
            var response = as(COORDINATOR).body(body).when().post("/projects");
            if (response.statusCode() == 201 || System.nanoTime() > deadline) {
                assertEquals(201, response.statusCode(), response.asString());
                return response.path("id");
            }
            sleep();
        }
    }

    private static JsonPath reach() {
        return as(VIEWER)
                .when()
                .get("/strategy/overview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static int count(JsonPath reach, String shareholder, String kind, String field) {
        return reach.getInt(
                "reach.byShareholder.find { it.shareholder == '" + shareholder + "' }." + kind + "." + field);
    }

    @Test
    void theCooperationIsCountedAsStayingInTheCitiesOrReachingTheRegions() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID region = partner("Region Midtjylland " + tag, "REGION", null, null);
        UUID city = partner("Aarhus " + tag, "CITY", "CITY", region);
        UUID rural = partner("Skanderborg " + tag, "CITY", "RURAL", region);
        UUID otherCity = partner("Göteborg " + tag, "CITY", "CITY", null);
        JsonPath before = reach();

        project("nur Stadt " + tag, List.of("KIEL"), city);
        project("Stadt und Land " + tag, List.of("KIEL", "PLOEN"), city, rural);
        project("ohne Partner " + tag, List.of("PLOEN"));
        Map<String, Object> activity = new HashMap<>();
        UUID activityId = UUID.randomUUID();
        activity.put("id", activityId.toString());
        activity.put("shareholder", "KIEL");
        activity.put("externalId", "kiel-" + tag);
        activity.put("title", "Schulpartnerschaft " + tag);
        activity.put("kind", "EXCHANGE");
        activity.put("yearFrom", 2024);
        activity.put("partnerIds", List.of(rural.toString()));
        activity.put("themes", List.of("Bildung"));
        activity.put("createdAt", Instant.now().toString());
        activity.put("updatedAt", Instant.now().toString());
        activity.put("version", 0);
        Api.publish(
                Api.PARTNERS_TOPIC, SOURCE, EventTypes.ACTIVITY_UPSERTED, activityId.toString(), "Activity", activity);
        relation("PLOEN", region, "ACTIVE");
        relation("KIEL", otherCity, "ACTIVE");
        UUID ended = relation("KIEL", rural, "ENDED"); // an ended relation reaches nothing any more

        // The events travel on several partitions, applied side by side: wait for all of them.
        JsonPath after = awaitReach(reach -> {
            String at = "reach.byRegion.find { it.regionId == '" + region + "' }";
            return reach.get(at) != null
                    && reach.getInt(at + ".activities") == 1
                    && reach.getInt(at + ".relations") == 1
                    && count(reach, "KIEL", "relations", "total") - count(before, "KIEL", "relations", "total") >= 1
                    && count(reach, "KIEL", "activities", "beyondCities")
                                    - count(before, "KIEL", "activities", "beyondCities")
                            >= 1
                    // the ended relation counts nowhere: wait until it is in the replica all the same
                    && replicated(ended);
        });
        assertEquals(2, count(after, "KIEL", "projects", "total") - count(before, "KIEL", "projects", "total"));
        assertEquals(
                1, count(after, "KIEL", "projects", "citiesOnly") - count(before, "KIEL", "projects", "citiesOnly"));
        assertEquals(
                1,
                count(after, "KIEL", "projects", "beyondCities") - count(before, "KIEL", "projects", "beyondCities"));
        assertEquals(
                1,
                count(after, "KIEL", "activities", "beyondCities")
                        - count(before, "KIEL", "activities", "beyondCities"));
        assertEquals(
                1, count(after, "KIEL", "relations", "citiesOnly") - count(before, "KIEL", "relations", "citiesOnly"));
        assertEquals(1, count(after, "KIEL", "relations", "total") - count(before, "KIEL", "relations", "total"));
        assertEquals(2, count(after, "PLOEN", "projects", "total") - count(before, "PLOEN", "projects", "total"));
        assertEquals(
                1,
                count(after, "PLOEN", "projects", "unclassified") - count(before, "PLOEN", "projects", "unclassified"));
        assertEquals(
                1,
                count(after, "PLOEN", "relations", "beyondCities")
                        - count(before, "PLOEN", "relations", "beyondCities"));

        String at = "reach.byRegion.find { it.regionId == '" + region + "' }";
        assertEquals(2, after.getInt(at + ".projects"), "both projects with Aarhus or Skanderborg");
        assertEquals(1, after.getInt(at + ".activities"));
        assertEquals(1, after.getInt(at + ".relations"), "Plön's relation to the region itself");
        assertEquals(List.of("Aarhus " + tag, "Skanderborg " + tag), after.getList(at + ".members.name"));
        assertEquals(List.of("CITY", "RURAL"), after.getList(at + ".members.urbanisation"));

        String markdown = as(VIEWER)
                .accept("text/markdown")
                .when()
                .get("/strategy/document")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(markdown.contains("## Städte und Regionen (Maßnahme 4)"), markdown);
        assertTrue(
                markdown.contains("| Region Midtjylland " + tag + " (Dänemark) | Aarhus " + tag
                        + " (Stadt), Skanderborg " + tag + " (ländlich) | 2 | 1 | 1 |"),
                markdown);
    }

    private boolean replicated(UUID relation) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT count(*) FROM relation_replica WHERE id = ?")) {
            s.setObject(1, relation);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID relation(String shareholder, UUID partner, String status) {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>();
        data.put("id", id.toString());
        data.put("shareholder", shareholder);
        data.put("partnerId", partner.toString());
        data.put("kind", "PROJECT_PARTNER");
        data.put("status", status);
        data.put("themes", List.of());
        data.put("createdAt", Instant.now().toString());
        data.put("updatedAt", Instant.now().toString());
        data.put("version", 0);
        Api.publish(Api.PARTNERS_TOPIC, SOURCE, EventTypes.RELATION_CHANGED, id.toString(), "Relation", data);
        return id;
    }

    /** The overview once {@code arrived} holds for it (30 s at most; the assertions then say what is missing). */
    private static JsonPath awaitReach(java.util.function.Predicate<JsonPath> arrived) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath reach;
        do {
            reach = reach();
            if (arrived.test(reach)) {
                return reach;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        return reach;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
