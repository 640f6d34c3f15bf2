package de.kielregion.kooperation.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kielregion.kooperation.platform.testapp.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Input the database or a reader would choke on is refused up front: 400 problem+json naming the field. */
@QuarkusTest
class StrictInputTest {

    @Inject
    Sql sql;

    @Test
    void aNulCharacterInABodyFieldIs400NamingTheFieldAndChangesNothing() {
        long before = sql.count("SELECT count(*) FROM widget");
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"a\\u0000b\",\"count\":1}")
                .when()
                .post("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("name"))
                .body("detail", containsString("control characters (found U+0000)"));
        assertEquals(before, sql.count("SELECT count(*) FROM widget"));
    }

    @Test
    void tabsAndLineBreaksAreText() {
        given().contentType(ContentType.JSON)
                .body("{\"day\":\"2024-11-20\",\"note\":\"Zeile 1\\nZeile 2\\tTab\"}")
                .when()
                .post("/echo/dated")
                .then()
                .statusCode(200)
                .body("note", equalTo("Zeile 1\nZeile 2\tTab"));
    }

    @Test
    void controlCharactersInQueryAndPathAre400() {
        given().urlEncodingEnabled(false)
                .when()
                .get("/echo?q=a%00b")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("q"))
                .body("detail", containsString("Query parameter 'q'"));
        given().urlEncodingEnabled(false)
                .when()
                .get("/echo/x%01y")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("segment of the path"));
        given().urlEncodingEnabled(false)
                .when()
                .get("/echo?q=Pl%C3%B6n")
                .then()
                .statusCode(200)
                .body(equalTo("q=Plön"));
    }

    @Test
    void trailingGarbageAfterTheJsonIs400AndChangesNothing() {
        long before = sql.count("SELECT count(*) FROM widget");
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"count\":1}xyz")
                .when()
                .post("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertEquals(before, sql.count("SELECT count(*) FROM widget"));
    }

    @Test
    void aDateIsADateNotADateTimeCutShortNorAnEmptyString() {
        given().contentType(ContentType.JSON)
                .body("{\"day\":\"2024-02-29T10:00:00Z\"}")
                .when()
                .post("/echo/dated")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("day"));
        given().contentType(ContentType.JSON)
                .body("{\"day\":\"\"}")
                .when()
                .post("/echo/dated")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("day"));
        given().contentType(ContentType.JSON)
                .body("{\"day\":\"2024-02-29\"}")
                .when()
                .post("/echo/dated")
                .then()
                .statusCode(200)
                .body("day", equalTo("2024-02-29"));
    }

    @Test
    void responsesCarrySafeHeaders() {
        given().when()
                .get("/echo?q=x")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void numbersBooleansAndIdsAreReadStrictlyAndNameTheParameter() {
        String id = "caa971d0-0000-4000-8000-000000000001";
        given().when()
                .get("/echo/typed/" + id + "?n=7&flag=true&page=2")
                .then()
                .statusCode(200)
                .body(equalTo(id + " 7 true 2"));
        for (String query :
                new String[] {"n=abc", "n=1.5", "n=%2B2", "n=-1", "flag=maybe", "page=abc", "page=99999999999"}) {
            String name = query.substring(0, query.indexOf('='));
            given().urlEncodingEnabled(false)
                    .when()
                    .get("/echo/typed/" + id + "?" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem(name))
                    .body("detail", containsString("Parameter '" + name + "' must be"));
        }
        // Full-width digits look like an id and would resolve to the real one: refused.
        given().when()
                .get("/echo/typed/caa\uFF19\uFF17\uFF11d0-0000-4000-8000-000000000001")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("id"));
    }

    @Test
    void detailsSayWhatWasExpectedNotWhichJavaClass() {
        given().contentType(ContentType.JSON)
                .body("{\"day\":\"20.11.2024\"}")
                .when()
                .post("/echo/dated")
                .then()
                .statusCode(400)
                .body("detail", equalTo("Field 'day' has an invalid value: expected a date like 2024-11-20"))
                .body("detail", org.hamcrest.Matchers.not(containsString("java.")));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"count\":\"many\"}")
                .when()
                .post("/widgets")
                .then()
                .statusCode(400)
                .body("violations[0].message", equalTo("expected a whole number"));
    }

    @Test
    void noQuietTypeConversions() {
        for (String body : new String[] {
            "{\"name\":true,\"count\":1}",
            "{\"name\":42,\"count\":1}",
            "{\"name\":\"x\",\"count\":1.5}",
            "{\"name\":\"x\",\"count\":true}"
        }) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/widgets")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
