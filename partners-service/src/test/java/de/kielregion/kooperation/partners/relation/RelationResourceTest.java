package de.kielregion.kooperation.partners.relation;

import static de.kielregion.kooperation.partners.Api.COORDINATOR;
import static de.kielregion.kooperation.partners.Api.KIEL;
import static de.kielregion.kooperation.partners.Api.PLOEN;
import static de.kielregion.kooperation.partners.Api.SHAREHOLDER_WITHOUT_CLAIM;
import static de.kielregion.kooperation.partners.Api.VIEWER;
import static de.kielregion.kooperation.partners.Api.as;
import static de.kielregion.kooperation.partners.Api.partner;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.partners.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RelationResourceTest {

    private static Map<String, Object> relation(String shareholder, String partnerId, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("shareholder", shareholder);
        body.put("partnerId", partnerId);
        body.put("kind", kind);
        body.put("status", "ACTIVE");
        body.put("since", "1964-06-01");
        body.put("themes", List.of("Kultur"));
        return body;
    }

    @Test
    void shareholderWritesOnlyItsOwnRelations() {
        String aarhus = partner("Aarhus " + UUID.randomUUID(), "CITY", "DK");
        String id = as(KIEL).body(relation("KIEL", aarhus, "TWIN_CITY"))
                .when()
                .post("/relations")
                .then()
                .statusCode(201)
                .body("shareholder", equalTo("KIEL"))
                .extract()
                .path("id");
        as(PLOEN)
                .body(relation("KIEL", aarhus, "NETWORK_CONTACT"))
                .when()
                .post("/relations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("only your own data"));
        Map<String, Object> update = relation("KIEL", aarhus, "TWIN_CITY");
        update.put("status", "DORMANT");
        update.put("version", 0);
        as(PLOEN).body(update).when().put("/relations/" + id).then().statusCode(403);
        as(SHAREHOLDER_WITHOUT_CLAIM)
                .body(relation("KIEL", aarhus, "OTHER"))
                .when()
                .post("/relations")
                .then()
                .statusCode(403);
        as(KIEL).body(update)
                .when()
                .put("/relations/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DORMANT"));
        // Moving a relation to another shareholder is writing that shareholder's data.
        Map<String, Object> move = relation("PLOEN", aarhus, "TWIN_CITY");
        move.put("version", 1);
        as(KIEL).body(move).when().put("/relations/" + id).then().statusCode(403);
        as(COORDINATOR)
                .body(relation("PLOEN", aarhus, "PROJECT_PARTNER"))
                .when()
                .post("/relations")
                .then()
                .statusCode(201);
        as(VIEWER)
                .queryParam("partnerId", aarhus)
                .queryParam("sort", "shareholder")
                .when()
                .get("/relations")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].shareholder", equalTo("KIEL"));

        assertEquals(
                List.of(EventTypes.RELATION_CHANGED, EventTypes.RELATION_CHANGED),
                Api.events(id, rs -> rs.size() >= 2).stream().map(Api::type).toList());
    }

    @Test
    void focusPartnerOnlyByDecisionAndDatesInOrder() {
        String goteborg = partner("Göteborg " + UUID.randomUUID(), "CITY", "SE");
        as(COORDINATOR)
                .body(relation("KIELREGION", goteborg, "FOCUS_PARTNER"))
                .when()
                .post("/relations")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("kind"))
                .body("detail", containsString("decision"));
        Map<String, Object> body = relation("KIEL", goteborg, "OTHER");
        body.put("until", "1960-01-01");
        as(COORDINATOR)
                .body(body)
                .when()
                .post("/relations")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("until"));
        as(COORDINATOR)
                .body(relation("KIEL", UUID.randomUUID().toString(), "OTHER"))
                .when()
                .post("/relations")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("partnerId"));
        as(COORDINATOR)
                .body(relation("KIEL", goteborg, "OTHER"))
                .when()
                .post("/relations")
                .then()
                .statusCode(201);
        as(COORDINATOR)
                .body(relation("KIEL", goteborg, "OTHER"))
                .when()
                .post("/relations")
                .then()
                .statusCode(409);
        as(COORDINATOR)
                .body(relation("BERLIN", goteborg, "OTHER"))
                .when()
                .post("/relations")
                .then()
                .statusCode(400);
    }

    @Test
    void csvExportOfRelations() {
        String oslo = partner("Oslo " + UUID.randomUUID(), "CITY", "NO");
        as(COORDINATOR)
                .body(relation("RENDSBURG_ECKERNFOERDE", oslo, "NETWORK_CONTACT"))
                .when()
                .post("/relations")
                .then()
                .statusCode(201);
        String csv = as(VIEWER)
                .queryParam("partnerId", oslo)
                .when()
                .get("/relations/export/csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.strip().split("\n");
        assertEquals(2, lines.length, csv);
        assertEquals("id,shareholder,partnerId,kind,status,since,until,themes,note", lines[0]);
        assertEquals(
                true,
                lines[1].contains(",RENDSBURG_ECKERNFOERDE," + oslo + ",NETWORK_CONTACT,ACTIVE,1964-06-01,,Kultur,"),
                lines[1]);
    }
}
