package de.kielregion.kooperation.projects.project;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static de.kielregion.kooperation.projects.Api.partner;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.projects.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The quick-win list narrowed to what a shareholder's recorded interests (from partners-service) reach. */
@QuarkusTest
class InterestFilterTest {

    private static String project(String title, List<String> themes, UUID partner) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("themeIds", themes);
        body.put("partners", List.of(Map.of("partnerId", partner.toString(), "role", "PARTNER")));
        return as(COORDINATOR)
                .body(body)
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static UUID partnerOf(String name, String type, String country, UUID region) {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>();
        data.put("id", id.toString());
        data.put("name", name);
        data.put("type", type);
        data.put("country", country);
        data.put("status", "ACTIVE");
        data.put("version", 0);
        data.put("parentRegionId", region == null ? null : region.toString());
        Api.publish(
                Api.PARTNERS_TOPIC,
                "/ostsee-kooperation/partners-service",
                EventTypes.PARTNER_REGISTERED,
                id.toString(),
                "Partner",
                data);
        return id;
    }

    @Test
    void aThemeOfItsOrAPartnerInOneOfItsCountriesOrRegions() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String sea = as(COORDINATOR)
                .body(Map.of("name", "Meeresschutz " + tag))
                .when()
                .post("/themes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID finnish = partner("Turku " + tag, "FI");
        UUID german = partner("Lübeck " + tag, "DE");
        UUID region = partnerOf("Region Midtjylland " + tag, "REGION", "DK", null);
        UUID inRegion = partnerOf("Skanderborg " + tag, "CITY", "DK", region);

        as(VIEWER)
                .queryParam("interestsOf", "RENDSBURG_ECKERNFOERDE")
                .when()
                .get("/projects")
                .then()
                .statusCode(409)
                .body("detail", containsString("no interests"));

        Map<String, Object> interests = new HashMap<>();
        interests.put("shareholder", "KIELREGION");
        interests.put("themes", List.of("MEERESSCHUTZ " + tag));
        interests.put("countries", List.of("FI"));
        interests.put("regionIds", List.of(region.toString()));
        interests.put("updatedAt", Instant.now().toString());
        interests.put("version", System.currentTimeMillis());
        Api.publish(
                Api.PARTNERS_TOPIC,
                "/ostsee-kooperation/partners-service",
                EventTypes.SHAREHOLDER_INTERESTS_CHANGED,
                "KIELREGION",
                "ShareholderInterest",
                interests);

        String byTheme = project("Ostsee sauber " + tag, List.of(sea), german);
        String byCountry = project("Schären " + tag, List.of(), finnish);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String byRegion = null;
        while (byRegion == null) { // the replica knows Skanderborg once its event arrived
            var response = as(COORDINATOR)
                    .body(Map.of(
                            "title",
                            "Rufbus " + tag,
                            "partners",
                            List.of(Map.of("partnerId", inRegion.toString(), "role", "PARTNER"))))
                    .when()
                    .post("/projects");
            if (response.statusCode() == 201) {
                byRegion = response.path("id");
            } else if (System.nanoTime() > deadline) {
                throw new AssertionError(response.asString());
            } else {
                Thread.sleep(100);
            }
        }
        project("Hafenfest " + tag, List.of(), german);

        Set<String> expected = Set.of(byTheme, byCountry, byRegion);
        Set<String> found = Set.of();
        while (!found.equals(expected) && System.nanoTime() < deadline) {
            var listed = as(VIEWER)
                    .queryParam("interestsOf", "KIELREGION")
                    .queryParam("q", tag)
                    .queryParam("sort", "quickWin")
                    .when()
                    .get("/projects");
            // 409 "no interests" until the interests' event has arrived (another partition than
            // the partners' events the projects above waited for).
            if (listed.statusCode() != 409 || System.nanoTime() > deadline) {
                found = Set.copyOf(
                        listed.then().statusCode(200).extract().jsonPath().getList("items.id", String.class));
            }
            Thread.sleep(100);
        }
        assertEquals(expected, found, "theme, country and region reach; the Lübeck project without the theme does not");
    }
}
