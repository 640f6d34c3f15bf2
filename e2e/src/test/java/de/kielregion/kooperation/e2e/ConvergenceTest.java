package de.kielregion.kooperation.e2e;

import static de.kielregion.kooperation.e2e.Suite.COORDINATOR;
import static de.kielregion.kooperation.e2e.Suite.DECIDER;
import static de.kielregion.kooperation.e2e.Suite.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After a randomized sequence of 500 operations across the three services, every read model
 * equals what its source of truth implies: projects-service's partner replica and activity
 * counts, partners-service's engagement per partner.
 */
class ConvergenceTest {

    private static final int OPERATIONS = 500;
    private static Suite suite;

    @BeforeAll
    static void start() {
        suite = Suite.get();
    }

    @Test
    void readModelsConvergeAfterRandomOperations() {
        long seed = System.nanoTime();
        System.out.println("ConvergenceTest seed " + seed);
        Random random = new Random(seed);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> partners = new ArrayList<>();
        List<String> projects = new ArrayList<>();
        String[] shareholders = {"KIEL", "PLOEN", "RENDSBURG_ECKERNFOERDE"};
        // Each IT system's token once (they live half an hour), not one from Keycloak per request.
        Map<String, String> tokens = new java.util.HashMap<>();
        for (String shareholder : shareholders) {
            tokens.put(shareholder, Suite.shareholder(shareholder));
        }
        int accepted = 0;
        for (int op = 0; op < OPERATIONS; op++) {
            int kind = partners.size() < 5 ? 0 : random.nextInt(7);
            ExtractableResponse<Response> r;
            switch (kind) {
                case 0 -> {
                    r = suite.as("partners", COORDINATOR)
                            .body(Map.of("name", "Partner " + tag + " " + op, "type", "CITY", "country", "DK"))
                            .when()
                            .post("/partners")
                            .then()
                            .extract();
                    if (r.statusCode() == 201) {
                        partners.add(r.path("id"));
                    }
                }
                case 1 -> {
                    String id = partners.get(random.nextInt(partners.size()));
                    String etag = suite.as("partners", COORDINATOR)
                            .when()
                            .get("/partners/" + id)
                            .then()
                            .extract()
                            .header("ETag");
                    r = suite.as("partners", COORDINATOR)
                            .header("If-Match", etag)
                            .body(Map.of("name", "Renamed " + tag + " " + op, "type", "CITY", "country", "DK"))
                            .when()
                            .put("/partners/" + id)
                            .then()
                            .extract();
                }
                case 2 ->
                    r = random.nextInt(4) == 0
                            ? suite.as("partners", COORDINATOR)
                                    .when()
                                    .post("/partners/" + partners.get(random.nextInt(partners.size())) + "/retire")
                                    .then()
                                    .extract()
                            : activity(random, partners, shareholders, tokens, tag);
                case 3 -> r = activity(random, partners, shareholders, tokens, tag);
                case 4 -> {
                    List<Map<String, Object>> members = new ArrayList<>();
                    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                        String p = partners.get(random.nextInt(partners.size()));
                        if (members.stream().noneMatch(m -> m.get("partnerId").equals(p))) {
                            members.add(Map.of("partnerId", p, "role", i == 0 ? "LEAD_PARTNER" : "PARTNER"));
                        }
                    }
                    r = suite.as("projects", COORDINATOR)
                            .body(Map.of("title", "Projekt " + tag + " " + op, "partners", members))
                            .when()
                            .post("/projects")
                            .then()
                            .extract();
                    if (r.statusCode() == 201) {
                        projects.add(r.path("id"));
                    }
                }
                default -> {
                    if (projects.isEmpty()) {
                        continue;
                    }
                    String id = projects.get(random.nextInt(projects.size()));
                    String status = suite.as("projects", COORDINATOR)
                            .when()
                            .get("/projects/" + id)
                            .then()
                            .extract()
                            .path("status");
                    r = switch (status) {
                        case "IDEA" ->
                            suite.as("projects", COORDINATOR)
                                    .body(Map.of("status", "PROPOSED"))
                                    .when()
                                    .post("/projects/" + id + "/status")
                                    .then()
                                    .extract();
                        case "PROPOSED" ->
                            suite.as("projects", DECIDER)
                                    .body(
                                            random.nextBoolean()
                                                    ? Map.of(
                                                            "body",
                                                            "MANAGEMENT",
                                                            "decidedOn",
                                                            "2024-11-20",
                                                            "outcome",
                                                            "APPROVED")
                                                    : Map.of(
                                                            "body",
                                                            "MANAGEMENT",
                                                            "decidedOn",
                                                            "2024-11-20",
                                                            "outcome",
                                                            "DEFERRED",
                                                            "revisitOn",
                                                            "2025-03-19"))
                                    .when()
                                    .post("/projects/" + id + "/decisions")
                                    .then()
                                    .extract();
                        default ->
                            suite.as("projects", COORDINATOR)
                                    .body(Map.of("status", "CANCELLED"))
                                    .when()
                                    .post("/projects/" + id + "/status")
                                    .then()
                                    .extract();
                    };
                }
            }
            // Lost races (409), replica lag (400) and retiring twice are part of the game; never a 5xx.
            assertTrue(r.statusCode() < 500, "operation " + op + " answered " + r.statusCode() + ": " + r.asString());
            if (r.statusCode() < 300) {
                accepted++;
            }
        }
        System.out.printf(
                "ConvergenceTest: %d operations, %d accepted; %d partners, %d projects%n",
                OPERATIONS, accepted, partners.size(), projects.size());
        assertTrue(accepted >= OPERATIONS / 2, "most operations changed something");

        String partnerSource = "SELECT id, name, status FROM partner WHERE name LIKE '%" + tag + "%'";
        String partnerReplica = "SELECT id, name, status FROM partner_replica WHERE name LIKE '%" + tag + "%'";
        String engagementSource = "SELECT p.id, p.title, p.status, pp.partner_id, pp.role FROM project p "
                + "JOIN project_partner pp ON pp.project_id = p.id WHERE p.title LIKE '%" + tag + "%'";
        String engagementReplica = "SELECT project_id, project_title, status, partner_id, role FROM partner_engagement "
                + "WHERE project_title LIKE '%" + tag + "%'";
        String activitySource = "SELECT a.id, a.shareholder, string_agg(t.theme, ',' ORDER BY t.theme) FROM activity a "
                + "JOIN activity_theme t ON t.activity_id = a.id WHERE t.theme LIKE '%" + tag + "%' GROUP BY a.id";
        String activityReplica = "SELECT a.id, a.shareholder, string_agg(t.theme, ',' ORDER BY t.theme) "
                + "FROM existing_activity a JOIN existing_activity_theme t ON t.activity_id = a.id "
                + "WHERE t.theme LIKE '%" + tag + "%' GROUP BY a.id";
        await(
                Duration.ofSeconds(90),
                "every read model equals its source",
                () -> suite.rows("partners", partnerSource).equals(suite.rows("projects", partnerReplica))
                        && suite.rows("projects", engagementSource).equals(suite.rows("partners", engagementReplica))
                        && suite.rows("partners", activitySource).equals(suite.rows("projects", activityReplica)));
        assertEquals(suite.rows("partners", partnerSource), suite.rows("projects", partnerReplica));
        assertEquals(suite.rows("projects", engagementSource), suite.rows("partners", engagementReplica));
        assertEquals(suite.rows("partners", activitySource), suite.rows("projects", activityReplica));
        assertTrue(suite.rows("partners", partnerSource).size() >= 5);
    }

    private static ExtractableResponse<Response> activity(
            Random random, List<String> partners, String[] shareholders, Map<String, String> tokens, String tag) {
        String shareholder = shareholders[random.nextInt(shareholders.length)];
        return suite.as("partners", tokens.get(shareholder))
                .body(Map.of(
                        "title",
                        "Aktivität",
                        "kind",
                        "EXCHANGE",
                        "yearFrom",
                        2024,
                        "partnerIds",
                        List.of(partners.get(random.nextInt(partners.size()))),
                        "themes",
                        List.of("Thema " + tag + " " + random.nextInt(5))))
                .when()
                .put("/shareholders/" + shareholder + "/activities/A-" + random.nextInt(60))
                .then()
                .extract();
    }
}
