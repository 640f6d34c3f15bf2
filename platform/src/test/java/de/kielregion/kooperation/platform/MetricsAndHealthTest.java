package de.kielregion.kooperation.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import de.kielregion.kooperation.platform.testapp.WidgetService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsAndHealthTest {

    @Inject
    WidgetService widgets;

    @Test
    void outboxAndInboxMetricsAreExposed() {
        widgets.create("metrics", 1);
        given().baseUri("http://127.0.0.1")
                .port(9901)
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("ostsee_outbox_backlog"))
                .body(containsString("ostsee_outbox_publish_latency_seconds"))
                .body(containsString("ostsee_outbox_published_total"));
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().baseUri("http://127.0.0.1")
                .port(9901)
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void healthAndMetricsAreNotOnTheApiPort() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }
}
