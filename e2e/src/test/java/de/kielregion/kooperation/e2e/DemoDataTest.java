package de.kielregion.kooperation.e2e;

import static de.kielregion.kooperation.e2e.Suite.VIEWER;
import static de.kielregion.kooperation.e2e.Suite.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.infra.DemoData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workshop's demo data goes in through the public APIs, once, and shows the workshop's situation. */
class DemoDataTest {

    @Test
    void loadsTheWorkshopOnce() throws Exception {
        Suite suite = Suite.get();
        String token = suite.client("demo-loader", "demo-secret-demo-loader");
        DemoData demo = new DemoData(suite.url("partners"), suite.url("projects"), suite.url("memberships"), token);
        assertTrue(suite.demoData().startsWith("loaded"), "the suite's first load put the workshop in");
        assertEquals("the workshop's demo data is loaded already", demo.load());

        suite.as("projects", VIEWER)
                .when()
                .get("/measures")
                .then()
                .statusCode(200)
                .body("number", hasItems(1, 2, 3, 4))
                .body("find { it.number == 3 }.title", equalTo("Fokus auf einen Kooperationsraum"));
        suite.as("projects", VIEWER).when().get("/themes").then().body("name", hasItem(DemoData.THEME));
        List<String> questions = suite.as("projects", VIEWER)
                .when()
                .get("/open-questions")
                .then()
                .extract()
                .jsonPath()
                .getList("text");
        assertTrue(questions.contains("Mitgliedschaft STRING & UBC"), questions.toString());
        assertTrue(questions.size() >= 10, questions.toString());
        suite.as("partners", VIEWER)
                .queryParam("q", "goteborg")
                .when()
                .get("/partners")
                .then()
                .body("items.localName", hasItem("Göteborgs Stad"));
        suite.as("partners", VIEWER)
                .queryParam("q", "Korridor")
                .when()
                .get("/cooperation-areas")
                .then()
                .body("items[0].members.size()", equalTo(5));
        suite.as("memberships", VIEWER)
                .queryParam("holder", "KIELREGION")
                .queryParam("size", 500)
                .when()
                .get("/memberships")
                .then()
                .body("items.organisationAcronym", hasItems("STRING", "UBC"));
        await(
                Duration.ofSeconds(30),
                "the first project idea",
                () -> suite.as("projects", VIEWER)
                        .queryParam("size", 500)
                        .when()
                        .get("/projects")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items.title")
                        .contains("Mobilität im ländlichen Raum"));
        // Measure 4: the regions of Aarhus and Göteborg with their towns and rural municipalities,
        // and a project of Plön's that reaches beyond the cities.
        await(Duration.ofSeconds(30), "Midtjylland rolled up with its partners in the overview", () -> {
            var overview = suite.as("projects", VIEWER)
                    .when()
                    .get("/strategy/overview")
                    .then()
                    .extract()
                    .jsonPath();
            return overview.getInt("reach.byShareholder.find { it.shareholder == 'PLOEN' }" + ".projects.beyondCities")
                            >= 1
                    && overview.getInt("reach.byShareholder.find { it.shareholder == 'PLOEN' }"
                                    + ".relations.beyondCities")
                            >= 1
                    && overview.getList("reach.byRegion.find { it.name == 'Region Midtjylland' }.members.name")
                            .containsAll(List.of("Aarhus", "Samsø", "Skanderborg"));
        });
        String markdown = io.restassured.RestAssured.given()
                .baseUri(suite.url("projects"))
                .header("Authorization", "Bearer " + VIEWER)
                .accept("text/markdown")
                .when()
                .get("/strategy/document")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(markdown.contains("### Maßnahme 4: Bestehende Kooperationen Kiel\\-Aarhus\\-Göteborg"), markdown);
    }
}
