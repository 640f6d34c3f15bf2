package de.kielregion.kooperation.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service must do once started: be live and ready (database included), have run
 * its Flyway baseline with the platform's outbox and inbox, and serve its OpenAPI document.
 * A service's test extends it and adds {@code @QuarkusTest}.
 */
public abstract class ServiceStartsContract {

    @Test
    void healthIsUpIncludingTheDatabase() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void flywayBaselineCreatesOutboxAndInbox() throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables "
                        + "WHERE table_name IN ('outbox_event', 'inbox_event')")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    /**
     * Every operation of the API has a summary, names its roles in the description
     * ("Roles: ...") and carries the security requirement derived from its
     * {@code @RolesAllowed}.
     */
    @Test
    void everyOperationIsDocumentedWithItsRoles() {
        Map<String, Map<String, Map<String, Object>>> paths = given().when().get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, Map<String, Map<String, Object>>> path : (paths == null
                ? Map.<String, Map<String, Map<String, Object>>>of() : paths).entrySet()) {
            for (Map.Entry<String, Map<String, Object>> op : path.getValue().entrySet()) {
                operations++;
                Object security = op.getValue().get("security");
                Object description = op.getValue().get("description");
                Object summary = op.getValue().get("summary");
                if (!(security instanceof List<?> list) || list.isEmpty()
                        || description == null || !description.toString().contains("Roles:")
                        || summary == null || summary.toString().isBlank()) {
                    missing.add(op.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertTrue(operations >= minimumOperations(), operations + " operations in the OpenAPI document");
        assertTrue(missing.isEmpty(), "operations without summary, roles or security: " + missing);
    }

    /** How many operations the service's API has at least. */
    protected int minimumOperations() {
        return 1;
    }

    @Test
    void openApiDocumentIsServed() {
        String name = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Ostsee-Kooperation " + name));
    }
}
