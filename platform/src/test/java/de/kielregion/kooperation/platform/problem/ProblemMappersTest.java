package de.kielregion.kooperation.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kielregion.kooperation.platform.testapp.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappersTest {

    @Inject
    Sql sql;

    @Test
    void aLostDatabaseConnectionIs503WithRetryAfterInTheCallersLanguage() {
        given().header("Accept-Language", "de")
                .when()
                .post("/echo/database-gone")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", equalTo("urn:ostsee-kooperation:problem:database-unavailable"))
                .body("detail", startsWith("Die Datenbank ist im Moment nicht erreichbar"));
        given().when()
                .post("/echo/database-gone")
                .then()
                .statusCode(503)
                .body("detail", startsWith("The database cannot be reached at the moment"));
        // The pool dropped the dead connections: the next request is served.
        given().when().get("/widgets").then().statusCode(200);
    }

    @Test
    void malformedJsonIs400ProblemAndChangesNothing() {
        long before = sql.count("SELECT count(*) FROM widget");
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", ")
                .when()
                .post("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("detail", startsWith("The request body is not valid JSON"))
                .body("instance", equalTo("/widgets"));
        assertEquals(before, sql.count("SELECT count(*) FROM widget"));
    }

    @Test
    void invalidFieldsAre400WithOneViolationPerField() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"\", \"count\": 5000}")
                .when()
                .post("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations", hasSize(2))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("count"))
                .body("detail", containsString("2 fields are invalid"));
    }

    @Test
    void missingBodyIs400() {
        given().contentType(ContentType.JSON)
                .when()
                .post("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"ok\", \"count\": \"many\"}")
                .when()
                .post("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("Field 'count' has an invalid value"))
                .body("violations[0].field", equalTo("count"));
    }

    @Test
    void unknownIdIs404Problem() {
        UUID id = UUID.randomUUID();
        given().when()
                .get("/widgets/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Widget " + id + " does not exist"));
    }

    @Test
    void malformedIdInPathIs400NamingTheParameterNot500() {
        given().when()
                .get("/widgets/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("id"));
    }

    @Test
    void staleVersionIs409AndKeepsTheNewerState() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"name\": \"first\", \"count\": 1}")
                .when()
                .post("/widgets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body("{\"version\": 0, \"name\": \"second\", \"count\": 2}")
                .when()
                .put("/widgets/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("second"));
        given().contentType(ContentType.JSON)
                .body("{\"version\": 0, \"name\": \"third\", \"count\": 3}")
                .when()
                .put("/widgets/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("changed by someone else"));
        given().when().get("/widgets/" + id).then().statusCode(200).body("name", equalTo("second"));
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        given().when().get("/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/widgets").then().statusCode(405).contentType("application/problem+json");
        given().contentType(ContentType.XML)
                .body("<widget/>")
                .when()
                .post("/widgets")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }
}
