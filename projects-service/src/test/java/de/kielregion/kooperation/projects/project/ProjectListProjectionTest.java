package de.kielregion.kooperation.projects.project;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static de.kielregion.kooperation.projects.Api.partner;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.projects.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A list page is read by a projection (one SQL query of the page's rows with their collections as
 * arrays, no entity hydrated): every item of it is exactly the project as its own page shows it,
 * on pages counted off, on pages that seek, and in every sort order.
 */
@QuarkusTest
class ProjectListProjectionTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");

    @Test
    void everyItemOfAListPageIsTheProjectAsItsOwnPageShowsIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> themes = new ArrayList<>();
        for (String name : List.of("Häfen", "Jugend", "Energie")) {
            themes.add(as(COORDINATOR)
                    .body(Map.of("name", name + " " + tag))
                    .when()
                    .post("/themes")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        UUID aarhus = partner("Aarhus " + tag);
        UUID goteborg = partner("Göteborg " + tag, "SE");
        UUID oslo = partner("Oslo " + tag, "NO");
        UUID lubeck = partner("Lübeck " + tag, "DE");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> body = new HashMap<>();
            body.put("title", "Projektion " + tag + " " + (char) ('G' - i));
            body.put("summary", i % 2 == 0 ? "Zusammenfassung " + i : null);
            body.put("themeIds", themes.subList(0, i % 4));
            body.put(
                    "shareholders",
                    List.of("KIEL", "PLOEN", "RENDSBURG_ECKERNFOERDE").subList(0, i % 4));
            List<Map<String, String>> partners = new ArrayList<>();
            List<UUID> pool = List.of(oslo, aarhus, lubeck, goteborg);
            for (int k = 0; k < i % 5; k++) {
                partners.add(Map.of(
                        "partnerId",
                        pool.get(k).toString(),
                        "role",
                        k == 0 ? "LEAD_PARTNER" : k == 3 ? "ASSOCIATED" : "PARTNER"));
            }
            body.put("partners", partners);
            List<Map<String, String>> financing = new ArrayList<>();
            for (int k = 0; k < i % 3; k++) {
                financing.add(Map.of(
                        "kind",
                        k == 0 ? "EU_PROGRAMME" : "OWN_FUNDS",
                        "name",
                        "Quelle " + k,
                        "amount",
                        (1000 * (i + 1) + k) + ".5" + k));
            }
            body.put("financing", financing);
            if (i % 3 != 0) { // the others have no quick-win score: last in that order
                body.put("effort", 1 + i % 5);
                body.put("impact", 5 - i % 5);
                body.put("monthsToStart", i);
                body.put("fundingSecured", 10 * i);
            }
            body.put("plannedStart", i % 2 == 0 ? "2027-0" + (1 + i) + "-01" : null);
            ids.add(Api.project(body));
        }
        // Göteborg retired while in active projects: kept and flagged.
        Api.partnerEvent(EventTypes.PARTNER_RETIRED, goteborg, "Göteborg " + tag, "SE", "RETIRED", 1);
        as(COORDINATOR)
                .body(Map.of("status", "PROPOSED"))
                .when()
                .post("/projects/" + ids.get(4) + "/status")
                .then()
                .statusCode(200);

        Map<String, Map<String, Object>> single = new HashMap<>();
        for (String id : ids) {
            single.put(
                    id,
                    as(VIEWER)
                            .when()
                            .get("/projects/" + id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("$"));
        }
        for (String sort : List.of("title", "quickWin", "-plannedStart", "status,-title")) {
            for (int size : List.of(3, 7)) {
                List<Map<String, Object>> byNumber = new ArrayList<>();
                for (int page = 0; page * size < ids.size(); page++) {
                    byNumber.addAll(items(as(VIEWER)
                            .queryParam("q", "projektion " + tag)
                            .queryParam("sort", sort)
                            .queryParam("size", size)
                            .queryParam("page", page)
                            .when()
                            .get("/projects")));
                }
                List<Map<String, Object>> byNext = new ArrayList<>();
                Response page = as(VIEWER)
                        .queryParam("q", "projektion " + tag)
                        .queryParam("sort", sort)
                        .queryParam("size", size)
                        .when()
                        .get("/projects");
                while (true) {
                    byNext.addAll(items(page));
                    Matcher next = NEXT.matcher(String.join(", ", page.headers().getValues("Link")));
                    if (!next.find()) {
                        break;
                    }
                    page = as(VIEWER).urlEncodingEnabled(false).when().get(next.group(1)); // encoded already
                }
                assertEquals(ids.size(), byNumber.size(), sort + ", " + size + " a page");
                assertEquals(byNumber, byNext, "the pages by number and by next link, " + sort + ", " + size);
                for (Map<String, Object> item : byNumber) {
                    assertEquals(single.get((String) item.get("id")), item, "the list's item as its own page, " + sort);
                }
            }
        }
        Map<String, Object> four = single.get(ids.get(4));
        assertEquals(List.of(goteborg.toString()), four.get("retiredPartners"));
        assertEquals(
                List.of("Aarhus " + tag, "Göteborg " + tag, "Lübeck " + tag, "Oslo " + tag),
                ((List<?>) four.get("partners"))
                        .stream().map(p -> ((Map<?, ?>) p).get("name")).toList(),
                "partners by name as German sorts it");
        assertEquals(
                List.of("PARTNER", "ASSOCIATED", "PARTNER", "LEAD_PARTNER"),
                ((List<?>) four.get("partners"))
                        .stream().map(p -> ((Map<?, ?>) p).get("role")).toList(),
                "each partner with its own role (Oslo leads, Göteborg is associated)");
    }

    private static List<Map<String, Object>> items(Response page) {
        return page.then().statusCode(200).extract().jsonPath().getList("items");
    }
}
