package de.kielregion.kooperation.partners;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationIsDocumentedWithItsRoles() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                operations++;
                JsonNode security = op.getValue().get("security");
                String description = op.getValue().path("description").asText("");
                if (security == null || security.isEmpty() || !description.contains("Roles:")
                        || op.getValue().path("summary").asText("").isBlank()) {
                    missing.add(op.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertTrue(operations > 20, "the API's operations are in the document");
        assertFalse(missing.stream().findAny().isPresent(), "operations without summary, roles or security: " + missing);
    }
}
