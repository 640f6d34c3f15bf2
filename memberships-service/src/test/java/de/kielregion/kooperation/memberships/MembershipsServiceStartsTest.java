package de.kielregion.kooperation.memberships;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class MembershipsServiceStartsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void healthIsUpIncludingTheDatabase() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void flywayBaselineCreatesOutboxAndInbox() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables "
                        + "WHERE table_name IN ('outbox_event', 'inbox_event')")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void openApiDocumentIsServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Ostsee-Kooperation memberships-service"));
    }
}
