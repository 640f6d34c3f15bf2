package de.kielregion.kooperation.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.platform.testapp.Sql;
import de.kielregion.kooperation.platform.testapp.WidgetResource;
import de.kielregion.kooperation.platform.testapp.WidgetService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A retried POST with the same Idempotency-Key does nothing twice, and says so; lists link their pages. */
@QuarkusTest
class IdempotencyTest {

    @Inject
    Sql sql;

    private Response create(String key, String name, int count) {
        var request = given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"count\":" + count + "}");
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/widgets");
    }

    private long widgets(String name) {
        return sql.count("SELECT count(*) FROM widget WHERE name = ?", name);
    }

    private long events(String name) {
        return sql.count(
                "SELECT count(*) FROM outbox_event WHERE type = ? AND payload->>'name' = ?",
                WidgetService.CREATED,
                name);
    }

    @Test
    void theSameKeyAndBodyAnswersTheFirstResponseAgainWithoutASecondRowOrEvent() {
        String key = UUID.randomUUID().toString();
        String name = "retry-" + key.substring(0, 8);
        Response first = create(key, name, 3);
        first.then()
                .statusCode(201)
                .header("Location", containsString("/widgets/"))
                .header(Idempotency.REPLAYED, nullValue());
        Response second = create(key, name, 3);
        second.then()
                .statusCode(201)
                .header(Idempotency.REPLAYED, "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.jsonPath().getString("id")));
        assertEquals(1, widgets(name));
        assertEquals(1, events(name));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
        String key = UUID.randomUUID().toString();
        String name = "other-" + key.substring(0, 8);
        create(key, name, 1).then().statusCode(201);
        create(key, name, 2)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("Idempotency-Key"))
                .body("detail", containsString("another request body"));
        assertEquals(1, widgets(name));
        assertEquals(0, sql.count("SELECT count(*) FROM widget WHERE name = ? AND count = 2", name));
    }

    @Test
    void withoutAKeyEveryPostCreates() {
        String name = "nokey-" + UUID.randomUUID().toString().substring(0, 8);
        create(null, name, 1).then().statusCode(201);
        create(null, name, 1).then().statusCode(201);
        assertEquals(2, widgets(name));
    }

    @Test
    void aKeyIsOnlyKeptWhenTheFirstRequestSucceeded() {
        String key = UUID.randomUUID().toString();
        String name = "transient-" + key.substring(0, 8);
        WidgetResource.FAIL_NEXT.set(true);
        create(key, name, 1).then().statusCode(500);
        assertEquals(0, widgets(name));
        create(key, name, 1).then().statusCode(201).header(Idempotency.REPLAYED, nullValue());
        create(key, name, 1).then().statusCode(201).header(Idempotency.REPLAYED, "true");
        assertEquals(1, widgets(name));
        assertEquals(1, events(name));
    }

    @Test
    void racingRetriesWithOneKeyCreateOneRow() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "race-" + key.substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> create(key, name, 5)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.jsonPath().getString("id"));
            }
            assertEquals(1, ids.stream().distinct().count(), "every retry answers the same widget: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, widgets(name));
        assertEquals(1, events(name));
    }

    @Test
    void aKeyMustBeVisibleAsciiOfAtMost255Characters() {
        String name = "badkey-" + UUID.randomUUID().toString().substring(0, 8);
        for (String key : List.of("x".repeat(256), "a b", "schlüssel")) {
            create(key, name, 1)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("Idempotency-Key"));
        }
        assertEquals(0, widgets(name));
    }

    @Test
    void listsLinkTheirPagesKeepingFiltersAndSize() {
        String name = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            create(null, name, i).then().statusCode(201);
        }
        String link = given().queryParam("name", name)
                .queryParam("page", 1)
                .queryParam("size", 2)
                .when()
                .get("/widgets")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .extract()
                .header("Link");
        String query = "</widgets?name=" + name;
        assertTrue(link.contains(query + "&page=0&size=2>; rel=\"first\""), link);
        assertTrue(link.contains(query + "&page=0&size=2>; rel=\"prev\""), link);
        assertTrue(link.contains(query + "&page=2&size=2>; rel=\"next\""), link);
        assertTrue(link.contains(query + "&page=2&size=2>; rel=\"last\""), link);
        String lastPage = given().queryParam("name", name)
                .queryParam("page", 2)
                .queryParam("size", 2)
                .when()
                .get("/widgets")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .extract()
                .header("Link");
        assertFalse(lastPage.contains("rel=\"next\""), lastPage);
    }
}
